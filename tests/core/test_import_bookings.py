"""Bookings imports obey the desk's rules: clashes listed (and never double-booked), times
outside hours imported only as a desk override, past visits kept as completed history, and
no message to any customer unless the desk asks at the end."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Contact, OutboxMessage
from careops_desktop.core.services import bookings, imports
from tests.core.booking_world import DESK, NOW, WEDNESDAY, World, at
from tests.core.import_helpers import OWNER, count, run, source


def _statuses(db: Database) -> list[tuple[str, str, int]]:
    with db.session() as s:
        rows = s.execute(
            select(Booking.customer_email, Booking.status, Booking.provider_id).order_by(
                Booking.start_at
            )
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_acuity_rows_by_the_desk_rules(db: Database, world: World) -> None:
    result = run(db, source("acuity_appointments.csv"))
    actions = [(r.number, r.action, r.problem) for r in result.rows]
    assert actions == [
        (1, imports.ADD, ""),
        (2, imports.ADD, ""),
        (3, imports.SKIP, "clash"),  # same time and provider as row 1
        (4, imports.SKIP, "outside_hours"),  # 19:00, Bob works until 17:00
        (5, imports.HISTORY, ""),
        (6, imports.REFUSE, ""),
        (7, imports.REFUSE, ""),
    ]
    assert "Hot stones" in result.rows[6].reason
    assert result.future_bookings == 2
    assert count(db, OutboxMessage) == 0  # no message to anyone
    past = [s for s in _statuses(db) if s[1] == "completed"]
    assert past == [("maya@example.com", "completed", world.bob)]
    with db.session() as s:  # Maya is one contact for her two visits
        assert s.scalar(select(Contact.id).where(Contact.email == "maya@example.com"))
        assert (
            len(s.scalars(select(Contact.id).where(Contact.email == "maya@example.com")).all()) == 1
        )


def test_override_imports_outside_hours_but_never_a_clash(db: Database, world: World) -> None:
    result = run(db, source("acuity_appointments.csv"), problems="override")
    by_number = {r.number: r for r in result.rows}
    assert by_number[4].action == imports.OVERRIDE and by_number[4].problem == "outside_hours"
    assert by_number[3].action == imports.SKIP and by_number[3].problem == "clash"
    assert result.future_bookings == 3
    assert count(db, OutboxMessage) == 0


def test_a_clash_with_a_booking_already_in_careops(db: Database, world: World) -> None:
    with db.session() as s:
        known = s.scalar(select(Contact.id))
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=known,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, 10),
        now=NOW,
    )
    result = run(db, source("acuity_appointments.csv"), problems="override")
    assert result.rows[0].problem == "clash" and result.rows[0].action == imports.SKIP


def test_reimport_adds_nothing_and_dry_run_writes_nothing(db: Database, world: World) -> None:
    dry = run(db, source("acuity_appointments.csv"), dry_run=True)
    assert dry.count(imports.ADD) == 2 and count(db, Booking) == 0
    run(db, source("acuity_appointments.csv"))
    again = run(db, source("acuity_appointments.csv"))
    assert again.count(imports.ADD) == 0 and again.count(imports.HISTORY) == 0
    assert again.count(imports.ALREADY) == 3
    assert count(db, Booking) == 3


def test_confirmations_only_when_asked_and_only_once(db: Database, world: World) -> None:
    result = run(db, source("acuity_appointments.csv"))
    assert count(db, OutboxMessage) == 0
    sent = db.call(imports.send_confirmations, OWNER, result.batch_id, NOW)
    assert sent == 2
    with db.session() as s:
        recipients = sorted(s.scalars(select(OutboxMessage.recipient)))
    assert recipients == ["maya@example.com", "tom@example.com"]
    assert db.call(imports.send_confirmations, OWNER, result.batch_id, NOW) == 0
    # messages went out for its bookings: the batch cannot be undone any more
    with pytest.raises(imports.UndoRefused, match="messages sent"):
        db.call(imports.undo_import, OWNER, result.batch_id)


def test_undo_of_a_bookings_batch(db: Database, world: World) -> None:
    contacts_before = count(db, Contact)
    result = run(db, source("bookings.ics"))
    assert count(db, Booking) == 2
    counts = db.call(imports.undo_import, OWNER, result.batch_id)
    assert counts == {"bookings": 2, "contacts": 1, "restored": 0}
    assert count(db, Booking) == 0 and count(db, Contact) == contacts_before


def test_undo_refused_once_an_imported_booking_was_changed(db: Database, world: World) -> None:
    result = run(db, source("bookings.ics"))
    with db.session() as s:
        future = s.scalar(select(Booking.id).where(Booking.status == "confirmed"))
    db.call(bookings.cancel, DESK, future, "Moved away", now=NOW)
    with pytest.raises(imports.UndoRefused):
        db.call(imports.undo_import, OWNER, result.batch_id)


def test_types_and_providers_through_a_mapping(db: Database, world: World) -> None:
    text = (
        "Date,Time,Service,Staff,Client,Email\n"
        "10/06/2026,11:00,Consult (60),Dr A,Ann Bee,ann@example.com\n"
    )
    table = imports.read_bytes(text.encode(), "sheet.csv")
    options = imports.ImportOptions(
        "bookings",
        imports.guess_mapping(table.headers, "bookings"),
        type_names={"Consult (60)": world.consult},
        provider_names={"Dr A": world.alice},
    )
    result = db.call(imports.run_import, OWNER, table, options, now=NOW)
    assert result.rows[0].action == imports.ADD, result.rows[0]
    with db.session() as s:
        booking = s.scalars(select(Booking)).one()
    assert (booking.provider_id, booking.start_at) == (world.alice, at(WEDNESDAY, 11))
