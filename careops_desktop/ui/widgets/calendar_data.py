"""What the week calendar shows, as plain frozen dataclasses, and the pure layout maths.

Nothing here knows Qt but the locale (the first day of the week, the times): the bookings
view turns core results into these values, and
:mod:`careops_desktop.ui.widgets.week_calendar` paints them.
All datetimes are *local* (the business's zone), naive or aware alike; only
their wall-clock date and time are used.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from careops_desktop.ui.widgets.calendar_drop_rules import DropRules

BOOKING_STATUSES = ("confirmed", "arrived", "completed", "no_show", "cancelled")


@dataclass(frozen=True)
class CalendarColumn:
    """One column: a day (week view) or a provider on a day (day view)."""

    key: str
    title: str
    day: date
    subtitle: str = ""  # second header line, e.g. "5 bookings"; blank: the date


@dataclass(frozen=True)
class CalendarBlock:
    """A booking drawn as a block; ``column`` is the key of its column."""

    id: int
    start: datetime
    end: datetime
    title: str
    subtitle: str
    status: str
    column: str
    times: str = ""  # "10:00–10:30" as people read it (marked where the clock shows it twice)
    # "confirmed" by the customer's reply, "unconfirmed" (reminded, within 24 h, no answer), ""
    customer_answer: str = ""
    provider_id: int | None = None  # whose booking (drag and drop checks that provider's time)
    color: str = ""  # the provider's colour ("#3b82f6"); blank: the status's own colour
    booking_type_id: int | None = None  # (drag and drop: who offers it)


@dataclass(frozen=True)
class OpenRange:
    """Opening hours of a column on its day (several ranges a day allowed)."""

    column: str
    start: time
    end: time


@dataclass(frozen=True)
class ClosedDay:
    """A column that is closed for its whole day, with the reason shown."""

    column: str
    label: str


@dataclass(frozen=True)
class BusyBlock:
    """Time taken outside CareOps (an external calendar), greyed with a label."""

    column: str
    start: datetime
    end: datetime
    label: str


@dataclass(frozen=True)
class TimeBlockMark:
    """Blocked time (lunch, a meeting) drawn hatched with its reason in a column.

    ``block_id`` and ``day`` (the local day the occurrence starts) name the block
    and its week, for Edit / Remove; ``repeats``: it is one week of a series.
    """

    column: str
    start: datetime
    end: datetime
    label: str
    block_id: int
    day: date
    repeats: bool = False
    provider_id: int | None = None  # None: the whole business
    reason: str = ""  # the block's reason alone (``label`` may add whose it is)


@dataclass(frozen=True)
class CalendarData:
    """Everything one calendar page shows."""

    columns: tuple[CalendarColumn, ...] = ()
    blocks: tuple[CalendarBlock, ...] = ()
    open_hours: tuple[OpenRange, ...] = ()
    closures: tuple[ClosedDay, ...] = ()
    busy: tuple[BusyBlock, ...] = ()
    first_hour: int | None = None  # None: from the hours and blocks shown
    last_hour: int | None = None
    time_blocks: tuple[TimeBlockMark, ...] = ()  # blocked time, drawn hatched
    drop: DropRules | None = None  # what a drag checks as it goes (None: blocks cannot move)


@dataclass(frozen=True)
class Placed:
    """A block's place inside its column: lane ``lane`` of ``lanes`` side by side."""

    block: CalendarBlock
    lane: int
    lanes: int


def minutes_into_day(moment: datetime, day: date) -> float:
    """Minutes from ``day``'s midnight to ``moment`` (negative before, > 1440 after)."""
    start = datetime.combine(day, time(0))
    naive = moment.replace(tzinfo=None)
    return (naive - start).total_seconds() / 60.0


