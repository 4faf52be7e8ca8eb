"""Screenshot of the Bookings day view with customers' answers marked (issue 19).

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_answers_calendar

Writes docs/screenshots/bookings-customer-answers.png: the small demo's next visits within
24 hours, reminded; every other one confirmed by the customer's reply (a tick), the rest
with no answer yet (an amber "?").
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NAME = "bookings-customer-answers"


async def _settle(app: Any, ops: Any, seconds: float = 0.6) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


def _mark_answers(database: Any) -> Any:
    """Remind the visits of the next 24 hours; every other one confirmed. Their local day."""
    from sqlalchemy import select

    from careops_desktop.core.models import Booking, ReminderSend
    from careops_desktop.core.services.business import business_zone

    now = datetime.now(UTC)
    with database.write_session() as session:
        zone = business_zone(session)
        soon = list(
            session.scalars(
                select(Booking)
                .where(
                    Booking.status == "confirmed",
                    Booking.start_at > now + timedelta(hours=1),
                    Booking.start_at <= now + timedelta(hours=23),
                )
                .order_by(Booking.start_at)
            )
        )
        if not soon:
            raise SystemExit("the demo has no visits in the next 24 hours")
        day = soon[0].start_at.astimezone(zone).date()
        for index, booking in enumerate(soon):
            session.add(
                ReminderSend(
                    booking_id=booking.id,
                    rule_key=0,
                    channel="sms",
                    recipient=booking.customer_phone or "",
                    outbox_id=0,
                    sent_at=now - timedelta(hours=1),
                )
            )
            if index % 2 == 0:
                booking.customer_confirmed_at = now - timedelta(minutes=20)
        return day


async def _shoot(app: Any, window: Any, ops: Any, day: Any) -> None:
    page = window.show_tab("bookings")
    await _settle(app, ops, 1.0)
    page.span.setCurrentIndex(page.span.findData(1))
    page.go_to(day)
    await _settle(app, ops, 1.2)
    window.grab().save(str(OUT / f"{NAME}.png"))
    print("wrote", OUT / f"{NAME}.png")


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
    folder = Path(tempfile.mkdtemp(prefix="careops-shots-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    database = Database(f"sqlite:///{folder / 'demo.sqlite3'}")
    upgrade_to_head(database.engine)
    build_demo(database, "small")
    day = _mark_answers(database)
    app = QApplication(sys.argv)
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Ops(database, loop=loop)
    bridge = EventsBridge()
    specs = [spec for spec in TAB_SPECS if spec.key in ("dashboard", "bookings")]
    window = MainWindow(ops, bridge, demo_owner(database), specs=specs, idle_minutes=0)
    window.resize(1400, 900)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops, day))
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
