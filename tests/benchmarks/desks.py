"""Benchmark: several desks live — from a commit in process B to the Qt signal in window A.

For each database (a SQLite file; PostgreSQL when ``tests/pg_server.py`` can start one):

- **latency**: desk B (``tests/web/desk_worker.py``, a process of its own) commits 500
  changes one after another, 20–60 ms apart; each is a transaction whose only content is
  a ``BookingChanged`` event, so what is timed is the way to A, not a booking's work.
  A is this process: a Qt application with the app's :class:`EventsBridge` and
  :class:`ChangeListener`. Latency = ``bookingsChanged`` emitted on A's Qt thread minus
  ``time.monotonic()`` right after B's commit (one clock for every process on Linux).
  Targets: p95 ≤ 1 s on PostgreSQL, ≤ 500 ms on SQLite.
- **idle CPU**: the same listening process (Qt loop, listener, database worker) left
  alone for ``--idle-seconds`` (60): its CPU time over wall time, as % of one core.
  Target ≤ 1 %.

Prints the figures and writes ``tests/benchmarks/results/desks.json``.
Run from the checkout: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.desks``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from careops_desktop.core import events
from careops_desktop.core.change_listener import ChangeListener
from careops_desktop.core.db import Database
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.ui.events_bridge import EventsBridge
from tests.web.desks import DeskB

RESULTS = Path(__file__).parent / "results"
CHANGES = 500


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(app: QCoreApplication, url: str, changes: int, idle_seconds: float) -> dict[str, Any]:
    """Latency over ``changes`` changes and idle CPU, with A listening to ``url``."""
    database = Database(url)
    upgrade_to_head(database.engine)
    bridge = EventsBridge()
    arrived: dict[int, float] = {}

    def on_booking(event: events.DomainEvent) -> None:
        if isinstance(event, events.BookingChanged) and event.provider_id == 0:
            arrived.setdefault(event.booking_id, time.monotonic())

    bridge.bookingsChanged.connect(on_booking)
    listener = ChangeListener(database)
    listener.start()
    committed: dict[int, float] = {}
    done = threading.Event()

    def drive() -> None:  # desk B's side, off the Qt thread
        desk = DeskB(url)
        try:
            for n in range(1, changes + 1):
                committed[n] = float(desk.ask(do="mark", n=n)["at"])
                time.sleep(random.uniform(0.02, 0.06))
        finally:
            desk.close()
            done.set()

    threading.Thread(target=drive, name="desk-b-driver", daemon=True).start()
    deadline = time.monotonic() + changes * 0.2 + 60
    while (not done.is_set() or len(arrived) < len(committed)) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    latencies = [arrived[n] - committed[n] for n in committed if n in arrived]
    missing = len(committed) - len(latencies)

    # idle: nothing happens; the Qt loop runs as a window's would
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(app.quit)
    cpu0, wall0 = time.process_time(), time.monotonic()
    timer.start(int(idle_seconds * 1000))
    app.exec()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0

    listener.close()
    bridge.close()
    database.close()
    result = {
        "changes": len(committed),
        "missing": missing,
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
        "max_ms": round(max(latencies) * 1000, 1) if latencies else None,
        "idle_seconds": round(wall, 1),
        "idle_cpu_percent": round(100 * cpu / wall, 3),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=CHANGES)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QCoreApplication.instance() or QCoreApplication([])
    results: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'desks.sqlite3'}"
            results["sqlite"] = measure(app, url, args.changes, args.idle_seconds)
            print("SQLite:", results["sqlite"], flush=True)
    if args.only in (None, "postgres"):
        from tests.pg_server import start_server

        try:
            server = start_server()
        except (RuntimeError, OSError) as exc:
            print(f"PostgreSQL skipped: {exc}")
        else:
            try:
                import psycopg

                admin = server.url("postgres").replace("+psycopg", "")
                with psycopg.connect(admin, autocommit=True) as connection:
                    connection.execute("CREATE DATABASE careops_desks")
                url = server.url("careops_desks")
                results["postgres"] = measure(app, url, args.changes, args.idle_seconds)
                print("PostgreSQL:", results["postgres"], flush=True)
            finally:
                server.stop()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "desks.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
