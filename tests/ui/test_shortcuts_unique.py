"""No two enabled keyboard shortcuts answer the same keys in the same place.

The main window signed in as the demo's owner, every tab opened (and the New booking
and Repeat dialogs): every enabled ``QShortcut``, ``QAction`` and button shortcut is
collected with where it answers. A window-wide one answers anywhere in its window (one
made inside a tab only while that tab is shown); a ``WidgetWithChildrenShortcut`` one
answers while the focus is in its widget or a child; a ``WidgetShortcut`` one only in its
widget. Two with the same keys clash when those places meet: Qt then runs neither
("ambiguous shortcut") and the desk's key does nothing. A failure names both.

Also: keys a text field uses itself (Delete, Ctrl+Z) go to the field being typed in, not
to the Bookings tab's Cancel or Undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from careops_desktop.ui.bookings.dialogs import BookingDialog, CancelDialog
from careops_desktop.ui.tabs import TAB_SPECS
from tests.ui.tab_helpers import demo_owner, open_tab

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


@dataclass(frozen=True)
class Keys:
    """One shortcut: its keys, what it is, and the widget whose focus area it answers in
    (``only_self``: that widget alone, not its children)."""

    keys: str
    what: str
    root: QWidget
    only_self: bool


def _settle(qtbot: Any, ops: Any) -> None:
    qtbot.waitUntil(lambda: not ops.pending, timeout=15_000)
    qtbot.wait(30)


def _window_root(widget: QWidget) -> QWidget:
    """Where a window-wide shortcut of ``widget`` answers: its tab while that tab is shown
    (a hidden widget's shortcut does not answer), else its whole window."""
    node: QWidget | None = widget
    while node is not None and not node.isWindow():
        if node.objectName().startswith("tab_"):
            return node
        node = node.parentWidget()
    return widget.window()


def _describe(owner: QObject, widget: QWidget) -> str:
    chain = []
    node: QWidget | None = widget
    while node is not None and len(chain) < 4:
        chain.append(f"{type(node).__name__}({node.objectName()!r})")
        node = node.parentWidget()
    return f"{type(owner).__name__} {owner.objectName()!r} on " + " < ".join(chain)


def _entry(owner: QObject, keys: QKeySequence, context: Any, widget: QWidget) -> Keys | None:
    text = keys.toString(QKeySequence.SequenceFormat.PortableText)
    if not text:
        return None
    what = _describe(owner, widget)
    if context in WINDOW_WIDE:
        return Keys(text, what, _window_root(widget), False)
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return Keys(text, what, widget, False)
    return Keys(text, what, widget, True)


def shortcuts_of(root: QWidget) -> list[Keys]:
    """Every enabled shortcut made on ``root`` or inside it."""
    found: list[Keys] = []
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget):
            continue
        entry = _entry(shortcut, shortcut.key(), shortcut.context(), parent)
        found += [entry] if entry else []
        for extra in shortcut.keys()[1:]:
            entry = _entry(shortcut, extra, shortcut.context(), parent)
            found += [entry] if entry else []
    actions = set(root.findChildren(QAction)) | set(root.actions())
    for action in actions:
        if not action.isEnabled():
            continue
        owner = action.parent()
        widget = owner if isinstance(owner, QWidget) else root
        for keys in action.shortcuts():
            entry = _entry(action, keys, action.shortcutContext(), widget)
            found += [entry] if entry else []
    for button in root.findChildren(QAbstractButton):
        if button.isEnabled() and not button.shortcut().isEmpty():
            entry = _entry(button, button.shortcut(), Qt.ShortcutContext.WindowShortcut, button)
            found += [entry] if entry else []
    return found


def _inside(widget: QWidget, root: QWidget) -> bool:
    node: QWidget | None = widget
    while node is not None:
        if node is root:
            return True
        if node.isWindow():
            return False
        node = node.parentWidget()
    return False


def _meet(a: Keys, b: Keys) -> bool:
    """Whether one focus position reaches both."""
    if a.only_self and b.only_self:
        return a.root is b.root
    if a.only_self:
        return _inside(a.root, b.root)
    if b.only_self:
        return _inside(b.root, a.root)
    return _inside(a.root, b.root) or _inside(b.root, a.root)


def clashes(found: list[Keys]) -> list[str]:
    """Each pair of shortcuts with the same keys that one focus position reaches."""
    problems = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.keys == b.keys and _meet(a, b):
                problems.append(f"{a.keys}: {a.what}  AND  {b.what}")
    return problems


def test_no_two_shortcuts_answer_the_same_keys_in_one_place(
    db: Any, ops: Any, bridge: Any, qtbot: Any
) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), tuple(s.key for s in TAB_SPECS))
    for key in window.tab_keys():
        page = window.show_tab(key)
        _settle(qtbot, ops)
        if key == "settings":
            for settings_key in page.page_keys():
                page.select_page(settings_key)
                _settle(qtbot, ops)
    found = shortcuts_of(window)
    keys = {entry.keys for entry in found}
    # the ones the desk relies on are all there (so the walk did see the tabs)
    assert {"Ctrl+K", "Ctrl+Z", "Ctrl+R", "Del", "Ctrl+Shift+R", "Ctrl+Shift+B"} <= keys
    problems = clashes(found)
    # the New booking dialog and its Repeat… dialog are windows of their own
    bookings_page = window.show_tab("bookings")
    _settle(qtbot, ops)
    dialog = bookings_page.create_new()
    _settle(qtbot, ops)
    problems += clashes(shortcuts_of(dialog))
    repeat = dialog.findChild(QAbstractButton, "repeatBooking")
    assert repeat is not None and repeat.shortcut().toString() == "Ctrl+Shift+R"
    dialog.reject()
    assert not problems, "shortcuts answering the same keys in one place:\n" + "\n".join(problems)


def test_the_clash_finder_sees_a_clash(qtbot: Any) -> None:
    """The check itself: a tab-wide and a window-wide Ctrl+J meet; a field's own does not
    meet a sibling's."""
    window = QWidget()
    qtbot.addWidget(window)
    tab = QWidget(window)
    tab.setObjectName("tab_one")
    field, other = QWidget(tab), QWidget(tab)
    for parent, context in (
        (window, Qt.ShortcutContext.WindowShortcut),
        (tab, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        (field, Qt.ShortcutContext.WidgetShortcut),
        (other, Qt.ShortcutContext.WidgetShortcut),
    ):
        shortcut = QShortcut(QKeySequence("Ctrl+J"), parent)
        shortcut.setContext(context)
    found = shortcuts_of(window)
    assert len(found) == 4
    assert len(clashes(found)) == 5  # every pair but the two sibling fields


def test_delete_and_ctrl_z_in_the_search_box_edit_the_text(
    db: Any, ops: Any, bridge: Any, qtbot: Any
) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None and not ops.pending, timeout=15_000)
    confirmed = [b for b in page.page_data.bookings if b.status == "confirmed"]
    if not confirmed:
        pytest.skip("the demo week shown has no confirmed booking")
    page.show_booking(confirmed[0].id)
    qtbot.waitUntil(lambda: page.panel.buttons["cancel"].isEnabled(), timeout=5000)
    field = page.search
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    qtbot.keyClicks(field, "abc")
    field.setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == "bc"
    qtbot.wait(50)
    assert not [w for w in page.findChildren(CancelDialog) if w.isVisible()]
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, BookingDialog)]
    assert not [w for w in opened if w.isVisible()]  # (hidden ones may be left by other tests)
