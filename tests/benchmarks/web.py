"""Benchmark: the booking page under load, on the large demo database, over loopback.

The listener runs as ``careops serve`` in its own process (the production path:
one asyncio loop, one database worker); the load is 32 concurrent connections
from Debian's ``wrk`` when it is installed (C: a few microseconds per request,
so the listener gets the machine; see ``wrk_load.py``), else from this process's
aiohttp client (Python: on 2 cores it takes much of the CPU it measures);
``--client`` chooses and the results name the load generator. Measured:

- the slots page (``/book/<type>?provider=<id>&date=<day>``) over a rotation of
  120 (day, booking type) pairs: requests per second and p50/p99 latency, first
  with the slot cache as shipped, then with it switched off (every request
  computes the day's free slots in the database);
- the Qt thread's worst stall while the listener runs on its own thread inside
  the desktop app's window (offscreen; every main tab built as the app does, the
  Bookings calendar shown, one shared database worker), first while another
  process loads the slots page, then while one loads the slots page and another
  posts bookings (their events reach the open views); also without the time the
  Qt thread waited for a CPU, which on a shared 2-core machine is most of the noise;
- the whole booking POST (CSRF, fill time, validation, one transaction with
  contact, conversation, booking, stock, forms, outbox, audit, then the 303):
  bookings per second and p50/p99 latency, with ``careops serve`` as it runs by
  default and again kept on one CPU (``serve --cpu``);
- a class's seat POSTs: the same POST for a class (a booking type with seats, on
  its own provider so the single bookings are untouched), every session's seats
  posted by 32 clients at once: seats per second, p50/p99, and that no session
  holds more than its seats.

Prints the numbers and writes ``tests/benchmarks/results/web.json``.
Run from the checkout: ``python -m tests.benchmarks.web [--db large.sqlite3] [--seconds 15]``
(without ``--db`` the large demo is built first, which takes a minute or two; the run
books the demo's free slots, so use a fresh copy each time; ``--qt-only`` runs only the
Qt phase and replaces its numbers in the results file; ``--posts-only`` runs only the
single-booking POST phase and the class seats phase, ``--no-classes`` leaves the latter out).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

import aiohttp

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import slots as slot_service
from careops_desktop.core.services.business import business_zone, get_profile, update_profile
from careops_desktop.web.queries import PublicType, load_catalog
from tests.benchmarks import wrk_load
from tests.benchmarks.web_load import CLIENTS, cold_pass, hammer_bookings, hammer_slots, percentile

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).parent / "results" / "web.json"
PAIRS = 120
TARGETS = {"slots_rps": 2000, "slots_p99_ms": 30, "bookings_per_s": 300, "qt_stall_ms": 50}


# -- the server --------------------------------------------------------------------------


def start_server(
    db_path: Path, *, slot_cache: bool, cpu: int | None = None
) -> tuple[subprocess.Popen[str], str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
        CAREOPS_HOME=str(db_path.parent / "home"),
        CAREOPS_WEB_MIN_FILL_SECONDS="0",
        CAREOPS_WEB_POST_RATE_PER_MINUTE="100000000",
        CAREOPS_WEB_POST_BURST="1000000",
        CAREOPS_WEB_SLOT_CACHE_SECONDS="30" if slot_cache else "0",
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "careops_desktop",
            "--db",
            str(db_path),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            *(["--cpu", str(cpu)] if cpu is not None else []),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Booking page:"):
            return process, line.split(": ", 1)[1].strip()
    raise SystemExit("careops serve did not start")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far (Linux ``/proc``), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def with_server_cpu(process: subprocess.Popen[str], phase: Any) -> dict[str, Any]:
    """Run ``phase()`` and add the server's CPU milliseconds per request to its summary.

    On a shared machine the wall-clock rates depend on the neighbours; the CPU the
    listener process spent per request does not (much).
    """
    before = cpu_seconds(process.pid)
    result: dict[str, Any] = phase()
    after = cpu_seconds(process.pid)
    if before is not None and after is not None and result["requests"]:
        result["server_cpu_ms_per_request"] = round((after - before) * 1000 / result["requests"], 3)
    return result


def stop_server(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()


# -- what to ask for ---------------------------------------------------------------------


def slot_pairs(db: Database, today: date) -> list[str]:
    """120 slot-page paths: (day, booking type) pairs, each with one of the type's providers."""
    catalog = db.call(load_catalog)
    types: list[PublicType] = list(catalog.types)
    paths: list[str] = []
    offset = 1
    while len(paths) < PAIRS:
        for t in types:
            provider = t.providers[offset % len(t.providers)]
            day = today + timedelta(days=offset)
            paths.append(f"/book/{t.slug}?provider={provider.id}&date={day.isoformat()}")
            if len(paths) == PAIRS:
                break
        offset += 1
    return paths


