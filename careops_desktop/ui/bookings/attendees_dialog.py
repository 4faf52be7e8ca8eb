"""A class session's attendee list: add, remove, mark arrived or no-show, move everyone.

Each attendee is a booking, so every action here is the core's booking action on
that one seat (``arrived_at_desk``, ``no_show_at_desk``, ``cancel_at_desk``,
``book_desk``); moving the session is ``move_session`` (everyone moves, each is
told once). Removing asks first, in the dialog. Keys: Ctrl+Shift+A arrived,
Delete remove, Ctrl+N add, Escape close.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import Attendee, SessionView
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.bookings.page_data import status_text
from careops_desktop.ui.bookings.words import Counts
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.contact_picker import ContactPicker
from careops_desktop.ui.widgets.local_time import date_edit_format, fmt_range


def seats_words(view: SessionView) -> str:
    """``3 of 8 seats taken, 5 left.`` for the dialog's summary line."""
    return Counts().seats_taken(len(view.attendees), view.capacity, view.seats_left)


def _error_text(exc: CareOpsError) -> str:
    if isinstance(exc, ValidationError) and exc.fields:
        return " ".join(exc.fields.values())
    return str(exc)


class AttendeesDialog(NamedOnShow, QDialog):
    """The attendees of class session ``session_id``; reloads after every change."""

    changed = Signal()

    def __init__(
        self, ops: Ops, actor: Actor, session_id: int, zone: ZoneInfo, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.session_id = session_id
        self.zone = zone
        self.view: SessionView | None = None
        self._confirming: Attendee | None = None
        self.setWindowTitle(self.tr("Class attendees"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(560, 420)
        self.title = plain_label(wrap=True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.seats = plain_label()
        self.error = plain_label(wrap=True)
        self.error.setObjectName("attendees_error")
        self.error.setStyleSheet("color: #a4262c;")
        self.error.hide()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Email or phone"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Attendees"))
        self.table.itemSelectionChanged.connect(self._enable)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, words in (
            ("arrived", self.tr("Arrived (Ctrl+Shift+A)")),
            ("no_show", self.tr("No-show")),
            ("remove", self.tr("Remove… (Del)")),
            ("add", self.tr("Add attendee… (Ctrl+N)")),
        ):
            button = QPushButton(words)
            button.setObjectName(f"attendee_{name}")
            button.clicked.connect(lambda _=False, n=name: self.act(n))
            self.buttons[name] = button
            row.addWidget(button)
        # removing asks first, here in the dialog
        self.confirm = QWidget()
        confirm_row = QHBoxLayout(self.confirm)
        confirm_row.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = plain_label(wrap=True)
        self.confirm_yes = QPushButton(self.tr("Remove and free the seat"))
        self.confirm_no = QPushButton(self.tr("Keep"))
        self.confirm_yes.clicked.connect(self._remove_confirmed)
        self.confirm_no.clicked.connect(self._remove_cancelled)
        confirm_row.addWidget(self.confirm_text, 1)
        confirm_row.addWidget(self.confirm_yes)
        confirm_row.addWidget(self.confirm_no)
        self.confirm.hide()
        # adding: the contact picker, then "Add to this session"
        self.adding = QWidget()
        add_layout = QVBoxLayout(self.adding)
        add_layout.setContentsMargins(0, 0, 0, 0)
        self.picker = ContactPicker(ops, actor)
        self.add_button = QPushButton(self.tr("Add to this session"))
        self.add_button.setEnabled(False)
        self.picker.contactChosen.connect(lambda _id: self.add_button.setEnabled(True))
        self.add_button.clicked.connect(self._add_chosen)
        add_layout.addWidget(
            plain_label(self.tr("Find the person to add, then choose Add to this session."))
        )
        add_layout.addWidget(self.picker)
        add_layout.addWidget(self.add_button)
        self.adding.hide()
        # moving the whole session
        move_row = QHBoxLayout()
        self.move_to = QDateTimeEdit()
        self.move_to.setDisplayFormat(
            date_edit_format() + " " + QLocale().timeFormat(QLocale.FormatType.ShortFormat)
        )
        self.move_to.setCalendarPopup(True)
        self.move_to.setTimeZone(QTimeZone(zone.key.encode()))
        self.move_to.setAccessibleName(self.tr("Move the session to"))
        self.move_button = QPushButton(self.tr("Move everyone and tell them"))
        self.move_button.setObjectName("attendee_move")
        self.move_button.clicked.connect(self._move)
        move_row.addWidget(plain_label(self.tr("Move the session to")))
        move_row.addWidget(self.move_to, 1)
        move_row.addWidget(self.move_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.seats)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.confirm)
        layout.addWidget(self.adding)
        layout.addLayout(move_row)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.shortcuts = []
        for keys, name in (("Ctrl+Shift+A", "arrived"), ("Delete", "remove"), ("Ctrl+N", "add")):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda n=name: self.act(n))
            self.shortcuts.append(shortcut)
        self._enable()
        self.reload()

    # -- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the session and its attendees again (off the Qt thread)."""
        self.ops.query(
            bookings.get_session,
            self.actor,
            self.session_id,
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _show(self, view: SessionView) -> None:
        chosen = self.chosen()
        self.view = view
        set_plain(
            self.title,
            self.tr("{type} with {provider}, {when}").format(
                type=view.type_name,
                provider=view.provider_name,
                when=fmt_range(view.start, view.end, self.zone),
            ),
        )
        set_plain(self.seats, seats_words(view))
        self.table.setRowCount(len(view.attendees))
        for index, person in enumerate(view.attendees):
            reach = person.email or person.phone or ""
            status = status_text(person.status)
            for column, text in enumerate((person.name, reach, status)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.booking_id)
                self.table.setItem(index, column, item)
            if chosen is not None and person.booking_id == chosen.booking_id:
                self.table.selectRow(index)
        if not self.move_to.hasFocus():
            self.move_to.setDateTime(QDateTime.fromSecsSinceEpoch(int(view.start.timestamp())))
        self._enable()

    def chosen(self) -> Attendee | None:
        """The attendee whose row is selected."""
        rows = self.table.selectionModel().selectedRows()
        if self.view is None or not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        booking_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((a for a in self.view.attendees if a.booking_id == booking_id), None)

    def _enable(self) -> None:
        person = self.chosen()
        confirmed = person is not None and person.status == "confirmed"
        self.buttons["arrived"].setEnabled(confirmed)
        self.buttons["no_show"].setEnabled(confirmed)
        self.buttons["remove"].setEnabled(confirmed)
        self.buttons["add"].setEnabled(self.view is not None and self.view.seats_left > 0)

    # -- acting -------------------------------------------------------------------------

    def act(self, name: str) -> None:
        """Run action ``name`` (``arrived``, ``no_show``, ``remove``, ``add``) if enabled."""
        if not self.buttons[name].isEnabled():
            return
        person = self.chosen()
        if name == "add":
            self.adding.show()
            self.picker.setFocus()
            return
        if person is None:
            return
        if name == "remove":
            self._confirming = person
            set_plain(
                self.confirm_text,
                self.tr(
                    "Remove {name} from this session? Their seat is freed and they are told."
                ).format(name=person.name),
            )
            self.confirm.show()
            self.confirm_no.setFocus()
            return
        command = bookings.arrived_at_desk if name == "arrived" else bookings.no_show_at_desk
        self._run(command, self.actor, person.booking_id)

    def _remove_confirmed(self) -> None:
        person, self._confirming = self._confirming, None
        self.confirm.hide()
        if person is not None:
            self._run(bookings.cancel_at_desk, self.actor, person.booking_id)

    def _remove_cancelled(self) -> None:
        self._confirming = None
        self.confirm.hide()
        self.table.setFocus()

    def _add_chosen(self) -> None:
        contact_id = self.picker.selected_id()
        if contact_id is None or self.view is None:
            return
        self.adding.hide()
        self.add_button.setEnabled(False)
        self._run(
            bookings.book_desk,
            self.actor,
            contact_id=contact_id,
            booking_type_id=self.view.booking_type_id,
            provider_id=self.view.provider_id,
            start_utc=self.view.start,
        )

    def _move(self) -> None:
        moment = self.move_to.dateTime().toSecsSinceEpoch()
        new_start = datetime.fromtimestamp(moment, self.zone)
        self._run(bookings.move_session, self.actor, self.session_id, new_start)

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.error.hide()
        self.ops.command(
            fn, *args, on_done=self._done, on_error=self._refused, owner=self, **kwargs
        )

    def _done(self, _result: object) -> None:
        self.changed.emit()
        self.reload()

    def _failed(self, exc: CareOpsError) -> None:
        set_plain(self.error, _error_text(exc))
        self.error.show()

    def _refused(self, exc: CareOpsError) -> None:
        """A change was refused: say why, and show the session as it is now."""
        self._failed(exc)
        self.reload()
