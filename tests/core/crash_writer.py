"""A process that forks writers of bookings, each acknowledging every commit.

Run by tests/core/test_crash_safety.py, which kills each writer (SIGKILL) at a
random moment. Usage: ``python -m tests.core.crash_writer DB_URL CONTACT_ID
TYPE_ID PROVIDER_ID COUNT``.

The process imports the app once, prints ``zygote``, then for every ``go`` line
on stdin forks a writer. The writer opens the database itself, prints ``ready
<pid>``, then ``ack <booking id>`` after each commit returns — a line is printed
only for a booking whose commit succeeded. Once the writer is gone (killed, or
done after COUNT bookings) the parent prints ``done``, so every ``ack`` line
of that writer comes before it. EOF on stdin ends the parent.

Forking saves the ~1 s import of a fresh interpreter and the ORM's mapper
configuration per kill; the writer is still a separate process with its own
connection, killed mid-write.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import configure_mappers

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings

NOW = datetime(2026, 6, 8, 7, 0, tzinfo=UTC)


def _say(line: str) -> None:
    """Write one whole line to stdout in one system call.

    ``print`` writes the text and its newline separately, so a kill between the
    two left ``ack 6480`` without its newline and the parent's ``done`` glued to
    it. One ``os.write`` of fewer than PIPE_BUF bytes to a pipe is atomic.
    """
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def write(url: str, contact_id: int, type_id: int, provider_id: int, count: int) -> None:
    """Write up to ``count`` bookings, printing ``ack <id>`` after each commit."""
    database = Database(url)
    actor = Actor.system("Crash test")
    with database.session() as session:
        last_end = session.scalar(select(func.max(Booking.end_at)))
    start = max(last_end or NOW + timedelta(days=1), NOW + timedelta(days=1))
    _say(f"ready {os.getpid()}")
    for _ in range(count):
        receipt = database.call(
            bookings.book_desk,
            actor,
            contact_id=contact_id,
            booking_type_id=type_id,
            provider_id=provider_id,
            start_utc=start,
            notes="crash test",
            now=NOW,
            outside_hours=True,
        )
        _say(f"ack {receipt.booking_id}")
        start = receipt.end
    database.close()


def main(argv: list[str]) -> int:
    url, contact_id, type_id, provider_id, count = argv
    configure_mappers()  # ~0.2 s once here, not in every writer
    print("zygote", flush=True)
    for line in sys.stdin:
        if line.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:  # the writer
            try:
                write(url, int(contact_id), int(type_id), int(provider_id), int(count))
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
