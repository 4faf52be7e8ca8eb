"""Blocked time (lunch, a meeting): slots skip it, weekly repeats keep their local clock across
a DST change, the desk is refused over it unless it books anyway, the booking page never takes
it, and bad input gets field errors."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careops_desktop.core import change_feed, events
from careops_desktop.core.db import Database
from careops_desktop.core.errors import (
    NotFound,
    PermissionDenied,
    SlotTaken,
    TimeBlocked,
    ValidationError,
)
from careops_desktop.core.services import bookings, slots, time_blocks
from careops_desktop.core.services.time_blocks import BlockRule, occurrences
from tests.core.booking_world import DESK, INBOX_ONLY, LONDON, NOW, WEDNESDAY, World, at


def _lunch(db: Database, provider_id: int | None, day: date = WEDNESDAY, **more: object):
    return db.call(
        time_blocks.add_block,
        DESK,
        provider_id=provider_id,
        start=datetime.combine(day, time(12)),
        end=datetime.combine(day, time(13)),
        reason="Lunch",
        **more,
    )


def _labels(db: Database, world: World, provider_id: int | None, day: date = WEDNESDAY, **kw):
    found = db.call(slots.slots_for_day, world.consult, day, provider_id, NOW, **kw)
    return [(s.start_local_label, s.provider_id) for s in found.slots]


def test_slots_leave_out_a_providers_block_and_only_theirs(db: Database, world: World) -> None:
    before = _labels(db, world, world.alice)
    assert ("11:30", world.alice) in before and ("12:00", world.alice) in before
    _lunch(db, world.alice)
    alice = [label for label, _ in _labels(db, world, world.alice)]
    # a 60-minute consult may not start 11:30, 12:00 or 12:30 (each meets 12:00–13:00)
    assert "11:00" in alice and "13:00" in alice
    assert not {"11:30", "12:00", "12:30"} & set(alice)
    bob = [label for label, _ in _labels(db, world, world.bob)]
    assert "12:00" in bob
    # "any provider" offers 12:00 with Bob, who is free
    assert ("12:00", world.bob) in _labels(db, world, None)
    # the desk's list (with_blocks=False) still shows Alice's 12:00: it asks instead
    desk = [label for label, _ in _labels(db, world, world.alice, with_blocks=False)]
    assert "12:00" in desk
    # another day is untouched
    assert "12:00" in [
        label for label, _ in _labels(db, world, world.alice, WEDNESDAY + timedelta(1))
    ]


def test_a_whole_business_block_closes_everyone_for_that_time(db: Database, world: World) -> None:
    _lunch(db, None)
    for provider in (world.alice, world.bob, None):
        labels = [label for label, _ in _labels(db, world, provider)]
        assert "12:00" not in labels and "13:00" in labels


def test_a_weekly_lunch_keeps_its_local_clock_across_the_clock_change(
    db: Database, world: World
) -> None:
    # British Summer Time starts on Sunday 29 March 2026
    first = date(2026, 3, 18)  # a Wednesday in GMT
    block = _lunch(db, world.alice, first, repeats_weekly=True, repeat_until=date(2026, 4, 8))
    assert block.repeats_weekly and block.end_time == time(13)
    found = db.call(
        time_blocks.occurrences_between, [world.alice], date(2026, 3, 16), date(2026, 4, 30)
    )
    assert [o.day for o in found] == [
        date(2026, 3, 18),
        date(2026, 3, 25),
        date(2026, 4, 1),
        date(2026, 4, 8),
    ]
    assert all(o.wall_start.time() == time(12) and o.wall_end.time() == time(13) for o in found)
    assert found[1].start == datetime(2026, 3, 25, 12, tzinfo=UTC)  # GMT
    assert found[2].start == datetime(2026, 4, 1, 11, tzinfo=UTC)  # BST: 12:00 local
    assert all(o.end - o.start == timedelta(hours=1) for o in found)
    # and the slots agree on both sides of the change
    early = datetime(2026, 3, 16, 7, tzinfo=UTC)
    for day in (date(2026, 3, 25), date(2026, 4, 1)):
        got = db.call(slots.slots_for_day, world.consult, day, world.alice, early)
        labels = [s.start_local_label for s in got.slots]
        assert "12:00" not in labels and "11:00" in labels and "13:00" in labels
    after = db.call(slots.slots_for_day, world.consult, date(2026, 4, 15), world.alice, early)
    assert "12:00" in [s.start_local_label for s in after.slots]  # the repeat has ended


def test_a_block_that_meets_the_fall_back_hour_covers_both_passes() -> None:
    # 01:00–02:00 happens twice in London on 25 October 2026: both hours are blocked
    rule = BlockRule(1, 7, date(2026, 10, 25), time(1), 60, "Night", False, None)
    (occ,) = occurrences([rule], date(2026, 10, 25), date(2026, 10, 25), LONDON)
    assert occ.start == datetime(2026, 10, 25, 0, tzinfo=UTC)
    assert occ.end == datetime(2026, 10, 25, 2, tzinfo=UTC)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    start_minute=st.integers(0, 24 * 60 - 1),
    minutes=st.integers(1, 24 * 60),
    weeks=st.integers(0, 60),
    window=st.integers(0, 90),
)
def test_weekly_occurrences_are_each_week_and_keep_their_wall_clock(
    first: date, start_minute: int, minutes: int, weeks: int, window: int
) -> None:
    start = time(start_minute // 60, start_minute % 60)
    rule = BlockRule(1, 1, first, start, minutes, "x", True, first + timedelta(weeks=weeks))
    view_first = first + timedelta(days=window % 9)
    view_last = view_first + timedelta(days=window)
    found = occurrences([rule], view_first, view_last, LONDON)
    for occ in found:
        assert (occ.day - first).days % 7 == 0 and first <= occ.day <= rule.repeat_until
        assert occ.wall_start == datetime.combine(occ.day, start)
        assert occ.wall_end - occ.wall_start == timedelta(minutes=minutes)
        assert occ.start < occ.end
        assert occ.day <= view_last and occ.wall_end > datetime.combine(view_first, time(0))


def _book_desk(db: Database, world: World, start: datetime, **more: object):
    return db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=start,
        now=NOW,
        **more,
    )


def test_the_desk_is_refused_over_a_block_unless_it_books_anyway(
    db: Database, world: World
) -> None:
    _lunch(db, world.alice)
    with pytest.raises(TimeBlocked) as refused:
        _book_desk(db, world, at(WEDNESDAY, 12))
    assert refused.value.reasons == ("Lunch",)
    assert "Lunch" in refused.value.fields["start"]
    with pytest.raises(TimeBlocked):  # an appointment that runs into the block
        _book_desk(db, world, at(WEDNESDAY, 11, 30))
    receipt = _book_desk(db, world, at(WEDNESDAY, 12), outside_hours=True)
    assert receipt.provider_id == world.alice
    # moving another booking onto the block asks the same way
    other = _book_desk(db, world, at(WEDNESDAY, 15))
    with pytest.raises(TimeBlocked):
        db.call(bookings.reschedule, DESK, other.booking_id, at(WEDNESDAY, 12, 30), now=NOW)
    # first free provider: Bob is not blocked, so he takes it
    receipt = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=None,
        start_utc=at(WEDNESDAY, 12),
        now=NOW,
    )
    assert receipt.provider_id == world.bob


def test_the_booking_page_never_takes_blocked_time(db: Database, world: World) -> None:
    _lunch(db, world.alice)
    with pytest.raises(SlotTaken) as taken:
        db.call(
            bookings.book_public,
            booking_type_id=world.consult,
            provider_id=world.alice,
            start_utc=at(WEDNESDAY, 12),
            name="Ada Lovelace",
            email="ada@example.com",
            now=NOW,
        )
    assert taken.value.alternatives and at(WEDNESDAY, 12) not in taken.value.alternatives
    # nearest free times offered never fall inside the block
    for alternative in taken.value.alternatives:
        assert not (at(WEDNESDAY, 11) < alternative < at(WEDNESDAY, 13))


def test_edit_remove_one_week_remove_all_and_restore(db: Database, world: World) -> None:
    block = _lunch(db, world.alice, repeats_weekly=True)
    next_week = WEDNESDAY + timedelta(weeks=1)
    changed = db.call(
        time_blocks.update_block,
        DESK,
        block.id,
        provider_id=world.alice,
        start=datetime.combine(WEDNESDAY, time(12, 30)),
        end=datetime.combine(WEDNESDAY, time(13, 30)),
        reason="Team meeting",
        repeats_weekly=True,
    )
    assert (changed.start_time, changed.end_time, changed.reason) == (
        time(12, 30),
        time(13, 30),
        "Team meeting",
    )
    db.call(time_blocks.remove_block, DESK, block.id, only_day=next_week)
    days = [
        o.day
        for o in db.call(
            time_blocks.occurrences_between,
            [world.alice],
            WEDNESDAY,
            WEDNESDAY + timedelta(weeks=2),
        )
    ]
    assert days == [WEDNESDAY, WEDNESDAY + timedelta(weeks=2)]
    db.call(time_blocks.restore_block, DESK, block.id, only_day=next_week)
    db.call(time_blocks.remove_block, DESK, block.id)
    assert db.call(time_blocks.occurrences_between, None, WEDNESDAY, next_week) == []
    assert db.call(time_blocks.get_block, block.id).removed
    assert db.call(time_blocks.list_blocks) == []
    db.call(time_blocks.restore_block, DESK, block.id)
    assert len(db.call(time_blocks.occurrences_between, [world.alice], WEDNESDAY, next_week)) == 2
    with pytest.raises(NotFound):
        db.call(time_blocks.remove_block, DESK, 999)


def test_writes_are_permission_checked_and_publish_after_commit(
    db: Database, world: World, published: list[events.DomainEvent]
) -> None:
    with pytest.raises(PermissionDenied):
        db.call(
            time_blocks.add_block,
            INBOX_ONLY,
            provider_id=world.alice,
            start=datetime.combine(WEDNESDAY, time(12)),
            end=datetime.combine(WEDNESDAY, time(13)),
            reason="Lunch",
        )
    assert published == []
    block = _lunch(db, world.alice)
    assert published == [events.TimeBlockChanged(block.id, world.alice, "created")]
    # the event travels to other desks (no customer text in it)
    payload = change_feed.encode([events.TimeBlockChanged(block.id, None, "removed")])
    assert payload is not None and "Lunch" not in payload
    assert change_feed.decode(payload).events == [
        events.TimeBlockChanged(block.id, None, "removed")
    ]


def _add(db: Database, world: World, **values: object) -> None:
    fields = {
        "provider_id": world.alice,
        "start": datetime.combine(WEDNESDAY, time(12)),
        "end": datetime.combine(WEDNESDAY, time(13)),
        "reason": "Lunch",
    }
    fields.update(values)
    db.call(time_blocks.add_block, DESK, **fields)


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"end": datetime.combine(WEDNESDAY, time(11))}, "end", "after the start"),
        ({"end": datetime.combine(WEDNESDAY, time(12))}, "end", "after the start"),
        ({"end": datetime.combine(WEDNESDAY + timedelta(2), time(12))}, "end", "24 hours"),
        ({"reason": "x" * 201}, "reason", "longer than 200"),
        ({"reason": "   "}, "reason", "blocked for"),
        ({"reason": "Lunch\x00"}, "reason", "plain text"),
        ({"reason": "Lunch\nDROP TABLE"}, "reason", "plain text"),
        ({"reason": "\u202egnol"}, "reason", "plain text"),
        ({"provider_id": 9999}, "provider_id", "no such provider"),
        ({"start": "12:00"}, "start", "Enter the day"),
        ({"start": datetime(9999, 1, 1, 12)}, "start", "too far"),
        (
            {"repeats_weekly": True, "repeat_until": WEDNESDAY - timedelta(1)},
            "repeat_until",
            "not end before",
        ),
    ],
)
def test_bad_input_gets_clear_field_errors_and_writes_nothing(
    db: Database, world: World, values: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _add(db, world, **values)
    assert words in refused.value.fields[field]
    assert db.call(time_blocks.list_blocks) == []


def test_every_problem_at_once_and_hostile_markup_is_kept_as_typed(
    db: Database, world: World
) -> None:
    with pytest.raises(ValidationError) as refused:
        _add(db, world, end=datetime.combine(WEDNESDAY, time(11)), reason="", provider_id=-1)
    assert set(refused.value.fields) == {"end", "reason", "provider_id"}
    hostile = "<b>Lunch</b> & {{7*7}} '; DROP TABLE time_blocks; --"
    _add(db, world, reason=hostile)
    (block,) = db.call(time_blocks.list_blocks, world.alice)
    assert block.reason == hostile
    # exactly 24 hours is allowed; an aware time is read on the business clock
    _add(
        db,
        world,
        start=datetime(2026, 6, 11, 11, tzinfo=UTC),
        end=datetime(2026, 6, 12, 11, tzinfo=UTC),
        reason="Training day",
    )
    training = next(b for b in db.call(time_blocks.list_blocks) if b.reason == "Training day")
    assert training.start_time == time(12) and training.minutes == 24 * 60