def free_bookings(db: Database, today: date, wanted: int) -> list[tuple[str, int, datetime]]:
    """Free, mutually non-overlapping (type slug, provider, start) triples to book."""
    catalog = db.call(load_catalog)
    profile = db.call(get_profile)
    found: list[tuple[str, int, datetime]] = []
    busy: dict[int, list[tuple[datetime, datetime]]] = {}
    for offset in range(2, profile.booking_horizon_days - 1):
        day = today + timedelta(days=offset)
        for t in catalog.types:
            length = timedelta(minutes=t.duration_minutes)
            for provider in t.providers:
                free = db.call(slot_service.slots_for_day, t.id, day, provider.id)
                taken = busy.setdefault(provider.id, [])
                for slot in free.slots:
                    start, end = slot.start_utc, slot.start_utc + length + timedelta(minutes=30)
                    if any(start < b_end and b_start < end for b_start, b_end in taken):
                        continue
                    taken.append((start - timedelta(minutes=30), end))
                    found.append((t.slug, provider.id, start))
                    if len(found) >= wanted:
                        return found
    return found


CLASS_SEATS = 20


def open_class(db: Database, today: date, wanted: int) -> list[tuple[str, int, datetime]]:
    """A class on its own new provider (so no single booking is in its way), and
    ``wanted`` seat POSTs for it: every free session's seats, session after session."""
    from careops_desktop.core.permissions import Role, permissions_for
    from careops_desktop.core.services import bookings, providers

    setup = Actor(None, "Benchmark", Role.OWNER, permissions_for(Role.OWNER))

    def make(session: Any) -> tuple[int, str, int]:
        studio = providers.create_provider(session, setup, name="Benchmark Studio")
        week = [providers.HoursRange(d, clock(7), clock(21)) for d in range(7)]
        providers.set_weekly_hours(session, setup, studio.id, week)
        made = bookings.create_booking_type(
            session, setup, name="Benchmark class", duration_minutes=60, provider_ids=[studio.id]
        )
        bookings.set_capacity(session, setup, made.id, CLASS_SEATS)
        return made.id, made.slug, studio.id

    type_id, slug, studio = db.call(make)
    found: list[tuple[str, int, datetime]] = []
    for offset in range(2, 700):
        free = db.call(slot_service.slots_for_day, type_id, today + timedelta(days=offset), studio)
        starts = [s.start_utc for s in free.slots]
        taken: list[datetime] = []
        for start in starts:  # sessions an hour apart: one at a time
            if taken and start < taken[-1] + timedelta(hours=1):
                continue
            taken.append(start)
            found.extend([(slug, studio, start)] * CLASS_SEATS)
            if len(found) >= wanted:
                return found[:wanted]
    return found


def overfull_sessions(db_path: Path) -> int:
    """Class sessions holding more live seats than they have (must be 0)."""
    from sqlalchemy import func, select

    from careops_desktop.core.models import Booking, ClassSession

    db = Database(f"sqlite:///{db_path}")
    try:
        with db.session() as s:
            counts = (
                select(Booking.session_id, func.count(Booking.id).label("n"))
                .where(Booking.session_id.is_not(None), Booking.status != "cancelled")
                .group_by(Booking.session_id)
                .subquery()
            )
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(counts)
                    .join(ClassSession, ClassSession.id == counts.c.session_id)
                    .where(counts.c.n > ClassSession.capacity)
                )
                or 0
            )
    finally:
        db.close()


# -- the listener inside a Qt process -----------------------------------------------------


def _runqueue_waits_ms() -> dict[int, float]:
    """Per thread of this process: how long it has waited for a CPU while runnable, in ms
    (Linux schedstat; empty where the kernel does not say)."""
    found: dict[int, float] = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/self/task/{tid}/schedstat", "rb") as stat:
                found[int(tid)] = int(stat.read().split()[1]) / 1e6
        except (OSError, IndexError, ValueError):
            continue
    return found


