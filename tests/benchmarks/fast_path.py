"""Benchmark: the SQLite statement fast path alone, on and off in the same run, interleaved.

On the large demo database (as ``web.py``), in rounds, each round once with the
fast path (``CAREOPS_STATEMENT_FAST_PATH=1``) and once without (``=0``), the
order alternating from round to round so that a busy neighbour on a shared
machine hurts both alike:

- the whole booking POST through ``careops serve`` as it runs by default
  (a fresh server per phase, 32 connections from ``wrk``, each phase with its
  own share of free times): bookings per second and the server's CPU
  milliseconds per booking;
- ``book_public`` in this process through ``Database.call`` one after another
  (the transaction alone, no HTTP): milliseconds and CPU milliseconds per booking.

Reports the median of the rounds for each way and writes
``tests/benchmarks/results/fast_path.json``.
Run from the checkout: ``python -m tests.benchmarks.fast_path [--db large.sqlite3]
[--rounds 5] [--seconds 3]`` (without ``--db`` the large demo is built first; the run
books free times, so give it a fresh copy each time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from careops_desktop.core import statement_runner
from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import bookings
from careops_desktop.core.services.business import business_zone, update_profile
from careops_desktop.web.queries import load_catalog
from tests.benchmarks import wrk_load
from tests.benchmarks.web import (
    build_large,
    free_bookings,
    start_server,
    stop_server,
    with_server_cpu,
)

RESULTS = Path(__file__).parent / "results" / "fast_path.json"
WAYS = ("on", "off")


def _post_phase(db_path: Path, way: str, share: list[Any], seconds: float) -> dict[str, Any]:
    os.environ[statement_runner.FAST_PATH_ENV] = "1" if way == "on" else "0"
    process, base = start_server(db_path, slot_cache=True)
    try:
        return with_server_cpu(process, lambda: wrk_load.bookings(base, share, seconds))
    finally:
        stop_server(process)


def _call_phase(
    db: Database, way: str, share: list[Any], type_ids: dict[str, int]
) -> tuple[float, float]:
    """Milliseconds per ``book_public`` call (wall, CPU) over ``share``."""
    statement_runner.set_fast_path(way == "on")
    started, started_cpu = time.perf_counter(), time.process_time()
    for n, (slug, provider, start) in enumerate(share):
        db.call(
            bookings.book_public,
            booking_type_id=type_ids[slug],
            provider_id=provider,
            start_utc=start,
            name=f"Bench {way} {n}",
            email=f"bench-{way}-{n}@example.com",
        )
    elapsed = time.perf_counter() - started
    statement_runner.set_fast_path(True)
    return elapsed * 1000 / len(share), (time.process_time() - started_cpu) * 1000 / len(share)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database to use")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each POST phase")
    parser.add_argument("--per-phase", type=int, default=2000, help="free times per POST phase")
    parser.add_argument("--calls", type=int, default=150, help="book_public calls per phase")
    parser.add_argument("--no-http", action="store_true", help="only the in-process phases")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="careops-fastpath-bench-"))
    db_path = args.db.resolve() if args.db else build_large(folder)
    db = Database(f"sqlite:///{db_path}")
    upgrade_to_head(db.engine)
    today = datetime.now(db.call(business_zone)).date()
    db.call(update_profile, Actor.system("Benchmark"), booking_horizon_days=730)
    phases = args.rounds * len(WAYS)
    http_each = 0 if args.no_http else args.per_phase
    todo = free_bookings(db, today, phases * (http_each + args.calls))
    type_ids = {t.slug: t.id for t in db.call(load_catalog).types}
    print(f"prepared {len(todo)} free times", flush=True)
    calls = todo[: phases * args.calls]
    posts = todo[phases * args.calls :]
    found: dict[str, dict[str, list[float]]] = {
        way: {"post_per_s": [], "post_cpu_ms": [], "call_ms": [], "call_cpu_ms": []} for way in WAYS
    }
    phase = 0
    for round_no in range(args.rounds):
        order = WAYS if round_no % 2 == 0 else WAYS[::-1]
        for way in order:
            ms, cpu_ms = _call_phase(
                db, way, calls[phase * args.calls : (phase + 1) * args.calls], type_ids
            )
            found[way]["call_ms"].append(ms)
            found[way]["call_cpu_ms"].append(cpu_ms)
            line = f"round {round_no + 1} fast path {way:3}: book_public {ms:6.2f} ms"
            if http_each:
                share = posts[phase * http_each : (phase + 1) * http_each]
                posted = _post_phase(db_path, way, share, args.seconds)
                found[way]["post_per_s"].append(posted["bookings_per_second"])
                found[way]["post_cpu_ms"].append(posted.get("server_cpu_ms_per_request", 0.0))
                line += (
                    f"; POST {posted['bookings_per_second']:7.1f}/s"
                    f" server CPU {posted.get('server_cpu_ms_per_request')} ms/booking"
                    f" {posted['statuses']}"
                )
            print(line, flush=True)
            phase += 1
    db.close()
    medians = {
        way: {key: round(statistics.median(v), 3) for key, v in numbers.items() if v}
        for way, numbers in found.items()
    }
    report = {
        "benchmark": "fast_path",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2)},
        "rounds": args.rounds,
        "seconds_per_post_phase": args.seconds,
        "medians": medians,
        "all": found,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for way in WAYS:
        print(f"median, fast path {way:3}: {json.dumps(medians[way])}")


if __name__ == "__main__":
    main()
