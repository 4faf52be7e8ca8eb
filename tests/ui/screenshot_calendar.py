"""Screenshots of the calendar as a working surface, on the small demo database.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_calendar

Writes docs/screenshots/calendar-day-colours.png (today's day view: provider colours,
every status's style, the legend), calendar-day-colours-dark.png (the same in the dark
palette), calendar-drag.png (a booking held mid-drag over another provider's column,
with the ghost and its verdict), the drag made with real mouse events, and
calendar-new-booking.png (New booking opened by double-clicking that free time).
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
import tempfile
from datetime import datetime, time
from pathlib import Path
from typing import Any

from tests.ui.screenshot_run import OUT, wait_until

STATUS_SHOWN = ("arrived", "no_show", "cancelled", "completed")  # one block of each, for the shot


async def _settle(app: Any, ops: Any, seconds: float = 0.6) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


def _save(window: Any, name: str) -> None:
    window.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def _with_statuses(calendar: Any) -> None:
    """Show one block of each status (the shot's own data: "arrived" comes from the core
    elsewhere; here the styles are what is shown)."""
    data = calendar.data()
    blocks = list(data.blocks)
    confirmed = [i for i, b in enumerate(blocks) if b.status == "confirmed"]
    for index, status in zip(confirmed[1::2], STATUS_SHOWN, strict=False):
        blocks[index] = dataclasses.replace(blocks[index], status=status)
    calendar.set_data(dataclasses.replace(data, blocks=tuple(blocks)))


async def _day_view(app: Any, window: Any, ops: Any) -> Any:
    page = window.show_tab("bookings")
    await _settle(app, ops)
    page.span.setCurrentIndex(page.span.findData(1))
    await _settle(app, ops, 1.0)
    _with_statuses(page.calendar)
    await _settle(app, ops, 0.3)
    return page


def _free_target(calendar: Any, block: Any) -> tuple[str, datetime] | None:
    """Another column (else the same one) and a start there that the page says is free."""
    from careops_desktop.ui.widgets.calendar_drop_rules import DropIndex

    data = calendar.data()
    index = DropIndex(data.drop, data.blocks)
    providers = dict(data.drop.column_providers)
    length = block.end - block.start
    now = datetime.now()
    columns = [c for c in data.columns if c.key != block.column] + [
        c for c in data.columns if c.key == block.column
    ]
    for column in columns:
        for hour in range(max(now.hour + 1, 9), 18):
            start = datetime.combine(column.day, time(hour))
            verdict = index.verdict(
                providers[column.key], start, start + length, block.id, now, block.booking_type_id
            )
            if verdict.kind == "free":
                return column.key, start
    return None


async def _shoot(app: Any, window: Any, ops: Any) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    page = await _day_view(app, window, ops)
    _save(window, "calendar-day-colours")

    # mid-drag: the first confirmed booking still to come, held over a free time
    calendar = page.calendar
    data = calendar.data()
    now = datetime.now()
    movable = [b for b in data.blocks if b.status == "confirmed" and b.start > now]
    found = next(((b, t) for b in movable if (t := _free_target(calendar, b))), None)
    if found is None:
        print("no booking still to come today with a free time: no drag shot")
        return
    block, (column, start) = found
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
    await _settle(app, ops, 0.3)
    _save(window, "calendar-drag")
    calendar.drag.cancel()
    QTest.mouseRelease(calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grip)
    await _settle(app, ops, 0.3)

    # double-click the empty start found above: New booking opens there, with that provider
    from PySide6.QtWidgets import QApplication

    from careops_desktop.ui.bookings.dialogs import BookingDialog

    QTest.mouseDClick(calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    await _settle(app, ops, 1.0)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, BookingDialog)]
    if dialogs:
        dialogs[0].grab().save(str(OUT / "calendar-new-booking.png"))
        print("wrote", OUT / "calendar-new-booking.png")
        dialogs[0].close()


async def _shoot_dark(app: Any, window: Any, ops: Any) -> None:
    await _day_view(app, window, ops)
    _save(window, "calendar-day-colours-dark")


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
    from careops_desktop.ui.theme import apply_theme, dark_palette
    from tests.ui.tab_helpers import demo_owner

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="careops-calendar-shots-"))
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
    specs = [spec for spec in TAB_SPECS if spec.key == "bookings"]
    window = MainWindow(ops, bridge, demo_owner(database), specs=specs, idle_minutes=0)
    window.resize(1400, 900)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops))
            window.close()
            app.setPalette(dark_palette())  # a window made after the switch, as at start-up
            dark = MainWindow(ops, bridge, demo_owner(database), specs=specs, idle_minutes=0)
            dark.resize(1400, 900)
            dark.show()
            loop.run_until_complete(_shoot_dark(app, dark, ops))
            dark.close()
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