def ticks_until(loop: Any, done: Any, limit: float) -> list[tuple[float, float]]:
    """Run the Qt loop (qasync) with a 5 ms timer until ``done()`` or ``limit`` s.

    Returns, for each tick, its lateness in ms beyond the 5 ms asked for, and the longest
    time any thread of this process spent runnable but waiting for a CPU meanwhile (the
    Qt thread itself, or the thread holding the GIL it waits for): time the machine was
    busy with other processes - on a shared 2-core machine, with the load generators on
    it too, most of the noise. 0 where the kernel does not say.
    """
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock = QElapsedTimer()
    clock.start()
    gaps: list[tuple[float, float]] = []
    last: list[Any] = [clock.elapsed(), _runqueue_waits_ms()]
    finished = loop.create_future()

    def tick() -> None:
        now, waits = clock.elapsed(), _runqueue_waits_ms()
        late = float(max(0, now - last[0] - 5))
        before: dict[int, float] = last[1]
        cpu_wait = max((w - before[t] for t, w in waits.items() if t in before), default=0.0)
        gaps.append((late, min(late, round(cpu_wait, 1))))
        last[0], last[1] = now, waits
        if (done() or now > limit * 1000) and not finished.done():
            finished.set_result(None)

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    loop.run_until_complete(finished)
    timer.stop()
    return gaps


def _stall_summary(gaps: list[tuple[float, float]]) -> dict[str, Any]:
    """Worst and p99 lateness; the same without the time spent waiting for a CPU."""
    late = [g for g, _ in gaps]
    own = [g - w for g, w in gaps]
    return {
        "worst_stall_ms": max(late) if late else 0.0,
        "p99_stall_ms": percentile(late, 0.99),
        "over_16ms": sum(1 for g in late if g > 16),
        "worst_stall_ms_not_waiting_for_cpu": round(max(own), 1) if own else 0.0,
        "p99_stall_ms_not_waiting_for_cpu": round(percentile(own, 0.99), 1),
        "waiting_for_cpu_ms": round(sum(w for _, w in gaps), 1),  # the longest waiter per tick
        "ticks": len(gaps),
    }


def _machine_load() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def _load_process(url: str, seconds: float, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.web_load", url, str(seconds), *options],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
        text=True,
    )


def _served(process: subprocess.Popen[str]) -> dict[str, Any]:
    out = process.communicate()[0]
    return json.loads(out.strip().splitlines()[-1]) if out.strip() else {}


