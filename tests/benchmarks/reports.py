"""Benchmark: reports and exports on the large demo database.

Times every report's data for the last month, the last year and the whole
history (target: each ≤ 1 s); a CSV of 200,000 bookings (≤ 3 s), the XLSX of
the same rows (≤ 30 s) and a PDF summary — the bookings report of the last year
(≤ 3 s). Each export runs in its own process so its peak memory (max RSS) is
its own. Wall time depends on what else the machine runs, so CPU time and the
load average are recorded beside it. Prints the numbers and writes
``tests/benchmarks/results/reports.json``.

Run from the checkout: ``python -m tests.benchmarks.reports [--db LARGE.sqlite3]``
(without ``--db`` the large demo is built first, which takes a minute). The
database is copied; the copy gets extra bookings, shifted five years back,
so that there are 200,000 to export.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "reports.json"
ROOT = Path(__file__).resolve().parents[2]
EXPORT_ROWS = 200_000
TARGETS = {"report": 1.0, "csv": 3.0, "xlsx": 30.0, "pdf": 3.0}


def _peak_mb() -> float:
    """This process's peak resident memory. Linux keeps ru_maxrss across exec (a child
    reports its parent's peak), so VmHWM from /proc is read where it exists."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _today(path: Path) -> date:
    from careops_desktop.core.db import Database

    database = Database(f"sqlite:///{path}")
    try:
        with database.engine.connect() as connection:
            last = connection.exec_driver_sql("SELECT max(created_at) FROM bookings").scalar_one()
    finally:
        database.close()
    return date.fromisoformat(str(last)[:10])


def _upgrade(path: Path) -> None:
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    database = Database(f"sqlite:///{path}")
    try:
        upgrade_to_head(database.engine)
    finally:
        database.close()


def time_reports(path: Path) -> dict[str, Any]:
    """Every report for three periods ending on the demo's today."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services.reports import REPORTS

    today = _today(path)
    periods = {
        "month": (today - timedelta(days=30), today),
        "year": (today - timedelta(days=365), today),
        "all": (today - timedelta(days=4 * 365 + 1), today + timedelta(days=91)),
    }
    actor = Actor.system("Benchmark")
    database = Database(f"sqlite:///{path}")
    found: dict[str, Any] = {}
    try:
        for name, info in REPORTS.items():
            for label, (start, end) in periods.items():
                if name == "day_sheet":
                    if label != "month":
                        continue
                    start = end - timedelta(days=6)  # a week to print
                cpu, wall = time.process_time(), time.perf_counter()
                report = database.call(info.fn, actor, start, end)
                found[f"{name}:{label}"] = {
                    "seconds": round(time.perf_counter() - wall, 3),
                    "cpu_seconds": round(time.process_time() - cpu, 3),
                    "rows": sum(len(s.rows) for s in report.sections),
                }
    finally:
        database.close()
    return {"today": today.isoformat(), "reports": found, "peak_rss_mb": _peak_mb()}


def grow_bookings(path: Path, target: int) -> int:
    """Copy bookings five years back (no overlaps: before all history) until ``target``."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        have = connection.execute("SELECT count(*) FROM bookings").fetchone()[0]
        missing = max(0, target - have)
        connection.execute(
            "INSERT INTO bookings (contact_id, booking_type_id, provider_id, start_at, end_at, "
            "location, status, source, notes, manage_token, forms_sent, cancel_reason, "
            "created_at, updated_at) SELECT contact_id, booking_type_id, provider_id, "
            "strftime('%Y-%m-%d %H:%M:%f000', start_at, '-5 years'), "
            "strftime('%Y-%m-%d %H:%M:%f000', end_at, '-5 years'), location, status, source, "
            "notes, 'copy-' || id, forms_sent, cancel_reason, "
            "strftime('%Y-%m-%d %H:%M:%f000', created_at, '-5 years'), "
            "strftime('%Y-%m-%d %H:%M:%f000', updated_at, '-5 years') "
            "FROM bookings ORDER BY id LIMIT ?",
            (missing,),
        )
        connection.commit()
        return int(connection.execute("SELECT count(*) FROM bookings").fetchone()[0])
    finally:
        connection.close()


