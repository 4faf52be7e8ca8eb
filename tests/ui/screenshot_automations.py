"""Screenshot of Settings → Automations with a booking type's reminder list (issue 19).

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_automations

Writes docs/screenshots/automations-reminders.png: the small demo, its first booking type
given two reminders (48 hours by email, 2 hours by text), the text one selected so the
preview shows the message as the customer's phone will.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NAME = "automations-reminders"


async def _settle(app: Any, ops: Any, seconds: float = 0.6) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


async def _shoot(app: Any, window: Any, ops: Any) -> None:
    settings = window.show_tab("settings")
    page = settings.select_page("automations")
    await _settle(app, ops, 1.0)
    editor = page.reminder_list
    editor.rows[1].hours.setFocus()
    editor.rows[1].hours.setValue(2)  # selects the text reminder: the preview follows
    app.processEvents()
    scroll = page.parentWidget().parentWidget()
    scroll.ensureWidgetVisible(editor.preview, 0, 40)
    await _settle(app, ops, 0.8)
    window.grab().save(str(OUT / f"{NAME}.png"))
    print("wrote", OUT / f"{NAME}.png")


def main() -> int:
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from careops_desktop.core.db import Database
    from careops_desktop.core.demo.builder import build_demo
    from careops_desktop.core.models import BookingType
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.core.services import answers
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
    owner = demo_owner(database)
    with database.session() as session:
        first = session.scalars(
            select(BookingType.id).order_by(BookingType.sort_order, BookingType.name)
        ).first()
    assert first is not None
    database.call(answers.set_type_reminders, owner, first, [("email", 48), ("sms", 3)], 42)
    app = QApplication(sys.argv)
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Ops(database, loop=loop)
    bridge = EventsBridge()
    specs = [spec for spec in TAB_SPECS if spec.key in ("dashboard", "settings")]
    window = MainWindow(ops, bridge, owner, specs=specs, idle_minutes=0)
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
