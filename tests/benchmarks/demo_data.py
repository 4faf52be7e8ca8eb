"""Benchmark: how long ``careops demo --size large`` takes, and its rows per second.

Builds the large demo into a temporary SQLite file with ``build_demo`` (the
function the command runs), commit included, then checks it (no booking
overlaps per provider; every stock quantity equals the sum of its movements).
Prints the numbers and writes ``tests/benchmarks/results/demo_data.json``.
Target: under 60 s on a 2-core machine. The wall time depends on what else the
machine runs, so the CPU time and the load average are recorded beside it.

Run from the checkout: ``python -m tests.benchmarks.demo_data [--keep PATH]``
(``--keep`` keeps the database, e.g. for ``tests.benchmarks.reports``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from careops_desktop.core.db import Database
from careops_desktop.core.demo import build_demo
from careops_desktop.core.schema import upgrade_to_head

RESULTS = Path(__file__).parent / "results" / "demo_data.json"
TARGET_SECONDS = 60.0

OVERLAPS = """
SELECT count(*) FROM (
  SELECT start_at, lag(end_at) OVER (PARTITION BY provider_id ORDER BY start_at) AS previous_end
  FROM bookings
) WHERE previous_end > start_at
"""
UNEXPLAINED_STOCK = """
SELECT count(*) FROM inventory_items i WHERE i.quantity !=
  (SELECT coalesce(sum(delta), 0) FROM stock_movements m WHERE m.item_id = i.id)
"""


def build_large(path: Path, today: date | None = None) -> dict[str, object]:
    """Build the large demo at ``path``; returns the measurements."""
    database = Database(f"sqlite:///{path}")
    try:
        upgrade_to_head(database.engine)
        load_before = os.getloadavg()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        summary = build_demo(database, "large", today=today)
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        load_after = os.getloadavg()
        with database.engine.connect() as connection:
            overlaps = connection.execute(text(OVERLAPS)).scalar_one()
            unexplained = connection.execute(text(UNEXPLAINED_STOCK)).scalar_one()
    finally:
        database.close()
    total = summary.total_rows
    return {
        "size": "large",
        "today": summary.today.isoformat(),
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "target_seconds": TARGET_SECONDS,
        "rows_total": total,
        "rows_per_second": round(total / wall),
        "rows_per_cpu_second": round(total / cpu),
        "rows": summary.rows,
        "fill_of_opening_hours": summary.fill,
        "overlapping_bookings": overlaps,
        "items_not_explained_by_movements": unexplained,
        "database_megabytes": round(path.stat().st_size / 1e6, 1),
        "peak_rss_megabytes": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "note": "wall time on a shared machine; cpu_seconds is the builder's own work",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the built database at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="careops-demo-bench-") as folder:
        path = Path(folder) / "demo-large.sqlite3"
        result = build_large(path)
        if args.keep:
            shutil.copyfile(path, args.keep)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"demo --size large: {result['seconds']} s wall, {result['cpu_seconds']} s CPU "
        f"(target < {TARGET_SECONDS:.0f} s), {result['rows_total']:,} rows, "
        f"{result['rows_per_second']:,} rows/s, fill {result['fill_of_opening_hours']:.0%}, "
        f"load {result['load_average_before_after']}"
    )
    for table, count in result["rows"].items():  # type: ignore[attr-defined]
        print(f"  {table:<24} {count:>9,}")
    print(f"overlaps: {result['overlapping_bookings']}, "
          f"unexplained stock: {result['items_not_explained_by_movements']}")  # fmt: skip
    print(f"written to {RESULTS}")
    return 0 if not result["overlapping_bookings"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
