"""Screenshot of the Repeat dialog (a recurring series) on the small demo database.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_series

Writes docs/screenshots/booking-repeat.png: New booking → Repeat… for a weekly visit,
with every date checked, one taken date marked and its nearest free time chosen.
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


async def _shoot(app: Any, window: Any, ops: Any, actor: Any) -> None:
    from sqlalchemy import select

    from careops_desktop.core.errors import CareOpsError
    from careops_desktop.core.models import Contact
    from careops_desktop.core.services import bookings, providers, slots
    from careops_desktop.core.services.business import business_zone

    with ops.database.session() as session:
        zone = business_zone(session)
        shown = providers.list_providers(session)
        contact_ids = session.scalars(select(Contact.id).order_by(Contact.id).limit(2)).all()
        types = bookings.list_booking_types(session)
    kind = next(t for t in types if shown[0].id in t.provider_ids)
    day = datetime.now(zone).date() + timedelta(days=1)
    start = None
    for _ in range(14):  # the first day with a free afternoon time for the first provider
        with ops.database.session() as session:
            free = slots.slots_for_day(session, kind.id, day, shown[0].id).slots
        later = [s for s in free if s.start_utc.astimezone(zone).time() >= time(14)]
        if later:
            start = later[0].start_utc
            break
        day += timedelta(days=1)
    assert start is not None
    # someone else takes the third Tuesday at that time, so one date clashes
    try:
        ops.database.call(
            bookings.book_desk,
            actor,
            contact_id=contact_ids[1],
            booking_type_id=kind.id,
            provider_id=shown[0].id,
            start_utc=start + timedelta(weeks=2),
            outside_hours=True,
        )
    except CareOpsError:
        pass  # already taken in the demo: a clash either way
    page = window.show_tab("bookings")
    await _settle(app, ops)
    dialog = page.create_new(
        day=day, provider_id=shown[0].id, start_utc=start, contact_id=contact_ids[0]
    )
    await _settle(app, ops, 1.0)
    dialog.chooser.booking_type.setCurrentIndex(dialog.chooser.booking_type.findData(kind.id))
    await _settle(app, ops, 1.0)
    slot = dialog.chooser.slot
    for index in range(slot.count()):
        if slot.itemData(index).start_utc == start:
            slot.setCurrentIndex(index)
    await _settle(app, ops, 0.3)
    dialog.repeat.click()
    await _settle(app, ops, 1.0)
    repeat = getattr(dialog, "repeat_dialog", None)
    if repeat is None:
        raise SystemExit(
            f"Repeat did not open: {slot.count()} {dialog.chooser.slot_note.text()} "
            f"{dialog.picker.selected_id()} {day} {kind.name}"
        )
    for visit in repeat.plan.visits if repeat.plan else ():
        if visit.kind != "ok" and visit.alternatives:
            repeat.combos[visit.day].setCurrentIndex(1)
            break
    await _settle(app, ops, 0.5)
    _save(repeat, "booking-repeat")
    repeat.reject()
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
    folder = Path(tempfile.mkdtemp(prefix="careops-series-"))
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