def qt_stall_under_load(
    db_path: Path, paths: list[str], seconds: float, todo: list[tuple[str, int, datetime]]
) -> dict[str, Any]:
    """The desktop app's shape: the main window (every main tab built as the app does, the
    Bookings calendar showing) on the Qt thread with qasync, the runtime's listener on its own
    thread, one shared database worker. Other processes load the booking page in two phases:

    - ``slots``: the slots page (one cold pass, then the rotation), as before;
    - ``slots_and_bookings``: the slots page and, at the same time, booking POSTs for the
      prepared free slots, so ``BookingChanged`` events reach the open views while we measure.

    For each phase: the worst gap between 5 ms timer ticks on the Qt thread beyond the 5 ms
    asked for, the p99, and how often the views refreshed (events, calendar renders,
    dashboard loads). ``worst_stall_ms`` is the worse of the two phases.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careops_desktop.runtime import Runtime
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.main_window import MainWindow
    from careops_desktop.ui.ops import Ops
    from careops_desktop.ui.runtime_link import keep_the_window_responsive
    from careops_desktop.web.settings import WebSettings
    from tests.ui.tab_helpers import demo_owner

    settings_dir = tempfile.mkdtemp(prefix="careops-web-bench-qsettings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    db = Database(f"sqlite:///{db_path}")
    ops = Ops(db, loop=loop)
    bridge = EventsBridge()
    # as the app: every main tab's page is built after the first paint and listens to events
    window = MainWindow(ops, bridge, demo_owner(db), idle_minutes=0, prebuild=True)
    window.resize(1400, 900)
    window.show()
    counts = {"events": 0, "calendar_renders": 0, "dashboard_loads": 0}

    def count(key: str) -> Any:
        def bump(*_args: object) -> None:
            counts[key] += 1

        return bump

    bridge.bookingsChanged.connect(count("events"))
    window.show_tab("dashboard")
    ticks_until(loop, lambda: ops.pending == 0, 60)
    dashboard = window.page("dashboard")
    dashboard.loaded.connect(count("dashboard_loads"))  # type: ignore[union-attr]
    window.show_tab("bookings")
    ticks_until(loop, lambda: ops.pending == 0 and window.pages_ready, 60)
    calendar = window.page("bookings").calendar  # type: ignore[union-attr]
    render = calendar.set_data

    def counted_render(*args: Any, **kwargs: Any) -> Any:
        counts["calendar_renders"] += 1
        return render(*args, **kwargs)

    calendar.set_data = counted_render
    runtime = Runtime(
        db,
        host="127.0.0.1",
        port=0,
        jobs=[],
        settings=WebSettings(post_rate_per_minute=1e8, post_burst=1_000_000, min_fill_seconds=0),
    )
    if os.environ.get("CAREOPS_BENCH_DEFAULT_SWITCH") != "1":  # as RuntimeLink.start does
        keep_the_window_responsive()
    url = runtime.start_in_thread()
    todo_file = Path(settings_dir) / "todo.json"
    todo_file.write_text(json.dumps([[slug, pid, start.isoformat()] for slug, pid, start in todo]))
    result: dict[str, Any] = {}
    try:
        result["baseline"] = _stall_summary(ticks_until(loop, lambda: False, 3.0))
        for phase in ("slots", "slots_and_bookings"):
            before = dict(counts)
            loads = {"slots": _load_process(url, seconds, "--warm")}
            if phase == "slots_and_bookings":
                # paced so that the prepared free slots last the whole phase
                rate = f"{max(1.0, len(todo) / seconds):.1f}"
                loads["bookings"] = _load_process(
                    url, seconds, "--book", str(todo_file), "--per-second", rate
                )
            gaps = ticks_until(
                loop, lambda ls=loads: all(p.poll() is not None for p in ls.values()), seconds + 90
            )
            # the views' last refreshes after the load ended are part of the phase
            tail = ticks_until(loop, lambda: ops.pending == 0, 10)
            summary = _stall_summary(gaps + tail)
            summary["load_average_after"] = _machine_load()
            summary["loads"] = {name: _served(p) for name, p in loads.items()}
            summary["refreshes"] = {k: counts[k] - before[k] for k in counts}
            result[phase] = summary
    finally:
        runtime.stop()
        loop.run_until_complete(ops.shutdown())
        bridge.close()
        window.close()
        db.close()
    result["when"] = datetime.now(UTC).isoformat(timespec="seconds")
    result["baseline_worst_stall_ms"] = result["baseline"]["worst_stall_ms"]
    result["worst_stall_ms"] = max(
        result[p]["worst_stall_ms"] for p in ("slots", "slots_and_bookings")
    )
    result["p99_stall_ms"] = max(result[p]["p99_stall_ms"] for p in ("slots", "slots_and_bookings"))
    return result


# -- main --------------------------------------------------------------------------------


def build_large(folder: Path) -> Path:
    from careops_desktop.core.demo import build_demo

    path = folder / "large-demo.sqlite3"
    db = Database(f"sqlite:///{path}")
    upgrade_to_head(db.engine)
    started = time.perf_counter()
    build_demo(db, "large")
    db.close()
    print(f"built the large demo in {time.perf_counter() - started:.0f} s")
    return path


def _ran_out(phase: dict[str, Any]) -> str:
    """A warning when a POST phase used up its prepared free times (409s): then its rate
    counts only the bookings there were, and is a lower bound (raise ``--bookings``)."""
    if phase["statuses"].get("409"):
        return f"  (used up all {phase['prepared_slots']} prepared times: a lower bound)"
    return ""


def print_stall(stall: dict[str, Any]) -> None:
    """One line per phase of :func:`qt_stall_under_load`."""
    print(f"Qt thread, idle window + listener: worst stall {stall['baseline_worst_stall_ms']} ms")
    for phase in ("slots", "slots_and_bookings"):
        found = stall[phase]
        loads = "  ".join(
            f"{name} {load.get('per_second')} req/s"
            + (f" ({load.get('bookings_per_second')} bookings/s)" if name == "bookings" else "")
            for name, load in found["loads"].items()
        )
        print(
            f"Qt thread under {phase}: worst stall {found['worst_stall_ms']} ms"
            f"  p99 {found['p99_stall_ms']} ms  ticks>16ms {found['over_16ms']}  ({loads})"
            f"  refreshes {found['refreshes']}"
        )
        print(
            f"    not counting waits for a CPU: worst {found['worst_stall_ms_not_waiting_for_cpu']}"
            f" ms  p99 {found['p99_stall_ms_not_waiting_for_cpu']} ms  (waited"
            f" {found['waiting_for_cpu_ms']} ms in all; load average {found['load_average_after']})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database to use")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each load phase")
    parser.add_argument("--bookings", type=int, default=20000, help="free slots to prepare")
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "aiohttp"),
        default="auto",
        help="load generator for the slots and POST phases (auto: wrk when installed)",
    )
    parser.add_argument(
        "--posts-only",
        action="store_true",
        help="only the single-booking POST phase and the class seats phase",
    )
    parser.add_argument("--no-classes", action="store_true", help="leave the class seats phase out")
    parser.add_argument(
        "--qt-only",
        action="store_true",
        help="only the Qt phase; its numbers replace those in the existing results file",
    )
    args = parser.parse_args()
    use_wrk = args.client == "wrk" or (args.client == "auto" and wrk_load.available())
    folder = Path(tempfile.mkdtemp(prefix="careops-web-bench-"))
    db_path = args.db.resolve() if args.db else build_large(folder)
    db = Database(f"sqlite:///{db_path}")
    upgrade_to_head(db.engine)
    zone = db.call(business_zone)
    today = datetime.now(zone).date()
    paths = slot_pairs(db, today)
    # two years ahead (the policy's maximum), so there are free times for whole phases of
    # booking: the demo's 60 days hold only ~1,200 non-overlapping ones
    db.call(update_profile, Actor.system("Benchmark"), booking_horizon_days=730)
    todo = free_bookings(db, today, args.bookings)
    class_todo = [] if args.no_classes else open_class(db, today, args.bookings // 2)
    db.close()
    # the two POST phases book the first three quarters; the Qt phase's booking load (it
    # shares the machine with the slots load and the window, so it books fewer) the rest
    todo, qt_todo = todo[: len(todo) * 3 // 4], todo[len(todo) * 3 // 4 :]
    os.environ["CAREOPS_BENCH_PATHS"] = json.dumps(paths)
    if args.qt_only:
        stall = qt_stall_under_load(db_path, paths, args.seconds, todo + qt_todo)
        print_stall(stall)
        kept = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        kept["qt_stall"] = stall
        kept.setdefault("met", {})["qt_stall_ms"] = (
            stall["worst_stall_ms"] <= TARGETS["qt_stall_ms"]
        )
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(kept, indent=2) + "\n", encoding="utf-8")
        print(f"written (qt_stall only): {RESULTS}")
        return

    results: dict[str, Any] = {
        "benchmark": "web",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "aiohttp": aiohttp.__version__,
            "platform": platform.platform(),
        },
        "clients": CLIENTS,
        "load_generator": "wrk" if use_wrk else "aiohttp client (Python, same machine)",
        "pairs": len(paths),
        "targets": TARGETS,
    }
    if args.posts_only:
        posts_only(db_path, todo, class_todo, args.seconds, use_wrk, results)
        return
    for label, cache in (("slots_cached", True), ("slots_uncached", False)):
        process, base = start_server(db_path, slot_cache=cache)
        try:
            results[f"{label}_cold_pass"] = asyncio.run(cold_pass(base, paths))
            results[label] = with_server_cpu(
                process,
                lambda url=base: (
                    wrk_load.slots(url, paths, args.seconds)
                    if use_wrk
                    else asyncio.run(hammer_slots(url, paths, args.seconds))
                ),
            )
        finally:
            stop_server(process)
    # the whole POST flow, as `careops serve` runs by default and kept on one CPU (--cpu):
    # each phase books its own share of the prepared free times
    shares = {"bookings": todo[: len(todo) // 2], "bookings_one_cpu": todo[len(todo) // 2 :]}
    for label, cpu in (("bookings", None), ("bookings_one_cpu", max(os.sched_getaffinity(0)))):
        share = shares[label]
        process, base = start_server(db_path, slot_cache=True, cpu=cpu)
        try:
            results[label] = with_server_cpu(
                process,
                lambda url=base, share=share: (
                    wrk_load.bookings(url, share, args.seconds)
                    if use_wrk
                    else asyncio.run(hammer_bookings(url, share, args.seconds))
                ),
            )
            results[label]["prepared_slots"] = len(share)
            results[label]["serve_cpu"] = cpu
        finally:
            stop_server(process)

    if class_todo:
        results["class_seats"] = class_phase(db_path, class_todo, args.seconds, use_wrk)
    results["qt_stall"] = qt_stall_under_load(db_path, paths, args.seconds, qt_todo)

    cached, uncached, booked = (
        results["slots_cached"],
        results["slots_uncached"],
        results["bookings"],
    )
    results["met"] = {
        "slots_rps": cached["per_second"] >= TARGETS["slots_rps"],
        "slots_p99_ms": cached["p99_ms"] <= TARGETS["slots_p99_ms"],
        "bookings_per_s": booked["bookings_per_second"] >= TARGETS["bookings_per_s"],
        "bookings_per_s_one_cpu": (
            results["bookings_one_cpu"]["bookings_per_second"] >= TARGETS["bookings_per_s"]
        ),
        "qt_stall_ms": results["qt_stall"]["worst_stall_ms"] <= TARGETS["qt_stall_ms"],
    }
    print(
        f"slots page, cache on : {cached['per_second']:8.1f} req/s  p50 {cached['p50_ms']} ms"
        f"  p99 {cached['p99_ms']} ms  {cached['statuses']}"
    )
    print(
        f"slots page, cache off: {uncached['per_second']:8.1f} req/s  p50 {uncached['p50_ms']} ms"
        f"  p99 {uncached['p99_ms']} ms  {uncached['statuses']}"
    )
    print(
        f"cold pass (1 client) : p50 {results['slots_uncached_cold_pass']['p50_ms']} ms"
        f"  p99 {results['slots_uncached_cold_pass']['p99_ms']} ms"
    )
    print(
        f"booking POST         : {booked['bookings_per_second']:8.1f} bookings/s"
        f"  p50 {booked['p50_ms']} ms  p99 {booked['p99_ms']} ms  {booked['statuses']}"
        + _ran_out(booked)
    )
    pinned = results["bookings_one_cpu"]
    print(
        f"  serve --cpu {pinned['serve_cpu']}      : {pinned['bookings_per_second']:8.1f}"
        " bookings/s"
        f"  p50 {pinned['p50_ms']} ms  p99 {pinned['p99_ms']} ms  {pinned['statuses']}"
        + _ran_out(pinned)
    )
    if class_todo:
        print_class_seats(results["class_seats"])
    print_stall(results["qt_stall"])
    print(f"targets met: {results['met']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS}")


def post_phase(
    db_path: Path, todo: list[tuple[str, int, datetime]], seconds: float, use_wrk: bool
) -> dict[str, Any]:
    """POST ``todo`` to a default ``careops serve`` for ``seconds``; its figures."""
    process, base = start_server(db_path, slot_cache=True)
    try:
        result = with_server_cpu(
            process,
            lambda url=base: (
                wrk_load.bookings(url, todo, seconds)
                if use_wrk
                else asyncio.run(hammer_bookings(url, todo, seconds))
            ),
        )
    finally:
        stop_server(process)
    result["prepared_slots"] = len(todo)
    return result


def class_phase(
    db_path: Path, todo: list[tuple[str, int, datetime]], seconds: float, use_wrk: bool
) -> dict[str, Any]:
    """The class's seat POSTs (see the module text); ``overfull_sessions`` must be 0."""
    result = post_phase(db_path, todo, seconds, use_wrk)
    result["seats_per_session"] = CLASS_SEATS
    result["overfull_sessions"] = overfull_sessions(db_path)
    return result


