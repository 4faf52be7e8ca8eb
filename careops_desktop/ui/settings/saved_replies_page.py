"""Settings → Saved replies: the inbox's shared answers, listed, added, changed, deleted.

Left the titles; right the chosen one's title and text with the placeholders it may
use. "New" clears the form, "Save" adds or changes, "Delete…" asks first. Refusals
(empty, too long, an unknown placeholder, a title in use) show at their field.
Needs the inbox permission, as replying does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.services import saved_replies, templates
from careops_desktop.core.services.saved_replies import SavedReplyView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.widgets.field_errors import FieldErrors

REPLY_ROLE = Qt.ItemDataRole.UserRole + 1
PLACEHOLDER_HELP = QT_TRANSLATE_NOOP(
    "SavedRepliesPage",
    "The text may use the placeholders of the message templates; they are filled from the "
    "conversation when a reply is inserted: {names}.",
)


class SavedRepliesPage(QWidget):
    """List, add, edit and delete saved replies (see the module docstring)."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.ops = context.ops
        self.actor = context.actor
        self.current_id: int | None = None
        self.replies: list[SavedReplyView] = []
        self.errors = FieldErrors()
        self.list = QListWidget()
        self.list.setObjectName("savedRepliesList")
        self.list.setAccessibleName(self.tr("Saved replies"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.title = QLineEdit()
        self.title.setObjectName("savedReplyTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setMaxLength(saved_replies.TITLE_MAX + 20)  # the core says when too long
        self.body = QPlainTextEdit()
        self.body.setObjectName("savedReplyBody")
        self.body.setAccessibleName(self.tr("Reply text"))
        self.body.setTabChangesFocus(True)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setAccessibleName(self.tr("New saved reply"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save saved reply"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete saved reply"))
        self.status = plain_label()
        self.status.setObjectName("saveStatus")
        self.confirm: QMessageBox | None = None
        self.saving = False  # a save is on its way

        names = ", ".join("{" + name + "}" for name in sorted(templates.PLACEHOLDERS))
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.errors.wrap("title", self.title))
        form.addRow(self.tr("Text"), self.errors.wrap("body", self.body))
        right = QVBoxLayout()
        right.addWidget(self.errors.banner)
        right.addLayout(form)
        right.addWidget(plain_label(self.tr(PLACEHOLDER_HELP).format(names=names), wrap=True))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        right.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(
            plain_label(
                self.tr("Answers everyone at the business can insert into a reply."), wrap=True
            )
        )
        left.addWidget(self.list, 1)
        self.setMaximumWidth(1100)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

        self.list.currentItemChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.ask_delete)
        if context.events is not None:
            context.events.settingsChanged.connect(self._settings_changed)
        self.start_new()
        self.load()

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        """Reload the list, keeping the chosen one (as chosen when the answer comes)."""
        self.ops.query(
            saved_replies.list_saved_replies,
            self.actor,
            on_done=lambda found: self._fill(found, self.current_id),
            on_error=self._refused,
            owner=self,
        )

    def _settings_changed(self, event: Any) -> None:
        if getattr(event, "area", "") == "saved_replies":
            self.load()

    def _fill(self, replies: list[SavedReplyView], wanted: int | None) -> None:
        self.replies = list(replies)
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QListWidgetItem | None = None
        for reply in self.replies:
            item = QListWidgetItem(reply.title)  # plain text
            item.setData(REPLY_ROLE, reply.id)
            self.list.addItem(item)
            if reply.id == wanted:
                chosen = item
        self.list.blockSignals(False)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        elif wanted is not None:
            self.start_new()  # it was deleted elsewhere

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        reply_id = item.data(REPLY_ROLE) if item is not None else None
        reply = next((r for r in self.replies if r.id == reply_id), None)
        if reply is None:
            return
        if reply.id != self.current_id:  # another one: "Saved." was about the last
            set_plain(self.status, "")
        self.current_id = reply.id
        self.errors.clear()
        self.title.setText(reply.title)
        self.body.setPlainText(reply.body)
        self.delete_button.setEnabled(True)

    # -- actions ------------------------------------------------------------------------

    def start_new(self) -> None:
        """Clear the form for a new saved reply."""
        self.current_id = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.errors.clear()
        self.title.clear()
        self.body.clear()
        self.delete_button.setEnabled(False)
        self.title.setFocus()

    def save(self) -> None:
        # not disabling the button: focus would move on to the list, whose focus-in
        # chooses its first reply and fills the form with it while this one is saved
        if self.saving:
            return
        self.saving = True
        self.errors.clear()
        set_plain(self.status, "")
        title, body = self.title.text(), self.body.toPlainText()
        if self.current_id is None:
            self.ops.command(
                saved_replies.add_saved_reply,
                self.actor,
                title,
                body,
                on_done=self._saved,
                on_error=self._refused,
                owner=self,
            )
        else:
            self.ops.command(
                saved_replies.edit_saved_reply,
                self.actor,
                self.current_id,
                title,
                body,
                on_done=self._saved,
                on_error=self._refused,
                owner=self,
            )

    def _saved(self, reply: SavedReplyView) -> None:
        self.saving = False
        set_plain(self.status, self.tr("Saved."))
        self.current_id = reply.id
        self.load()

    def ask_delete(self) -> None:
        """Ask before deleting the chosen saved reply."""
        reply = next((r for r in self.replies if r.id == self.current_id), None)
        if reply is None:
            return
        box = QMessageBox(self)
        box.setObjectName("deleteSavedReplyConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete saved reply"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Delete the saved reply “{title}”? Replies already sent keep their text."
            ).format(title=reply.title)
        )
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(
            lambda _r: self._delete(reply.id) if box.clickedButton() is yes else None
        )
        self.confirm = box
        box.open()

    def _delete(self, reply_id: int) -> None:
        self.ops.command(
            saved_replies.remove_saved_reply,
            self.actor,
            reply_id,
            on_done=lambda _none: self._deleted(),
            on_error=self._refused,
            owner=self,
        )

    def _deleted(self) -> None:
        set_plain(self.status, self.tr("Deleted."))
        self.start_new()
        self.load()

    def _refused(self, exc: CareOpsError) -> None:
        self.saving = False
        if isinstance(exc, ValidationError):
            self.errors.show(exc.fields)
        else:
            self.errors.show({"__all__": str(exc)})
