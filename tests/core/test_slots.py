"""Slots from a real database: hours, closures, bookings with buffers, DST, nearest free slots."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import event, update

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Availability, Booking, BookingType, Closure
from careops_desktop.core.services import slots
from careops_desktop.core.services.bookings import overlaps as booking_overlaps
from careops_desktop.core.tokens import new_token
from tests.core.booking_world import NOW, WEDNESDAY, World, at, build_in


def add_booking(
    db: Database,
    world: World,
    provider: int,
    start: datetime,
    minutes: int = 60,
    *,
    booking_type: int | None = None,
    status: str = "confirmed",
) -> int:
    with db.write_session() as s:
        booking = Booking(
            contact_id=world.known_contact,
            booking_type_id=booking_type or world.consult,
            provider_id=provider,
            start_at=start,
            end_at=start + timedelta(minutes=minutes),
            status=status,
            manage_token=new_token(),
        )
        s.add(booking)
        s.flush()
        return booking.id


def hours_of(day: slots.DaySlots) -> list[tuple[str, str]]:
    return [(slot.start_local_label, slot.provider_name) for slot in day.slots]


def test_a_free_day_for_one_provider(db: Database, world: World) -> None:
    day = db.call(slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW)
    assert day.day == WEDNESDAY
    assert day.timezone == "Europe/London"
    labels = [s.start_local_label for s in day.slots]
    assert labels[0] == "09:00" and labels[-1] == "16:00"
    assert len(labels) == 15  # 09:00 … 16:00 every 30 minutes
    assert day.slots[0].start_utc == at(WEDNESDAY, 9)
    assert {s.provider_id for s in day.slots} == {world.alice}
    assert day.slots[0].provider_name == "Alice Practitioner"


def test_any_provider_names_the_first_free_one(db: Database, world: World) -> None:
    add_booking(db, world, world.alice, at(WEDNESDAY, 10))
    day = db.call(slots.slots_for_day, world.consult, WEDNESDAY, None, NOW)
    chosen = dict(hours_of(day))
    assert chosen["09:00"] == "Alice Practitioner"
    assert chosen["09:30"] == "Bob Practitioner"  # Alice's 09:30 would run into 10:00
    assert chosen["10:00"] == "Bob Practitioner"
    assert chosen["10:30"] == "Bob Practitioner"
    assert chosen["11:00"] == "Alice Practitioner"
    assert len(day.slots) == 15


def test_bookings_and_their_buffers_take_slots_and_cancelled_ones_do_not(
    db: Database, world: World
) -> None:
    # a massage 10:00–10:30 with 15 min buffer after keeps Alice busy until 10:45
    add_booking(db, world, world.alice, at(WEDNESDAY, 10), 30, booking_type=world.massage)
    add_booking(db, world, world.alice, at(WEDNESDAY, 14), status="cancelled")
    day = db.call(slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW)
    labels = [s.start_local_label for s in day.slots]
    assert "09:00" in labels and "09:30" not in labels and "10:00" not in labels
    assert "10:30" not in labels and "11:00" in labels
    assert "14:00" in labels  # the cancelled booking frees its time
    massage = db.call(slots.slots_for_day, world.massage, WEDNESDAY, world.alice, NOW)
    m_labels = [s.start_local_label for s in massage.slots]
    # the massage's own buffer after: 09:30 + 30 + 15 = 10:15 meets the 10:00 booking
    assert "09:00" in m_labels and "09:30" not in m_labels and "11:00" in m_labels


def test_closures_for_the_business_and_for_one_provider(db: Database, world: World) -> None:
    with db.write_session() as s:
        s.add(Closure(provider_id=world.alice, start_date=WEDNESDAY, end_date=WEDNESDAY))
        s.add(Closure(provider_id=None, start_date=date(2026, 6, 11), end_date=date(2026, 6, 12)))
    wed = db.call(slots.slots_for_day, world.consult, WEDNESDAY, None, NOW)
    assert {s.provider_name for s in wed.slots} == {"Bob Practitioner"}
    thu = db.call(slots.slots_for_day, world.consult, date(2026, 6, 11), None, NOW)
    assert thu.slots == ()


def test_notice_horizon_and_weekend(db: Database, world: World) -> None:
    monday = NOW.astimezone(UTC).date()
    today = db.call(slots.slots_for_day, world.consult, monday, world.alice, NOW)
    assert today.slots[0].start_local_label == "10:00"  # 08:00 BST now + 2 hours notice
    far = db.call(slots.slots_for_day, world.consult, monday + timedelta(days=61), None, NOW)
    assert far.slots == ()
    saturday = db.call(slots.slots_for_day, world.consult, date(2026, 6, 13), None, NOW)
    assert [s.start_local_label for s in saturday.slots] == ["10:00", "10:30", "11:00", "11:30",
                                                            "12:00", "12:30", "13:00"]  # fmt: skip
    assert {s.provider_name for s in saturday.slots} == {"Bob Practitioner"}


def test_unknown_inactive_and_wrong_provider_are_not_found(db: Database, world: World) -> None:
    with pytest.raises(NotFound):
        db.call(slots.slots_for_day, 9999, WEDNESDAY, None, NOW)
    with pytest.raises(NotFound):
        db.call(slots.slots_for_day, world.old, WEDNESDAY, None, NOW)
    with pytest.raises(NotFound):
        db.call(slots.slots_for_day, world.massage, WEDNESDAY, world.bob, NOW)


def test_daylight_saving_nights_in_new_york(db: Database) -> None:
    world = build_in(db, timezone="America/New_York")
    with db.write_session() as s:
        s.add(Availability(provider_id=world.bob, weekday=6, start_time=time(0), end_time=time(4)))
    # Sunday 1 November 2026: 01:00–02:00 happens twice; open 00:00 EDT → 04:00 EST is 5 hours
    fall = db.call(
        slots.slots_for_day, world.consult, date(2026, 11, 1), world.bob,
        datetime(2026, 10, 20, tzinfo=UTC),
    )  # fmt: skip
    assert fall.timezone == "America/New_York"
    assert [s.start_local_label for s in fall.slots] == [
        "00:00", "00:30", "01:00 EDT", "01:30 EDT", "01:00 EST", "01:30 EST",
        "02:00", "02:30", "03:00",
    ]  # fmt: skip
    assert fall.slots[2].start_utc == datetime(2026, 11, 1, 5, 0, tzinfo=UTC)
    assert fall.slots[4].start_utc == datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
    # Sunday 8 March 2026: 02:00–03:00 does not exist; open 00:00 EST → 04:00 EDT is 3 hours
    spring = db.call(
        slots.slots_for_day, world.consult, date(2026, 3, 8), world.bob,
        datetime(2026, 3, 1, tzinfo=UTC),
    )  # fmt: skip
    assert [s.start_local_label for s in spring.slots] == ["00:00", "00:30", "01:00", "01:30",
                                                          "03:00"]  # fmt: skip
    assert spring.slots[3].start_utc == datetime(2026, 3, 8, 6, 30, tzinfo=UTC)
    assert spring.slots[4].start_utc == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)


def test_nearest_free_slots_are_nearest_first_and_cross_days(db: Database, world: World) -> None:
    taken = at(WEDNESDAY, 12)
    add_booking(db, world, world.alice, taken)
    near = db.call(slots.nearest_free_slots, world.consult, taken, world.alice, 3, NOW)
    assert [s.start_local_label for s in near] == ["11:00", "13:00", "10:30"]  # ties: earlier first
    # Friday 16:00 is the last slot of the week for a weekday-only provider
    with db.write_session() as s:
        s.add(
            Closure(
                provider_id=world.alice, start_date=date(2026, 6, 12), end_date=date(2026, 6, 12)
            )
        )
    friday_evening = at(date(2026, 6, 12), 20)
    found = db.call(slots.nearest_free_slots, world.consult, friday_evening, world.alice, 2, NOW)
    assert [s.start_utc for s in found] == [
        at(date(2026, 6, 11), 16),
        at(date(2026, 6, 11), 15, 30),
    ]


def test_nearest_free_slots_for_any_provider(db: Database, world: World) -> None:
    taken = at(WEDNESDAY, 12)
    add_booking(db, world, world.alice, taken)
    add_booking(db, world, world.bob, taken)
    near = db.call(slots.nearest_free_slots, world.consult, taken, None, 2, NOW)
    assert [s.start_local_label for s in near] == ["11:00", "13:00"]


def test_a_booking_longer_than_every_type_still_counts(db: Database, world: World) -> None:
    # a four-hour consultation from 09:00, then the type is shortened to 30 minutes
    add_booking(db, world, world.alice, at(WEDNESDAY, 9), 240)
    with db.write_session() as s:
        s.execute(update(BookingType).values(duration_minutes=30, buffer_after_minutes=0))
    day = db.call(slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW)
    assert day.slots[0].start_local_label == "13:00"
    with db.session() as s:
        clashes = booking_overlaps.conflicting_bookings(
            s, [world.alice], at(WEDNESDAY, 12), at(WEDNESDAY, 13)
        )
    assert len(clashes) == 1


@pytest.mark.sqlite_only  # about SQLite itself
def test_the_overlap_query_uses_the_provider_start_index(db: Database, world: World) -> None:
    """The bounded overlap query is an index range scan, not a read of every earlier booking."""
    if db.dialect != "sqlite":
        pytest.skip("reads SQLite's query plan; PostgreSQL plans tiny tables differently")
    seen: list[tuple[str, object]] = []

    def capture(*args: object) -> None:
        seen.append((str(args[2]), args[3]))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session() as s:
            booking_overlaps.conflicting_bookings(
                s, [world.alice], at(WEDNESDAY, 9), at(WEDNESDAY, 17)
            )
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    statement, params = next((st, p) for st, p in seen if "FROM bookings" in st)
    assert "bookings.start_at >=" in statement and "bookings.start_at <" in statement
    with db.engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()  # type: ignore[arg-type]
    details = " | ".join(str(row[-1]) for row in plan)
    assert "ix_bookings_provider_id_start_at (provider_id=? AND start_at>? AND start_at<?)" in (
        details
    ), details
    # the probe for an over-long booking walks the same index backwards, one row
    assert "ix_bookings_provider_id_start_at (provider_id=? AND start_at<?)" in details, details
    assert "SCAN bookings" not in details and "TEMP B-TREE" not in details, details
