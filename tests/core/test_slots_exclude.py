"""Moving a booking: its own time counts as free for it, and only for it."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import SlotTaken
from careops_desktop.core.models import Booking
from careops_desktop.core.services import bookings, slots
from tests.core.booking_world import DESK, NOW, WEDNESDAY, World, at
from tests.core.test_slots import add_booking


def labels(day: slots.DaySlots) -> list[str]:
    return [slot.start_local_label for slot in day.slots]


def test_the_moved_booking_frees_its_own_time_and_nothing_else(db: Database, world: World) -> None:
    mine = add_booking(db, world, world.alice, at(WEDNESDAY, 10))  # 10:00-11:00
    add_booking(db, world, world.alice, at(WEDNESDAY, 12))  # someone else's 12:00-13:00
    others = labels(db.call(slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW))
    assert "09:00" in others and "09:30" not in others and "10:30" not in others

    moving = db.call(
        slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW, exclude_booking_id=mine
    )
    offered = labels(moving)
    assert offered[:5] == ["09:00", "09:30", "10:00", "10:30", "11:00"]
    assert "11:30" not in offered and "12:00" not in offered and "12:30" not in offered
    assert "13:00" in offered

    # asking again without the exclusion: nothing was remembered from the call above
    again = labels(db.call(slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW))
    assert again == others


def test_excluding_a_booking_of_another_provider_or_an_unknown_id_frees_nothing(
    db: Database, world: World
) -> None:
    add_booking(db, world, world.alice, at(WEDNESDAY, 10))
    bobs = add_booking(db, world, world.bob, at(WEDNESDAY, 10))
    plain = labels(db.call(slots.slots_for_day, world.consult, WEDNESDAY, world.alice, NOW))
    for excluded in (bobs, 987654):
        day = db.call(
            slots.slots_for_day,
            world.consult,
            WEDNESDAY,
            world.alice,
            NOW,
            exclude_booking_id=excluded,
        )
        assert labels(day) == plain


def test_any_provider_list_with_the_booking_excluded_names_its_provider_again(
    db: Database, world: World
) -> None:
    mine = add_booking(db, world, world.alice, at(WEDNESDAY, 10))
    add_booking(db, world, world.bob, at(WEDNESDAY, 10))
    busy = db.call(slots.slots_for_day, world.consult, WEDNESDAY, None, NOW)
    assert "10:00" not in labels(busy)
    freed = db.call(
        slots.slots_for_day, world.consult, WEDNESDAY, None, NOW, exclude_booking_id=mine
    )
    ten = [s for s in freed.slots if s.start_local_label == "10:00"]
    assert [s.provider_id for s in ten] == [world.alice]


def test_moving_onto_half_of_its_own_time_works_and_onto_another_booking_is_refused(
    db: Database, world: World
) -> None:
    mine = add_booking(db, world, world.alice, at(WEDNESDAY, 10))
    other = add_booking(db, world, world.alice, at(WEDNESDAY, 12))

    with pytest.raises(SlotTaken):
        db.call(bookings.reschedule, DESK, mine, at(WEDNESDAY, 11, 30), None, NOW)
    with pytest.raises(SlotTaken):
        db.call(bookings.reschedule, DESK, mine, at(WEDNESDAY, 12), None, NOW)

    moved = db.call(bookings.reschedule, DESK, mine, at(WEDNESDAY, 10, 30), None, NOW)
    assert moved.start.astimezone(UTC) == at(WEDNESDAY, 10, 30)
    with db.session() as session:
        row = session.get(Booking, mine)
        assert row is not None and row.status == "confirmed"
        assert row.start_at.replace(tzinfo=UTC) == at(WEDNESDAY, 10, 30)
        assert row.end_at.replace(tzinfo=UTC) == at(WEDNESDAY, 10, 30) + timedelta(hours=1)
        untouched = session.get(Booking, other)
        assert untouched is not None
        assert untouched.start_at.replace(tzinfo=UTC) == at(WEDNESDAY, 12)

    # back by half an hour: 10:00 overlaps only its own new 10:30-11:30
    back = db.call(bookings.reschedule, DESK, mine, at(WEDNESDAY, 10), None, NOW)
    assert back.start.astimezone(UTC) == at(WEDNESDAY, 10)
