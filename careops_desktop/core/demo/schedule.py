"""The appointment times of the demo: per provider, per day, one after another.

Each provider's day is walked from the opening of each range to its close; a
booking starts only after the previous one (and both buffers) has ended, so
no two bookings of one provider can overlap — by construction, not by luck.
How full a day is follows the plan's ``fill`` with some variation (quiet
Decembers, busier Mondays, a practice that grew over the years).
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from careops_desktop.core.demo.catalogue import ProviderInfo, TypeInfo
from careops_desktop.core.demo.plan import BookingTypeSpec

STEP = 15  # minutes between possible start times
# Time is lost where a range ends and on the step grid; this factor (measured on
# the large demo) makes the booked share of opening hours come out at the plan's fill.
CALIBRATION = 1.12


@dataclass(frozen=True, slots=True)
class Slot:
    """One appointment time: ``provider`` and ``type`` are indexes into the catalogue."""

    provider: int
    type: int
    start: datetime  # UTC
    end: datetime  # UTC


@dataclass(frozen=True)
class ScheduleStats:
    open_minutes: int
    booked_minutes: int

    @property
    def fill(self) -> float:
        return self.booked_minutes / self.open_minutes if self.open_minutes else 0.0


def day_fill(base: float, day: date, first_day: date, last_day: date, rng: random.Random) -> float:
    """How full one day should be: the plan's fill with season, weekday, growth and noise."""
    span = max((last_day - first_day).days, 1)
    growth = 0.85 + 0.25 * (day - first_day).days / span  # the practice grew over the years
    season = 0.8 if day.month in (8, 12) else (1.1 if day.month in (1, 9, 10) else 1.0)
    weekday = 1.1 if day.weekday() == 0 else (0.9 if day.weekday() == 4 else 1.0)
    value = base * growth * season * weekday + rng.gauss(0.0, 0.08)
    return min(0.95, max(0.1, value))


@dataclass(frozen=True)
class TypeMix:
    """The booking types one provider offers, how often each is chosen, and their averages."""

    offered: tuple[int, ...]
    cumulative: tuple[float, ...]
    mean_duration: float
    mean_block: float  # duration plus buffers

    @classmethod
    def of(cls, provider: ProviderInfo, types: tuple[TypeInfo, ...]) -> TypeMix:
        offered = provider.type_indexes
        specs = [types[i].spec for i in offered]
        total = sum(s.weight for s in specs)
        duration = sum(s.duration * s.weight for s in specs) / total
        buffers = sum((s.buffer_before + s.buffer_after) * s.weight for s in specs) / total
        cumulative = tuple(itertools.accumulate(s.weight for s in specs))
        return cls(offered, cumulative, duration, duration + buffers)


def provider_day(
    provider_index: int,
    provider: ProviderInfo,
    mix: TypeMix,
    types: tuple[TypeInfo, ...],
    day: date,
    zone: ZoneInfo,
    fill: float,
    rng: random.Random,
) -> tuple[list[Slot], int, int]:
    """The bookings of one provider on one local day; returns (slots, open, booked minutes).

    Each booking (with its buffers) starts at or after the end of the previous
    one's after-buffer and ends before the range closes.
    """
    mean_gap = max(0.0, mix.mean_duration / (fill * CALIBRATION) - mix.mean_block)
    slots: list[Slot] = []
    open_minutes = booked = 0
    for weekday, opens, closes in provider.hours:
        if weekday != day.weekday():
            continue
        cursor = datetime.combine(day, opens)
        close = datetime.combine(day, closes)
        open_minutes += int((close - cursor).total_seconds() // 60)
        while True:
            cursor += timedelta(minutes=_gap(mean_gap, rng))
            type_index = rng.choices(mix.offered, cum_weights=mix.cumulative)[0]
            if not _fits(types[type_index].spec, cursor, close):
                fitting = [i for i in mix.offered if _fits(types[i].spec, cursor, close)]
                if not fitting:
                    break
                type_index = rng.choice(fitting)
            spec = types[type_index].spec
            start = cursor + timedelta(minutes=spec.buffer_before)
            end = start + timedelta(minutes=spec.duration)
            slots.append(
                Slot(
                    provider_index,
                    type_index,
                    start.replace(tzinfo=zone).astimezone(UTC),
                    end.replace(tzinfo=zone).astimezone(UTC),
                )
            )
            booked += spec.duration
            cursor = end + timedelta(minutes=spec.buffer_after)
            late = cursor.minute % STEP  # the next start lands on the step grid again
            if late:
                cursor += timedelta(minutes=STEP - late)
    return slots, open_minutes, booked


def _fits(spec: BookingTypeSpec, cursor: datetime, close: datetime) -> bool:
    need = spec.buffer_before + spec.duration + spec.buffer_after
    return cursor + timedelta(minutes=need) <= close


def _gap(mean: float, rng: random.Random) -> int:
    """An idle gap in whole steps whose average is ``mean`` minutes."""
    if mean <= 0:
        return 0
    minutes = rng.expovariate(1.0 / mean)
    steps = minutes / STEP
    whole = math.floor(steps)
    if rng.random() < steps - whole:
        whole += 1
    return whole * STEP


def build_schedule(
    providers: tuple[ProviderInfo, ...],
    types: tuple[TypeInfo, ...],
    zone: ZoneInfo,
    first_day: date,
    last_day: date,
    base_fill: float,
    rng: random.Random,
) -> tuple[list[Slot], ScheduleStats]:
    """Every appointment time from ``first_day`` to ``last_day``, in start order."""
    slots: list[Slot] = []
    open_total = booked_total = 0
    days = (last_day - first_day).days + 1
    for index, provider in enumerate(providers):
        mix = TypeMix.of(provider, types)
        for offset in range(days):
            day = first_day + timedelta(days=offset)
            if day in provider.closed:
                continue
            fill = day_fill(base_fill, day, first_day, last_day, rng)
            found, open_minutes, booked = provider_day(
                index, provider, mix, types, day, zone, fill, rng
            )
            slots.extend(found)
            open_total += open_minutes
            booked_total += booked
    slots.sort(key=lambda s: (s.start, s.provider))
    return slots, ScheduleStats(open_total, booked_total)
