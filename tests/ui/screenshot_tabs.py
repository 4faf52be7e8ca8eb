"""Screenshots of the feature tabs on the small demo database, in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_tabs

Writes docs/screenshots/{bookings,contacts,inbox,forms,inventory}.png, then
contacts-duplicate.png (the demo's "possible duplicate" selected, its notice shown)
and inbox-bounced.png (the conversation whose email bounced, its banner shown).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TABS = ("inbox", "bookings", "contacts", "forms", "inventory")


async def _settle(app: Any, ops: Any, seconds: float = 0.6) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


async def _shoot(app: Any, window: Any, ops: Any) -> None:
    from sqlalchemy import func, select

    from careops_desktop.core.models import (
        Booking,
        Contact,
        Conversation,
        FormSubmission,
        Message,
    )

    with ops.database.session() as session:
        conversation = session.scalar(
            select(Conversation.id)
            .where(Conversation.unread_count > 0)
            .order_by(Conversation.updated_at.desc())
            .limit(1)
        )
        booking = session.scalar(
            select(Booking.id)
            .where(Booking.status == "confirmed")
            .order_by(Booking.start_at.desc())
            .limit(1)
        )
        regular = session.scalar(
            select(Booking.contact_id)
            .group_by(Booking.contact_id)
            .order_by(func.count(Booking.id).desc())
            .limit(1)
        )
        submission = session.scalar(
            select(FormSubmission.id).where(FormSubmission.status == "completed").limit(1)
        )
        duplicate = session.scalar(
            select(Contact.id).where(Contact.duplicate_of_id.is_not(None)).limit(1)
        )
        bounced = session.scalar(
            select(Message.conversation_id).where(Message.delivery_status == "bounced").limit(1)
        )
    for key in TABS:
        page = window.show_tab(key)
        await _settle(app, ops)
        if key == "inbox" and conversation is not None:
            page.apply_filter({"conversation_id": conversation})
        elif key == "bookings":
            page.calendar.select_booking(booking)
            page.show_booking(booking)
        elif key == "contacts":
            page.apply_filter({"contact_id": regular})
        elif key == "forms" and submission is not None:
            page.apply_filter({"submission_id": submission})
        elif key == "inventory":
            page.table.selectRow(0)
        await _settle(app, ops, 1.0)
        _save(window, key)
    extras = (("contacts", "contacts-duplicate", {"contact_id": duplicate}),
              ("inbox", "inbox-bounced", {"conversation_id": bounced}))  # fmt: skip
    for key, name, flt in extras:
        if None in flt.values():
            print("the demo has nothing for", name)
            continue
        page = window.show_tab(key)
        page.apply_filter(flt)
        await _settle(app, ops, 1.0)
        _save(window, name)


def _save(window: Any, name: str) -> None:
    window.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


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
    app = QApplication(sys.argv)
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Ops(database, loop=loop)
    bridge = EventsBridge()
    specs = [spec for spec in TAB_SPECS if spec.key in TABS]
    window = MainWindow(ops, bridge, demo_owner(database), specs=specs, idle_minutes=0)
    window.resize(1400, 900)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops))
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