def hour_range(data: CalendarData, default: tuple[int, int] = (8, 18)) -> tuple[int, int]:
    """The first and last hour (exclusive end, 1..24) to draw so that everything fits.

    Explicit ``first_hour``/``last_hour`` in ``data`` win; otherwise the span
    covers ``default``, every opening range, every block and busy block.
    """
    lo, hi = default
    # each column's midnight once (as minutes_into_day computes it, without a call per block)
    midnights = {c.key: datetime.combine(c.day, time(0)) for c in data.columns}
    for rng in data.open_hours:
        lo = min(lo, rng.start.hour)
        hi = max(hi, rng.end.hour + (1 if rng.end.minute else 0))
    spans = [(b.column, b.start, b.end) for b in data.blocks]
    spans += [(b.column, b.start, b.end) for b in data.busy]
    spans += [(b.column, b.start, b.end) for b in data.time_blocks]
    for column, first, last in spans:
        midnight = midnights.get(column)
        if midnight is None:
            continue
        start = max(0.0, (first.replace(tzinfo=None) - midnight).total_seconds() / 60.0)
        end = min(1440.0, (last.replace(tzinfo=None) - midnight).total_seconds() / 60.0)
        if end <= 0 or start >= 1440:
            continue
        lo = min(lo, int(start // 60))
        hi = max(hi, math.ceil(end / 60))
    if data.first_hour is not None:
        lo = data.first_hour
    if data.last_hour is not None:
        hi = data.last_hour
    lo = max(0, min(lo, 23))
    hi = max(lo + 1, min(hi, 24))
    return lo, hi


def place_in_lanes(blocks: Iterable[CalendarBlock]) -> list[Placed]:
    """Lay overlapping blocks of ONE column side by side.

    Blocks are grouped into clusters of transitively overlapping blocks; each
    block takes the first free lane, and every block of a cluster knows how
    many lanes the cluster needs. Touching blocks (end == start) do not overlap.
    """
    # wall-clock start and end worked out once per block, then sorted by (start, end, id)
    ordered = sorted(
        ((b.start.replace(tzinfo=None), b.end.replace(tzinfo=None), b.id, b) for b in blocks),
        key=lambda item: item[:3],
    )
    placed: list[Placed] = []
    cluster: list[tuple[CalendarBlock, int]] = []
    lane_ends: list[datetime] = []
    cluster_end: datetime | None = None

    def flush() -> None:
        lanes = len(lane_ends)
        placed.extend(Placed(block, lane, lanes) for block, lane in cluster)

    for start, end, _id, block in ordered:
        if cluster_end is not None and start >= cluster_end:
            flush()
            cluster, lane_ends, cluster_end = [], [], None
        for index, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[index] = end
                cluster.append((block, index))
                break
        else:
            lane_ends.append(end)
            cluster.append((block, len(lane_ends) - 1))
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    if cluster:
        flush()
    return placed


def snap_minutes(minutes: float, step: int) -> int:
    """``minutes`` rounded down to a multiple of ``step`` (at least 1)."""
    step = max(1, step)
    return int(minutes // step) * step


def locale_first_weekday() -> int:
    """The first day of the week in the business's locale (``QLocale()``): Monday = 0,
    Sunday = 6 (``en_US``)."""
    from PySide6.QtCore import QLocale  # the one Qt touch here: the locale's calendar

    return (QLocale().firstDayOfWeek().value - 1) % 7


def week_start(day: date, first_weekday: int | None = None) -> date:
    """The first day of the week that holds ``day`` (default: the business locale's first
    day, :func:`locale_first_weekday`; Monday = 0)."""
    if first_weekday is None:
        first_weekday = locale_first_weekday()
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def days_of_week(day: date, first_weekday: int | None = None) -> list[date]:
    """The seven days of the week holding ``day`` (from the locale's first day by default)."""
    first = week_start(day, first_weekday)
    return [first + timedelta(days=i) for i in range(7)]


def columns_by_key(columns: Sequence[CalendarColumn]) -> dict[str, int]:
    """Each column key's index."""
    return {column.key: index for index, column in enumerate(columns)}


def block_times(block: CalendarBlock) -> str:
    """The block's times as people read them: its ``times``, else ``10:00–10:30`` from its ends."""
    from careops_desktop.ui.widgets.local_time import wall_range

    return block.times or wall_range(block.start, block.end)
