"""Pure slot maths: hours, closures, buffers, policy, "any provider", and daylight saving."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careops_desktop.core.services import availability as av

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
MIN = timedelta(minutes=1)


def rules(minutes: int = 30, step: int = 30, **extra: object) -> av.SlotRules:
    return av.SlotRules(
        duration=timedelta(minutes=minutes),
        step=timedelta(minutes=step),
        **extra,  # type: ignore[arg-type]
    )


def schedule(day: date, *ranges: tuple[int, int], **extra: object) -> av.ProviderSchedule:
    """A provider working ``ranges`` (whole hours) on ``day``'s weekday only."""
    hours = {day.weekday(): [(time(a), time(b) if b < 24 else time(23, 59)) for a, b in ranges]}
    return av.ProviderSchedule(provider_id=1, hours=hours, **extra)  # type: ignore[arg-type]


def labels(slots: list[datetime], zone: ZoneInfo) -> list[str]:
    return [s.astimezone(zone).strftime("%H:%M %Z") for s in slots]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


# -- ordinary days -------------------------------------------------------------------------


def test_a_plain_day_gives_the_grid_inside_the_hours() -> None:
    day = date(2026, 6, 10)  # a Wednesday, BST
    slots = av.free_slots(day, schedule(day, (9, 12)), rules(45, 15), now=LONG_AGO, zone=LONDON)
    assert labels(slots, LONDON)[0] == "09:00 BST"
    assert labels(slots, LONDON)[-1] == "11:15 BST"  # 11:15 + 45 min = 12:00, still inside
    assert len(slots) == 10
    assert slots[0] == utc(2026, 6, 10, 8, 0)


def test_other_weekdays_and_empty_hours_give_nothing() -> None:
    day = date(2026, 6, 10)
    sched = schedule(day, (9, 12))
    assert av.free_slots(day + timedelta(1), sched, rules(), now=LONG_AGO, zone=LONDON) == []
    empty = av.ProviderSchedule(1, {})
    assert av.free_slots(day, empty, rules(), now=LONG_AGO, zone=LONDON) == []


def test_several_ranges_and_touching_ranges_are_merged() -> None:
    day = date(2026, 6, 10)
    split = schedule(day, (9, 10), (11, 12))
    slots = av.free_slots(day, split, rules(60, 30), now=LONG_AGO, zone=LONDON)
    assert labels(slots, LONDON) == ["09:00 BST", "11:00 BST"]  # 09:30 would spill into the gap
    touching = schedule(day, (9, 10), (10, 11))
    slots = av.free_slots(day, touching, rules(60, 30), now=LONG_AGO, zone=LONDON)
    assert labels(slots, LONDON) == ["09:00 BST", "09:30 BST", "10:00 BST"]


def test_the_grid_starts_at_each_range_start() -> None:
    day = date(2026, 6, 10)
    sched = av.ProviderSchedule(1, {day.weekday(): [(time(9, 10), time(10, 30))]})
    slots = av.free_slots(day, sched, rules(30, 30), now=LONG_AGO, zone=LONDON)
    assert labels(slots, LONDON) == ["09:10 BST", "09:40 BST"]


def test_closures_close_the_whole_day_inclusive() -> None:
    day = date(2026, 6, 10)
    closed = schedule(day, (9, 12), closures=[(day - timedelta(2), day)])
    assert av.free_slots(day, closed, rules(), now=LONG_AGO, zone=LONDON) == []
    before = schedule(day, (9, 12), closures=[(day - timedelta(2), day - timedelta(1))])
    assert len(av.free_slots(day, before, rules(), now=LONG_AGO, zone=LONDON)) == 6


def test_busy_time_and_buffers_remove_slots() -> None:
    day = date(2026, 6, 10)
    busy = [(utc(2026, 6, 10, 9, 0), utc(2026, 6, 10, 10, 0))]  # 10:00–11:00 BST
    sched = schedule(day, (9, 13), busy=busy)
    plain = av.free_slots(day, sched, rules(30, 30), now=LONG_AGO, zone=LONDON)
    assert labels(plain, LONDON) == [
        "09:00 BST", "09:30 BST", "11:00 BST", "11:30 BST", "12:00 BST", "12:30 BST",
    ]  # fmt: skip
    buffered = av.free_slots(
        day,
        sched,
        rules(30, 30, buffer_before=timedelta(minutes=15), buffer_after=timedelta(minutes=15)),
        now=LONG_AGO,
        zone=LONDON,
    )
    # 09:30 + 30 + 15 after meets 10:00; 11:00 - 15 before meets 11:00: both gone
    assert labels(buffered, LONDON) == ["09:00 BST", "11:30 BST", "12:00 BST", "12:30 BST"]


