"""A process that writes bookings one transaction at a time and acknowledges each commit.

Run by tests/core/test_crash_safety.py, which kills it (SIGKILL) at random
moments. Usage: ``python -m tests.core.crash_writer DB_URL CONTACT_ID TYPE_ID
PROVIDER_ID COUNT``. Prints ``ready`` once, then ``ack <booking id>`` after each
commit returns — a line is printed only for a booking whose commit succeeded.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings

NOW = datetime(2026, 6, 8, 7, 0, tzinfo=UTC)


def main(argv: list[str]) -> int:
    url, contact_id, type_id, provider_id, count = argv
    database = Database(url)
    actor = Actor.system("Crash test")
    with database.session() as session:
        last_end = session.scalar(select(func.max(Booking.end_at)))
    start = max(last_end or NOW + timedelta(days=1), NOW + timedelta(days=1))
    print("ready", flush=True)
    for _ in range(int(count)):
        receipt = database.call(
            bookings.book_desk,
            actor,
            contact_id=int(contact_id),
            booking_type_id=int(type_id),
            provider_id=int(provider_id),
            start_utc=start,
            notes="crash test",
            now=NOW,
            outside_hours=True,
        )
        print(f"ack {receipt.booking_id}", flush=True)
        start = receipt.end
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
