"""Benchmark: moving in — 20,000 contacts and 5,000 bookings imported, dry run included.

Builds a SQLite file with a business of 10 providers working 07:00–21:00 every day
and one 30-minute booking type, writes two CSV files (20,000 contacts with some
duplicates and bad addresses; 5,000 visits, 1,000 of them in the past, a few
clashing and a few outside hours), then times for each file what the wizard and
``careops import`` do: read the file, the dry run, and the real import.

Targets on 2 cores: contacts ≤ 10 s, bookings ≤ 15 s (read + dry run + import).
Prints the numbers and writes ``tests/benchmarks/results/imports.json``.
Run from the checkout: ``python -m tests.benchmarks.imports``.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

from careops_desktop.core.db import Database
from careops_desktop.core.models import Availability, BookingType, Business, Provider
from careops_desktop.core.permissions import Actor
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import imports

NOW = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")
CONTACTS = 20_000
BOOKINGS = 5_000
PAST = 1_000
PROVIDERS = 10
TARGETS = {"contacts": 10.0, "bookings": 15.0}
RESULTS = Path(__file__).parent / "results" / "imports.json"
ACTOR = Actor.system("Benchmark")


def build(db: Database) -> None:
    with db.write_session() as s:
        s.add(
            Business(
                name="Benchmark Clinic", timezone="Europe/London", is_active=True, automations={}
            )
        )
        providers = [Provider(name=f"Provider {i}", sort_order=i) for i in range(PROVIDERS)]
        s.add_all(providers)
        s.flush()
        for provider in providers:
            for weekday in range(7):
                s.add(
                    Availability(
                        provider_id=provider.id,
                        weekday=weekday,
                        start_time=clock(7),
                        end_time=clock(21),
                    )
                )
        kind = BookingType(name="Visit", slug="visit", duration_minutes=30)
        kind.providers = providers
        s.add(kind)


def _phone(i: int) -> str:
    return f"07400 {100000 + i:06d}"


def write_contacts(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["First Name", "Last Name", "Email", "Mobile", "Notes", "Date of Birth"])
        for i in range(CONTACTS):
            email = f"person{i}@example.com"
            if i % 50 == 7:
                email = f"broken{i}@"  # refused
            if i % 40 == 3 and i > 100:
                email = f"person{i - 100}@example.com"  # a duplicate of an earlier row
            writer.writerow([f"First{i}", f"Last{i}", email, _phone(i), f"Note {i}", "1980-01-01"])


def write_bookings(path: Path) -> None:
    """4,000 future visits filling the providers' days, 1,000 past visits."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Start", "Service", "Staff", "Client", "Email", "Appointment ID"])
        start_day = (NOW + timedelta(days=1)).astimezone(LONDON).date()
        future = BOOKINGS - PAST
        for n in range(future):
            slot, provider = divmod(n, PROVIDERS)
            day = start_day + timedelta(days=slot // 28)
            minute = 7 * 60 + (slot % 28) * 30
            if n % 500 == 1:
                minute = 22 * 60  # outside hours
            when = datetime.combine(day, clock(minute // 60, minute % 60))
            writer.writerow(
                [
                    when.isoformat(" "),
                    "Visit",
                    f"Provider {provider}",
                    f"First{n} Last{n}",
                    f"person{n}@example.com",
                    f"F{n}",
                ]
            )
        for n in range(PAST):
            when = datetime.combine(start_day - timedelta(days=1 + n // 20), clock(9))
            writer.writerow(
                [
                    when.isoformat(" "),
                    "Visit",
                    f"Provider {n % PROVIDERS}",
                    f"First{n} Last{n}",
                    f"person{n}@example.com",
                    f"P{n}",
                ]
            )


def timed(kind: str, db: Database, path: Path) -> dict[str, object]:
    cpu_started = time.process_time()
    started = time.perf_counter()
    table = imports.read_source(path)
    read = time.perf_counter() - started
    options = imports.ImportOptions(
        kind, imports.guess_mapping(table.headers, kind), duplicates="merge", problems="override"
    )
    started = time.perf_counter()
    dry = db.call(imports.run_import, ACTOR, table, options, dry_run=True, now=NOW)
    dry_s = time.perf_counter() - started
    started = time.perf_counter()
    real = db.call(imports.run_import, ACTOR, table, options, now=NOW)
    real_s = time.perf_counter() - started
    total = read + dry_s + real_s
    cpu = time.process_time() - cpu_started
    return {
        "rows": len(table.rows),
        "read_s": round(read, 2),
        "dry_run_s": round(dry_s, 2),
        "import_s": round(real_s, 2),
        "total_s": round(total, 2),
        "cpu_s": round(cpu, 2),  # this process's CPU time: what an idle machine would take
        "load_average": round(os.getloadavg()[0], 1),
        "target_s": TARGETS[kind],
        "met": total <= TARGETS[kind],
        "counts": real.counts,
        "dry_run_counts": dry.counts,
    }


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="careops-import-bench-"))
    db = Database(f"sqlite:///{folder / 'bench.sqlite3'}")
    upgrade_to_head(db.engine)
    build(db)
    contacts_csv = folder / "contacts.csv"
    bookings_csv = folder / "bookings.csv"
    write_contacts(contacts_csv)
    write_bookings(bookings_csv)
    results = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "contacts": timed("contacts", db, contacts_csv),
        "bookings": timed("bookings", db, bookings_csv),
    }
    db.close()
    for kind in ("contacts", "bookings"):
        r = results[kind]
        assert isinstance(r, dict)
        print(
            f"{kind}: {r['rows']} rows — read {r['read_s']} s, dry run {r['dry_run_s']} s, "
            f"import {r['import_s']} s, total {r['total_s']} s (target {r['target_s']} s: "
            f"{'met' if r['met'] else 'MISSED'}; CPU {r['cpu_s']} s, load average "
            f"{r['load_average']}); {r['counts']}"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
