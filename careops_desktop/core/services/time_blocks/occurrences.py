"""Pure maths of blocked time: a block's weeks between two local days, as UTC intervals.

A block is local wall-clock time: its start is ``day`` + ``start_time`` on the
business clock and it lasts ``minutes`` of that clock, so a 12:00–13:00 lunch
stays 12:00–13:00 local on both sides of a clock change (its UTC instants
move by the hour instead). A wall time that happens twice (fall back) counts
from its first instant to the end's last; one that does not exist (spring
forward) is read with the offset before the change, as ``zoneinfo`` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class BlockRule:
    """A stored block as plain values (see :class:`~careops_desktop.core.models.TimeBlock`)."""

    id: int
    provider_id: int | None  # None: the whole business
    day: date
    start_time: time
    minutes: int
    reason: str
    repeats_weekly: bool
    repeat_until: date | None
    skipped: frozenset[date] = frozenset()


@dataclass(frozen=True)
class BlockOccurrence:
    """One blocked stretch: its local day and wall-clock ends, and its UTC interval."""

    block_id: int
    provider_id: int | None
    day: date  # the local day it starts
    wall_start: datetime  # naive, business clock
    wall_end: datetime
    start: datetime  # aware UTC
    end: datetime
    reason: str
    repeats: bool


def to_utc(wall: datetime, zone: ZoneInfo, *, fold: int) -> datetime:
    """The UTC instant of naive local ``wall`` (``fold`` 0: the first of two, 1: the second)."""
    return wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)


def start_days(rule: BlockRule, first: date, last: date) -> list[date]:
    """The local days in ``[first, last]`` on which ``rule`` starts (skipped weeks left out)."""
    if not rule.repeats_weekly:
        days = [rule.day] if first <= rule.day <= last else []
    else:
        end = last if rule.repeat_until is None else min(last, rule.repeat_until)
        begin = max(first, rule.day)
        if begin > end:
            return []
        begin += timedelta(days=(rule.day.weekday() - begin.weekday()) % 7)
        days = [begin + timedelta(weeks=n) for n in range((end - begin).days // 7 + 1)]
        days = [d for d in days if d <= end]
    return [d for d in days if d not in rule.skipped]


def occurrences(
    rules: Iterable[BlockRule], first: date, last: date, zone: ZoneInfo
) -> list[BlockOccurrence]:
    """Every occurrence touching local days ``first``..``last``, by start then block id.

    An occurrence that starts the day before ``first`` and runs past midnight is included.
    """
    found: list[BlockOccurrence] = []
    for rule in rules:
        for day in start_days(rule, first - timedelta(days=1), last):
            wall_start = datetime.combine(day, rule.start_time)
            wall_end = wall_start + timedelta(minutes=rule.minutes)
            if day < first and wall_end <= datetime.combine(first, time(0)):
                continue
            found.append(
                BlockOccurrence(
                    rule.id,
                    rule.provider_id,
                    day,
                    wall_start,
                    wall_end,
                    to_utc(wall_start, zone, fold=0),
                    to_utc(wall_end, zone, fold=1),
                    rule.reason,
                    rule.repeats_weekly,
                )
            )
    found.sort(key=lambda o: (o.start, o.block_id))
    return found
