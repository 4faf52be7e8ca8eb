"""Benchmark: the core booking paths on a database with 200,000 bookings (no HTTP).

Builds a SQLite file with 10 providers working 09:00–17:00 on weekdays, fully
booked with 30-minute bookings for about five years before ``NOW`` (200,000
rows), then times, each as the median of many runs:

- the overlap query for one day and one provider, bounded on both sides over
  ``(provider_id, start_at)`` as the code runs it, against the unbounded form
  (``start < day_end AND end > day_start``) it replaces;
- ``slots_for_day`` for one provider and for "any provider" (10 providers);
- ``book_public`` one after another on free future slots (bookings per second),
  and how many SQL statements one booking runs;
- a refused booking (``SlotTaken`` with its three alternatives).

Prints the numbers and writes ``tests/benchmarks/results/bookings_core.json``.
Run from the checkout: ``python -m tests.benchmarks.bookings_core``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import SlotTaken
from careops_desktop.core.models import (
    Availability,
    Booking,
    BookingType,
    Business,
    Contact,
    Provider,
    booking_type_providers,
)
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import bookings, slots
from careops_desktop.core.services.bookings import overlaps as booking_overlaps

NOW = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # a Monday morning
PROVIDERS = 10
BOOKINGS = 200_000
RESULTS = Path(__file__).parent / "results" / "bookings_core.json"


def build(db: Database) -> float:
    """Fill ``db``; returns the seconds it took."""
    started = time.perf_counter()
    with db.write_session() as s:
        s.add(
            Business(
                name="Bench Clinic",
                timezone="UTC",
                is_active=True,
                min_notice_minutes=0,
                booking_horizon_days=365,
                slot_step_minutes=30,
                automations={},
            )
        )
        s.execute(
            insert(Provider),
            [{"id": i, "name": f"Provider {i}", "sort_order": i} for i in range(1, PROVIDERS + 1)],
        )
        s.execute(
            insert(Availability),
            [
                {"provider_id": p, "weekday": d, "start_time": clock(9), "end_time": clock(17)}
                for p in range(1, PROVIDERS + 1)
                for d in range(5)
            ],
        )
        s.execute(
            insert(BookingType),
            [{"id": 1, "name": "Visit", "slug": "visit", "duration_minutes": 30}],
        )
        s.execute(
            insert(booking_type_providers),
            [{"booking_type_id": 1, "provider_id": p} for p in range(1, PROVIDERS + 1)],
        )
        s.add(Contact(id=1, name="Regular", email="regular@example.com"))
    rows: list[dict[str, Any]] = []
    day = NOW.date()
    while len(rows) < BOOKINGS:
        day -= timedelta(days=1)
        if day.weekday() >= 5:
            continue
        for provider in range(1, PROVIDERS + 1):
            for n in range(16):
                start = datetime.combine(day, clock(9), UTC) + timedelta(minutes=30 * n)
                rows.append(
                    {
                        "contact_id": 1,
                        "booking_type_id": 1,
                        "provider_id": provider,
                        "start_at": start,
                        "end_at": start + timedelta(minutes=30),
                        "status": "completed",
                        "manage_token": f"t{len(rows)}",
                    }
                )
    with db.write_session() as s:
        for i in range(0, len(rows), 20_000):
            s.execute(insert(Booking), rows[i : i + 20_000])
    return time.perf_counter() - started


def median_ms(fn: Callable[[], object], runs: int) -> dict[str, float]:
    """Median wall-clock and CPU milliseconds of ``fn`` (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "wall_ms": round(statistics.median(wall), 3),
        "cpu_ms": round(statistics.median(cpu), 3),
    }


def overlap_queries(db: Database) -> dict[str, dict[str, float]]:
    day = date(2024, 6, 12)  # well inside the history: many earlier bookings
    day_start = datetime.combine(day, clock(0), UTC)
    day_end = day_start + timedelta(days=1)

    def bounded() -> None:
        with db.session() as s:
            booking_overlaps.conflicting_bookings(s, [5], day_start, day_end)

    def unbounded() -> None:
        with db.session() as s:
            s.execute(
                select(Booking.id, Booking.start_at, Booking.end_at).where(
                    Booking.provider_id == 5,
                    Booking.start_at < day_end,
                    Booking.end_at > day_start,
                    Booking.status != "cancelled",
                )
            ).all()

    return {"bounded": median_ms(bounded, 200), "unbounded": median_ms(unbounded, 50)}


def slot_pages(db: Database) -> dict[str, dict[str, float]]:
    future = date(2026, 6, 3)
    return {
        "one_provider": median_ms(lambda: db.call(slots.slots_for_day, 1, future, 3, NOW), 200),
        "any_provider": median_ms(lambda: db.call(slots.slots_for_day, 1, future, None, NOW), 200),
    }


def booking_writes(db: Database) -> dict[str, Any]:
    starts = []
    day = NOW.date()
    while len(starts) < 400:
        if day.weekday() < 5:
            starts += [
                datetime.combine(day, clock(9), UTC) + timedelta(minutes=30 * n) for n in range(16)
            ]
        day += timedelta(days=1)

    def book(i: int, start: datetime) -> None:
        db.call(
            bookings.book_public,
            booking_type_id=1,
            provider_id=1,
            start_utc=start,
            name=f"Customer {i}",
            email=f"customer{i}@example.com",
            now=NOW,
        )

    statements: list[str] = []
    listener = lambda *args: statements.append(str(args[2]))  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    book(0, starts[0])
    event.remove(db.engine, "before_cursor_execute", listener)
    started, started_cpu = time.perf_counter(), time.process_time()
    for i, start in enumerate(starts[1:], start=1):
        book(i, start)
    elapsed = time.perf_counter() - started
    elapsed_cpu = time.process_time() - started_cpu

    def refused() -> None:
        try:
            book(99_999, starts[1])
        except SlotTaken:
            pass

    return {
        "bookings_per_second": round((len(starts) - 1) / elapsed, 1),
        "ms_per_booking": round(elapsed * 1000 / (len(starts) - 1), 3),
        "cpu_ms_per_booking": round(elapsed_cpu * 1000 / (len(starts) - 1), 3),
        "statements_per_booking": len(statements),
        "refused_booking": median_ms(refused, 50),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("CAREOPS_HOME", folder)
        db = Database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        upgrade_to_head(db.engine)
        build_seconds = build(db)
        results = {
            "overlap_query_one_day": overlap_queries(db),
            "slots_for_day": slot_pages(db),
            "book_public": booking_writes(db),
        }
        db.close()
    report = {
        "benchmark": "bookings_core",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_1min": round(os.getloadavg()[0], 2),
        },
        "bookings": BOOKINGS,
        "providers": PROVIDERS,
        "build_seconds": round(build_seconds, 1),
        "results": results,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"built {BOOKINGS:,} bookings in {build_seconds:.1f} s")
    for name, numbers in results.items():
        print(name, json.dumps(numbers))


if __name__ == "__main__":
    main()
