"""Screenshots of undo and arrivals in the Bookings tab, on the small demo in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_undo

Writes docs/screenshots/calendar-arrived.png (today's day view: two customers marked
arrived, the Waiting strip, the arrived booking in the panel) and undo-notice.png (the
notice after a cancel, with its Undo button).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.ui.screenshot_run import OUT, save

TABS = ("dashboard", "bookings")


async def _settle(app: Any, ops: Any, seconds: float = 0.8) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


def _today_bookings(database: Any, actor: Any) -> list[int]:
    """Today's next confirmed bookings, two for the waiting customers and one to cancel;
    made at the desk (outside hours allowed) when the demo has too few today."""
    from sqlalchemy import select

    from careops_desktop.core.models import Booking, BookingType, Contact
    from careops_desktop.core.services import bookings
    from careops_desktop.core.services.business import business_zone

    now = datetime.now(UTC)
    with database.session() as session:
        zone = business_zone(session)
        local = now.astimezone(zone)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        end = (midnight + timedelta(days=1)).astimezone(UTC)
        found = list(
            session.scalars(
                select(Booking.id)
                .where(
                    Booking.status == "confirmed",
                    Booking.start_at >= now,
                    Booking.start_at < end,
                )
                .order_by(Booking.start_at)
                .limit(3)
            )
        )
        contacts = list(session.scalars(select(Contact.id).limit(6)))
        kind = session.scalars(select(BookingType).where(BookingType.is_active)).first()
        providers = [p.id for p in kind.providers] if kind else []
    minutes = 20
    while len(found) < 3 and kind is not None and providers:
        start = (now + timedelta(minutes=minutes)).replace(second=0, microsecond=0)
        try:
            receipt = database.call(
                bookings.book_desk,
                actor,
                contact_id=contacts[len(found)],
                booking_type_id=kind.id,
                provider_id=providers[len(found) % len(providers)],
                start_utc=start,
                outside_hours=True,
            )
            found.append(receipt.booking_id)
        except Exception as exc:  # taken: try later
            print("skipped", start, exc)
        minutes += 45
    return found


async def _shoot(app: Any, window: Any, ops: Any, actor: Any, ids: list[int]) -> None:
    from careops_desktop.core.services import bookings

    page = window.show_tab("bookings")
    await _settle(app, ops)
    now = datetime.now(UTC)
    for booking_id, waited in zip(ids[:2], (14, 4), strict=False):
        await ops.run(bookings.mark_arrived, actor, booking_id, now - timedelta(minutes=waited))
    page.span.setCurrentIndex(page.span.findData(1))
    page.go_to(now.astimezone(page.zone).date())
    await _settle(app, ops)
    page.show_booking(ids[0])
    await _settle(app, ops, 1.2)
    save(window, "calendar-arrived")
    if len(ids) > 2:
        change = await ops.run(bookings.cancel_at_desk, actor, ids[2], "Asked by phone")
        page.desk.offer(change)
        page.show_booking(ids[2])
        await _settle(app, ops, 1.2)
        save(window, "undo-notice")


def main() -> int:
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careops_desktop.core.db import Database
    from careops_desktop.core.demo.builder import build_demo
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.main_window import MainWindow
    from careops_desktop.ui.ops import Ops
    from careops_desktop.ui.tabs import TAB_SPECS
    from careops_desktop.ui.theme import apply_theme
    from tests.ui.tab_helpers import demo_owner

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="careops-undo-shots-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    database = Database(f"sqlite:///{folder / 'demo.sqlite3'}")
    upgrade_to_head(database.engine)
    build_demo(database, "small")
    actor = demo_owner(database)
    ids = _today_bookings(database, actor)
    app = QApplication(sys.argv)
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Ops(database, loop=loop)
    bridge = EventsBridge()
    specs = [spec for spec in TAB_SPECS if spec.key in TABS]
    window = MainWindow(ops, bridge, actor, specs=specs, idle_minutes=0)
    window.resize(1400, 900)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops, actor, ids))
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
