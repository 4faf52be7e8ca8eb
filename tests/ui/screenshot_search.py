"""Screenshots of Search everywhere (Ctrl+K) and saved replies on the small demo database.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_search

Writes docs/screenshots/search-everywhere.png (the Ctrl+K box over the window, a
surname typed), saved-replies.png (the inbox's picker over a conversation, one reply
already inserted) and saved-replies-settings.png (Settings → Saved replies).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TABS = ("inbox", "bookings", "contacts", "forms", "settings")
REPLIES = (
    (
        "Running late",
        "Hello {contact_name}, no problem. We will keep your {booking_type} with "
        "{provider_name} on {booking_time}; please come as soon as you can.\n{business_name}",
    ),
    ("Parking", "There is free parking behind the building, {contact_name}."),
    ("Receipt on its way", "Hello {contact_name}, your receipt is attached.\n{business_name}"),
    ("Change your booking", "You can move or cancel it here: {manage_link}"),
)


async def _settle(app: Any, ops: Any, seconds: float = 0.6) -> None:
    await ops.wait_idle(20)
    await asyncio.sleep(seconds)
    app.processEvents()
    await ops.wait_idle(20)


def _save_screen(app: Any, window: Any, name: str) -> None:
    """The screen where the window is (its dialogs included), cropped to the window."""
    frame = window.frameGeometry()
    shot = app.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    shot.save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


async def _shoot(app: Any, window: Any, ops: Any, actor: Any) -> None:
    from sqlalchemy import func, select

    from careops_desktop.core.models import Booking, Contact, Conversation
    from careops_desktop.core.services import saved_replies
    from careops_desktop.ui.search_everywhere import open_search

    with ops.database.session() as session:
        regular = session.execute(
            select(Contact.id, Contact.name)
            .join(Booking, Booking.contact_id == Contact.id)
            .join(Conversation, Conversation.contact_id == Contact.id)
            .group_by(Contact.id, Contact.name)
            .order_by(func.count(Booking.id).desc())
            .limit(1)
        ).one()
        conversation = session.scalar(
            select(Conversation.id).where(Conversation.contact_id == regular.id).limit(1)
        )
    for title, body in REPLIES:
        ops.database.call(saved_replies.add_saved_reply, actor, title, body)

    window.show_tab("bookings")
    await _settle(app, ops)
    dialog = open_search(window)
    surname = regular.name.split()[-1]
    for end in range(1, len(surname) + 1):
        dialog.field.setText(surname[:end])
        await asyncio.sleep(0.03)
    await _settle(app, ops, 1.0)
    dialog.step_choice(1)
    await _settle(app, ops, 0.3)
    _save_screen(app, window, "search-everywhere")
    dialog.reject()
    await _settle(app, ops)

    page = window.show_tab("inbox")
    page.apply_filter({"conversation_id": conversation})
    await _settle(app, ops, 1.0)
    page.saved_replies.insert(ops.database.call(saved_replies.list_saved_replies, actor)[1].id)
    await _settle(app, ops, 0.5)
    page.reply_edit.moveCursor(page.reply_edit.textCursor().MoveOperation.End)
    page.reply_edit.insertPlainText("\n\n")
    page.saved_replies.open_picker()
    await _settle(app, ops, 1.0)
    picker = page.saved_replies.picker
    if picker is not None:
        picker.filter.setText("run")
    await _settle(app, ops, 0.5)
    _save_screen(app, window, "saved-replies")
    if picker is not None:
        picker.reject()
    await _settle(app, ops)

    window.show_tab("settings", {"page": "saved_replies"})
    await _settle(app, ops, 1.0)
    replies_page = window.current_page().select_page("saved_replies")
    await _settle(app, ops, 0.5)
    if replies_page is not None:
        replies_page.list.setCurrentRow(1)
    await _settle(app, ops, 0.5)
    _save_screen(app, window, "saved-replies-settings")


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
    owner = demo_owner(database)
    specs = [spec for spec in TAB_SPECS if spec.key in TABS]
    window = MainWindow(ops, bridge, owner, specs=specs, idle_minutes=0)
    window.resize(1400, 880)
    window.move(0, 0)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops, owner))
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
