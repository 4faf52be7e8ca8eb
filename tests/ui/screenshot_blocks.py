"""Screenshots of blocked time on the small demo database, in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_blocks

Writes docs/screenshots/calendar-block.png (the day view with a hatched weekly lunch
for the first provider and a training hour for the second) and
calendar-block-dialog.png (the Block time dialog a drag on empty space opens).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from tests.ui.screenshot_tabs import OUT, _save, _settle


def _free_gap(
    ops: Any, provider_id: int, day: Any, zone: Any, after: time, minutes: int
) -> datetime | None:
    """The first half-hour start from ``after`` with no booking of the provider for ``minutes``
    (so the hatched block shows in the shot rather than under bookings)."""
    from careops_desktop.core.services import bookings

    first = datetime.combine(day, time(0), tzinfo=zone)
    with ops.database.session() as session:
        taken = [
            (
                b.start.astimezone(zone).replace(tzinfo=None),
                b.end.astimezone(zone).replace(tzinfo=None),
            )
            for b in bookings.bookings_in_range(
                session, first, first + timedelta(days=1), [provider_id]
            )
        ]
    start = datetime.combine(day, after)
    while start.hour < 18:
        end = start + timedelta(minutes=minutes)
        if not any(s < end and start < e for s, e in taken):
            return start
        start += timedelta(minutes=30)
    return None


async def _shoot(app: Any, window: Any, ops: Any, actor: Any) -> None:
    from careops_desktop.core.services import providers, time_blocks
    from careops_desktop.core.services.business import business_zone

    with ops.database.session() as session:
        zone = business_zone(session)
        shown = providers.list_providers(session)
    day = datetime.now(zone).date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    chosen: list[tuple[int, datetime, int, str, bool]] = []
    lunch = _free_gap(ops, shown[0].id, day, zone, time(12), 60)
    if lunch is not None:
        chosen.append((shown[0].id, lunch, 60, "Lunch", True))
    for provider in shown[1:]:  # a training session where someone has a free stretch
        found = next(
            (
                (m, g)
                for m in (60, 45, 30)
                if (g := _free_gap(ops, provider.id, day, zone, time(13), m))
            ),
            None,
        )
        if found is not None:
            chosen.append((provider.id, found[1], found[0], "Training", False))
            break
    for provider_id, start, minutes, reason, weekly in chosen:
        ops.database.call(
            time_blocks.add_block,
            actor,
            provider_id=provider_id,
            start=start,
            end=start + timedelta(minutes=minutes),
            reason=reason,
            repeats_weekly=weekly,
        )
    page = window.show_tab("bookings")
    await _settle(app, ops)
    page.span.setCurrentIndex(page.span.findData(1))
    page.go_to(day)
    await _settle(app, ops, 1.0)
    _save(window, "calendar-block")
    first = shown[0]
    dialog = page.block_time(
        first.id, datetime.combine(day, time(10)), datetime.combine(day, time(10, 45))
    )
    dialog.reason.setCurrentText("Team meeting")
    dialog.repeat.setChecked(True)
    await _settle(app, ops, 0.8)
    _save(dialog, "calendar-block-dialog")
    dialog.reject()


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
    folder = Path(tempfile.mkdtemp(prefix="careops-blocks-"))
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
    actor = demo_owner(database)
    specs = [spec for spec in TAB_SPECS if spec.key == "bookings"]
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
