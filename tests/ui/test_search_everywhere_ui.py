"""Ctrl+K on the real window: type, choose with the keys, Enter opens the thing in its tab;
an answer to an older keystroke is never shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from careops_desktop.core.services.search_everywhere import search_everything
from careops_desktop.ui.search_everywhere import HIT_ROLE, SearchEverywhereDialog
from tests.core.booking_world import INBOX_ONLY, build_in
from tests.core.search_world import add_customer
from tests.ui.tab_helpers import open_tab, owner_actor

KEYS = ("inbox", "bookings", "contacts", "forms")


def _open(qtbot: Any, ops: Any, bridge: Any, db: Any, actor: Any = None) -> tuple[Any, Any]:
    found = add_customer(db, build_in(db))
    window = open_tab(qtbot, ops, bridge, actor or owner_actor(), KEYS)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = getattr(window, "_search_everywhere", None)
    assert isinstance(dialog, SearchEverywhereDialog) and dialog.isVisible()
    return window, found


def _shown(dialog: SearchEverywhereDialog) -> list[tuple[str, int] | str]:
    """The list as shown: headings as text, hits as (kind, id)."""
    rows: list[tuple[str, int] | str] = []
    for row in range(dialog.results.count()):
        item = dialog.results.item(row)
        hit = item.data(HIT_ROLE)
        rows.append((hit.kind, hit.id) if hit is not None else item.text())
    return rows


def _type(qtbot: Any, dialog: SearchEverywhereDialog, text: str) -> None:
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, text)
    qtbot.waitUntil(lambda: dialog.shown_text == text and not dialog.timer.isActive(), timeout=5000)


def test_ctrl_k_finds_each_kind_and_enter_opens_the_booking(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    window, found = _open(qtbot, ops, bridge, db)
    dialog = window._search_everywhere
    qtbot.waitUntil(dialog.field.hasFocus, timeout=3000)
    _type(qtbot, dialog, "okafor")
    assert _shown(dialog) == [
        "Contacts",
        ("contact", found["mia"]),
        "Bookings",
        ("booking", found["soon"]),
        ("booking", found["old"]),
        "Conversations",
        ("conversation", found["talk"]),
        "Form submissions",
        ("submission", found["form"]),
    ]
    assert dialog.current_hit().id == found["mia"]  # the first hit is chosen
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)  # over the "Bookings" heading
    assert (dialog.current_hit().kind, dialog.current_hit().id) == ("booking", found["soon"])
    qtbot.keyClick(dialog.field, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Up)  # nothing above the first: stays
    assert dialog.current_hit().kind == "contact"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert window.current_key() == "bookings"
    page = window.current_page()
    qtbot.waitUntil(
        lambda: page.selected is not None and page.selected.id == found["soon"], timeout=5000
    )


def test_enter_opens_the_contact_conversation_and_form(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    window, found = _open(qtbot, ops, bridge, db)
    dialog = window._search_everywhere
    _type(qtbot, dialog, "okafor")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.current_key() == "contacts"
    assert window.current_page().current_id == found["mia"]
    for kind, tab, attribute in (
        ("conversation", "inbox", "current_id"),
        ("submission", "forms", None),
    ):
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        dialog = window._search_everywhere
        assert dialog.isVisible()
        _type(qtbot, dialog, "okafor")
        while dialog.current_hit().kind != kind:
            qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Enter)
        assert window.current_key() == tab
        page = window.current_page()
        if attribute:
            assert getattr(page, attribute) == found["talk"]
        else:
            qtbot.waitUntil(
                lambda page=page: page.detail is not None and page.detail.row.id == found["form"],
                timeout=5000,
            )


def test_a_stale_answer_is_not_shown(qtbot: Any, ops: Any, bridge: Any, db: Any) -> None:
    window, _found = _open(qtbot, ops, bridge, db)
    dialog = window._search_everywhere
    _type(qtbot, dialog, "okafor")
    old_number = dialog._asked
    late = db.call(search_everything, owner_actor(), "okafor")
    _type(qtbot, dialog, "zzqx")
    assert _shown(dialog) == []
    assert "Nothing found" in dialog.status.text()
    # the answer to "okafor" arriving now (late) is dropped
    dialog._answered(old_number, "okafor", late)
    assert _shown(dialog) == []
    assert dialog.shown_text == "zzqx"


def test_typing_then_enter_at_once_opens_the_latest_text(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    window, _found = _open(qtbot, ops, bridge, db)
    dialog = window._search_everywhere
    qtbot.keyClicks(dialog.field, "massage")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # before the answer has come
    qtbot.waitUntil(lambda: window.current_key() == "bookings", timeout=5000)


def test_only_the_kinds_a_role_may_see_and_esc_closes(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    window, _found = _open(qtbot, ops, bridge, db, INBOX_ONLY)
    dialog = window._search_everywhere
    _type(qtbot, dialog, "okafor")
    kinds = {row[0] for row in _shown(dialog) if isinstance(row, tuple)}
    assert kinds == {"contact", "conversation", "submission"}
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def test_hostile_text_and_one_letter(qtbot: Any, ops: Any, bridge: Any, db: Any) -> None:
    window, _found = _open(qtbot, ops, bridge, db)
    dialog = window._search_everywhere
    _type(qtbot, dialog, "o")
    assert "at least two" in dialog.status.text()
    _type(qtbot, dialog, "<b>%_'\"")
    assert _shown(dialog) == []
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    assert "<b>%_'\"" in dialog.status.text()


def test_ctrl_k_works_from_a_text_box(qtbot: Any, ops: Any, bridge: Any, db: Any) -> None:
    """A line edit reads Ctrl+K as "delete to the end of the line" on Linux; the window's
    search still opens, and what was typed there stays."""
    window, _found = _open(qtbot, ops, bridge, db)
    window._search_everywhere.reject()
    page = window.show_tab("contacts")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "okafor")
    page.search.setCursorPosition(2)
    qtbot.keyClick(page.search, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window._search_everywhere.isVisible(), timeout=3000)
    assert page.search.text() == "okafor"