def export_step(path: Path, step: str, out: Path) -> dict[str, Any]:
    """One export, timed (run in a fresh process by ``main``)."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services.reports import bookings_report
    from careops_desktop.core.services.reports.listing import BOOKING_COLUMNS, iter_bookings

    actor = Actor.system("Benchmark")
    database = Database(f"sqlite:///{path}")
    today = _today(path)
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        if step in ("csv", "xlsx"):
            with database.session() as session:
                first, last = today - timedelta(days=3_600), today + timedelta(days=95)
                rows = iter_bookings(session, actor, first, last)  # all 200,000
                if step == "csv":
                    from careops_desktop.exports.csv_writer import write_table_csv

                    count = write_table_csv(out, BOOKING_COLUMNS, rows, excel=True)
                else:
                    from careops_desktop.exports.xlsx_writer import write_table_xlsx

                    count = write_table_xlsx(out, BOOKING_COLUMNS, rows, title="Bookings")
        else:
            from careops_desktop.ui.printing.report_pdf import (
                ensure_gui_application,
                write_report_pdf,
            )

            ensure_gui_application()
            cpu, wall = time.process_time(), time.perf_counter()  # Qt start-up is not the PDF
            report = database.call(bookings_report, actor, today - timedelta(days=365), today)
            count = write_report_pdf(out, report)
        seconds = time.perf_counter() - wall
        return {
            "seconds": round(seconds, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),
            "target_seconds": TARGETS[step],
            "rows" if step != "pdf" else "pages": count,
            "megabytes": round(out.stat().st_size / 1e6, 1),
            "peak_rss_mb": _peak_mb(),
        }
    finally:
        database.close()


def _in_process(path: Path, step: str, out: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.reports",
            "--db",
            str(path),
            "--step",
            step,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, help="a large demo database (copied, not changed)")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(export_step(args.db, args.step, args.out)))
        return 0
    with tempfile.TemporaryDirectory(prefix="careops-report-bench-") as folder:
        work = Path(folder) / "large.sqlite3"
        if args.db:
            shutil.copyfile(args.db, work)
            _upgrade(work)  # an older demo file gets this checkout's indexes
        else:
            from tests.benchmarks.demo_data import build_large

            build_large(work)
        load = [round(os.getloadavg()[0], 2)]
        result: dict[str, Any] = time_reports(work)
        result["bookings_in_export"] = grow_bookings(work, EXPORT_ROWS)
        result["exports"] = {
            "csv_200k_bookings": _in_process(work, "csv", Path(folder) / "bookings.csv"),
            "xlsx_200k_bookings": _in_process(work, "xlsx", Path(folder) / "bookings.xlsx"),
            "pdf_bookings_year": _in_process(work, "pdf", Path(folder) / "bookings.pdf"),
        }
        load.append(round(os.getloadavg()[0], 2))
    result["targets_seconds"] = TARGETS
    result["load_average_before_after"] = load
    result["cpus"] = os.cpu_count()
    result["note"] = "wall time on a shared machine; cpu_seconds is this process's own work"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    slowest = max(result["reports"].items(), key=lambda kv: kv[1]["seconds"])
    print(f"reports on the large demo (today {result['today']}), load {load}:")
    for key, found in result["reports"].items():
        print(f"  {key:<22} {found['seconds']:>6.3f} s wall {found['cpu_seconds']:>6.3f} s CPU")
    print(f"  slowest: {slowest[0]} {slowest[1]['seconds']} s (target ≤ {TARGETS['report']} s)")
    for key, found in result["exports"].items():
        print(
            f"  {key:<22} {found['seconds']:>6.2f} s wall {found['cpu_seconds']:>6.2f} s CPU, "
            f"peak {found['peak_rss_mb']} MB, {found['megabytes']} MB file"
        )
    print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
