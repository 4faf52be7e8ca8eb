"""The waitlist (issue 18 §3): joining, offers on freed time, undo, expiry, claims, the desk.

Runs on SQLite and PostgreSQL (the ``db`` fixture); the claim race has its own module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import (
    Booking,
    Contact,
    OutboxMessage,
    WaitlistEntry,
    WaitlistOffer,
)
from careops_desktop.core.services import bookings, time_blocks, waitlist
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, WEDNESDAY, World, at

THURSDAY = WEDNESDAY + timedelta(days=1)


def join(
    db: Database,
    world: World,
    name: str,
    *,
    days=(WEDNESDAY, WEDNESDAY),
    provider=None,
    email: str | None = None,
    now: datetime = NOW,
    booking_type: int | None = None,
) -> int:
    joined = db.call(
        waitlist.join_waitlist,
        booking_type_id=booking_type or world.consult,
        provider_id=provider,
        name=name,
        email=email if email is not None else f"{name.split()[0].lower()}@example.com",
        first_day=days[0],
        last_day=days[1],
        now=now,
    )
    return joined.entry_id


def book(db: Database, world: World, start: datetime, provider: int | None = None) -> int:
    receipt = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=provider or world.alice,
        start_utc=start,
        now=NOW,
    )
    return receipt.booking_id


def offers(db: Database) -> list[WaitlistOffer]:
    with db.session() as s:
        rows = s.scalars(select(WaitlistOffer).order_by(WaitlistOffer.id)).all()
        s.expunge_all()
        return list(rows)


def outbox_row(db: Database, outbox_id: int | None) -> OutboxMessage | None:
    with db.session() as s:
        row = s.get(OutboxMessage, outbox_id) if outbox_id else None
        if row is not None:
            s.expunge(row)
        return row


def test_joining_keeps_the_typed_details_and_touches_no_contact(db: Database, world: World) -> None:
    with db.session() as s:
        contacts_before = s.scalar(select(func.count()).select_from(Contact))
    entry_id = join(db, world, "Someone Else", email="KNOWN@example.com")
    with db.session() as s:
        entry = s.get(WaitlistEntry, entry_id)
        assert entry is not None
        assert (entry.name, entry.status, entry.source) == ("Someone Else", "waiting", "web")
        assert entry.email is not None and entry.email.lower() == "known@example.com"
        assert entry.dates == [[WEDNESDAY.isoformat(), WEDNESDAY.isoformat()]]
        known = s.get(Contact, world.known_contact)
        assert known is not None and known.name == "Known Customer"
        assert s.scalar(select(func.count()).select_from(Contact)) == contacts_before


def test_joining_reports_every_problem_at_once(db: Database, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(
            waitlist.join_waitlist,
            booking_type_id=world.consult,
            provider_id=None,
            name="",
            email="",
            phone="",
            first_day=WEDNESDAY,
            last_day=WEDNESDAY - timedelta(days=1),
            now=NOW,
        )
    assert {"name", "email", "last_day"} <= set(caught.value.fields)
    for first, last, field in (
        (date(2026, 6, 1), date(2026, 6, 2), "last_day"),  # over
        (date(2026, 12, 1), date(2026, 12, 2), "first_day"),  # beyond the 60-day horizon
    ):
        with pytest.raises(ValidationError) as caught:
            join(db, world, "Late Person", days=(first, last))
        assert field in caught.value.fields
    with pytest.raises(ValidationError):  # a provider who does not offer the type
        join(db, world, "Wrong Provider", provider=world.bob, booking_type=world.massage)


def test_a_desk_cancel_offers_the_time_to_the_first_who_joined_held_for_the_undo(
    db: Database, world: World
) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    elsewhere = join(db, world, "Thursday Only", days=(THURSDAY, THURSDAY), now=NOW)
    first = join(db, world, "First Waiting", now=NOW + timedelta(minutes=1))
    join(db, world, "Second Waiting", now=NOW + timedelta(minutes=2))
    with_bob = join(db, world, "Bob Only", provider=world.bob, now=NOW - timedelta(minutes=5))
    later = NOW + timedelta(minutes=10)
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "", later)
    [offer] = offers(db)
    assert offer.entry_id == first != elsewhere != with_bob
    assert (offer.provider_id, offer.start_at, offer.status) == (
        world.alice,
        at(WEDNESDAY, 10),
        "offered",
    )
    assert offer.sends_at == later + waitlist.HOLD
    assert offer.expires_at == offer.sends_at + timedelta(hours=2)
    message = outbox_row(db, offer.outbox_id)
    assert message is not None and message.kind == "waitlist_offer"
    assert message.recipient == "first@example.com" and message.booking_id is None
    assert message.next_attempt_at == later + waitlist.HOLD  # the relay leaves it alone
    assert f"/waitlist/claim/{offer.token}" in message.body
    assert "http://clinic.test:8765/waitlist/claim/" + offer.token in message.links
    # the undo takes the time back: the offer is withdrawn and its message never leaves
    db.call(bookings.undo, DESK, change, later + timedelta(minutes=1))
    [offer] = offers(db)
    assert offer.status == "withdrawn"
    assert outbox_row(db, offer.outbox_id) is None


def test_held_constant_matches_the_undo_window() -> None:
    assert waitlist.HOLD == bookings.UNDO_WINDOW


def test_a_customer_cancel_offers_at_once(db: Database, world: World) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    join(db, world, "Waiting Person")
    with db.session() as s:
        token = s.get(Booking, booking_id).manage_token  # type: ignore[union-attr]
    db.call(bookings.cancel_by_token, token, "", NOW)
    [offer] = offers(db)
    assert offer.sends_at == NOW
    assert outbox_row(db, offer.outbox_id).next_attempt_at == NOW  # type: ignore[union-attr]


def test_no_offer_inside_the_notice_or_in_the_past(db: Database, world: World) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    join(db, world, "Waiting Person")
    # an hour before the visit: inside the 2-hour notice the booking page keeps
    db.call(bookings.cancel, DESK, booking_id, "", at(WEDNESDAY, 9))
    assert offers(db) == []
    with db.write_session() as s:
        assert (
            waitlist.time_freed(
                s, world.alice, at(WEDNESDAY, 10), at(WEDNESDAY, 11), at(WEDNESDAY, 12)
            )
            is None
        )
    assert offers(db) == []


def test_a_move_offers_the_old_time(db: Database, world: World) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    join(db, world, "Waiting Person")
    db.call(bookings.reschedule, DESK, booking_id, at(WEDNESDAY, 14), None, NOW)
    [offer] = offers(db)
    assert offer.start_at == at(WEDNESDAY, 10) and offer.freed_by == f"booking:{booking_id}"


def test_a_removed_block_offers_its_time_and_restoring_it_withdraws(
    db: Database, world: World
) -> None:
    # removing a block takes the real clock: a Wednesday two weeks from today
    today = datetime.now(UTC).date()
    wednesday = today + timedelta(days=14 + (2 - today.weekday()) % 7)
    block = db.call(
        time_blocks.add_block,
        DESK,
        provider_id=world.alice,
        start=datetime.combine(wednesday, datetime.min.time()).replace(hour=12),
        end=datetime.combine(wednesday, datetime.min.time()).replace(hour=13),
        reason="Lunch",
    )
    join(db, world, "Waiting Person", days=(wednesday, wednesday), now=datetime.now(UTC))
    db.call(time_blocks.remove_block, DESK, block.id)
    [offer] = offers(db)
    assert offer.start_at == at(wednesday, 12) and offer.freed_by == f"block:{block.id}"
    db.call(time_blocks.restore_block, DESK, block.id)
    assert [o.status for o in offers(db)] == ["withdrawn"]


def test_claiming_books_it_with_the_typed_details_once(db: Database, world: World) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    entry_id = join(db, world, "Waiting Person", email="waiting@example.com")
    db.call(bookings.cancel_by_token, _token(db, booking_id), "", NOW)
    [offer] = offers(db)
    seen = db.call(waitlist.view_offer, offer.token, NOW)
    assert seen.open and seen.name == "Waiting Person" and seen.booking_type_slug == "consult"
    result = db.call(waitlist.claim_offer, offer.token, NOW + timedelta(minutes=5))
    assert result.outcome == "booked" and result.manage_token
    with db.session() as s:
        booked = s.scalars(select(Booking).where(Booking.manage_token == result.manage_token)).one()
        assert (booked.customer_name, booked.customer_email) == (
            "Waiting Person",
            "waiting@example.com",
        )
        assert (booked.provider_id, booked.start_at, booked.source) == (
            world.alice,
            at(WEDNESDAY, 10),
            "web",
        )
        assert s.get(WaitlistEntry, entry_id).status == "booked"  # type: ignore[union-attr]
    again = db.call(waitlist.claim_offer, offer.token, NOW + timedelta(minutes=6))
    assert again.outcome == "closed"
    with pytest.raises(Exception) as caught:
        db.call(waitlist.view_offer, "not-a-token", NOW)
    assert type(caught.value).__name__ == "NotFound"


def _token(db: Database, booking_id: int) -> str:
    with db.session() as s:
        return s.get(Booking, booking_id).manage_token  # type: ignore[union-attr]


def test_an_unclaimed_offer_passes_to_the_next(db: Database, world: World) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    first = join(db, world, "First Waiting")
    second = join(db, world, "Second Waiting", now=NOW + timedelta(seconds=1))
    db.call(bookings.cancel_by_token, _token(db, booking_id), "", NOW)
    [offer] = offers(db)
    assert offer.entry_id == first
    assert db.call(waitlist.pass_on_expired, NOW + timedelta(hours=1)) == 0
    later = NOW + timedelta(hours=2, seconds=1)
    assert db.call(waitlist.claim_offer, offer.token, later).outcome == "expired"
    assert db.call(waitlist.pass_on_expired, later) == 1
    old, new = offers(db)
    assert (old.status, new.entry_id, new.status) == ("expired", second, "offered")
    assert new.start_at == at(WEDNESDAY, 10)
    # nobody left: the next expiry ends it without a new offer (the first is not asked again)
    assert db.call(waitlist.pass_on_expired, later + timedelta(hours=3)) == 1
    assert len(offers(db)) == 2


def test_a_claim_after_someone_booked_it_is_just_taken_with_other_times(
    db: Database, world: World
) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    entry_id = join(db, world, "Waiting Person")
    db.call(bookings.cancel_by_token, _token(db, booking_id), "", NOW)
    [offer] = offers(db)
    book(db, world, at(WEDNESDAY, 10))  # the desk books it first
    result = db.call(waitlist.claim_offer, offer.token, NOW)
    assert result.outcome == "taken" and result.alternatives
    with db.session() as s:
        assert s.get(WaitlistEntry, entry_id).status == "waiting"  # type: ignore[union-attr]


def test_the_desk_lists_adds_offers_by_hand_and_removes(db: Database, world: World) -> None:
    web = join(db, world, "Web Person <b>")
    added = db.call(
        waitlist.add_to_waitlist,
        DESK,
        booking_type_id=world.massage,
        provider_id=world.alice,
        name="Phoned In",
        phone="+44 7911 123456",
        ranges=[(WEDNESDAY, THURSDAY)],
        note="Mornings",
        now=NOW + timedelta(minutes=1),
    )
    with pytest.raises(PermissionDenied):
        db.call(
            waitlist.add_to_waitlist,
            INBOX_ONLY,
            booking_type_id=world.consult,
            provider_id=None,
            name="X Y",
            email="x@example.com",
            ranges=[(WEDNESDAY, WEDNESDAY)],
        )
    rows = db.call(waitlist.list_waitlist)
    assert [r.name for r in rows] == ["Web Person <b>", "Phoned In"]
    assert rows[1].provider_name == "Alice Practitioner" and rows[1].booking_type_name == "Massage"
    assert rows[1].source == "desk" and rows[1].offers_sent == 0
    free = db.call(waitlist.free_times_for_entry, added.entry_id, at(THURSDAY, 9), NOW)
    assert free and all(t.provider_id == world.alice for t in free)
    offer_id = db.call(
        waitlist.offer_by_hand, DESK, added.entry_id, world.alice, free[0].start, NOW
    )
    message = outbox_row(db, offers(db)[0].outbox_id)
    assert message is not None and message.channel == "sms" and message.recipient.startswith("+44")
    rows = db.call(waitlist.list_waitlist)
    assert rows[1].offers_sent == 1 and rows[1].last_offer_status == "offered"
    with pytest.raises(ValidationError):  # not a free time of the type
        db.call(waitlist.offer_by_hand, DESK, web, world.alice, at(WEDNESDAY, 20), NOW)
    db.call(waitlist.remove_entry, DESK, added.entry_id, NOW)
    assert [o.status for o in offers(db) if o.id == offer_id] == ["withdrawn"]
    assert [r.name for r in db.call(waitlist.list_waitlist)] == ["Web Person <b>"]
    assert len(db.call(waitlist.list_waitlist, include_closed=True)) == 2


def test_a_freed_seat_is_offered_through_its_named_hook(db: Database, world: World) -> None:
    join(db, world, "Waiting Person")
    with db.write_session() as s:
        made = waitlist.seat_freed(
            s, world.alice, at(WEDNESDAY, 15), at(WEDNESDAY, 16), NOW, class_id=7
        )
    assert made is not None and offers(db)[0].freed_by == "seat:7"


def test_a_cancelled_visit_by_reply_is_offered_once(db: Database, world: World) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    join(db, world, "First Waiting")
    join(db, world, "Second Waiting", now=NOW + timedelta(seconds=1))
    with db.write_session() as s:
        bookings.cancel(s, waitlist_reply_actor(), booking_id, "", NOW, by_customer=True)
        from careops_desktop.core.services.answers import freed_time

        freed_time.time_freed(s, booking_id, NOW)
    assert len(offers(db)) == 1 and offers(db)[0].sends_at == NOW  # a system actor: no hold


def waitlist_reply_actor():  # type: ignore[no-untyped-def]
    from careops_desktop.core.permissions import Actor

    return Actor.system("Customer reply")


def test_time_is_offered_in_utc_order_even_across_days(db: Database, world: World) -> None:
    """An entry for two days is offered the freed time on either."""
    join(db, world, "Two Days", days=(WEDNESDAY, THURSDAY))
    with db.write_session() as s:
        made = waitlist.time_freed(s, world.bob, at(THURSDAY, 9), at(THURSDAY, 10), NOW)
    assert made is not None
    assert offers(db)[0].start_at == at(THURSDAY, 9).astimezone(UTC)


def test_an_undone_move_and_a_restored_booking_withdraw_their_offers(
    db: Database, world: World
) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    join(db, world, "First Waiting")
    join(db, world, "Second Waiting", now=NOW + timedelta(seconds=1))
    change = db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 14), None, NOW)
    [offer] = offers(db)
    assert offer.start_at == at(WEDNESDAY, 10) and offer.sends_at == NOW + waitlist.HOLD
    db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=30))
    assert [o.status for o in offers(db)] == ["withdrawn"]
    # a plain desk cancel, then "Restore" later: the offer it made is withdrawn too
    db.call(bookings.cancel, DESK, booking_id, "", NOW + timedelta(minutes=5))
    assert [o.status for o in offers(db)] == ["withdrawn", "offered"]
    db.call(bookings.restore, DESK, booking_id, now=NOW + timedelta(minutes=30))
    assert [o.status for o in offers(db)] == ["withdrawn", "withdrawn"]


def test_no_offer_beyond_the_horizon(db: Database, world: World) -> None:
    """The booking page offers 60 days ahead: a time freed further out is offered to nobody."""
    far = WEDNESDAY + timedelta(days=63)
    join(db, world, "Waiting Person", days=(WEDNESDAY, WEDNESDAY + timedelta(days=50)))
    later = NOW + timedelta(days=10)  # now the entry's dates reach past the old horizon
    with db.write_session() as s:
        entry = s.scalars(select(WaitlistEntry)).one()
        entry.dates = [[WEDNESDAY.isoformat(), far.isoformat()]]
    with db.write_session() as s:
        assert waitlist.time_freed(s, world.alice, at(far, 10), at(far, 11), NOW) is None
        assert waitlist.time_freed(s, world.alice, at(far, 10), at(far, 11), later) is not None


def test_people_whose_dates_have_passed_leave_the_list(db: Database, world: World) -> None:
    gone = join(db, world, "Past Dates")
    stays = join(db, world, "Later Dates", days=(WEDNESDAY, THURSDAY + timedelta(days=7)))
    db.call(waitlist.pass_on_expired, at(THURSDAY, 12))
    with db.session() as s:
        assert s.get(WaitlistEntry, gone).status == "removed"  # type: ignore[union-attr]
        assert s.get(WaitlistEntry, stays).status == "waiting"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("language", "subject_start"),
    [("de", "Ein Termin ist frei"), ("es", "Se ha liberado"), (None, "A time has freed up")],
)
def test_the_offer_is_written_in_the_language_of_the_page_they_joined_from(
    db: Database, world: World, language: str | None, subject_start: str
) -> None:
    booking_id = book(db, world, at(WEDNESDAY, 10))
    joined = db.call(
        waitlist.join_waitlist,
        booking_type_id=world.consult,
        provider_id=None,
        name="Waiting Person",
        email="waiting@example.com",
        first_day=WEDNESDAY,
        last_day=WEDNESDAY,
        language=language,
        now=NOW,
    )
    with db.session() as s:
        assert s.get(WaitlistEntry, joined.entry_id).language == language  # type: ignore[union-attr]
        token = s.get(Booking, booking_id).manage_token  # type: ignore[union-attr]
    db.call(bookings.cancel_by_token, token, "", NOW)
    [offer] = offers(db)
    row = outbox_row(db, offer.outbox_id)
    assert row is not None
    assert row.subject.startswith(subject_start), row.subject
