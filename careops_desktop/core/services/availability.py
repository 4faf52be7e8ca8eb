"""Pure slot maths: which start times are free for one provider on one local day.

Nothing here touches the database; inputs are plain frozen dataclasses and the
answer is a list of timezone-aware UTC datetimes. ``services/slots.py`` loads the
inputs from a session; ``services/bookings.py`` re-checks the same rules inside
the write transaction.

How time works here (the rules every caller can rely on):

- Opening hours are wall-clock ranges ``[start, end)`` per weekday in the
  business time zone. An instant is *open* when its local date is the day and
  its local wall-clock time lies in one of that weekday's ranges. Overlapping or
  touching ranges are merged first.
- Slot starts are a wall-clock grid: each merged range's start, then every
  ``step`` on the clock, while the clock reads before the range's end.
- Spring forward: a grid time that does not exist locally (it falls in the gap)
  is skipped. Fall back: a grid time that happens twice gives *both* distinct
  UTC instants (each is real opening time); each instant appears once.
- A slot ``[start, start + duration)`` is measured in absolute time and must lie
  entirely inside open time (so a 60-minute slot on a fall-back night really is
  60 minutes long). Buffers need not lie inside opening hours.
- Conflicts: a slot occupies ``[start - buffer_before, end + buffer_after)``; an
  existing booking occupies its own interval widened by *its* type's buffers
  (the caller passes those as ``busy``). A slot is free when its occupied
  interval overlaps no busy interval (half-open intervals: touching is fine).
- Closures are inclusive local date ranges; a closed day has no slots.
  Blocked time (a lunch hour, a meeting: partial-day closures) arrives as busy
  intervals, already turned into UTC by ``services/time_blocks``.
- Policy: a start must be at least ``min_notice`` after ``now`` and no later
  than ``now + horizon``.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from careops_desktop.core.i18n import _, ngettext

WallRange = tuple[time, time]
Interval = tuple[datetime, datetime]

_SCAN = timedelta(hours=1)
_ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class SlotRules:
    """The booking type's shape and the business's policy, as durations."""

    duration: timedelta
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    step: timedelta = timedelta(minutes=15)
    min_notice: timedelta = timedelta(0)
    horizon: timedelta | None = None

    def __post_init__(self) -> None:
        if self.duration <= timedelta(0):
            raise ValueError("a slot needs a positive duration")
        if self.step <= timedelta(0):
            raise ValueError("the slot step must be positive")
        if self.buffer_before < timedelta(0) or self.buffer_after < timedelta(0):
            raise ValueError("buffers cannot be negative")


@dataclass(frozen=True)
class ProviderSchedule:
    """One provider's week, closures and busy time.

    ``hours`` maps weekday (Monday = 0) to wall-clock ranges; ``closures`` are
    inclusive local date ranges (business-wide ones included by the caller);
    ``busy`` are aware datetimes ``(start, end)``, already widened by the
    buffers of whatever occupies them.
    """

    provider_id: int
    hours: Mapping[int, Sequence[WallRange]]
    closures: Sequence[tuple[date, date]] = ()
    busy: Sequence[Interval] = field(default_factory=tuple)


# -- small interval helpers ---------------------------------------------------------------


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """True when the half-open intervals ``[a_start, a_end)`` and ``[b_start, b_end)`` meet."""
    return a_start < b_end and b_start < a_end


def occupied(start: datetime, end: datetime, before: timedelta, after: timedelta) -> Interval:
    """The time a booking keeps its provider busy: the appointment widened by its buffers."""
    return (start - before, end + after)


def merge_ranges(ranges: Iterable[WallRange]) -> list[WallRange]:
    """Wall-clock ranges sorted, with overlapping and touching ones joined; empty ones dropped."""
    merged: list[WallRange] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[0] < i[1]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# -- the zone's offsets around a day ------------------------------------------------------


def _offset_at(instant: datetime, zone: ZoneInfo) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def _first_change(lo: datetime, hi: datetime, zone: ZoneInfo) -> datetime:
    """The first whole second in ``(lo, hi]`` whose offset differs from ``lo``'s (bisection)."""
    before = _offset_at(lo, zone)
    while hi - lo > _ONE_SECOND:
        mid = lo + timedelta(seconds=(hi - lo).total_seconds() // 2)
        if _offset_at(mid, zone) == before:
            lo = mid
        else:
            hi = mid
    return hi


@functools.lru_cache(maxsize=4096)
def offset_pieces(day: date, zone: ZoneInfo) -> tuple[tuple[datetime, datetime, timedelta], ...]:
    """Stretches of UTC time around local ``day`` with one UTC offset each: (from, to, offset).

    They cover every instant whose local date can be ``day`` (offsets run from
    -12 h to +14 h). Transitions are found by an hourly scan and bisection to
    the second, so two transitions less than an hour apart (none exist in the
    tz database) would be seen as one.
    """
    lo = datetime.combine(day, time(0), UTC) - timedelta(hours=15)
    hi = datetime.combine(day + timedelta(days=1), time(0), UTC) + timedelta(hours=15)
    pieces: list[tuple[datetime, datetime, timedelta]] = []
    start = lo
    offset = _offset_at(lo, zone)
    probe = lo
    while probe < hi:
        nxt = min(probe + _SCAN, hi)
        if _offset_at(nxt, zone) != offset:
            change = _first_change(probe, nxt, zone)
            pieces.append((start, change, offset))
            start, offset = change, _offset_at(change, zone)
        probe = nxt
    pieces.append((start, hi, offset))
    return tuple(pieces)


def _wall_to_utc(wall_lo: datetime, wall_hi: datetime, day: date, zone: ZoneInfo) -> list[Interval]:
    """The UTC instants whose naive local wall-clock reading lies in ``[wall_lo, wall_hi)``."""
    found: list[Interval] = []
    for p_start, p_end, offset in offset_pieces(day, zone):
        lo = max(wall_lo - offset, p_start.replace(tzinfo=None))
        hi = min(wall_hi - offset, p_end.replace(tzinfo=None))
        if lo < hi:
            found.append((lo.replace(tzinfo=UTC), hi.replace(tzinfo=UTC)))
    return _merge_intervals(found)


def wall_instants(wall: datetime, day: date, zone: ZoneInfo) -> list[datetime]:
    """Every UTC instant whose local wall-clock reading is the naive ``wall``.

    Empty in a spring-forward gap, two instants in a fall-back overlap, else one.
    """
    found: list[datetime] = []
    for p_start, p_end, offset in offset_pieces(day, zone):
        instant = (wall - offset).replace(tzinfo=UTC)
        if p_start <= instant < p_end and instant not in found:
            found.append(instant)
    return sorted(found)


def day_span(day: date, zone: ZoneInfo) -> Interval:
    """The first and the end (exclusive) UTC instants of local ``day``."""
    start = datetime.combine(day, time(0))
    spans = _wall_to_utc(start, start + timedelta(days=1), day, zone)
    return (spans[0][0], spans[-1][1])


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    """The business-local calendar date of an aware instant."""
    return instant.astimezone(zone).date()


# -- opening hours, closures, policy ------------------------------------------------------


def is_closed(day: date, closures: Iterable[tuple[date, date]]) -> bool:
    """True when ``day`` falls inside one of the inclusive closure ranges."""
    return any(first <= day <= last for first, last in closures)


def open_intervals(day: date, ranges: Iterable[WallRange], zone: ZoneInfo) -> list[Interval]:
    """The absolute (UTC) stretches of open time on local ``day`` for these wall-clock ranges."""
    found: list[Interval] = []
    for start, end in merge_ranges(ranges):
        found.extend(
            _wall_to_utc(datetime.combine(day, start), datetime.combine(day, end), day, zone)
        )
    return _merge_intervals(found)


def provider_open_intervals(
    day: date, schedule: ProviderSchedule, zone: ZoneInfo
) -> list[Interval]:
    """A provider's open time on ``day``: none when closed, else its weekday's hours."""
    if is_closed(day, schedule.closures):
        return []
    return open_intervals(day, schedule.hours.get(day.weekday(), ()), zone)


def inside(start: datetime, end: datetime, intervals: Iterable[Interval]) -> bool:
    """True when ``[start, end)`` lies entirely inside one of ``intervals`` (merged)."""
    return any(lo <= start and end <= hi for lo, hi in intervals)


def policy_refusal(start: datetime, now: datetime, rules: SlotRules) -> str | None:
    """Why the business's policy refuses ``start`` (words for a person), or None if it allows it."""
    if start < now + rules.min_notice:
        if start < now:
            return _("That time has already passed.")
        minutes = int(rules.min_notice.total_seconds() // 60)
        if minutes % 60 == 0 and minutes >= 60:
            hours = minutes // 60
            return ngettext(
                "Bookings need at least {count} hour notice.",
                "Bookings need at least {count} hours notice.",
                hours,
            ).format(count=hours)
        return ngettext(
            "Bookings need at least {count} minute notice.",
            "Bookings need at least {count} minutes notice.",
            minutes,
        ).format(count=minutes)
    if rules.horizon is not None and start > now + rules.horizon:
        days = rules.horizon.days
        return ngettext(
            "Bookings can be made at most {count} day ahead.",
            "Bookings can be made at most {count} days ahead.",
            days,
        ).format(count=days)
    return None


# -- the slots ----------------------------------------------------------------------------


def grid_starts(
    day: date, schedule: ProviderSchedule, zone: ZoneInfo, step: timedelta
) -> list[datetime]:
    """Every UTC instant on the wall-clock grid of ``day``'s opening ranges (sorted, unique)."""
    if is_closed(day, schedule.closures):
        return []
    found: set[datetime] = set()
    for start, end in merge_ranges(schedule.hours.get(day.weekday(), ())):
        wall = datetime.combine(day, start)
        last = datetime.combine(day, end)
        while wall < last:
            found.update(wall_instants(wall, day, zone))
            wall += step
    return sorted(found)


class _Busy:
    """Busy intervals sorted by start, with the running latest end, for logarithmic checks."""

    def __init__(self, intervals: Iterable[Interval]) -> None:
        ordered = sorted(intervals)
        self.starts = [start for start, _ in ordered]
        self.reach: list[datetime] = []
        for _start, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def meets(self, start: datetime, end: datetime) -> bool:
        """True when some busy interval overlaps ``[start, end)``."""
        before_end = bisect.bisect_left(self.starts, end)  # intervals starting before ``end``
        return before_end > 0 and self.reach[before_end - 1] > start


def bookable_starts(
    day: date, schedule: ProviderSchedule, rules: SlotRules, zone: ZoneInfo
) -> list[datetime]:
    """Grid starts whose whole appointment fits the open time, ignoring busy time and policy."""
    open_time = provider_open_intervals(day, schedule, zone)
    return [
        start
        for start in grid_starts(day, schedule, zone, rules.step)
        if inside(start, start + rules.duration, open_time)
    ]


def is_bookable_start(
    start: datetime, day: date, schedule: ProviderSchedule, rules: SlotRules, zone: ZoneInfo
) -> bool:
    """``start in bookable_starts(day, schedule, rules, zone)``, without listing the day.

    A booking checks one start; listing every grid start of the day (each
    through the zone's offsets) only to look one up was most of the check.
    ``start`` is on the grid when its local wall-clock reading on ``day`` is a
    whole number of steps from the opening of one of the day's merged ranges,
    and before its end; then its appointment must fit the open time.
    """
    local = start.astimezone(zone)
    if local.date() != day or is_closed(day, schedule.closures):
        return False
    wall = local.replace(tzinfo=None)
    for range_start, range_end in merge_ranges(schedule.hours.get(day.weekday(), ())):
        opening = datetime.combine(day, range_start)
        if opening <= wall < datetime.combine(day, range_end):
            if (wall - opening) % rules.step:
                return False
            return inside(
                start, start + rules.duration, provider_open_intervals(day, schedule, zone)
            )
    return False


def free_slots(
    day: date,
    schedule: ProviderSchedule,
    rules: SlotRules,
    *,
    now: datetime,
    zone: ZoneInfo,
) -> list[datetime]:
    """The free start times (aware UTC, ascending) of one provider on local ``day``.

    A start is returned when it is on the grid, the whole appointment lies in
    open time, the day is not closed, the policy allows it, and its occupied
    interval (buffers included) meets no busy interval.
    """
    busy = _Busy(schedule.busy)
    found = []
    for start in bookable_starts(day, schedule, rules, zone):
        if policy_refusal(start, now, rules) is not None:
            continue
        occ_start, occ_end = occupied(
            start, start + rules.duration, rules.buffer_before, rules.buffer_after
        )
        if not busy.meets(occ_start, occ_end):
            found.append(start)
    return found


def free_slots_any(
    day: date,
    schedules: Sequence[ProviderSchedule],
    rules: SlotRules,
    *,
    now: datetime,
    zone: ZoneInfo,
) -> list[tuple[datetime, int]]:
    """ "Any provider": the union of every provider's free starts, each with the first free one.

    ``schedules`` are in preference order (the business's provider order); for
    each start the first provider in that order who is free then is named.
    """
    chosen: dict[datetime, int] = {}
    for schedule in schedules:
        for start in free_slots(day, schedule, rules, now=now, zone=zone):
            chosen.setdefault(start, schedule.provider_id)
    return sorted(chosen.items())
