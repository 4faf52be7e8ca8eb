"""Changing a booking's length and moving it without telling the customer, on a real SQLite file.

The clinic of booking_world.py: Alice works 09:00–17:00 (London) on weekdays, a consult
lasts 60 minutes, the grid is 30 minutes.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.edit_conflicts import EditConflict
from careops_desktop.core.errors import (
    PermissionDenied,
    PolicyRefused,
    SlotTaken,
    ValidationError,
)
from careops_desktop.core.models import AuditEntry, Booking, OutboxMessage
from careops_desktop.core.services import bookings
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, WEDNESDAY, World, at


def desk(db: Database, world: World, hour: int, minute: int = 0) -> int:
    receipt = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, hour, minute),
        now=NOW,
    )
    return receipt.booking_id


def reschedule_rows(db: Database) -> int:
    with db.session() as s:
        where = OutboxMessage.kind == "reschedule"
        return int(s.scalar(select(func.count()).select_from(OutboxMessage).where(where)) or 0)


def last_audit(db: Database) -> dict[str, Any]:
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return dict(entry.details or {})


def test_change_length_longer_and_shorter_tells_the_customer(db: Database, world: World) -> None:
    booking_id = desk(db, world, 10)
    longer = db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 11, 30), NOW)
    assert (longer.start, longer.end) == (at(WEDNESDAY, 10), at(WEDNESDAY, 11, 30))
    assert reschedule_rows(db) == 1
    assert last_audit(db)["minutes"] == 90
    shorter = db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 10, 30), NOW)
    assert shorter.end == at(WEDNESDAY, 10, 30)
    assert reschedule_rows(db) == 2


def test_change_length_without_telling_the_customer_writes_no_message(
    db: Database, world: World
) -> None:
    booking_id = desk(db, world, 10)
    db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 12), NOW, notify=False)
    assert reschedule_rows(db) == 0
    assert last_audit(db)["customer_told"] is False


def test_reschedule_without_telling_keeps_its_length_when_asked(db: Database, world: World) -> None:
    booking_id = desk(db, world, 10)
    db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 10, 30), NOW, notify=False)
    moved = db.call(
        bookings.reschedule,
        DESK,
        booking_id,
        at(WEDNESDAY, 14),
        world.bob,
        NOW,
        notify=False,
        length=timedelta(minutes=30),
    )
    assert (moved.start, moved.end, moved.provider_id) == (
        at(WEDNESDAY, 14),
        at(WEDNESDAY, 14, 30),
        world.bob,
    )
    assert reschedule_rows(db) == 0


def test_a_longer_booking_over_the_next_one_is_refused_with_free_times(
    db: Database, world: World
) -> None:
    booking_id = desk(db, world, 10)
    desk(db, world, 12)
    with pytest.raises(SlotTaken) as caught:
        db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 12, 30), NOW)
    assert caught.value.alternatives
    view = db.call(bookings.get_booking, DESK, booking_id)
    assert view.end == at(WEDNESDAY, 11)
    assert reschedule_rows(db) == 0


def test_past_closing_time_asks_for_the_override(db: Database, world: World) -> None:
    booking_id = desk(db, world, 16)
    with pytest.raises(ValidationError) as caught:
        db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 18), NOW)
    assert "start" in caught.value.fields
    done = db.call(
        bookings.change_length, DESK, booking_id, at(WEDNESDAY, 18), NOW, outside_hours=True
    )
    assert done.end == at(WEDNESDAY, 18)


def test_refusals_permission_version_status_and_length(db: Database, world: World) -> None:
    booking_id = desk(db, world, 10)
    with pytest.raises(PermissionDenied):
        db.call(bookings.change_length, INBOX_ONLY, booking_id, at(WEDNESDAY, 11, 30), NOW)
    with pytest.raises(EditConflict):
        db.call(
            bookings.change_length,
            DESK,
            booking_id,
            at(WEDNESDAY, 11, 30),
            NOW,
            expected_version=99,
        )
    for bad_end in (at(WEDNESDAY, 10), at(WEDNESDAY, 9), at(WEDNESDAY, 10) + timedelta(hours=25)):
        with pytest.raises(ValidationError) as caught:
            db.call(bookings.change_length, DESK, booking_id, bad_end, NOW, outside_hours=True)
        assert "end" in caught.value.fields
    with pytest.raises(ValidationError):
        db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 11).replace(tzinfo=None))
    db.call(bookings.cancel, DESK, booking_id, "", NOW)
    with pytest.raises(PolicyRefused):
        db.call(bookings.change_length, DESK, booking_id, at(WEDNESDAY, 11, 30), NOW)


def test_the_customer_cannot_change_the_length_or_silence_the_message(
    db: Database, world: World
) -> None:
    booking_id = desk(db, world, 10)
    moved = db.call(
        bookings.reschedule,
        None,
        booking_id,
        at(WEDNESDAY, 14),
        None,
        NOW,
        notify=False,
        length=timedelta(minutes=10),
    )
    assert moved.end - moved.start == timedelta(minutes=60)
    assert reschedule_rows(db) == 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(minutes=st.integers(min_value=-3000, max_value=3000))
def test_any_length_is_kept_or_refused_plainly(db: Database, world: World, minutes: int) -> None:
    """Generated ends: the booking either takes exactly that length or stays as it was."""
    with db.session() as s:
        ids = s.scalars(select(Booking.id).where(Booking.status == "confirmed")).all()
    booking_id = ids[0] if ids else desk(db, world, 10)
    before = db.call(bookings.get_booking, DESK, booking_id)
    new_end = before.start + timedelta(minutes=minutes)
    try:
        after = db.call(
            bookings.change_length,
            DESK,
            booking_id,
            new_end,
            NOW,
            outside_hours=True,
            notify=False,  # (hypothesis seeds ``random``: make_msgid would repeat an id)
        )
    except (ValidationError, SlotTaken):
        assert db.call(bookings.get_booking, DESK, booking_id).end == before.end
    else:
        assert after.end == new_end and 1 <= minutes <= 24 * 60
