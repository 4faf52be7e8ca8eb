"""Screenshots of the desk's Waitlist window on the small demo database, in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_waitlist

Writes docs/screenshots/waitlist.png (the list: who, what, since when, offers sent, with
one open offer), waitlist-offer.png (the "Offer a time" dialog) and waitlist-add.png
("Add person").
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.ui.screenshot_tabs import OUT, _save, _settle

PEOPLE = (
    ("Maria Gonzalez", "maria.gonzalez@example.com", "", 0, None),
    ("Tom O'Brien", "", "+44 7911 123456", 1, 0),
    ("Aisha Khan", "aisha.khan@example.com", "+44 7700 123987", 0, None),
    ("Jonas Weber", "jonas@example.de", "", 2, 1),
)


async def _shoot(app: Any, window: Any, ops: Any, actor: Any) -> None:
    from careops_desktop.core.services import bookings, providers, waitlist
    from careops_desktop.core.services.business import business_zone

    with ops.database.session() as session:
        zone = business_zone(session)
        types = [t for t in bookings.list_booking_types(session) if t.is_active and t.provider_ids]
        staff = {p.id: p for p in providers.list_providers(session)}
    today = datetime.now(zone).date()
    ids = []
    for number, (name, email, phone, type_index, provider_index) in enumerate(PEOPLE):
        booking_type = types[type_index % len(types)]
        provider_id = (
            booking_type.provider_ids[provider_index % len(booking_type.provider_ids)]
            if provider_index is not None
            else None
        )
        first = today + timedelta(days=2 + number)
        joined = ops.database.call(
            waitlist.add_to_waitlist,
            actor,
            booking_type_id=booking_type.id,
            provider_id=provider_id if provider_id in staff else None,
            name=name,
            email=email,
            phone=phone,
            ranges=[(first, first + timedelta(days=4))],
            now=datetime.now(UTC) - timedelta(hours=30 - 6 * number),
        )
        ids.append(joined.entry_id)
    offered = False
    for entry_id, number in zip(ids, range(len(ids)), strict=True):  # a time within their dates
        for offset in range(5):
            day = today + timedelta(days=2 + number + offset)
            moment = datetime.combine(day, datetime.min.time(), zone).replace(hour=12)
            free = ops.database.call(
                waitlist.free_times_for_entry, entry_id, moment.astimezone(UTC)
            )
            if free:
                chosen = free[len(free) // 2]
                ops.database.call(
                    waitlist.offer_by_hand, actor, entry_id, chosen.provider_id, chosen.start
                )
                offered = True
                break
        if offered:
            break
    page = window.show_tab("bookings")
    await _settle(app, ops)
    view = page.open_waitlist()
    view.resize(1240, 420)
    await _settle(app, ops, 1.0)
    view.table.selectRow(1)
    await _settle(app, ops, 0.5)
    _save(view, "waitlist")
    dialog = view.offer_time()
    await _settle(app, ops, 1.0)
    if dialog is not None:
        _save(dialog, "waitlist-offer")
        dialog.reject()
    add = view.add_person()
    await _settle(app, ops, 0.8)
    if add is not None:
        add.name.setText("Priya Natarajan")
        add.email.setText("priya@example.com")
        await _settle(app, ops, 0.3)
        _save(add, "waitlist-add")
        add.reject()
    view.close()


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
    folder = Path(tempfile.mkdtemp(prefix="careops-waitlist-"))
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
