"""A screenshot of the Bookings tab and the New booking dialog in German.

Run under Xvfb (not collected by pytest), after ``scripts/i18n.py compile``::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_bookings_de

Writes docs/screenshots/bookings-de.png: the tab (day view, a booking chosen: the panel
with its details and buttons) with the New booking dialog beside it. Prints every label,
button and check box whose text does not fit its widget (German is about 30 % longer
than English); the list is empty when nothing is clipped.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def clipped(root: Any) -> list[str]:
    """The visible labels, buttons and check boxes under ``root`` too narrow for their text."""
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton

    found = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue  # wraps onto more lines instead
        text = widget.text().replace("&&", "&")
        needed = max(widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        room = widget.contentsRect().width()
        if isinstance(widget, QPushButton | QCheckBox):
            room = widget.width()
            needed = widget.sizeHint().width()
        if needed > room + 1:
            found.append(f"{type(widget).__name__} {text!r}: needs {needed}, has {room}")
    return found


async def _shoot(app: Any, window: Any, ops: Any) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QImage, QPainter

    page = window.show_tab("bookings")
    await ops.wait_idle(20)
    await asyncio.sleep(0.5)
    page.span.setCurrentIndex(page.span.findData(1))
    await ops.wait_idle(20)
    # the first day from today with bookings, its first booking chosen
    for _ in range(14):
        if page.page_data and page.page_data.bookings:
            break
        page.step(1)
        await ops.wait_idle(20)
    if page.page_data and page.page_data.bookings:
        page.show_booking(page.page_data.bookings[0].id)
        await ops.wait_idle(20)
    await asyncio.sleep(0.5)
    app.processEvents()
    tab = window.grab()
    dialog = page.create_new()
    dialog.new_contact.setChecked(True)  # the inline fields, too
    await ops.wait_idle(20)
    await asyncio.sleep(0.8)
    app.processEvents()
    form = dialog.grab()
    problems = clipped(page.panel) + clipped(dialog) + clipped(window)
    print("clipped:", problems or "none")
    image = QImage(
        tab.width() + form.width() + 24,
        max(tab.height(), form.height()),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("#cbd5e1"))
    painter = QPainter(image)
    painter.drawPixmap(QPoint(0, 0), tab)
    painter.drawPixmap(QPoint(tab.width() + 24, 0), form)
    painter.end()
    target = OUT / "bookings-de.png"
    image.save(str(target))
    print("wrote", target)
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
    folder = Path(tempfile.mkdtemp(prefix="careops-bookings-de-"))
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
    specs = [spec for spec in TAB_SPECS if spec.key == "bookings"]
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
