"""Screenshot of a class session's attendee list (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_class_attendees

Writes docs/screenshots/class-attendees.png: a yoga class with five of eight seats
taken, one attendee arrived and one a no-show, the "Add attendee" picker open.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import update

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, BookingType, ClassSession, Provider
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import bookings
from tests.core.booking_world import DESK, LONDON, build_in
from tests.ui.screenshot_run import run_shots, save, wait_until

OWNER = Actor(user_id=None, name="Owner", role=Role.OWNER, permissions=permissions_for(Role.OWNER))
NAMES = ("Amelia Hart", "Bashir Khan", "Chloé Martin", "Dev Patel", "Erin O'Neill")


def _class(db: Database) -> int:
    world = build_in(db)
    with db.write_session() as s:
        yoga = BookingType(name="Morning yoga", slug="yoga", duration_minutes=60)
        yoga.providers = [s.get(Provider, world.alice)]  # type: ignore[list-item]
        s.add(yoga)
        s.flush()
        type_id = yoga.id
    db.call(bookings.set_capacity, OWNER, type_id, 8)
    day = datetime.now(LONDON).date() + timedelta(days=7)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    start = datetime.combine(day, datetime.min.time().replace(hour=10), LONDON).astimezone(UTC)
    ids = [
        db.call(
            bookings.book_public,
            booking_type_id=type_id,
            provider_id=world.alice,
            start_utc=start,
            name=name,
            email=f"student{n}@example.com",
        ).booking_id
        for n, name in enumerate(NAMES)
    ]
    session_id = db.call(bookings.session_of_booking, DESK, ids[0])
    # the class began ten minutes ago: one attendee arrived, one did not come
    begun = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=10)
    with db.write_session() as s:
        s.execute(update(Booking).values(start_at=begun, end_at=begun + timedelta(hours=1)))
        s.execute(update(ClassSession).values(start_at=begun, end_at=begun + timedelta(hours=1)))
    db.call(bookings.arrived_at_desk, DESK, ids[0])
    db.call(bookings.no_show_at_desk, DESK, ids[3])
    return int(session_id)


async def _shoot(_app: Any, folder: Path) -> None:
    from careops_desktop.ui.bookings.attendees_dialog import AttendeesDialog
    from careops_desktop.ui.ops import Ops

    db = Database(f"sqlite:///{folder / 'classes.sqlite3'}")
    upgrade_to_head(db.engine)
    session_id = _class(db)
    ops = Ops(db)
    dialog = AttendeesDialog(ops, DESK, session_id, LONDON, None)
    dialog.resize(760, 620)
    dialog.show()
    await wait_until(lambda: dialog.table.rowCount() == len(NAMES), 20)
    dialog.table.selectRow(1)
    dialog.act("add")
    await wait_until(lambda: dialog.picker.model.rowCount() > 0, 20)
    from PySide6.QtTest import QTest

    QTest.keyClicks(dialog.picker.search, "Known")
    await wait_until(lambda: dialog.picker.model.rowCount() == 1, 20)
    dialog.picker.table.selectRow(0)
    await wait_until(dialog.add_button.isEnabled, 5)
    save(dialog, "class-attendees")
    dialog.close()
    await ops.shutdown()
    db.close()


def main() -> int:
    return run_shots("careops-class-attendees-shots-", _shoot)


if __name__ == "__main__":
    sys.exit(main())
