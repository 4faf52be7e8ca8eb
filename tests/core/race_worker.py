"""One process of the cross-process booking race (run by tests/core/test_booking_race.py).

``python -m tests.core.race_worker URL TYPE_ID PROVIDER_ID GO_FILE PREFIX NOW START...``
opens one ``Database`` per start (one thread each) on the shared SQLite file,
prints ``ready``, waits until ``GO_FILE`` exists, then every thread calls
``book_public`` at once. Prints one JSON line with each attempt's outcome.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from careops_desktop.core.db import Database
from careops_desktop.core.errors import SlotTaken
from careops_desktop.core.services import bookings


def attempt(
    database: Database,
    barrier: threading.Barrier,
    outcomes: list[str],
    *,
    booking_type_id: int,
    provider_id: int | None,
    start: datetime,
    name: str,
    now: datetime,
) -> None:
    """Wait for the others, try to book, and note ``booked``, ``taken`` or the error."""
    barrier.wait()
    try:
        database.call(
            bookings.book_public,
            booking_type_id=booking_type_id,
            provider_id=provider_id,
            start_utc=start,
            name=name,
            email=f"{name.replace(' ', '.').lower()}@example.com",
            now=now,
        )
        outcomes.append("booked")
    except SlotTaken:
        outcomes.append("taken")
    except Exception as exc:  # reported to the test, which fails on any
        outcomes.append(f"error: {exc!r}")


def race(
    url: str,
    booking_type_id: int,
    provider_id: int | None,
    starts: list[datetime],
    name_prefix: str,
    now: datetime,
    before_go: object = None,
) -> list[str]:
    """Book ``starts`` from one thread each, each with its own ``Database``; outcomes in order."""
    databases = [Database(url) for _ in starts]
    for database in databases:  # open each connection before the race, not during it
        with database.session():
            pass
    barrier = threading.Barrier(len(starts) + 1)
    outcomes: list[str] = []
    threads = [
        threading.Thread(
            target=attempt,
            args=(database, barrier, outcomes),
            kwargs={
                "booking_type_id": booking_type_id,
                "provider_id": provider_id,
                "start": start,
                "name": f"{name_prefix} {i}",
                "now": now,
            },
        )
        for i, (database, start) in enumerate(zip(databases, starts, strict=True))
    ]
    for thread in threads:
        thread.start()
    if callable(before_go):
        before_go()
    barrier.wait()
    for thread in threads:
        thread.join(timeout=120)
    for database in databases:
        database.close()
    return outcomes


def main(argv: list[str]) -> None:
    url, type_id, provider, go_file, prefix, now = argv[:6]
    starts = [datetime.fromisoformat(value) for value in argv[6:]]

    def wait_for_go() -> None:
        print("ready", flush=True)
        deadline = time.monotonic() + 60
        while not Path(go_file).exists():
            if time.monotonic() > deadline:
                raise SystemExit("no go signal")
            time.sleep(0.001)

    outcomes = race(
        url,
        int(type_id),
        None if provider == "any" else int(provider),
        starts,
        prefix,
        datetime.fromisoformat(now),
        wait_for_go,
    )
    print(json.dumps(outcomes), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
