"""Screenshot of the Dashboard and the Contacts tab in German (issue 22: do labels fit?).

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_desk_de

Writes docs/screenshots/desk-de.png (the Dashboard above the Contacts tab, a contact
who reads German selected) and desk-de-contact.png (that contact's edit dialog).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TABS = ("dashboard", "inbox", "bookings", "contacts", "forms", "inventory", "reports")


async def _settle(app: Any, ops: Any, seconds: float = 0.8) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


async def _shoot(app: Any, window: Any, ops: Any) -> None:
    from PySide6.QtGui import QImage, QPainter
    from sqlalchemy import func, select

    from careops_desktop.core.models import Booking
    from careops_desktop.core.services import contacts
    from tests.ui.tab_helpers import demo_owner

    with ops.database.session() as session:
        regular = session.scalar(
            select(Booking.contact_id)
            .group_by(Booking.contact_id)
            .order_by(func.count(Booking.id).desc())
            .limit(1)
        )
    with ops.database.write_session() as session:
        contacts.update_contact(session, demo_owner(ops.database), regular, language="de")
    window.show_tab("dashboard")
    await _settle(app, ops, 2.5)  # the charts draw one per turn
    dashboard = window.grab().toImage()
    page = window.show_tab("contacts")
    await _settle(app, ops)
    page.apply_filter({"contact_id": regular})
    await _settle(app, ops, 1.0)
    contacts_image = window.grab().toImage()
    both = QImage(
        max(dashboard.width(), contacts_image.width()),
        dashboard.height() + contacts_image.height(),
        QImage.Format.Format_RGB32,
    )
    both.fill(0xFFFFFF)
    painter = QPainter(both)
    painter.drawImage(0, 0, dashboard)
    painter.drawImage(0, dashboard.height(), contacts_image)
    painter.end()
    both.save(str(OUT / "desk-de.png"))
    print("wrote", OUT / "desk-de.png")
    dialog = page.edit_current()
    await _settle(app, ops, 0.5)
    dialog.grab().save(str(OUT / "desk-de-contact.png"))
    print("wrote", OUT / "desk-de-contact.png")
    dialog.reject()


def main() -> int:
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careops_desktop.core.db import Database
    from careops_desktop.core.demo.builder import build_demo
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.i18n import apply_business_locale, install_language
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
    install_language(app, "de")
    apply_business_locale("de_DE")
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