def test_touching_a_busy_interval_is_not_an_overlap() -> None:
    a, b = utc(2026, 1, 1, 10), utc(2026, 1, 1, 11)
    assert not av.overlaps(a, b, b, b + timedelta(hours=1))
    assert av.overlaps(a, b, b - MIN, b + timedelta(hours=1))


def test_minimum_notice_and_horizon() -> None:
    day = date(2026, 6, 10)
    sched = schedule(day, (9, 17))
    now = utc(2026, 6, 10, 9, 5)  # 10:05 BST
    slots = av.free_slots(
        day,
        sched,
        rules(30, 30, min_notice=timedelta(hours=2), horizon=timedelta(days=30)),
        now=now,
        zone=LONDON,
    )
    assert labels(slots, LONDON)[0] == "12:30 BST"  # 12:05 is the earliest allowed
    far = av.free_slots(
        day + timedelta(31), schedule(day + timedelta(31), (9, 17)),
        rules(30, 30, horizon=timedelta(days=30)), now=now, zone=LONDON,
    )  # fmt: skip
    assert far == []


def test_policy_refusal_words() -> None:
    now = utc(2026, 6, 10, 9)
    r = rules(30, 30, min_notice=timedelta(hours=2), horizon=timedelta(days=60))
    assert av.policy_refusal(now - MIN, now, r) == "That time has already passed."
    assert av.policy_refusal(now + timedelta(hours=1), now, r) == (
        "Bookings need at least 2 hours notice."
    )
    assert av.policy_refusal(now + timedelta(days=61), now, r) == (
        "Bookings can be made at most 60 days ahead."
    )
    assert av.policy_refusal(now + timedelta(hours=2), now, r) is None
    assert av.policy_refusal(now + timedelta(days=60), now, r) is None


def test_rules_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        av.SlotRules(duration=timedelta(0))
    with pytest.raises(ValueError):
        av.SlotRules(duration=timedelta(minutes=30), step=timedelta(0))
    with pytest.raises(ValueError):
        av.SlotRules(duration=timedelta(minutes=30), buffer_before=-MIN)


def test_any_provider_is_the_union_with_the_first_free_provider() -> None:
    day = date(2026, 6, 10)
    wd = day.weekday()
    first = av.ProviderSchedule(
        7, {wd: [(time(9), time(11))]}, busy=[(utc(2026, 6, 10, 8), utc(2026, 6, 10, 9))]
    )
    second = av.ProviderSchedule(3, {wd: [(time(9), time(10)), (time(11), time(12))]})
    got = av.free_slots_any(day, [first, second], rules(60, 60), now=LONG_AGO, zone=LONDON)
    assert [(s.astimezone(LONDON).hour, pid) for s, pid in got] == [(9, 3), (10, 7), (11, 3)]
    # order is preference: the same two the other way round
    got = av.free_slots_any(day, [second, first], rules(60, 60), now=LONG_AGO, zone=LONDON)
    assert [(s.astimezone(LONDON).hour, pid) for s, pid in got] == [(9, 3), (10, 7), (11, 3)]
    both_free = av.ProviderSchedule(7, {wd: [(time(9), time(10))]})
    got = av.free_slots_any(day, [both_free, second], rules(60, 60), now=LONG_AGO, zone=LONDON)
    assert got[0][1] == 7


# -- daylight saving -----------------------------------------------------------------------

DST_DAYS = [
    # zone, day, the night's local slot labels for hours 00:00–04:00 with 30-minute slots
    (
        LONDON,
        date(2026, 3, 29),
        ["00:00 GMT", "00:30 GMT", "02:00 BST", "02:30 BST", "03:00 BST", "03:30 BST"],
    ),
    (
        LONDON,
        date(2026, 10, 25),
        [
            "00:00 BST",
            "00:30 BST",
            "01:00 BST",
            "01:30 BST",
            "01:00 GMT",
            "01:30 GMT",
            "02:00 GMT",
            "02:30 GMT",
            "03:00 GMT",
            "03:30 GMT",
        ],
    ),
    (
        NEW_YORK,
        date(2026, 3, 8),
        ["00:00 EST", "00:30 EST", "01:00 EST", "01:30 EST", "03:00 EDT", "03:30 EDT"],
    ),
    (
        NEW_YORK,
        date(2026, 11, 1),
        [
            "00:00 EDT",
            "00:30 EDT",
            "01:00 EDT",
            "01:30 EDT",
            "01:00 EST",
            "01:30 EST",
            "02:00 EST",
            "02:30 EST",
            "03:00 EST",
            "03:30 EST",
        ],
    ),
]


