"""Screenshots of drag and drop joined to undo and blocked time, on the small demo.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_drag_undo

Writes docs/screenshots/calendar-drag-undo.png (the next working day's day view just
after a booking was dragged to another time with real mouse events and "Move" was
pressed: the Undo notice says the customer is told in 2 minutes unless it is undone)
and calendar-drag-blocked.png (a booking held over blocked time: the ghost says
"Blocked: Team meeting").
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from tests.ui.screenshot_run import OUT, save, wait_until

TABS = ("dashboard", "bookings")


async def _settle(app: Any, ops: Any, seconds: float = 0.6) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


def _next_working_day() -> date:
    day = date.today() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _free_target(calendar: Any, block: Any, strict: bool = True) -> tuple[str, datetime] | None:
    """A column and a start there where ``block`` is free (``strict``: an hour away from
    where it is, with half an hour free either side, as the core counts buffers)."""
    from careops_desktop.ui.widgets.calendar_drop_rules import DropIndex

    data = calendar.data()
    index = DropIndex(data.drop, data.blocks, data.time_blocks)
    providers = dict(data.drop.column_providers)
    length = block.end - block.start
    now = datetime.now()
    for column in data.columns:
        for minutes in range(9 * 60, 17 * 60, 30 if strict else 15):
            start = datetime.combine(column.day, time(0)) + timedelta(minutes=minutes)
            # half an hour either side free too (the core counts the type's buffers)
            pad = timedelta(minutes=30)
            verdict = index.verdict(
                providers[column.key], start, start + length, block.id, now, block.booking_type_id
            )
            padded = index.verdict(
                providers[column.key], start - pad, start + length + pad, block.id, now, None
            )
            if not strict and verdict.kind == "free":
                return column.key, start
            if (
                verdict.kind == "free"
                and padded.kind != "taken"
                and abs((start - block.start).total_seconds()) > 3600
            ):
                return column.key, start
    return None


async def _drag_to(calendar: Any, block: Any, column: str, start: datetime, release: bool) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    rect = calendar.block_rect(block.id)
    target = calendar.point_for(column, start)
    assert rect is not None and target is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 5)
    end = QPoint(int(target.x()), int(target.y()) + 5)
    QTest.mousePress(calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grip)
    for step in range(1, 9):
        QTest.mouseMove(calendar, grip + (end - grip) * step / 8)
        await asyncio.sleep(0.02)
    await wait_until(lambda: calendar.drag.target is not None, 5)
    if release:
        QTest.mouseRelease(calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


async def _shoot(app: Any, window: Any, ops: Any, actor: Any) -> None:
    from careops_desktop.core.services import time_blocks

    page = window.show_tab("bookings")
    await _settle(app, ops)
    page.span.setCurrentIndex(page.span.findData(1))
    day = _next_working_day()
    calendar = page.calendar
    found = None
    for _ in range(10):  # the first working day with a booking that has a free time
        page.go_to(day)
        await _settle(app, ops, 1.0)
        movable = [b for b in calendar.data().blocks if b.status == "confirmed"]
        found = next(((b, t) for b in movable if (t := _free_target(calendar, b))), None)
        if found is not None:
            break
        day = day + timedelta(days=3 if day.weekday() == 4 else 1)
    if found is None:
        print("no confirmed booking with a free time: no shots")
        return
    block, (column, start) = found
    await _drag_to(calendar, block, column, start, release=True)
    await wait_until(lambda: page.calendar_hooks.dialog is not None, 5)
    dialog = page.calendar_hooks.dialog
    await wait_until(lambda: dialog.ok_button.isEnabled(), 5)
    dialog.ok_button.click()
    await wait_until(lambda: page.undo_notice.isVisible(), 8)
    await _settle(app, ops, 1.2)
    save(window, "calendar-drag-undo")

    # blocked time at a free time of the moved booking's, then the booking held over it
    moved = next((b for b in calendar.data().blocks if b.id == block.id), None)
    first_free = _free_target(calendar, moved, strict=False) if moved is not None else None
    if moved is None or first_free is None:
        print("no free time left for the blocked-time shot")
        return
    where, when = first_free
    provider_id = dict(calendar.data().drop.column_providers)[where]
    await ops.run(
        time_blocks.add_block,
        actor,
        provider_id=provider_id,
        start=when,
        end=when + timedelta(hours=1),
        reason="Team meeting",
    )
    page.undo_notice.hide()
    page.load_page()
    await _settle(app, ops, 1.0)
    moved = next(b for b in calendar.data().blocks if b.id == block.id)
    await _drag_to(calendar, moved, where, when, release=False)
    await _settle(app, ops, 0.3)
    save(window, "calendar-drag-blocked")
    calendar.drag.cancel()


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
    folder = Path(tempfile.mkdtemp(prefix="careops-drag-undo-shots-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    database = Database(f"sqlite:///{folder / 'demo.sqlite3'}")
    upgrade_to_head(database.engine)
    build_demo(database, "small")
    actor = demo_owner(database)
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
            loop.run_until_complete(_shoot(app, window, ops, actor))
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
