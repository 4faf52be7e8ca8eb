"""The reply box's saved replies: a "Saved replies…" button and Ctrl+Shift+R.

Both open :class:`SavedReplyPicker` (a filter box over the titles; Up/Down, Enter
inserts, Esc closes). The chosen reply is filled for the open conversation on the
database worker (``saved_replies.fill_saved_reply``: its contact, booking, the
business) and inserted at the reply box's cursor; a placeholder with no value
there stays as written and the box says which, so nothing odd is sent unseen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.saved_replies import (
    FilledReply,
    SavedReplyView,
    fill_saved_reply,
    list_saved_replies,
)
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, safe_tooltip, set_plain
from careops_desktop.ui.widgets.field_errors import FieldErrors

SHORTCUT = "Ctrl+Shift+R"
REPLY_ROLE = Qt.ItemDataRole.UserRole + 1
BODY_ROLE = Qt.ItemDataRole.UserRole + 2
PREVIEW_CHARS = 300


class SavedReplyPicker(QDialog):
    """Choose one saved reply by title; ``chosen(reply_id)`` on Enter or double-click."""

    chosen = Signal(int)

    def __init__(self, replies: list[SavedReplyView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert a saved reply"))
        self.setObjectName("savedReplyPicker")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(460, 360)
        self.filter = QLineEdit()
        self.filter.setObjectName("savedReplyFilter")
        self.filter.setAccessibleName(self.tr("Filter saved replies"))
        self.filter.setPlaceholderText(self.tr("Type to filter…"))
        self.list = QListWidget()
        self.list.setObjectName("savedReplyList")
        self.list.setAccessibleName(self.tr("Saved replies"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview = plain_label(wrap=True)
        self.preview.setObjectName("savedReplyPreview")
        self.preview.setAccessibleName(self.tr("Saved reply text"))
        self.preview.setMinimumHeight(60)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note = plain_label(
            self.tr("No saved replies yet. Add them in Settings → Saved replies.")
            if not replies
            else self.tr("Enter inserts, Esc closes.")
        )
        self.note.setAccessibleName(self.tr("Saved replies note"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.note)
        for reply in replies:
            item = QListWidgetItem(reply.title)  # plain text
            item.setData(REPLY_ROLE, reply.id)
            item.setData(BODY_ROLE, reply.body)
            item.setToolTip(safe_tooltip(reply.body[:400]))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show_preview)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept_current)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.filter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _show_preview(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        body = str(item.data(BODY_ROLE) or "") if item is not None else ""
        if len(body) > PREVIEW_CHARS:
            body = body[:PREVIEW_CHARS] + "…"
        set_plain(self.preview, body)  # placeholders as written; filled when inserted

    def _visible_rows(self) -> list[int]:
        return [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def _step(self, step: int) -> None:
        rows = self._visible_rows()
        if not rows:
            return
        current = self.list.currentRow()
        index = rows.index(current) + step if current in rows else 0
        self.list.setCurrentRow(rows[max(0, min(index, len(rows) - 1))])

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            title = item.text().casefold()
            item.setHidden(not all(word in title for word in words))
        rows = self._visible_rows()
        if rows and self.list.currentRow() not in rows:
            self.list.setCurrentRow(rows[0])
        elif not rows:
            self.list.setCurrentRow(-1)

    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.chosen.emit(int(item.data(REPLY_ROLE)))
        self.accept()


class SavedRepliesButton(QPushButton):
    """The reply box's "Saved replies…" button; also installs Ctrl+Shift+R on ``host``.

    ``conversation_id()`` says which conversation is open (None: none); the filled text
    goes into ``editor`` at its cursor; problems show through ``errors`` on "content".
    """

    inserted = Signal(object)  # the FilledReply, after it went into the editor

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        editor: QPlainTextEdit,
        conversation_id: Callable[[], int | None],
        errors: FieldErrors,
        host: QWidget,
    ) -> None:
        super().__init__(translate("SavedRepliesButton", "Saved replies…"))
        self.setObjectName("savedRepliesButton")
        self.setAccessibleName(self.tr("Insert a saved reply"))
        self.setToolTip(self.tr("Insert a saved reply ({shortcut})").format(shortcut=SHORTCUT))
        self.ops = ops
        self.actor = actor
        self.editor = editor
        self.conversation_id = conversation_id
        self.errors = errors
        self.picker: SavedReplyPicker | None = None
        self.clicked.connect(self.open_picker)
        self.key = QShortcut(QKeySequence(SHORTCUT), host)
        self.key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.key.activated.connect(self.open_picker)

    def open_picker(self) -> None:
        """Load the saved replies and show the picker (refused plainly with none open)."""
        if self.conversation_id() is None:
            self.errors.show({"content": self.tr("Open a conversation first.")})
            return
        self.ops.query(list_saved_replies, self.actor, on_done=self._show_picker, owner=self)

    def _show_picker(self, replies: list[SavedReplyView]) -> None:
        picker = SavedReplyPicker(replies, self.window())
        picker.chosen.connect(self.insert)
        self.picker = picker
        picker.open()
        picker.filter.setFocus()

    def insert(self, reply_id: int) -> None:
        """Fill saved reply ``reply_id`` for the open conversation and insert it."""
        conversation = self.conversation_id()
        if conversation is None:
            return
        self.ops.query(
            fill_saved_reply,
            self.actor,
            reply_id,
            conversation,
            on_done=self._filled,
            on_error=self._refused,
            owner=self,
        )

    def _filled(self, filled: FilledReply) -> None:
        self.editor.insertPlainText(filled.text)
        self.editor.setFocus()
        if filled.unfilled:
            names = ", ".join("{" + name + "}" for name in filled.unfilled)
            self.errors.show(
                {
                    "content": self.tr(
                        "This conversation has no value for {names}; "
                        "it was left as written. Change it before sending."
                    ).format(names=names)
                }
            )
        self.inserted.emit(filled)

    def _refused(self, exc: CareOpsError) -> None:
        self.errors.show(
            {"content": self.tr("The saved reply could not be inserted: {error}").format(error=exc)}
        )