@pytest.mark.parametrize(("zone", "day", "expected"), DST_DAYS)
def test_night_hours_across_a_clock_change(zone: ZoneInfo, day: date, expected: list[str]) -> None:
    slots = av.free_slots(day, schedule(day, (0, 4)), rules(30, 30), now=LONG_AGO, zone=zone)
    assert labels(slots, zone) == expected
    assert len(set(slots)) == len(slots) == sorted(slots).__len__()
    assert slots == sorted(slots)
    # every appointment really lasts 30 minutes and never starts inside the gap
    for s in slots:
        assert s.astimezone(zone).date() == day


@pytest.mark.parametrize(("zone", "day", "expected"), DST_DAYS)
def test_day_hours_on_a_clock_change_day(zone: ZoneInfo, day: date, expected: list[str]) -> None:
    slots = av.free_slots(day, schedule(day, (9, 17)), rules(60, 60), now=LONG_AGO, zone=zone)
    assert [s.astimezone(zone).strftime("%H:%M") for s in slots] == [
        f"{h:02d}:00" for h in range(9, 17)
    ]
    offset = slots[0].astimezone(zone).utcoffset()
    assert offset is not None
    assert slots[0] == datetime.combine(day, time(9), UTC) - offset


def test_a_long_slot_across_spring_forward_is_measured_in_real_time() -> None:
    day = date(2026, 3, 29)
    slots = av.free_slots(day, schedule(day, (0, 4)), rules(120, 60), now=LONG_AGO, zone=LONDON)
    # open 00:00 GMT → 04:00 BST is three real hours: 00:00 GMT (ends 03:00 BST) and 02:00 BST
    assert labels(slots, LONDON) == ["00:00 GMT", "02:00 BST"]
    assert slots[1] - slots[0] == timedelta(hours=1)


def test_a_range_ending_inside_the_repeated_hour() -> None:
    day = date(2026, 10, 25)
    sched = av.ProviderSchedule(1, {day.weekday(): [(time(0), time(1, 30))]})
    slots = av.free_slots(day, sched, rules(30, 30), now=LONG_AGO, zone=LONDON)
    assert labels(slots, LONDON) == [
        "00:00 BST", "00:30 BST", "01:00 BST", "01:00 GMT",
    ]  # fmt: skip
    # a 60-minute slot from 01:00 BST would run through 01:30–02:00 BST, which is closed
    long = av.free_slots(day, sched, rules(60, 30), now=LONG_AGO, zone=LONDON)
    assert labels(long, LONDON) == ["00:00 BST", "00:30 BST"]


def test_day_span_and_wall_instants() -> None:
    assert av.day_span(date(2026, 3, 29), LONDON) == (utc(2026, 3, 29, 0), utc(2026, 3, 29, 23))
    assert av.day_span(date(2026, 10, 25), LONDON) == (utc(2026, 10, 24, 23), utc(2026, 10, 26))
    gap = datetime(2026, 3, 29, 1, 30)
    assert av.wall_instants(gap, gap.date(), LONDON) == []
    twice = datetime(2026, 11, 1, 1, 30)
    assert av.wall_instants(twice, twice.date(), NEW_YORK) == [
        utc(2026, 11, 1, 5, 30),
        utc(2026, 11, 1, 6, 30),
    ]


# -- properties ----------------------------------------------------------------------------

ZONES = [LONDON, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")]
AROUND = [date(2026, 3, 29), date(2026, 10, 25), date(2026, 3, 8), date(2026, 11, 1),
          date(2026, 4, 5), date(2026, 10, 4), date(2026, 6, 15)]  # fmt: skip


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, ZoneInfo, av.ProviderSchedule, av.SlotRules, datetime]:
    zone = draw(st.sampled_from(ZONES))
    day = draw(st.sampled_from(AROUND)) + timedelta(days=draw(st.integers(-1, 1)))
    # non-touching ranges on a 5-minute grid
    cuts = sorted(draw(st.sets(st.integers(0, 287), min_size=2, max_size=6)))
    ranges: list[tuple[time, time]] = []
    for i in range(0, len(cuts) - 1, 2):
        a, b = cuts[i], cuts[i + 1]
        if ranges and a * 5 <= _minutes(ranges[-1][1]):
            continue
        ranges.append((_clock(a * 5), _clock(b * 5)))
    base = datetime.combine(day, time(0), UTC) - timedelta(hours=14)
    busy = [
        (base + timedelta(minutes=5 * s), base + timedelta(minutes=5 * (s + n)))
        for s, n in draw(st.lists(st.tuples(st.integers(0, 700), st.integers(1, 40)), max_size=5))
    ]
    closures = []
    if draw(st.booleans()) and draw(st.booleans()):
        closures.append((day - timedelta(draw(st.integers(0, 2))), day + timedelta(1)))
    sched = av.ProviderSchedule(1, {day.weekday(): ranges}, closures=closures, busy=busy)
    r = av.SlotRules(
        duration=timedelta(minutes=5 * draw(st.integers(1, 36))),
        buffer_before=timedelta(minutes=5 * draw(st.integers(0, 4))),
        buffer_after=timedelta(minutes=5 * draw(st.integers(0, 4))),
        step=timedelta(minutes=draw(st.sampled_from([5, 10, 15, 20, 30, 45, 60]))),
        min_notice=timedelta(minutes=draw(st.sampled_from([0, 60, 600]))),
        horizon=draw(st.sampled_from([None, timedelta(days=1)])),
    )
    now = base + timedelta(minutes=5 * draw(st.integers(0, 600)))
    return day, zone, sched, r, now


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60) if minutes < 24 * 60 else time(23, 59)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _open_at(instant: datetime, day: date, zone: ZoneInfo, sched: av.ProviderSchedule) -> bool:
    """The oracle: an instant is open when its local wall clock is on ``day`` inside a range."""
    local = instant.astimezone(zone)
    if local.date() != day or av.is_closed(day, sched.closures):
        return False
    clock = local.time().replace(tzinfo=None)
    return any(a <= clock < b for a, b in sched.hours.get(day.weekday(), ()))


