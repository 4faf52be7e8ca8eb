"""Desk B: another process on the same database, driven line by line by a test (or benchmark).

``python -m tests.web.desk_worker URL`` opens its own ``Database``, prints ``ready``,
then reads one JSON command per line and answers one JSON line each:

- ``{"do": "book", "type": id, "provider": id, "start": iso, "name": text}``
  books as the booking page's core call does → ``{"ok": booking_id, "at": monotonic}``;
- ``{"do": "reschedule", "booking": id, "start": iso, "version": n}`` as a desk's
  edit dialog does (``expected_version``) → ``{"ok": version}``;
- ``{"do": "mark", "n": n}`` commits a transaction whose only content is the event
  ``BookingChanged(n, 0, "updated")`` (the benchmark's change: the feed, not a booking);
- ``{"do": "listen"}`` starts B's own change listener (B is then a desk others count);
- ``{"do": "quit"}``.

A refusal answers ``{"error": class name, "message": words}``. ``at`` is
``time.monotonic()`` right after the commit; on Linux it is the same clock in every
process, so the other process can measure how long the change took to reach it.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.change_listener import ChangeListener
from careops_desktop.core.db import Database
from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings

DESK_B = Actor.system("Desk B")


def _mark(session: Session, n: int) -> None:
    events.record(session, events.BookingChanged(n, 0, "updated"))


def handle(database: Database, command: dict[str, Any]) -> dict[str, Any]:
    if command["do"] == "book":
        view = database.call(
            bookings.book_public,
            booking_type_id=command["type"],
            provider_id=command.get("provider"),
            start_utc=datetime.fromisoformat(command["start"]),
            name=command.get("name", "Desk B Customer"),
            phone="+44 117 496 0199",
        )
        return {"ok": view.booking_id, "at": time.monotonic()}
    if command["do"] == "reschedule":
        moved = database.call(
            bookings.reschedule,
            DESK_B,
            command["booking"],
            datetime.fromisoformat(command["start"]),
            expected_version=command.get("version"),
        )
        return {"ok": moved.version, "at": time.monotonic()}
    if command["do"] == "mark":
        database.call(_mark, int(command["n"]))
        return {"ok": command["n"], "at": time.monotonic()}
    raise ValueError(f"unknown command {command['do']!r}")


def main(url: str) -> None:
    database = Database(url)
    with database.session():
        pass  # connect before the test starts timing
    listener: ChangeListener | None = None
    print("ready", flush=True)
    try:
        for line in sys.stdin:
            command = json.loads(line)
            if command["do"] == "quit":
                break
            if command["do"] == "listen":
                listener = listener or ChangeListener(database, role="desk")
                listener.start()
                print(json.dumps({"ok": True}), flush=True)
                continue
            try:
                answer = handle(database, command)
            except CareOpsError as exc:
                answer = {"error": type(exc).__name__, "message": str(exc)}
            print(json.dumps(answer), flush=True)
    finally:
        if listener is not None:
            listener.close()
        database.close()


if __name__ == "__main__":
    main(sys.argv[1])
