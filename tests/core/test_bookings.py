"""Bookings on a real SQLite file: one transaction per booking, every refusal, every change."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from careops_desktop.core import events
from careops_desktop.core.db import Database
from careops_desktop.core.errors import (
    NotActive,
    NotFound,
    PermissionDenied,
    PolicyRefused,
    SlotTaken,
    ValidationError,
)
from careops_desktop.core.models import (
    AuditEntry,
    Booking,
    BookingType,
    Business,
    Contact,
    Conversation,
    FormSubmission,
    InventoryItem,
    Message,
    OutboxMessage,
    StockMovement,
)
from careops_desktop.core.services import bookings
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, WEDNESDAY, World, at, build_in

HOSTILE = (
    "<script>alert('x')</script> \"; DROP TABLE bookings; -- \u202e\u200b {manage_link} %s\r\n"
)


def public(db: Database, world: World, start: datetime, **extra: Any) -> bookings.BookingReceipt:
    values: dict[str, Any] = {
        "booking_type_id": world.consult,
        "provider_id": world.alice,
        "start_utc": start,
        "name": "Nina New",
        "email": "nina@example.com",
        "phone": "",
        "notes": "",
        "now": NOW,
    }
    values.update(extra)
    return db.call(bookings.book_public, **values)


def desk(db: Database, world: World, start: datetime, **extra: Any) -> bookings.BookingReceipt:
    values: dict[str, Any] = {
        "contact_id": world.known_contact,
        "booking_type_id": world.consult,
        "provider_id": world.alice,
        "start_utc": start,
        "now": NOW,
    }
    values.update(extra)
    return db.call(bookings.book_desk, DESK, **values)


def count(db: Database, model: type[Any], *where: Any) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def everything(db: Database) -> dict[str, int]:
    tables = {
        "bookings": Booking,
        "contacts": Contact,
        "conversations": Conversation,
        "messages": Message,
        "outbox": OutboxMessage,
        "stock": StockMovement,
        "submissions": FormSubmission,
        "audit": AuditEntry,
    }
    return {name: count(db, model) for name, model in tables.items()}


# -- the booking page --------------------------------------------------------------------


def test_a_web_booking_writes_everything_in_one_go(
    db: Database, world: World, published: list[events.DomainEvent]
) -> None:
    before = everything(db)
    receipt = public(db, world, at(WEDNESDAY, 10), notes="Back pain")
    assert receipt.start == at(WEDNESDAY, 10)
    assert receipt.end == at(WEDNESDAY, 11)
    assert receipt.provider_name == "Alice Practitioner"
    assert receipt.booking_type_name == "Consultation"
    assert receipt.timezone == "Europe/London"
    assert receipt.contact_created is True
    assert len(receipt.manage_token) >= 32
    assert receipt.manage_link == f"http://clinic.test:8765/manage/{receipt.manage_token}"
    assert len(receipt.form_links) == 1 and receipt.form_links[0].form_name == "Intake"
    after = everything(db)
    assert after["bookings"] == before["bookings"] + 1
    assert after["contacts"] == before["contacts"] + 1
    assert after["conversations"] == before["conversations"] + 1
    assert after["submissions"] == before["submissions"] + 1
    with db.session() as s:
        booking = s.get(Booking, receipt.booking_id)
        assert booking is not None
        assert (booking.status, booking.source, booking.notes) == ("confirmed", "web", "Back pain")
        assert booking.forms_sent is True
        contact = s.get(Contact, receipt.contact_id)
        assert contact is not None and contact.email == "nina@example.com"
        welcome = s.scalars(
            select(Message).join(Conversation).where(Conversation.contact_id == contact.id)
        ).one()
        assert welcome.sender_type == "system" and "Bright Smile Clinic" in welcome.content
        outbox = {
            row.kind: row
            for row in s.scalars(
                select(OutboxMessage).where(OutboxMessage.booking_id == receipt.booking_id)
            )
        }
        assert set(outbox) == {"welcome", "confirmation", "form_link"}
        confirmation = outbox["confirmation"]
        assert confirmation.recipient == "nina@example.com" and confirmation.channel == "email"
        assert confirmation.attachments == [{"kind": "booking_ics", "booking_id": booking.id}]
        assert receipt.manage_link in confirmation.body
        assert "Wednesday 10 June 2026 at 10:00 (Europe/London)" in confirmation.body
        assert receipt.form_links[0].token in outbox["form_link"].body
        stock = s.scalars(
            select(StockMovement).where(StockMovement.booking_id == receipt.booking_id)
        ).one()
        assert (stock.delta, stock.reason) == (-2, "booking")
        gloves = s.get(InventoryItem, world.gloves)
        assert gloves is not None and gloves.quantity == 98
        submission = s.scalars(select(FormSubmission)).one()
        assert submission.status == "pending"
        assert submission.due_at == at(WEDNESDAY, 10) - timedelta(hours=24)
        audit = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "booking", AuditEntry.entity_id == booking.id
            )
        ).one()
        assert audit.actor_name == "Booking page" and "Back pain" not in str(audit.details)
    changes = [e for e in published if isinstance(e, events.BookingChanged)]
    assert changes == [events.BookingChanged(receipt.booking_id, world.alice, "created", "web")]


def test_a_known_customer_gets_no_second_contact_and_no_welcome(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10), name="known customer", email="KNOWN@example.com")
    assert receipt.contact_id == world.known_contact
    assert receipt.contact_created is False
    assert count(db, Conversation) == 0
    assert count(db, OutboxMessage, OutboxMessage.kind == "welcome") == 0
    assert count(db, OutboxMessage, OutboxMessage.kind == "confirmation") == 1


def test_automations_off_send_no_welcome_or_confirmation_but_form_links_still(
    db: Database, world: World
) -> None:
    with db.write_session() as s:
        s.execute(
            update(Business).values(
                automations={"welcome": {"enabled": False}, "confirmation": {"enabled": False}}
            )
        )
    public(db, world, at(WEDNESDAY, 10))
    kinds = {k for (k,) in db.call(lambda s: s.execute(select(OutboxMessage.kind)).all())}
    assert kinds == {"form_link"}
    assert count(db, Message) == 1  # the welcome still shows in the conversation


def test_a_phone_only_customer_is_texted_without_attachments(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10), email="", phone="07911 123456")
    with db.session() as s:
        rows = s.scalars(
            select(OutboxMessage).where(OutboxMessage.booking_id == receipt.booking_id)
        ).all()
    assert {r.channel for r in rows} == {"sms"}
    assert {r.recipient for r in rows} == {"+447911123456"}
    assert all(r.attachments == [] for r in rows)


def test_refused_when_the_business_is_not_active(db: Database) -> None:
    world = build_in(db, active=False)
    with pytest.raises(NotActive):
        public(db, world, at(WEDNESDAY, 10))
    assert count(db, Booking) == 0


@pytest.mark.parametrize(
    ("start", "words"),
    [
        (NOW - timedelta(hours=1), "already passed"),
        (NOW + timedelta(minutes=90), "2 hours notice"),
        (at(WEDNESDAY + timedelta(days=60), 10), "60 days ahead"),
    ],
)
def test_policy_refusals(db: Database, world: World, start: datetime, words: str) -> None:
    with pytest.raises(PolicyRefused, match=words):
        public(db, world, start)
    assert count(db, Booking) == 0


@pytest.mark.parametrize(
    "start",
    [
        at(WEDNESDAY, 10, 15),  # off the 30-minute grid
        at(WEDNESDAY, 16, 30),  # would end after 17:00
        at(WEDNESDAY, 7),  # before opening
        at(date(2026, 6, 14), 10),  # Sunday
    ],
)
def test_times_the_page_never_offers_are_refused(
    db: Database, world: World, start: datetime
) -> None:
    with pytest.raises(ValidationError) as caught:
        public(db, world, start)
    assert set(caught.value.fields) == {"start"}


def test_a_naive_time_is_refused_readably(db: Database, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        public(db, world, datetime(2026, 6, 10, 10))
    assert set(caught.value.fields) == {"start"}


def test_details_are_checked_all_at_once_and_nothing_is_written(db: Database, world: World) -> None:
    before = everything(db)
    with pytest.raises(ValidationError) as caught:
        public(db, world, at(WEDNESDAY, 10), name="  ", email="", phone="", notes="x" * 5000)
    assert set(caught.value.fields) == {"name", "email", "notes"}
    with pytest.raises(ValidationError) as caught:
        public(db, world, at(WEDNESDAY, 10), email="not an email", phone="12")
    assert set(caught.value.fields) == {"email", "phone"}
    assert everything(db) == before


def test_unknown_and_inactive_types_and_foreign_providers(db: Database, world: World) -> None:
    with pytest.raises(NotFound):
        public(db, world, at(WEDNESDAY, 10), booking_type_id=999)
    with pytest.raises(NotFound):
        public(db, world, at(WEDNESDAY, 10), booking_type_id=world.old)
    with pytest.raises(ValidationError) as caught:
        public(db, world, at(WEDNESDAY, 10), booking_type_id=world.massage, provider_id=world.bob)
    assert set(caught.value.fields) == {"provider_id"}


def test_a_taken_slot_is_refused_with_the_nearest_free_ones(db: Database, world: World) -> None:
    public(db, world, at(WEDNESDAY, 12))
    before = everything(db)
    with pytest.raises(SlotTaken) as caught:
        public(db, world, at(WEDNESDAY, 12), email="other@example.com")
    assert caught.value.start == at(WEDNESDAY, 12)
    assert caught.value.alternatives == (
        at(WEDNESDAY, 11),
        at(WEDNESDAY, 13),
        at(WEDNESDAY, 10, 30),
    )
    assert "taken" in str(caught.value)
    # an overlapping, different slot is just as taken
    with pytest.raises(SlotTaken):
        public(db, world, at(WEDNESDAY, 12, 30), email="other@example.com")
    with pytest.raises(SlotTaken):
        public(db, world, at(WEDNESDAY, 11, 30), email="other@example.com")
    assert everything(db) == before
    # touching is fine
    public(db, world, at(WEDNESDAY, 13), email="other@example.com")


def test_buffers_are_part_of_the_overlap(db: Database, world: World) -> None:
    public(db, world, at(WEDNESDAY, 10), booking_type_id=world.massage)  # busy until 10:45
    with pytest.raises(SlotTaken):
        desk(db, world, at(WEDNESDAY, 10, 30))
    desk(db, world, at(WEDNESDAY, 10, 45))  # the desk may book off the grid


def test_first_available_provider_then_the_next_then_taken(db: Database, world: World) -> None:
    one = public(db, world, at(WEDNESDAY, 10), provider_id=None)
    two = public(db, world, at(WEDNESDAY, 10), provider_id=None, email="b@example.com")
    assert (one.provider_id, two.provider_id) == (world.alice, world.bob)
    with pytest.raises(SlotTaken) as caught:
        public(db, world, at(WEDNESDAY, 10), provider_id=None, email="c@example.com")
    assert caught.value.alternatives[0] in (at(WEDNESDAY, 9), at(WEDNESDAY, 11))


def test_hostile_text_is_stored_exactly_as_typed(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10), name="Bobby <b>Tables</b>", notes=HOSTILE)
    view = db.call(bookings.get_booking, DESK, receipt.booking_id)
    assert view.notes == HOSTILE
    assert view.contact_name == "Bobby <b>Tables</b>"
    with db.session() as s:
        confirmation = s.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "confirmation")
        ).one()
    assert "Hello Bobby <b>Tables</b>," in confirmation.body  # plain text: escaping is the sender's


def test_a_nul_character_is_refused_readably_everywhere(db: Database, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        public(db, world, at(WEDNESDAY, 10), notes="a\x00b")
    assert set(caught.value.fields) == {"notes"}
    with pytest.raises(ValidationError):
        desk(db, world, at(WEDNESDAY, 10), notes="\x00")
    receipt = desk(db, world, at(WEDNESDAY, 10))
    with pytest.raises(ValidationError) as caught:
        db.call(bookings.cancel, DESK, receipt.booking_id, "\x00", NOW)
    assert set(caught.value.fields) == {"reason"}
    assert count(db, Booking, Booking.status == "cancelled") == 0


# -- one transaction ---------------------------------------------------------------------


def refuse_inserts(db: Database, table: str, when: str) -> None:
    """A real database failure: a trigger that aborts matching inserts into ``table``."""
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            connection.exec_driver_sql(
                f"CREATE TRIGGER refuse BEFORE INSERT ON {table} WHEN {when} "
                "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
            )
        else:
            connection.exec_driver_sql(
                "CREATE FUNCTION careops_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'disk says no'; END $$"
            )
            connection.exec_driver_sql(
                f"CREATE TRIGGER refuse BEFORE INSERT ON {table} FOR EACH ROW "
                f"WHEN ({when}) EXECUTE FUNCTION careops_refuse()"
            )


def allow_inserts(db: Database, table: str) -> None:
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER refuse")
        else:
            connection.exec_driver_sql(f"DROP TRIGGER refuse ON {table}")


@pytest.mark.parametrize(
    ("table", "when"),
    [
        # each is a late step, after the booking row and (for the later ones) stock and forms
        ("stock_movements", "NEW.reason = 'booking'"),
        ("form_submissions", "TRUE"),
        ("outbox", "NEW.kind = 'confirmation'"),
        ("outbox", "NEW.kind = 'form_link'"),  # the last row written
        ("audit_log", "NEW.entity = 'booking'"),
    ],
)
def test_a_failing_step_rolls_back_the_whole_booking(
    db: Database, world: World, published: list[events.DomainEvent], table: str, when: str
) -> None:
    refuse_inserts(db, table, when)
    before = everything(db)
    with pytest.raises(Exception, match="disk says no"):
        public(db, world, at(WEDNESDAY, 10))
    assert everything(db) == before
    with db.session() as s:
        gloves = s.get(InventoryItem, world.gloves)
        assert gloves is not None and gloves.quantity == 100
    assert not [e for e in published if isinstance(e, events.BookingChanged)]
    allow_inserts(db, table)
    public(db, world, at(WEDNESDAY, 10))  # and the slot is still free
    assert everything(db)["bookings"] == before["bookings"] + 1


# -- the desk ----------------------------------------------------------------------------


def test_desk_booking_needs_the_permission(db: Database, world: World) -> None:
    with pytest.raises(PermissionDenied, match="manage bookings"):
        db.call(
            bookings.book_desk,
            INBOX_ONLY,
            contact_id=world.known_contact,
            booking_type_id=world.consult,
            provider_id=world.alice,
            start_utc=at(WEDNESDAY, 10),
            now=NOW,
        )


def test_desk_rules(db: Database, world: World) -> None:
    with pytest.raises(NotFound):
        desk(db, world, at(WEDNESDAY, 10), contact_id=999)
    with pytest.raises(PolicyRefused, match="already passed"):
        desk(db, world, NOW - timedelta(minutes=1))
    walk_in = desk(db, world, NOW + timedelta(minutes=90), notes="walk-in")  # no notice needed
    assert walk_in.start == NOW + timedelta(minutes=90)
    with pytest.raises(ValidationError) as caught:
        desk(db, world, at(WEDNESDAY, 17))
    assert set(caught.value.fields) == {"start"}
    late = desk(db, world, at(WEDNESDAY, 17), outside_hours=True)
    assert late.contact_created is False
    with pytest.raises(SlotTaken):
        desk(db, world, at(WEDNESDAY, 17, 30), outside_hours=True)
    far = desk(db, world, at(WEDNESDAY + timedelta(days=90), 10))  # beyond the online horizon
    assert far.provider_id == world.alice
    with db.session() as s:
        sources = set(s.scalars(select(Booking.source)))
        assert sources == {"desk"}
        assert count(db, OutboxMessage, OutboxMessage.kind == "welcome") == 0


# -- cancelling --------------------------------------------------------------------------


def test_staff_cancel_returns_stock_withdraws_forms_and_frees_the_slot(
    db: Database, world: World, published: list[events.DomainEvent]
) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10))
    published.clear()
    view = db.call(bookings.cancel, DESK, receipt.booking_id, "Customer phoned", NOW)
    assert view.status == "cancelled"
    assert view.cancel_reason == "Customer phoned"
    assert view.cancelled_at == NOW
    with db.session() as s:
        gloves = s.get(InventoryItem, world.gloves)
        assert gloves is not None and gloves.quantity == 100
        reasons = sorted(s.scalars(select(StockMovement.reason)))
        assert reasons == ["booking", "cancellation", "restock"]
    assert count(db, FormSubmission) == 0
    assert count(db, OutboxMessage, OutboxMessage.kind == "cancellation") == 1
    assert events.BookingChanged(receipt.booking_id, world.alice, "cancelled", "desk") in published
    with pytest.raises(PolicyRefused, match="already cancelled"):
        db.call(bookings.cancel, DESK, receipt.booking_id, "", NOW)
    public(db, world, at(WEDNESDAY, 10), email="next@example.com")


def test_customer_cancellation_respects_the_cutoff(db: Database, world: World) -> None:
    soon = public(db, world, NOW + timedelta(hours=3))
    with pytest.raises(PolicyRefused, match="24 hours"):
        db.call(bookings.cancel_by_token, soon.manage_token, "", NOW)
    with pytest.raises(PolicyRefused, match="24 hours"):
        db.call(bookings.cancel, DESK, soon.booking_id, "", NOW, True)
    db.call(bookings.cancel, DESK, soon.booking_id, "staff may", NOW)  # staff are not held
    later = public(db, world, at(WEDNESDAY, 10))
    view = db.call(bookings.cancel_by_token, later.manage_token, HOSTILE, NOW)
    assert view.status == "cancelled" and view.cancel_reason == HOSTILE
    with db.session() as s:
        audit = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "cancel", AuditEntry.entity_id == later.booking_id
            )
        ).one()
    assert audit.actor_name == "Booking page" and audit.details == {"by_customer": True}


def test_cancel_permission(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10))
    with pytest.raises(PermissionDenied):
        db.call(bookings.cancel, INBOX_ONLY, receipt.booking_id, "", NOW)


# -- moving ------------------------------------------------------------------------------


def test_reschedule_checks_overlaps_but_not_against_itself(
    db: Database, world: World, published: list[events.DomainEvent]
) -> None:
    mine = public(db, world, at(WEDNESDAY, 10))
    public(db, world, at(WEDNESDAY, 12), email="other@example.com")
    moved = db.call(bookings.reschedule, DESK, mine.booking_id, at(WEDNESDAY, 10, 30), None, NOW)
    assert (moved.start, moved.end) == (at(WEDNESDAY, 10, 30), at(WEDNESDAY, 11, 30))
    with pytest.raises(SlotTaken) as caught:
        db.call(bookings.reschedule, DESK, mine.booking_id, at(WEDNESDAY, 11, 30), None, NOW)
    assert at(WEDNESDAY, 11) in caught.value.alternatives  # its own time counts as free
    other = db.call(bookings.reschedule, DESK, mine.booking_id, at(WEDNESDAY, 12), world.bob, NOW)
    assert other.provider_id == world.bob
    changes = [e for e in published if isinstance(e, events.BookingChanged)][-2:]
    assert {e.provider_id for e in changes} == {world.alice, world.bob}
    with db.session() as s:
        submission = s.scalars(
            select(FormSubmission).where(FormSubmission.booking_id == mine.booking_id)
        ).one()
        assert submission.due_at == at(WEDNESDAY, 12) - timedelta(hours=24)
    assert count(db, OutboxMessage, OutboxMessage.kind == "reschedule") == 2


def test_customer_moves_by_token_on_the_grid_and_outside_the_cutoff(
    db: Database, world: World
) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10))
    with pytest.raises(ValidationError):
        db.call(bookings.reschedule_by_token, receipt.manage_token, at(WEDNESDAY, 10, 15), NOW)
    with pytest.raises(PolicyRefused, match="notice"):
        db.call(bookings.reschedule_by_token, receipt.manage_token, NOW + timedelta(hours=1), NOW)
    view = db.call(bookings.reschedule_by_token, receipt.manage_token, at(WEDNESDAY, 14), NOW)
    assert view.start == at(WEDNESDAY, 14)
    late_now = at(WEDNESDAY, 1)
    with pytest.raises(PolicyRefused, match="moved online only"):
        db.call(bookings.reschedule_by_token, receipt.manage_token, at(WEDNESDAY, 15), late_now)
    with pytest.raises(NotFound):
        db.call(bookings.reschedule_by_token, "nope", at(WEDNESDAY, 15), NOW)


def test_a_cancelled_booking_cannot_be_moved(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10))
    db.call(bookings.cancel, DESK, receipt.booking_id, "", NOW)
    with pytest.raises(PolicyRefused, match="cannot be moved"):
        db.call(bookings.reschedule, DESK, receipt.booking_id, at(WEDNESDAY, 14), None, NOW)


# -- completed and no-show ---------------------------------------------------------------


def test_complete_and_no_show_only_after_the_start(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10))
    with pytest.raises(PolicyRefused, match="not started"):
        db.call(bookings.mark_no_show, DESK, receipt.booking_id, NOW)
    with pytest.raises(PolicyRefused, match="not started"):
        db.call(bookings.complete, DESK, receipt.booking_id, NOW)
    after = at(WEDNESDAY, 10, 20)
    assert db.call(bookings.mark_no_show, DESK, receipt.booking_id, after).status == "no_show"
    assert db.call(bookings.complete, DESK, receipt.booking_id, after).status == "completed"
    with pytest.raises(PermissionDenied):
        db.call(bookings.complete, INBOX_ONLY, receipt.booking_id, after)
    with pytest.raises(PolicyRefused, match="cannot be cancelled"):
        db.call(bookings.cancel, DESK, receipt.booking_id, "", after)
    second = public(db, world, at(WEDNESDAY, 14), email="x@example.com")
    db.call(bookings.cancel, DESK, second.booking_id, "", NOW)
    with pytest.raises(PolicyRefused, match="cancelled booking"):
        db.call(bookings.complete, DESK, second.booking_id, at(WEDNESDAY, 15))


# -- reading -----------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["", "wrong", "x" * 65, None, 12])
def test_bad_manage_tokens_are_not_found(db: Database, world: World, token: Any) -> None:
    public(db, world, at(WEDNESDAY, 10))
    with pytest.raises(NotFound):
        db.call(bookings.get_booking_by_token, token)


def test_get_by_token_and_the_cancel_deadline(db: Database, world: World) -> None:
    receipt = public(db, world, at(WEDNESDAY, 10))
    view = db.call(bookings.get_booking_by_token, receipt.manage_token)
    assert view.id == receipt.booking_id
    assert view.customer_cancel_until == at(WEDNESDAY, 10) - timedelta(hours=24)
    with pytest.raises(PermissionDenied):
        db.call(bookings.get_booking, INBOX_ONLY, receipt.booking_id)
    with pytest.raises(NotFound):
        db.call(bookings.get_booking, DESK, 999)


def test_list_count_and_search(db: Database, world: World) -> None:
    a = public(db, world, at(WEDNESDAY, 10), name="Ann Smith", email="ann@example.com")
    b = public(db, world, at(WEDNESDAY, 9), name="Ben Jones", email="ben@example.com",
               provider_id=world.bob)  # fmt: skip
    c = desk(db, world, at(WEDNESDAY, 14))
    db.call(bookings.cancel, DESK, c.booking_id, "", NOW)
    every = db.call(bookings.list_bookings, DESK)
    assert [v.id for v in every] == [b.booking_id, a.booking_id, c.booking_id]
    assert db.call(bookings.count_bookings, DESK) == 3
    confirmed = db.call(
        bookings.list_bookings, DESK, bookings.BookingFilter(status="confirmed"), order="-start"
    )
    assert [v.id for v in confirmed] == [a.booking_id, b.booking_id]
    assert [
        v.id for v in db.call(bookings.list_bookings, DESK, bookings.BookingFilter(search="jones"))
    ] == [b.booking_id]
    assert db.call(bookings.count_bookings, DESK, bookings.BookingFilter(search="SMITH")) == 1
    assert db.call(bookings.count_bookings, DESK, bookings.BookingFilter(search="%")) == 0
    assert (
        db.call(bookings.count_bookings, DESK, bookings.BookingFilter(provider_id=world.bob)) == 1
    )
    window = db.call(
        bookings.list_bookings,
        DESK,
        bookings.BookingFilter(start=at(WEDNESDAY, 9, 30), end=at(WEDNESDAY, 12)),
    )
    assert [v.id for v in window] == [a.booking_id]
    assert [v.id for v in db.call(bookings.list_bookings, DESK, limit=1, offset=1)] == [
        a.booking_id
    ]
    with pytest.raises(ValidationError):
        db.call(bookings.list_bookings, DESK, order="sideways")
    with pytest.raises(ValidationError):
        db.call(bookings.list_bookings, DESK, bookings.BookingFilter(status="lost"))
    with pytest.raises(PermissionDenied):
        db.call(bookings.list_bookings, INBOX_ONLY)


def test_bookings_in_range_finds_overlaps_including_very_long_ones(
    db: Database, world: World
) -> None:
    long = desk(db, world, at(WEDNESDAY, 9))  # 09:00–10:00
    with db.write_session() as s:
        s.execute(
            update(Booking).where(Booking.id == long.booking_id).values(end_at=at(WEDNESDAY, 13))
        )
        s.execute(update(BookingType).values(duration_minutes=15, buffer_after_minutes=0))
    short = desk(db, world, at(WEDNESDAY, 14), provider_id=world.bob)
    found = db.call(bookings.bookings_in_range, at(WEDNESDAY, 12), at(WEDNESDAY, 15), None)
    assert [v.id for v in found] == [long.booking_id, short.booking_id]
    only_bob = db.call(
        bookings.bookings_in_range, at(WEDNESDAY, 12), at(WEDNESDAY, 15), [world.bob]
    )
    assert [v.id for v in only_bob] == [short.booking_id]
    assert db.call(bookings.bookings_in_range, at(WEDNESDAY, 13), at(WEDNESDAY, 14), None) == []
    # and a new booking inside the long one is refused even though every type is now short
    with pytest.raises(SlotTaken):
        desk(db, world, at(WEDNESDAY, 12, 30))