def _expected(
    day: date, zone: ZoneInfo, sched: av.ProviderSchedule, r: av.SlotRules, now: datetime
) -> set[datetime]:
    """Brute force over every 5-minute instant around the day (ranges are non-touching)."""
    found: set[datetime] = set()
    t = datetime.combine(day, time(0), UTC) - timedelta(hours=15)
    end = t + timedelta(hours=56)
    while t < end:
        local = t.astimezone(zone)
        clock = local.time().replace(tzinfo=None)
        on_grid = any(
            a <= clock < b and (_minutes(clock) - _minutes(a)) % (r.step.seconds // 60) == 0
            for a, b in sched.hours.get(day.weekday(), ())
        )
        if (
            on_grid
            and all(
                _open_at(t + k * timedelta(minutes=5), day, zone, sched)
                for k in range(r.duration // timedelta(minutes=5))
            )
            and av.policy_refusal(t, now, r) is None
            and not any(
                av.overlaps(t - r.buffer_before, t + r.duration + r.buffer_after, a, b)
                for a, b in sched.busy
            )
        ):
            found.add(t)
        t += timedelta(minutes=5)
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_free_slots_match_a_brute_force_oracle(
    case: tuple[date, ZoneInfo, av.ProviderSchedule, av.SlotRules, datetime],
) -> None:
    day, zone, sched, r, now = case
    slots = av.free_slots(day, sched, r, now=now, zone=zone)
    assert slots == sorted(set(slots))
    for s in slots:
        assert s.tzinfo is not None and s.utcoffset() == timedelta(0)
        # inside opening hours, minute by minute, and never on a closed day
        minute = s
        while minute < s + r.duration:
            assert _open_at(minute, day, zone, sched), (s, minute)
            minute += MIN
        # no busy interval meets the slot with its buffers
        for a, b in sched.busy:
            assert not av.overlaps(s - r.buffer_before, s + r.duration + r.buffer_after, a, b)
    assert set(slots) == _expected(day, zone, sched, r, now)


@settings(max_examples=60, deadline=None)
@given(cases(), cases())
def test_any_provider_is_exactly_the_union(
    one: tuple[date, ZoneInfo, av.ProviderSchedule, av.SlotRules, datetime],
    two: tuple[date, ZoneInfo, av.ProviderSchedule, av.SlotRules, datetime],
) -> None:
    day, zone, first, r, now = one
    second = av.ProviderSchedule(
        2, {day.weekday(): next(iter(two[2].hours.values()))}, busy=two[2].busy
    )
    mine = av.free_slots(day, first, r, now=now, zone=zone)
    theirs = av.free_slots(day, second, r, now=now, zone=zone)
    union = av.free_slots_any(day, [first, second], r, now=now, zone=zone)
    assert [s for s, _ in union] == sorted(set(mine) | set(theirs))
    for s, pid in union:
        assert pid == (1 if s in mine else 2)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_one_start_is_bookable_exactly_when_the_day_lists_it(
    case: tuple[date, ZoneInfo, av.ProviderSchedule, av.SlotRules, datetime],
) -> None:
    """The booking's one-start check agrees with the listed day, on clock-change days too."""
    day, zone, sched, r, _now = case
    listed = set(av.bookable_starts(day, sched, r, zone))
    t = datetime.combine(day, time(0), UTC) - timedelta(hours=15)
    while t < datetime.combine(day, time(0), UTC) + timedelta(hours=41):
        for probe in (t, t + MIN):  # off the 5-minute grid too
            assert av.is_bookable_start(probe, day, sched, r, zone) is (probe in listed), probe
        t += timedelta(minutes=5)
