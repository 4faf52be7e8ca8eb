"""Times at the ends of what ``datetime`` holds are refused in words, never an OverflowError."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services import bookings, slots
from tests.core.booking_world import DESK, NOW, WEDNESDAY, build_in

FAR = [
    datetime(9999, 12, 31, 23, 30, tzinfo=UTC),  # Lord Howe, Kiritimati: already year 10000
    datetime(9999, 12, 31, 10, 0, tzinfo=UTC),  # its end (+1 h) or a fortnight round it overflow
    datetime(1, 1, 1, 0, 0, tzinfo=UTC),  # west of UTC: year 0
]


@pytest.mark.parametrize("zone", ["Australia/Lord_Howe", "America/New_York"])
@pytest.mark.parametrize("start", FAR)
def test_a_booking_at_the_ends_of_the_calendar_is_a_field_error(
    db: Database, zone: str, start: datetime
) -> None:
    world = build_in(db, timezone=zone)
    with pytest.raises(ValidationError) as public:
        db.call(
            bookings.book_public,
            booking_type_id=world.consult,
            provider_id=None,
            start_utc=start,
            name="Ada",
            email="ada@example.com",
            now=NOW,
        )
    assert "too far in the past or the future" in public.value.fields["start"]
    with pytest.raises(ValidationError) as desk:
        db.call(
            bookings.book_desk,
            DESK,
            contact_id=world.known_contact,
            booking_type_id=world.consult,
            provider_id=world.alice,
            start_utc=start,
            now=NOW,
        )
    assert "start" in desk.value.fields
    booked = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=datetime.combine(WEDNESDAY, time(10), ZoneInfo(zone)),
        now=NOW,
    )
    with pytest.raises(ValidationError):
        db.call(bookings.reschedule, DESK, booked.booking_id, start, now=NOW)
    with pytest.raises(ValidationError):
        db.call(slots.nearest_free_slots, world.consult, start, None, 3, NOW)


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1), date(9001, 1, 1)])
def test_slots_of_a_day_at_the_ends_of_the_calendar_are_a_field_error(
    db: Database, day: date
) -> None:
    world = build_in(db, timezone="Australia/Lord_Howe")
    with pytest.raises(ValidationError) as refused:
        db.call(slots.slots_for_day, world.consult, day, None, NOW)
    assert "day" in refused.value.fields
    assert db.call(slots.slots_for_day, world.consult, date(9000, 12, 31), None, NOW).slots == ()
