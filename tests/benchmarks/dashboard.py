"""Benchmark: the dashboard, submissions list and stock usage on a large database.

Builds a SQLite file the size of ``demo --size large`` (bulk inserts: 120,000
bookings over four years and three months ahead, 20,000 contacts and
conversations, 500,000 messages, 50,000 form submissions, 10,000 outbox rows,
200 stock items with a movement per booking), then times the read paths the
window calls on every refresh. Prints the numbers and writes
``tests/benchmarks/results/dashboard.json``.

Run from the checkout: ``python -m tests.benchmarks.dashboard``.
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Booking,
    BookingType,
    BookingTypeStock,
    Business,
    Contact,
    Conversation,
    Form,
    FormSubmission,
    InventoryItem,
    Message,
    OutboxMessage,
    Provider,
    StockMovement,
)
from careops_desktop.core.permissions import Actor
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import forms, inventory
from careops_desktop.core.services.dashboard import dashboard, dashboard_charts

NOW = datetime(2025, 5, 14, 9, 0, tzinfo=UTC)
BOOKINGS = 120_000
CONTACTS = 20_000
MESSAGES = 500_000
SUBMISSIONS = 50_000
OUTBOX = 10_000
ITEMS = 200
RESULTS = Path(__file__).parent / "results" / "dashboard.json"


def _chunks(rows: list[dict[str, Any]], size: int = 20_000) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def build(db: Database) -> float:
    """Fill ``db``; returns the seconds it took."""
    rng = random.Random(7)
    started = time.perf_counter()
    with db.write_session() as s:
        s.add(Business(name="Bench Clinic", timezone="Europe/London", automations={}))
        s.execute(insert(Provider), [{"id": i, "name": f"Provider {i}"} for i in range(1, 11)])
        s.execute(
            insert(BookingType),
            [
                {"id": i, "name": f"Type {i}", "slug": f"type-{i}", "duration_minutes": 30}
                for i in range(1, 6)
            ],
        )
        s.execute(
            insert(InventoryItem),
            [
                {"id": i, "name": f"Item {i}", "quantity": rng.randint(0, 500), "low_threshold": 20}
                for i in range(1, ITEMS + 1)
            ],
        )
        s.execute(
            insert(BookingTypeStock),
            [{"booking_type_id": t, "item_id": t, "quantity": 1} for t in range(1, 6)],
        )
        s.execute(
            insert(Form),
            [
                {
                    "id": 1,
                    "name": "Intake",
                    "fields": [
                        {"key": "a", "label": "A", "type": "text", "required": False, "options": []}
                    ],
                }
            ],
        )
        s.execute(
            insert(Contact),
            [
                {
                    "id": i,
                    "name": f"Contact {i}",
                    "email": f"c{i}@example.com",
                    "created_at": NOW - timedelta(days=rng.randint(0, 1460)),
                }
                for i in range(1, CONTACTS + 1)
            ],
        )
    first = NOW - timedelta(days=4 * 365)
    span = (NOW + timedelta(days=90) - first).total_seconds()
    bookings, movements = [], []
    for i in range(1, BOOKINGS + 1):
        start = first + timedelta(seconds=int(span * i / BOOKINGS))
        status = (
            "confirmed" if start > NOW else rng.choice(["completed"] * 8 + ["cancelled", "no_show"])
        )
        type_id = rng.randint(1, 5)
        bookings.append(
            {
                "id": i,
                "contact_id": rng.randint(1, CONTACTS),
                "booking_type_id": type_id,
                "provider_id": rng.randint(1, 10),
                "start_at": start,
                "end_at": start + timedelta(minutes=30),
                "status": status,
                "manage_token": f"t{i}",
                "created_at": start - timedelta(days=7),
            }
        )
        movements.append(
            {
                "item_id": type_id,
                "delta": -1,
                "reason": "booking",
                "booking_id": i,
                "created_at": start - timedelta(days=7),
            }
        )
    with db.write_session() as s:
        for chunk in _chunks(bookings):
            s.execute(insert(Booking), chunk)
        for chunk in _chunks(movements):
            s.execute(insert(StockMovement), chunk)
    with db.write_session() as s:
        s.execute(
            insert(Conversation),
            [
                {
                    "id": i,
                    "contact_id": i,
                    "is_open": rng.random() < 0.3,
                    "unread_count": rng.choice([0, 0, 0, 1, 2]),
                    "updated_at": NOW - timedelta(minutes=rng.randint(0, 2_000_000)),
                }
                for i in range(1, CONTACTS + 1)
            ],
        )
        messages = [
            {
                "conversation_id": rng.randint(1, CONTACTS),
                "direction": "in",
                "sender_type": "customer",
                "content": f"Hello, message {i}",
                "channel": "email",
                "created_at": NOW - timedelta(minutes=rng.randint(0, 2_000_000)),
            }
            for i in range(MESSAGES)
        ]
        for chunk in _chunks(messages):
            s.execute(insert(Message), chunk)
    with db.write_session() as s:
        submissions = []
        for i in range(1, SUBMISSIONS + 1):
            booking = bookings[BOOKINGS - SUBMISSIONS * 2 + i * 2 - 1]
            due = booking["start_at"] - timedelta(days=1)
            status = "pending" if due > NOW else rng.choice(["completed"] * 9 + ["overdue"])
            submissions.append(
                {
                    "form_id": 1,
                    "booking_id": booking["id"],
                    "contact_id": booking["contact_id"],
                    "token": f"f{i}",
                    "data": {},
                    "status": status,
                    "due_at": due,
                    "created_at": booking["created_at"],
                }
            )
        for chunk in _chunks(submissions):
            s.execute(insert(FormSubmission), chunk)
        s.execute(
            insert(OutboxMessage),
            [
                {
                    "channel": "email",
                    "recipient": f"c{i}@example.com",
                    "status": "failed" if i % 97 == 0 else "sent",
                    "message_id": f"<m{i}@x>",
                    "next_attempt_at": NOW - timedelta(minutes=i),
                }
                for i in range(OUTBOX)
            ],
        )
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


def timed(fn: Callable[[], object], runs: int = 30) -> dict[str, float]:
    """Milliseconds per call: best, median and worst of ``runs`` after one warm-up.

    The best run is the one least disturbed by other work on a shared machine.
    """
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "min_ms": round(min(samples), 2),
        "median_ms": round(statistics.median(samples), 2),
        "max_ms": round(max(samples), 2),
    }


def main() -> None:
    owner = Actor.system("Benchmark")
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        upgrade_to_head(db.engine)
        build_seconds = build(db)
        month = (NOW - timedelta(days=30), NOW)
        results = {
            "dashboard": timed(lambda: db.call(dashboard, owner, NOW)),
            "dashboard_charts": timed(lambda: db.call(dashboard_charts, NOW), runs=10),
            "list_submissions_first_page": timed(
                lambda: db.call(forms.list_submissions, owner, limit=100)
            ),
            "count_pending_submissions": timed(
                lambda: db.call(forms.count_submissions, owner, status="pending")
            ),
            "search_submissions": timed(
                lambda: db.call(forms.list_submissions, owner, search="contact 1234"), runs=5
            ),
            "usage_by_booking_type_month": timed(
                lambda: db.call(inventory.usage_by_booking_type, *month), runs=10
            ),
            "mark_overdue": timed(lambda: db.call(forms.mark_overdue, NOW), runs=10),
        }
        db.close()
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "rows": {
            "bookings": BOOKINGS,
            "contacts": CONTACTS,
            "messages": MESSAGES,
            "form_submissions": SUBMISSIONS,
            "outbox": OUTBOX,
            "inventory_items": ITEMS,
        },
        "build_seconds": round(build_seconds, 1),
        "load_average": list(os.getloadavg()),
        "results": results,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"built in {build_seconds:.1f} s")
    for name, numbers in results.items():
        print(
            f"{name:30} min {numbers['min_ms']:7.2f}  median {numbers['median_ms']:7.2f}"
            f"  max {numbers['max_ms']:7.2f} ms"
        )
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
