"""Search everywhere (Ctrl+K): one box over contacts, bookings, conversations and forms.

:func:`install_search_action` gives the main window its Ctrl+K action. The dialog
asks ``search_everything`` on the database worker a moment after each keystroke
(:data:`DEBOUNCE_MS`); only the latest question's answer is shown, an older one
arriving late is dropped. Results are grouped by kind under headers; Up/Down move
between them (headers are skipped), Enter opens the chosen one in its tab, Esc closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, safe_tooltip, set_plain

if TYPE_CHECKING:
    from careops_desktop.core.services.search_everywhere import SearchResults
    from careops_desktop.core.services.search_text import SearchHit
    from careops_desktop.ui.main_window import MainWindow

SHORTCUT = "Ctrl+K"
DEBOUNCE_MS = 60
LIMIT_PER_KIND = 6
HEADINGS = {
    "contact": QT_TRANSLATE_NOOP("SearchEverywhereDialog", "Contacts"),
    "booking": QT_TRANSLATE_NOOP("SearchEverywhereDialog", "Bookings"),
    "conversation": QT_TRANSLATE_NOOP("SearchEverywhereDialog", "Conversations"),
    "submission": QT_TRANSLATE_NOOP("SearchEverywhereDialog", "Form submissions"),
}
# where each kind opens: the tab and the filter its page's apply_filter takes
TARGETS = {
    "contact": ("contacts", "contact_id"),
    "booking": ("bookings", "booking_id"),
    "conversation": ("inbox", "conversation_id"),
    "submission": ("forms", "submission_id"),
}
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchEverywhereDialog(QDialog):
    """The Ctrl+K box (see the module docstring); ``openRequested(kind, id)`` when a
    result is chosen (the dialog then closes)."""

    openRequested = Signal(str, int)

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.setWindowTitle(self.tr("Search everywhere"))
        self.setObjectName("searchEverywhere")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 460)
        self.field = QLineEdit()
        self.field.setObjectName("searchEverywhereField")
        self.field.setAccessibleName(self.tr("Search everywhere"))
        self.field.setPlaceholderText(
            self.tr("Search contacts, bookings, conversations and forms…")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(200)
        self.results = QListWidget()
        self.results.setObjectName("searchEverywhereResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.status = plain_label(self.hint())
        self.status.setObjectName("searchEverywhereStatus")
        self.status.setAccessibleName(self.tr("Search status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._ask)
        self._asked = 0  # the number of the latest question; older answers are dropped
        self._open_when_answered = False  # Enter pressed before the latest answer came
        self.shown_text: str | None = None  # the text whose answer is on screen
        self.field.textChanged.connect(lambda _text: self.timer.start())
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.open_current())

    def hint(self) -> str:
        return self.tr("Type a name, an email, a phone number, a booking type or a day.")

    # -- asking -------------------------------------------------------------------------

    def _ask(self) -> None:
        from careops_desktop.core.services.search_everywhere import search_everything  # lazy

        text = self.field.text()
        self._asked += 1
        number = self._asked
        if not text.strip():
            self._show(None, text)
            return
        self.ops.query(
            search_everything,
            self.actor,
            text,
            LIMIT_PER_KIND,
            on_done=lambda results: self._answered(number, text, results),
            on_error=lambda exc: self._failed(number, exc),
            owner=self,
        )

    def _answered(self, number: int, text: str, results: SearchResults) -> None:
        if number != self._asked or not shiboken6.isValid(self):
            return  # a later keystroke asked again: this answer is stale
        self._show(results, text)

    def _failed(self, number: int, exc: CareOpsError) -> None:
        if number == self._asked and shiboken6.isValid(self):
            set_plain(
                self.status, self.tr("The search could not be run: {error}").format(error=exc)
            )

    # -- showing ------------------------------------------------------------------------

    def _show(self, results: SearchResults | None, text: str) -> None:
        self.results.clear()
        self.shown_text = text
        open_now, self._open_when_answered = self._open_when_answered, False
        if results is None:
            set_plain(self.status, self.hint())
            return
        if results.too_short:
            set_plain(self.status, self.tr("Type at least two characters."))
            return
        first: QListWidgetItem | None = None
        for kind in results.kinds:
            hits = results.hits.get(kind, [])
            if not hits:
                continue
            self.results.addItem(_heading(translate("SearchEverywhereDialog", HEADINGS[kind])))
            for hit in hits:
                item = _hit_item(hit)
                self.results.addItem(item)
                first = first or item
        if first is None:
            set_plain(self.status, self.tr("Nothing found for “{text}”.").format(text=results.text))
        else:
            self.results.setCurrentItem(first)
            set_plain(
                self.status,
                self.tr("{count} found. Up and Down choose, Enter opens, Esc closes.").format(
                    count=QLocale().toString(results.count)
                ),
            )
            if open_now:
                self.open_current()

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if hit is not None and hasattr(hit, "kind") else None

    def open_current(self) -> None:
        """Open the chosen result in its tab and close; nothing when none is chosen."""
        if self.timer.isActive() or self.shown_text != self.field.text():
            # Enter right after typing: open the first result of what was typed last
            self._open_when_answered = True
            if self.timer.isActive():
                self.timer.stop()
                self._ask()
            return
        hit = self.current_hit()
        if hit is None:
            return
        self.openRequested.emit(hit.kind, hit.id)
        self.accept()

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self.step_choice(step)
                return True
        return super().eventFilter(watched, event)

    def step_choice(self, step: int) -> None:
        """Choose the next (``step`` 1) or previous (-1) result, skipping headings."""
        row = self.results.currentRow()
        count = self.results.count()
        while 0 <= row + step < count:
            row += step
            if self.results.item(row).data(HIT_ROLE) is not None:
                self.results.setCurrentRow(row)
                return

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)


def _heading(text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable: Up/Down pass over it
    item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
    return item


def _hit_item(hit: SearchHit) -> QListWidgetItem:
    text = f"{hit.title}\n    {hit.detail}" if hit.detail else hit.title
    item = QListWidgetItem(text)  # a list item's text is plain text
    item.setData(HIT_ROLE, hit)
    item.setToolTip(safe_tooltip(text))
    item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
    return item


def open_hit(window: MainWindow, kind: str, hit_id: int) -> None:
    """Show the found thing in its tab (``show_tab`` with that page's filter)."""
    target = TARGETS.get(kind)
    if target is not None:
        window.show_tab(target[0], {target[1]: hit_id})


def open_search(window: MainWindow) -> SearchEverywhereDialog:
    """Open the Ctrl+K box over ``window`` (one at a time: an open one is raised)."""
    existing = getattr(window, "_search_everywhere", None)
    if (
        isinstance(existing, SearchEverywhereDialog)
        and shiboken6.isValid(existing)
        and existing.isVisible()
    ):
        existing.raise_()
        existing.activateWindow()
        existing.field.setFocus()
        existing.field.selectAll()
        return existing
    dialog = SearchEverywhereDialog(window.ops, window.actor, window)
    dialog.openRequested.connect(lambda kind, hit_id: open_hit(window, kind, hit_id))
    window._search_everywhere = dialog  # type: ignore[attr-defined]
    dialog.open()
    dialog.activateWindow()
    dialog.field.setFocus()
    return dialog


def install_search_action(window: MainWindow) -> QAction:
    """The window's "Search everywhere…" action (Ctrl+K), in a Search menu of its own."""
    action = QAction(translate("SearchEverywhere", "&Search everywhere…"), window)
    action.setObjectName("searchEverywhereAction")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: open_search(window))
    window.addAction(action)
    bar = window.menuBar()
    menu = bar.addMenu(translate("SearchEverywhere", "&Search"))
    menu.setObjectName("searchMenu")
    actions = bar.actions()
    if len(actions) >= 2:  # before Help, which stays last
        bar.insertMenu(actions[-2], menu)
    menu.addAction(action)
    return action
