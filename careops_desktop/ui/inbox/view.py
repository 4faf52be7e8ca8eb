"""The Inbox tab: conversations beside the open thread and a reply box.

The list is lazy (ids first, rows as drawn) and refreshes from the events
bridge; the thread reloads when its conversation changes. Unread conversations
are bold and their number is in the tab's title. Ctrl+Enter sends a reply.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QItemSelection, QLocale, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, NotFound, ValidationError
from careops_desktop.core.events import DomainEvent
from careops_desktop.core.services import inbox
from careops_desktop.core.services.inbox import MessageView, Thread, save_original_email
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.inbox.dialogs import NewConversationDialog, channel_choices
from careops_desktop.ui.inbox.model import (
    OPEN_CONVERSATIONS,
    ConversationSource,
    MessagesModel,
    conversation_columns,
    conversation_style,
)
from careops_desktop.ui.inbox.saved_replies import SavedRepliesButton
from careops_desktop.ui.inbox.thread_view import ThreadView
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.table_model import IdTableModel
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.ui_state import remember_header
from careops_desktop.ui.widgets.bounce_banner import BounceBanner
from careops_desktop.ui.widgets.data_table import data_table
from careops_desktop.ui.widgets.field_errors import FieldErrors
from careops_desktop.ui.widgets.local_time import fmt_short, load_zone
from careops_desktop.ui.widgets.search_box import SearchBox

STATES = (
    (QT_TRANSLATE_NOOP("InboxView", "Open"), True),
    (QT_TRANSLATE_NOOP("InboxView", "Closed"), False),
    (QT_TRANSLATE_NOOP("InboxView", "All"), None),
)


class InboxView(QWidget):
    """Conversation list, thread and reply box (see the module docstring)."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.zone = ZoneInfo("UTC")
        self.current_id: int | None = None
        self.shown: Thread | None = None
        self._source = ConversationSource(self.actor)

        self.search = SearchBox(placeholder=self.tr("Search conversations…"))
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("Show"))
        for words, value in STATES:
            self.state.addItem(translate("InboxView", words), value)
        self.new_button = QPushButton(self.tr("New conversation…"))
        self.count_label = plain_label()
        self.model = IdTableModel(
            self.ops,
            conversation_columns(lambda: self.zone),
            fetch_ids=self._source.fetch_ids,
            fetch_rows=self._source.fetch_rows,
            refresh_on=[context.events.inboxSettled, context.events.contactsSettled],
            initial_filter=OPEN_CONVERSATIONS,
            row_style=conversation_style,
            prefetch_first_block=True,  # built ahead of its tab (ui/prebuild.py)
            parent=self,
        )
        self.table = data_table(self.model, (150, 260, 80))
        header = self.table.horizontalHeader()
        header.resizeSection(2, when_width(self.table))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        remember_header(header, "inbox/conversations")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.state)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_button)
        left_layout.addLayout(bottom)

        self.title_label = plain_label()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.detail_label = plain_label(wrap=True)
        self.bounce_banner = BounceBanner(self.ops, self)
        self.close_button = QPushButton(self.tr("Close conversation"))
        self.unread_button = QPushButton(self.tr("Mark unread"))
        self.messages = MessagesModel(self)
        self.thread_view = ThreadView()
        self.thread_view.setModel(self.messages)
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setPlaceholderText(self.tr("Write a reply… (Ctrl+Enter sends)"))
        self.reply_edit.setMaximumHeight(120)
        self.reply_edit.setTabChangesFocus(True)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Send by"))
        for channel_words, channel_value in channel_choices():
            self.channel.addItem(channel_words, channel_value)
        self.send_button = QPushButton(self.tr("Send"))
        self.reply_errors = FieldErrors()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.detail_label)
        titles.addWidget(self.bounce_banner)
        head.addLayout(titles, 1)
        head.addWidget(self.unread_button)
        head.addWidget(self.close_button)
        right_layout.addLayout(head)
        right_layout.addWidget(self.thread_view, 1)
        right_layout.addWidget(self.reply_errors.banner)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_errors.wrap("content", self.reply_edit), 1)
        side = QVBoxLayout()
        side.addWidget(self.reply_errors.wrap("channel", self.channel))
        self.reply_errors.add_alias("email", "channel")
        self.reply_errors.add_alias("phone", "channel")
        side.addWidget(self.send_button)
        self.saved_replies = SavedRepliesButton(  # and Ctrl+Shift+R anywhere in the tab
            self.ops, self.actor, self.reply_edit, lambda: self.current_id, self.reply_errors, self
        )
        side.addWidget(self.saved_replies)
        side.addStretch(1)
        reply_row.addLayout(side)
        right_layout.addLayout(reply_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for shortcut_keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(shortcut_keys), self.reply_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send_reply)

        self.search.searchChanged.connect(self._filter_changed)
        self.state.currentIndexChanged.connect(self._filter_changed)
        self.new_button.clicked.connect(self.create_new)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loaded.connect(self._list_loaded)
        self.send_button.clicked.connect(self.send_reply)
        self.close_button.clicked.connect(self._toggle_open)
        self.unread_button.clicked.connect(self._mark_unread)
        self.thread_view.saveOriginalRequested.connect(self.choose_original_file)
        self.original_dialog: QFileDialog | None = None
        # a burst of changes at a time (the booking page makes many at once), not each one
        context.events.inboxSettled.connect(self._inbox_events)
        context.events.contactsSettled.connect(self._contact_event)
        context.events.outboxSettled.connect(self._outbox_event)
        context.events.settingsChanged.connect(self._load_zone)

        self._show_thread(None)
        self._load_zone()
        self.model.refresh()
        self._update_unread_title()

    # -- what the main window calls -------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """The business locale changed (dates read differently): the "When" column fits again."""
        if event.type() == QEvent.Type.LocaleChange:
            self.table.horizontalHeader().resizeSection(2, when_width(self.table))
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def create_new(self, contact_id: int | None = None) -> NewConversationDialog:
        dialog = NewConversationDialog(
            self.ops, self.actor, self, contact_id if isinstance(contact_id, int) else None
        )
        dialog.succeeded.connect(self._started)
        dialog.open()
        return dialog

    def apply_filter(self, flt: Any) -> None:
        """``{"open": True|False|None}``, ``{"search": text}``, ``{"conversation_id": id}``,
        ``{"new_for_contact": contact_id}`` (opens the new-conversation dialog)."""
        if not isinstance(flt, dict):
            return
        if "open" in flt:
            for index, (_words, value) in enumerate(STATES):
                if value == flt["open"]:
                    self.state.setCurrentIndex(index)
        if "search" in flt:
            self.search.setText(str(flt["search"]))
            self.search.flush()
        if "conversation_id" in flt:
            self.open_conversation(int(flt["conversation_id"]))
        if "new_for_contact" in flt:
            self.create_new(int(flt["new_for_contact"]))

    def shutdown(self) -> None:
        self.model.blockSignals(True)

    # -- the list ---------------------------------------------------------------------------

    def _load_zone(self, *_event: object) -> None:
        self.ops.query(load_zone, on_done=self._zone_loaded, owner=self)

    def _zone_loaded(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.messages.zone = zone
        self.model.layoutChanged.emit()
        self.messages.layoutChanged.emit()

    def _filter_changed(self, *_args: object) -> None:
        self.model.set_filter(
            inbox.ConversationFilter(self.state.currentData(), self.search.term())
        )

    def _list_loaded(self, count: int) -> None:
        set_plain(self.count_label, counted(self.tr("%Ln conversation(s)", "", count), count))
        self._select_row_of_current()

    def _select_row_of_current(self) -> None:
        """Highlight the shown conversation's row, or none when it is not listed (a closed
        one opened from elsewhere), so the list never points at another conversation."""
        if self.current_id is None:
            return
        row = self.model.row_of(self.current_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        selection.blockSignals(False)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        conversation_id = self.model.id_at(rows[0].row())
        if conversation_id is not None and conversation_id != self.current_id:
            self.open_conversation(conversation_id)

    def open_conversation(self, conversation_id: int) -> None:
        """Show a conversation's thread (and mark it read)."""
        self.current_id = conversation_id
        self._select_row_of_current()
        self.reply_errors.clear()
        self._load_thread(mark_read=True)

    def _load_thread(self, mark_read: bool = False) -> None:
        if self.current_id is None:
            return
        wanted = self.current_id

        def arrived(thread: Thread) -> None:
            if wanted != self.current_id:
                return
            self._show_thread(thread)
            if mark_read and thread.unread_count > 0:
                self.ops.command(inbox.mark_read, self.actor, thread.id, owner=self)

        def failed(exc: CareOpsError) -> None:
            if isinstance(exc, NotFound) and wanted == self.current_id:
                self.current_id = None
                self._show_thread(None)
            else:
                self.ops.show_error(str(exc))

        self.ops.query(
            inbox.get_thread, self.actor, wanted, on_done=arrived, on_error=failed, owner=self
        )

    def _show_thread(self, thread: Thread | None) -> None:
        same = thread is not None and self.shown is not None and self.shown.id == thread.id
        self.shown = thread
        self.bounce_banner.show_for_conversation(thread.id if thread is not None else None)
        has = thread is not None
        for widget in (
            self.reply_edit,
            self.send_button,
            self.channel,
            self.close_button,
            self.unread_button,
        ):
            widget.setEnabled(has)
        if thread is None:
            set_plain(self.title_label, self.tr("No conversation selected"))
            set_plain(
                self.detail_label, self.tr("Choose a conversation on the left, or start a new one.")
            )
            self.messages.set_messages([])
            return
        set_plain(self.title_label, thread.contact_name)
        details = [v for v in (thread.contact_email, thread.contact_phone) if v]
        if thread.subject:
            details.append(self.tr("Subject: {subject}").format(subject=thread.subject))
        details.append(self.tr("Open") if thread.is_open else self.tr("Closed"))
        set_plain(self.detail_label, " · ".join(details))
        self.close_button.setText(
            self.tr("Close conversation") if thread.is_open else self.tr("Reopen")
        )
        self._offer_channels(thread)
        keep_place = same and not self._scrolled_to_end()
        bar = self.thread_view.verticalScrollBar()
        place = bar.value()
        self.messages.set_messages(thread.messages)
        if keep_place:  # the person scrolled back to read: stay there
            bar.setValue(place)
        else:
            self.thread_view.scrollToBottom()

    def _scrolled_to_end(self) -> bool:
        bar = self.thread_view.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _offer_channels(self, thread: Thread) -> None:
        model = self.channel.model()
        reachable = {"email": bool(thread.contact_email), "sms": bool(thread.contact_phone)}
        for index in range(self.channel.count()):
            item = model.item(index)  # type: ignore[attr-defined]
            item.setEnabled(reachable.get(self.channel.itemData(index), True))
        current = self.channel.currentData()
        if not reachable.get(current, True):
            for index in range(self.channel.count()):
                if reachable.get(self.channel.itemData(index), False):
                    self.channel.setCurrentIndex(index)
                    break

    # -- actions ----------------------------------------------------------------------------

    def send_reply(self) -> None:
        """Send the reply box's text to the open conversation (queued in the outbox)."""
        if self.shown is None or not self.send_button.isEnabled():
            return
        text = self.reply_edit.toPlainText()
        if not text.strip():
            self.reply_errors.show({"content": self.tr("Write a message first.")})
            return
        self.reply_errors.clear()
        self.send_button.setEnabled(False)

        def sent(_message: MessageView) -> None:
            self.send_button.setEnabled(True)
            self.reply_edit.clear()

        def refused(exc: CareOpsError) -> None:
            self.send_button.setEnabled(True)
            fields = exc.fields if isinstance(exc, ValidationError) else {"__all__": str(exc)}
            self.reply_errors.show(fields)

        self.ops.command(
            inbox.reply,
            self.actor,
            self.shown.id,
            text,
            self.channel.currentData(),
            on_done=sent,
            on_error=refused,
            owner=self,
        )

    def choose_original_file(self, message_id: int) -> None:
        """Ask where to save incoming email ``message_id`` as it came, then write it there."""
        start = Path.home() / f"email-{message_id}.eml"
        dialog = QFileDialog(
            self, self.tr("Save the original email"), str(start), self.tr("Email files (*.eml)")
        )
        dialog.setObjectName("originalEmailDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("eml")
        dialog.fileSelected.connect(lambda path: self.save_original_to(message_id, path))
        self.original_dialog = dialog
        dialog.open()

    def save_original_to(self, message_id: int, path: str) -> None:
        """Write the original of ``message_id`` to ``path`` (off the Qt thread)."""
        if not path:
            return
        target = Path(path)
        self.ops.command(
            save_original_email,
            self.actor,
            message_id,
            target,
            on_error=self._original_not_saved,
            owner=self,
            success_message=self.tr("The original email was saved to {path}.").format(path=target),
        )

    def _original_not_saved(self, exc: CareOpsError) -> None:
        self.ops.show_error(str(exc), self.tr("Save original email"))

    def _toggle_open(self) -> None:
        if self.shown is None:
            return
        action = inbox.close if self.shown.is_open else inbox.reopen
        self.ops.command(action, self.actor, self.shown.id, owner=self)

    def _mark_unread(self) -> None:
        if self.shown is not None:
            self.ops.command(inbox.mark_unread, self.actor, self.shown.id, owner=self)

    def _started(self, message: MessageView) -> None:
        self.open_conversation(message.conversation_id)

    # -- events -----------------------------------------------------------------------------

    def _inbox_events(self, events: list[DomainEvent]) -> None:
        self._update_unread_title()
        if self.current_id is not None and any(
            getattr(event, "conversation_id", None) == self.current_id for event in events
        ):
            self._load_thread()

    def _contact_event(self, _events: list[DomainEvent]) -> None:
        if self.shown is not None:
            self._load_thread()

    def _outbox_event(self, _events: list[DomainEvent]) -> None:
        # a reply's delivery state changed (queued → sent / failed)
        if self.shown is not None and any(
            m.delivery_status in ("queued", "sending", "failed") for m in self.shown.messages
        ):
            self._load_thread()

    def _update_unread_title(self) -> None:
        def show(count: int) -> None:
            self.context.set_title(
                "inbox",
                self.tr("Inbox ({count})").format(count=QLocale().toString(count))
                if count
                else self.tr("Inbox"),
            )

        self.ops.query(inbox.count_unread, self.actor, on_done=show, owner=self)


def when_width(table: QWidget) -> int:
    """Pixels for the "When" column: its widest text in bold (unread rows), plus margins."""
    bold = table.font()
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(when_sample()) + 20


def when_sample() -> str:
    """The widest "When" of the list: an earlier day this year, as the list writes it."""
    utc = ZoneInfo("UTC")
    moment = datetime(2025, 9, 24, 23, 59, tzinfo=utc)  # a Wednesday
    return fmt_short(moment, utc, moment.date().replace(day=1))
