"""A screenshot of the whole main window in German, on the small demo database.

Run under Xvfb (not collected by pytest)::

    CAREOPS_LANGUAGE=de xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python -m tests.ui.screenshot_window_de

The demo business is given the locale ``de_DE`` (dates, times and the week calendar in
German formats); the window's texts follow ``CAREOPS_LANGUAGE`` (German by default here).
Writes docs/screenshots/window-de.png (the Bookings tab's week, a booking selected), or
window-rtl.png with ``CAREOPS_LANGUAGE=ar-XB``;
``--all`` also writes each tab to the temp folder, for checking that every label fits.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.ui.screenshot_tabs import _settle

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# CAREOPS_LANGUAGE=ar-XB (the mirrored pseudo-locale) shoots the right-to-left window
SHOT_NAMES = {"de": "window-de.png", "ar-XB": "window-rtl.png"}


async def _shoot(app: Any, window: Any, ops: Any, folder: Path, every_tab: bool) -> None:
    from sqlalchemy import select

    from careops_desktop.core.models import Booking

    if every_tab:
        for key in window.tab_keys():
            window.show_tab(key)
            await _settle(app, ops, 1.0)
            window.grab().save(str(folder / f"window-de-{key}.png"))
            print("wrote", folder / f"window-de-{key}.png")
    with ops.database.session() as session:
        booking = session.scalar(
            select(Booking.id)
            .where(Booking.status == "confirmed")
            .order_by(Booking.start_at.desc())
            .limit(1)
        )
    page = window.show_tab("bookings")
    await _settle(app, ops)
    page.calendar.select_booking(booking)
    page.show_booking(booking)
    await _settle(app, ops, 1.0)
    name = SHOT_NAMES.get(os.environ.get("CAREOPS_LANGUAGE", "de"), "window-de.png")
    window.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careops_desktop.core.db import Database
    from careops_desktop.core.demo.builder import build_demo
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.core.services import business, outbox
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.i18n import apply_business_locale, chosen_language, install_language
    from careops_desktop.ui.main_window import MainWindow
    from careops_desktop.ui.ops import Ops
    from careops_desktop.ui.runtime_link import outbox_text
    from careops_desktop.ui.theme import apply_theme
    from tests.ui.tab_helpers import demo_owner

    os.environ.setdefault("CAREOPS_LANGUAGE", "de")
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="careops-shots-de-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    database = Database(f"sqlite:///{folder / 'demo.sqlite3'}")
    upgrade_to_head(database.engine)
    build_demo(database, "small")
    owner = demo_owner(database)
    database.call(business.update_profile, owner, locale="de_DE")
    app = QApplication(sys.argv)
    install_language(app, chosen_language())
    apply_business_locale(database.call(business.business_locale))
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Ops(database, loop=loop)
    bridge = EventsBridge()
    name = database.call(business.get_profile).name
    window = MainWindow(ops, bridge, owner, business_name=name, idle_minutes=0)
    window.set_outbox_status(outbox_text(database.call(outbox.outbox_counts)))
    window.resize(1400, 900)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops, folder, "--all" in sys.argv))
            window.close()
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