def print_class_seats(seats: dict[str, Any]) -> None:
    print(
        f"class seat POST      : {seats['bookings_per_second']:8.1f} seats/s"
        f"  p50 {seats['p50_ms']} ms  p99 {seats['p99_ms']} ms  {seats['statuses']}"
        f"  overfull sessions: {seats['overfull_sessions']}" + _ran_out(seats)
    )


def posts_only(
    db_path: Path,
    todo: list[tuple[str, int, datetime]],
    class_todo: list[tuple[str, int, datetime]],
    seconds: float,
    use_wrk: bool,
    results: dict[str, Any],
) -> None:
    """``--posts-only``: the single-booking POST phase, then the class seats phase."""
    results["bookings"] = booked = post_phase(db_path, todo[: len(todo) // 2], seconds, use_wrk)
    print(
        f"booking POST         : {booked['bookings_per_second']:8.1f} bookings/s"
        f"  p50 {booked['p50_ms']} ms  p99 {booked['p99_ms']} ms  {booked['statuses']}"
        + _ran_out(booked)
    )
    if class_todo:
        results["class_seats"] = class_phase(db_path, class_todo, seconds, use_wrk)
        print_class_seats(results["class_seats"])
    out = RESULTS.with_name("web-posts.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written: {out}")


if __name__ == "__main__":
    main()
