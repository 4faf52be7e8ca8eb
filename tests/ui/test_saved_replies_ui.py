"""Saved replies in the window: the inbox picker (button and Ctrl+Shift+R) inserts the
reply with its placeholders filled at the cursor; Settings → Saved replies adds, edits and
deletes (after asking)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from careops_desktop.core.services import saved_replies
from careops_desktop.ui.inbox.saved_replies import SavedReplyPicker
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.settings.saved_replies_page import SavedRepliesPage
from tests.core.booking_world import INBOX_ONLY, build_in
from tests.core.search_world import add_customer
from tests.ui.tab_helpers import open_tab, owner_actor


def _inbox_with_thread(qtbot: Any, ops: Any, bridge: Any, db: Any) -> tuple[Any, Any, dict]:
    found = add_customer(db, build_in(db))
    db.call(
        saved_replies.add_saved_reply,
        INBOX_ONLY,
        "Directions",
        "Hi {contact_name}, see you for your {booking_type} with {provider_name}. {business_name}",
    )
    db.call(saved_replies.add_saved_reply, INBOX_ONLY, "Stock", "We have {item_name}.")
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("inbox",))
    page = window.page("inbox")
    page.apply_filter({"conversation_id": found["talk"]})
    qtbot.waitUntil(lambda: page.shown is not None, timeout=5000)
    return window, page, found


def _picker(qtbot: Any, page: Any) -> SavedReplyPicker:
    qtbot.waitUntil(
        lambda: (
            isinstance(page.saved_replies.picker, SavedReplyPicker)
            and page.saved_replies.picker.isVisible()
        ),
        timeout=5000,
    )
    return page.saved_replies.picker


def test_the_button_inserts_the_reply_filled_at_the_cursor(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    _window, page, _found = _inbox_with_thread(qtbot, ops, bridge, db)
    page.reply_edit.setPlainText("Dear customer. ")
    page.reply_edit.moveCursor(page.reply_edit.textCursor().MoveOperation.End)
    qtbot.mouseClick(page.saved_replies, Qt.MouseButton.LeftButton)
    picker = _picker(qtbot, page)
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == [
        "Directions",
        "Stock",
    ]
    assert picker.preview.text().startswith("Hi {contact_name}, see you")  # as written
    qtbot.keyClicks(picker.filter, "dir")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Mia Okafor" in page.reply_edit.toPlainText(), timeout=5000)
    assert page.reply_edit.toPlainText() == (
        "Dear customer. Hi Mia Okafor, see you for your Massage with Alice Practitioner. "
        "Bright Smile Clinic"
    )
    assert not page.reply_errors.is_invalid("content")


def test_the_shortcut_opens_the_picker_and_unfilled_placeholders_are_named(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    window, page, _found = _inbox_with_thread(qtbot, ops, bridge, db)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    page.reply_edit.setFocus()
    qtbot.keyClick(
        page.reply_edit,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    picker = _picker(qtbot, page)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    assert picker.list.currentItem().text() == "Stock"
    qtbot.keyClick(picker.filter, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: "We have" in page.reply_edit.toPlainText(), timeout=5000)
    assert page.reply_edit.toPlainText() == "We have {item_name}."
    assert "{item_name}" in page.reply_errors.message("content")


def test_no_conversation_open_says_so(qtbot: Any, ops: Any, bridge: Any, db: Any) -> None:
    build_in(db)
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("inbox",))
    page = window.page("inbox")
    qtbot.mouseClick(page.saved_replies, Qt.MouseButton.LeftButton)
    assert page.reply_errors.message("content") == "Open a conversation first."
    assert page.saved_replies.picker is None


def _settings_page(qtbot: Any, ops: Any, bridge: Any) -> SavedRepliesPage:
    page = SavedRepliesPage(SettingsContext(ops, bridge, owner_actor()))
    qtbot.addWidget(page)
    page.show()
    return page


def _settled(qtbot: Any, page: SavedRepliesPage) -> None:
    qtbot.waitUntil(
        lambda: (
            page.save_button.isEnabled()
            and bool(
                page.status.text()
                or page.errors.is_invalid("title")
                or page.errors.is_invalid("body")
            )
        ),
        timeout=5000,
    )


def test_settings_add_edit_delete(qtbot: Any, ops: Any, bridge: Any, db: Any) -> None:
    build_in(db)
    page = _settings_page(qtbot, ops, bridge)
    # refusals at their fields
    qtbot.keyClicks(page.body, "Hello {contact_nme}")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, page)
    assert page.errors.message("title") == "Enter a title."
    assert "{contact_nme}" in page.errors.message("body")
    # added
    qtbot.keyClicks(page.title, "Welcome <b>back</b>")
    page.body.setPlainText("Hello {contact_name}!")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5000)
    assert page.list.item(0).text() == "Welcome <b>back</b>"
    assert page.status.text() == "Saved."
    # edited
    page.body.setPlainText("Welcome back, {contact_name}.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, page)
    qtbot.waitUntil(
        lambda: (
            db.call(saved_replies.list_saved_replies, INBOX_ONLY)[0].body
            == "Welcome back, {contact_name}."
        ),
        timeout=5000,
    )
    # "New" then a second one
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.title.text() == "" and not page.delete_button.isEnabled()
    qtbot.keyClicks(page.title, "Address")
    page.body.setPlainText("12 High Street")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, page)
    qtbot.waitUntil(lambda: page.list.count() == 2, timeout=5000)
    # delete asks first; "Keep it" keeps it
    page.list.setCurrentRow(0)
    assert page.title.text() == "Address"
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm
    assert isinstance(box, QMessageBox) and "Address" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep it")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert len(db.call(saved_replies.list_saved_replies, INBOX_ONLY)) == 2
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5000)
    assert [r.title for r in db.call(saved_replies.list_saved_replies, INBOX_ONLY)] == [
        "Welcome <b>back</b>"
    ]
    assert page.title.text() == ""


def test_the_page_is_offered_with_the_inbox_permission() -> None:
    from careops_desktop.core.permissions import Actor, Role, permissions_for
    from careops_desktop.ui.settings.registry import visible_pages

    inbox = Actor(None, "I", Role.STAFF, permissions_for(Role.STAFF, can_manage_inbox=True))
    desk = Actor(None, "D", Role.STAFF, permissions_for(Role.STAFF, can_manage_bookings=True))
    assert "saved_replies" in [p.key for p in visible_pages(inbox)]
    assert "saved_replies" not in [p.key for p in visible_pages(desk)]
