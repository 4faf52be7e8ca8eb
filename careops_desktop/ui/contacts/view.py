"""The Contacts tab: a searchable table beside the chosen contact's details and history."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, NotFound
from careops_desktop.core.events import DomainEvent
from careops_desktop.core.i18n import NATIVE_NAMES
from careops_desktop.core.services import contacts
from careops_desktop.core.services.contacts import ContactDetail
from careops_desktop.ui.contacts.dialogs import ContactDialog, MergeDialog
from careops_desktop.ui.contacts.tables import (
    ContactSource,
    booking_columns,
    booking_style,
    contact_columns,
    contact_style,
    conversation_columns,
    submission_columns,
    submission_style,
)
from careops_desktop.ui.i18n import counted
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.table_model import IdTableModel
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.ui_state import remember_header
from careops_desktop.ui.widgets.bounce_banner import BounceBanner
from careops_desktop.ui.widgets.data_table import data_table
from careops_desktop.ui.widgets.local_time import fmt_datetime, load_zone
from careops_desktop.ui.widgets.rows_model import RowsModel
from careops_desktop.ui.widgets.search_box import SearchBox


class ContactsView(QWidget):
    """Search, sort, create, edit and merge contacts; see one contact's history."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.zone = ZoneInfo("UTC")
        self.current: ContactDetail | None = None
        self.current_id: int | None = None
        self._search_text = ""
        source = ContactSource(self.actor)

        self.search = SearchBox(placeholder=self.tr("Search name, email or phone…"))
        self.new_button = QPushButton(self.tr("New contact…"))
        self.duplicates_only = QCheckBox(self.tr("Possible duplicates only"))
        self.count_label = plain_label()
        self.model = IdTableModel(
            self.ops,
            contact_columns(lambda: self.zone),
            fetch_ids=source.fetch_ids,
            fetch_rows=source.fetch_rows,
            row_style=contact_style,
            refresh_on=[context.events.contactsSettled],  # once per burst of changes
            initial_sort=("name", False),
            prefetch_first_block=True,  # built ahead of its tab (ui/prebuild.py)
            parent=self,
        )
        self.table = data_table(self.model, (170, 230, 130, 140))
        # the indicator first: turning sorting on then sorts (and loads) once, by it
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        remember_header(self.table.horizontalHeader(), "contacts/list")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.duplicates_only)
        bar.addWidget(self.new_button)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.name_label = plain_label()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name_label.setFont(font)
        self.reach_label = plain_label(wrap=True)
        self.duplicate_label = plain_label(wrap=True)
        self.duplicate_label.setStyleSheet("background: #fef3c7; color: #92400e; padding: 4px;")
        self.not_duplicate_button = QPushButton(self.tr("Not a duplicate"))
        self.since_label = plain_label(wrap=True)
        self.language_label = plain_label(wrap=True)
        self.language_label.setObjectName("contactLanguageLabel")
        self.bounce_banner = BounceBanner(self.ops, self)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(90)
        self.notes.setPlaceholderText(self.tr("No notes"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.message_button = QPushButton(self.tr("Write a message…"))
        self.bookings = RowsModel(booking_columns(lambda: self.zone), row_style=booking_style)
        self.conversations = RowsModel(conversation_columns(lambda: self.zone))
        self.submissions = RowsModel(
            submission_columns(lambda: self.zone), row_style=submission_style
        )
        self.bookings_table = data_table(self.bookings, fit_contents=True)
        self.conversations_table = data_table(self.conversations, fit_contents=True)
        self.submissions_table = data_table(self.submissions, fit_contents=True)
        self.history = QTabWidget()
        self.history.addTab(self.bookings_table, self.tr("Bookings"))
        self.history.addTab(self.conversations_table, self.tr("Conversations"))
        self.history.addTab(self.submissions_table, self.tr("Forms"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.name_label)
        right_layout.addWidget(self.reach_label)
        right_layout.addWidget(self.bounce_banner)
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.duplicate_label, 1)
        duplicate_row.addWidget(self.not_duplicate_button)
        right_layout.addLayout(duplicate_row)
        right_layout.addWidget(self.since_label)
        right_layout.addWidget(self.language_label)
        right_layout.addWidget(self.notes)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.merge_button)
        actions.addWidget(self.message_button)
        actions.addStretch(1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.history, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

        self.search.searchChanged.connect(self._search_changed)
        self.duplicates_only.toggled.connect(lambda _on: self._filter_changed())
        self.new_button.clicked.connect(self.create_new)
        self.edit_button.clicked.connect(self.edit_current)
        self.merge_button.clicked.connect(self.merge_current)
        self.not_duplicate_button.clicked.connect(self.clear_duplicate_mark)
        self.message_button.clicked.connect(self._write_message)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.model.loaded.connect(self._list_loaded)
        self.bookings_table.doubleClicked.connect(self._open_booking)
        self.conversations_table.doubleClicked.connect(self._open_conversation)
        events = context.events
        # a burst of changes at a time (the booking page makes many at once), not each one
        events.contactsSettled.connect(self._contact_events)
        for signal in (events.bookingsSettled, events.inboxSettled, events.formsSettled):
            signal.connect(self._history_event)
        events.settingsChanged.connect(self._load_zone)

        self._show_detail(None)
        self._load_zone()
        # no refresh here: turning sorting on (above) has already asked for the ids

    # -- main window API ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def create_new(self) -> ContactDialog:
        dialog = ContactDialog(self.ops, self.actor, None, self)
        dialog.succeeded.connect(lambda view: self.show_contact(view.id))
        dialog.open()
        return dialog

    def apply_filter(self, flt: Any) -> None:
        """``{"search": text}``, ``{"contact_id": id}`` or ``{"duplicates": True}``."""
        if not isinstance(flt, dict):
            return
        if "duplicates" in flt:
            self.duplicates_only.setChecked(bool(flt["duplicates"]))
        if "search" in flt:
            self.search.setText(str(flt["search"]))
            self.search.flush()
        if "contact_id" in flt:
            self.show_contact(int(flt["contact_id"]))

    def _search_changed(self, text: str) -> None:
        self._search_text = text
        self._filter_changed()

    def _filter_changed(self) -> None:
        text = self._search_text
        self.model.set_filter((text, True) if self.duplicates_only.isChecked() else text)

    # -- list and detail --------------------------------------------------------------------

    def _load_zone(self, *_event: object) -> None:
        def loaded(zone: ZoneInfo) -> None:
            self.zone = zone
            self.model.layoutChanged.emit()
            if self.current is not None:
                self._show_detail(self.current)

        self.ops.query(load_zone, on_done=loaded, owner=self)

    def _list_loaded(self, count: int) -> None:
        set_plain(self.count_label, counted(self.tr("%Ln contact(s)", "", count), count))
        self._select_row_of_current()

    def _select_row_of_current(self) -> None:
        if self.current_id is None:
            return
        row = self.model.row_of(self.current_id)
        if row is None:
            return
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(row)
        selection.blockSignals(False)
        self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            contact_id = self.model.id_at(rows[0].row())
            if contact_id is not None and contact_id != self.current_id:
                self.show_contact(contact_id)

    def show_contact(self, contact_id: int) -> None:
        """Show ``contact_id``'s details and select it in the table when it is listed."""
        self.current_id = contact_id
        self._select_row_of_current()
        self._load_detail()

    def _load_detail(self) -> None:
        wanted = self.current_id
        if wanted is None:
            return

        def arrived(detail: ContactDetail) -> None:
            if wanted == self.current_id:
                self._show_detail(detail)

        def failed(exc: CareOpsError) -> None:
            if wanted != self.current_id:
                return
            if isinstance(exc, NotFound):  # merged away or deleted meanwhile
                self.current_id = None
                self._show_detail(None)
            else:
                self.ops.show_error(str(exc))

        self.ops.query(
            contacts.get_contact_detail,
            self.actor,
            wanted,
            on_done=arrived,
            on_error=failed,
            owner=self,
        )

    def _show_detail(self, detail: ContactDetail | None) -> None:
        self.current = detail
        self.bounce_banner.show_for_contact(detail.contact.id if detail is not None else None)
        for button in (self.edit_button, self.merge_button, self.message_button):
            button.setEnabled(detail is not None)
        marked = detail is not None and detail.contact.duplicate_of_id is not None
        self.duplicate_label.setVisible(marked)
        self.not_duplicate_button.setVisible(marked)
        if detail is not None and marked:
            set_plain(
                self.duplicate_label,
                self.tr(
                    "Possible duplicate of “{name}”: the booking page made this contact "
                    "because another one has the same phone or email. "
                    "Merge them if they are the same person."
                ).format(name=detail.duplicate_of_name or ""),
            )
        if detail is None:
            set_plain(self.name_label, self.tr("No contact selected"))
            set_plain(self.reach_label, self.tr("Choose a contact in the table, or add a new one."))
            set_plain(self.since_label, "")
            set_plain(self.language_label, "")
            self.notes.setPlainText("")
            for model in (self.bookings, self.conversations, self.submissions):
                model.set_rows([])
            return
        contact = detail.contact
        set_plain(self.name_label, contact.name)
        reach = [value for value in (contact.email, contact.phone) if value]
        set_plain(self.reach_label, " · ".join(reach))
        added = fmt_datetime(contact.created_at, self.zone)
        if contact.last_contacted_at:
            since = self.tr("Added {added} · last contacted {contacted}").format(
                added=added, contacted=fmt_datetime(contact.last_contacted_at, self.zone)
            )
        else:
            since = self.tr("Added {added}").format(added=added)
        set_plain(self.since_label, since)
        set_plain(self.language_label, self.language_words(contact.language))
        self.notes.setPlainText(contact.notes)
        self.bookings.set_rows(detail.bookings)
        self.conversations.set_rows(detail.conversations)
        self.submissions.set_rows(detail.submissions)
        locale = QLocale()
        self.history.setTabText(
            0, self.tr("Bookings ({count})").format(count=locale.toString(len(detail.bookings)))
        )
        self.history.setTabText(
            1,
            self.tr("Conversations ({count})").format(
                count=locale.toString(len(detail.conversations))
            ),
        )
        self.history.setTabText(
            2, self.tr("Forms ({count})").format(count=locale.toString(len(detail.submissions)))
        )

    def language_words(self, language: str | None) -> str:
        """Which language messages to the contact are written in."""
        if not language:
            return self.tr("Messages in the business's language")
        return self.tr("Messages in {language}").format(
            language=NATIVE_NAMES.get(language, language)
        )

    # -- actions ----------------------------------------------------------------------------

    def edit_current(self) -> ContactDialog | None:
        if self.current is None:
            return None
        dialog = ContactDialog(self.ops, self.actor, self.current.contact, self)
        dialog.open()
        return dialog

    def merge_current(self) -> MergeDialog | None:
        if self.current is None:
            return None
        dialog = MergeDialog(self.ops, self.actor, self.current.contact, self)
        dialog.succeeded.connect(lambda view: self.show_contact(view.id))
        contact = self.current.contact
        if contact.duplicate_of_id is not None:  # offer the look-alike to merge in
            dialog.picker.show_contact(
                contact.duplicate_of_id, self.current.duplicate_of_name or ""
            )
        dialog.open()
        return dialog

    def clear_duplicate_mark(self) -> None:
        """The desk checked: the "possible duplicate" is somebody else."""
        if self.current is None:
            return
        self.ops.command(
            contacts.clear_duplicate_mark,
            self.actor,
            self.current.contact.id,
            on_done=lambda _view: self._load_detail(),
            owner=self,
            success_message=self.tr("The contact is no longer marked as a possible duplicate."),
        )

    def _write_message(self) -> None:
        if self.current is not None:
            self.context.show_tab("inbox", {"new_for_contact": self.current.contact.id})

    def _open_booking(self, index: QModelIndex) -> None:
        row = self.bookings.row_at(index.row())
        if row is not None:
            self.context.show_tab("bookings", {"booking_id": row.id})

    def _open_conversation(self, index: QModelIndex) -> None:
        row = self.conversations.row_at(index.row())
        if row is not None:
            self.context.show_tab("inbox", {"conversation_id": row.id, "open": None})

    # -- events -----------------------------------------------------------------------------

    def _contact_events(self, events: list[DomainEvent]) -> None:
        if self.current_id is not None and any(
            getattr(event, "contact_id", None) == self.current_id for event in events
        ):
            self._load_detail()

    def _history_event(self, _events: list[DomainEvent]) -> None:
        if self.current_id is not None:
            self._load_detail()
