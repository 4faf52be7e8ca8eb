"""New booking, reschedule and cancel dialogs.

The start time is chosen from the free slots the core computes
(``slots.slots_for_day``). When the core refuses because the time was taken
meanwhile (:class:`SlotTaken`), the dialog says so and offers the nearest
free times as buttons; field errors show at their fields.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import wall_text
from careops_desktop.core.errors import CareOpsError, SlotTaken, TimeBlocked
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings, contacts
from careops_desktop.core.services.bookings import BookingReceipt, BookingView
from careops_desktop.core.services.slots import DaySlots, Slot
from careops_desktop.ui.bookings.blocked_time import ask_book_over, confirm_over_blocks
from careops_desktop.ui.bookings.outside_busy import confirm_then, desk_slots_for_day
from careops_desktop.ui.bookings.page_data import Catalogue
from careops_desktop.ui.bookings.repeat_dialog import attach_repeat
from careops_desktop.ui.bookings.words import Counts
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.contact_picker import ContactPicker
from careops_desktop.ui.widgets.local_time import date_edit_format, fmt_datetime, to_local

FIRST_FREE = QT_TRANSLATE_NOOP("SlotChooser", "First free")


def book_with_new_contact(
    session: Session,
    actor: Actor,
    *,
    name: str,
    email: str,
    phone: str,
    booking_type_id: int,
    provider_id: int | None,
    start_utc: datetime,
    notes: str = "",
    outside_hours: bool = False,
) -> BookingReceipt:
    """Create the contact and the booking in ONE transaction (both or neither)."""
    contact = contacts.create_contact(session, actor, name=name, email=email, phone=phone)
    return bookings.book_desk(
        session,
        actor,
        contact_id=contact.id,
        booking_type_id=booking_type_id,
        provider_id=provider_id,
        start_utc=start_utc,
        notes=notes,
        outside_hours=outside_hours,
    )


class _SlotChooser:
    """Booking type (optional), provider, date and a start time from the free slots."""

    def __init__(self, dialog: CommandDialog, catalogue: Catalogue, fixed_type: int | None) -> None:
        self.dialog = dialog
        self.catalogue = catalogue
        self.zone: ZoneInfo = catalogue.zone
        self.booking_type = QComboBox()
        for kind in catalogue.booking_types:
            self.booking_type.addItem(
                translate("SlotChooser", "{name} ({minutes} min)").format(
                    name=kind.name, minutes=kind.duration_minutes
                ),
                kind.id,
            )
        if fixed_type is not None:
            index = self.booking_type.findData(fixed_type)
            if index < 0:
                self.booking_type.addItem(
                    translate("SlotChooser", "(type no longer offered)"), fixed_type
                )
                index = self.booking_type.count() - 1
            self.booking_type.setCurrentIndex(index)
            self.booking_type.setEnabled(False)
        self.provider = QComboBox()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_edit_format())
        self.slot = QComboBox()
        self.slot.setMinimumContentsLength(24)
        self.slot_note = plain_label()
        self.alternatives = QWidget()
        self.alternatives_row = QHBoxLayout(self.alternatives)
        self.alternatives_row.setContentsMargins(0, 0, 0, 0)
        self.alternatives.hide()
        self._fill_providers()
        self.booking_type.currentIndexChanged.connect(self._type_changed)
        self.provider.currentIndexChanged.connect(self.load_slots)
        self.day.dateChanged.connect(self.load_slots)
        self._wanted_start: datetime | None = None
        self._asked = 0  # the latest slot query: an older answer is not shown
        self.exclude_booking_id: int | None = None  # the booking being moved: its time is free

    def add_rows(self) -> None:
        form, errors = self.dialog.form, self.dialog.errors
        form.addRow(
            translate("SlotChooser", "Booking type"),
            errors.wrap("booking_type_id", self.booking_type),
        )
        form.addRow(translate("SlotChooser", "With"), errors.wrap("provider_id", self.provider))
        form.addRow(translate("SlotChooser", "Date"), self.day)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.slot)
        column.addWidget(self.slot_note)
        column.addWidget(self.alternatives)
        form.addRow(translate("SlotChooser", "Start"), errors.wrap("start", box))
        errors.add_alias("start_utc", "start")
        errors.add_alias("new_start", "start")

    def _type_changed(self) -> None:
        self._fill_providers()
        self.load_slots()

    def _fill_providers(self) -> None:
        type_id = self.booking_type.currentData()
        offered = next(
            (t.provider_ids for t in self.catalogue.booking_types if t.id == type_id), ()
        )
        current = self.provider.currentData()
        self.provider.blockSignals(True)
        self.provider.clear()
        self.provider.addItem(translate("SlotChooser", FIRST_FREE), None)
        for provider in self.catalogue.providers:
            if provider.id in offered:
                self.provider.addItem(provider.name, provider.id)
        index = self.provider.findData(current)
        self.provider.setCurrentIndex(max(0, index))
        self.provider.blockSignals(False)

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def offer_type_of(self, provider_id: int | None) -> None:
        """Choose a booking type ``provider_id`` offers, unless the chosen one is offered."""
        if provider_id is None or not self.booking_type.isEnabled():
            return
        offered = {t.id for t in self.catalogue.booking_types if provider_id in t.provider_ids}
        if self.booking_type.currentData() in offered:
            return
        for index in range(self.booking_type.count()):
            if self.booking_type.itemData(index) in offered:
                self.booking_type.setCurrentIndex(index)
                return

    def set_provider(self, provider_id: int | None) -> None:
        index = self.provider.findData(provider_id)
        if index >= 0:
            self.provider.setCurrentIndex(index)

    def want(self, start: datetime | None) -> None:
        """Select this start (UTC) once the slots arrive, if it is free."""
        self._wanted_start = start

    def load_slots(self, *_args: object) -> None:
        type_id = self.booking_type.currentData()
        if type_id is None:
            set_plain(
                self.slot_note, translate("SlotChooser", "Add a booking type in Settings first.")
            )
            return
        picked = self.day.date().toPython()
        self.slot.clear()
        set_plain(self.slot_note, translate("SlotChooser", "Looking for free times…"))
        self._asked += 1
        asked = self._asked
        self.dialog.ops.query(
            desk_slots_for_day,  # outside-calendar busy starts are labelled, not hidden
            type_id,
            picked,
            self.provider.currentData(),
            on_done=lambda found: self._show_slots(found) if asked == self._asked else None,
            on_error=self._slots_failed,
            owner=self.dialog,
            exclude_booking_id=self.exclude_booking_id,
        )

    def _show_slots(self, found: DaySlots) -> None:
        if found.day != self.day.date().toPython():
            return
        self.slot.clear()
        for slot in found.slots:
            label = slot.start_local_label
            if self.provider.currentData() is None:
                label = translate("SlotChooser", "{time} — {provider}").format(
                    time=label, provider=slot.provider_name
                )
            self.slot.addItem(label, slot)
        count = len(found.slots)
        set_plain(
            self.slot_note,
            Counts().free_times(count)
            if count
            else translate("SlotChooser", "No free time that day."),
        )
        if self._wanted_start is not None:
            # the wanted start, else the first free one after it (a double-clicked time)
            later = [
                index
                for index in range(self.slot.count())
                if self.slot.itemData(index).start_utc >= self._wanted_start
            ]
            exact = [i for i in later if self.slot.itemData(i).start_utc == self._wanted_start]
            if exact or later:
                self.slot.setCurrentIndex((exact or later)[0])
            if not exact:
                wanted = wall_text(to_local(self._wanted_start, self.zone))
                set_plain(
                    self.slot_note,
                    translate(
                        "SlotChooser", "{time} is not free; the next free time is chosen instead."
                    ).format(time=wanted)
                    if later
                    else translate(
                        "SlotChooser", "{time} is not free, nor any time after it that day."
                    ).format(time=wanted),
                )
            self._wanted_start = None

    def _slots_failed(self, exc: CareOpsError) -> None:
        set_plain(self.slot_note, str(exc))

    def chosen(self) -> Slot | None:
        data = self.slot.currentData()
        return data if isinstance(data, Slot) else None

    def offer(self, alternatives: tuple[datetime, ...]) -> None:
        """Buttons for the nearest free starts; clicking one selects it."""
        while self.alternatives_row.count():
            item = self.alternatives_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for start in alternatives:
            button = QPushButton(fmt_datetime(start, self.zone))
            button.setObjectName("alternativeSlot")
            button.clicked.connect(lambda _=False, s=start: self._take(s))
            self.alternatives_row.addWidget(button)
        self.alternatives_row.addStretch(1)
        self.alternatives.setVisible(bool(alternatives))

    def _take(self, start: datetime) -> None:
        self.alternatives.hide()
        self.dialog.errors.clear()
        self.want(start)
        local = to_local(start, self.zone).date()
        if local == self.day.date().toPython():
            self.load_slots()
        else:
            self.set_day(local)


class BookingDialog(CommandDialog):
    """New booking: a contact (picked, or new inline), type, provider, date, free start."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
        provider_id: int | None = None,
        start_utc: datetime | None = None,
        contact_id: int | None = None,
    ) -> None:
        super().__init__(
            ops,
            translate("BookingDialog", "New booking"),
            translate("BookingDialog", "Book"),
            parent,
        )
        self._actor = actor
        self.picker = ContactPicker(ops, actor)
        self.new_contact = QCheckBox(self.tr("New contact"))
        self.new_name = QLineEdit()
        self.new_email = QLineEdit()
        self.new_phone = QLineEdit()
        self.new_box = QWidget()
        new_form = QVBoxLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        for label, edit, key in (
            (self.tr("Name"), self.new_name, "name"),
            (self.tr("Email"), self.new_email, "email"),
            (self.tr("Phone"), self.new_phone, "phone"),
        ):
            edit.setPlaceholderText(label)
            new_form.addWidget(self.errors.wrap(key, edit))
        self.new_box.hide()
        contact_box = QWidget()
        contact_column = QVBoxLayout(contact_box)
        contact_column.setContentsMargins(0, 0, 0, 0)
        contact_column.addWidget(self.picker)
        contact_column.addWidget(self.new_contact)
        contact_column.addWidget(self.new_box)
        self.form.addRow(self.tr("Contact"), self.errors.wrap("contact_id", contact_box))
        self.chooser = _SlotChooser(self, catalogue, None)
        self.chooser.add_rows()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)  # its label beside it: the row takes no spare height
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.notes.setTabChangesFocus(True)
        self.form.addRow(self.tr("Notes"), self.errors.wrap("notes", self.notes))
        self.new_contact.toggled.connect(self._toggle_new)
        self.chooser.set_day(day or to_local(datetime.now(catalogue.zone), catalogue.zone).date())
        self.chooser.offer_type_of(provider_id)
        self.chooser.set_provider(provider_id)
        self.chooser.want(start_utc)
        self.chooser.load_slots()
        if contact_id is not None:
            self.picker.select(contact_id)
        self.repeat = attach_repeat(self, actor)  # "Repeat…": a recurring series (repeat_dialog.py)
        self.resize(620, 720)

    def _toggle_new(self, on: bool) -> None:
        self.picker.setVisible(not on)
        self.new_box.setVisible(on)
        (self.new_name if on else self.picker).setFocus()

    def submit(self) -> None:
        slot = self.chooser.chosen()
        errors: dict[str, str] = {}
        contact_id = self.picker.selected_id()
        if not self.new_contact.isChecked() and contact_id is None:
            errors["contact_id"] = self.tr("Choose a contact, or tick “New contact”.")
        if slot is None:
            errors["start"] = self.tr("Choose a free start time.")
        if errors or slot is None:
            self.show_errors(errors)
            return
        booking = {
            "booking_type_id": self.chooser.booking_type.currentData(),
            "provider_id": self.chooser.provider.currentData() or slot.provider_id,
            "start_utc": slot.start_utc,
            "notes": self.notes.toPlainText(),
        }
        if self.new_contact.isChecked():
            book = partial(
                self.run,
                book_with_new_contact,
                self._actor,
                name=self.new_name.text(),
                email=self.new_email.text(),
                phone=self.new_phone.text(),
                **booking,
            )
        else:
            book = partial(
                self.run, bookings.book_desk, self._actor, contact_id=contact_id, **booking
            )
        type_id, provider_id = booking["booking_type_id"], booking["provider_id"]
        self._book_anyway = partial(book, outside_hours=True)

        def then(over: bool) -> None:  # blocked time asked about first, then outside calendars
            go = partial(book, outside_hours=True) if over else book
            confirm_then(self, self.ops, type_id, provider_id, slot.start_utc, go)

        confirm_over_blocks(self, self.ops, type_id, provider_id, slot.start_utc, then)

    def handle_refusal(self, exc: CareOpsError) -> bool:
        if isinstance(exc, TimeBlocked):  # blocked meanwhile: ask, as before booking
            ask_book_over(self, exc.reasons, self._book_anyway)
            return True
        if isinstance(exc, SlotTaken):
            self.errors.show({"start": str(exc)})
            self.chooser.offer(exc.alternatives)
            self.chooser.load_slots()
            return True
        return False


class RescheduleDialog(CommandDialog):
    """Move a confirmed booking to another free start (same type; provider may change)."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        catalogue: Catalogue,
        booking: BookingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ops,
            translate("RescheduleDialog", "Reschedule booking"),
            translate("RescheduleDialog", "Move"),
            parent,
        )
        self._actor = actor
        self._booking = booking
        self.body.insertWidget(
            0,
            plain_label(
                translate(
                    "RescheduleDialog", "{contact} — {type}, now {when} with {provider}"
                ).format(
                    contact=booking.contact_name,
                    type=booking.booking_type_name,
                    when=fmt_datetime(booking.start, catalogue.zone),
                    provider=booking.provider_name,
                ),
                wrap=True,
            ),
        )
        self.chooser = _SlotChooser(self, catalogue, booking.booking_type_id)
        self.chooser.exclude_booking_id = booking.id
        self.chooser.add_rows()
        self.chooser.set_day(to_local(booking.start, catalogue.zone).date())
        self.chooser.set_provider(booking.provider_id)
        self.chooser.load_slots()
        self.resize(520, 360)

    def submit(self) -> None:
        slot = self.chooser.chosen()
        if slot is None:
            self.show_errors({"start": translate("RescheduleDialog", "Choose a free start time.")})
            return
        provider = self.chooser.provider.currentData() or slot.provider_id
        book = partial(
            self.run,
            bookings.move_at_desk,  # undoable: succeeded carries the DeskChange
            self._actor,
            self._booking.id,
            slot.start_utc,
            provider,
            expected_version=self._booking.version,
        )
        type_id = self._booking.booking_type_id
        self._book_anyway = partial(book, outside_hours=True)

        def then(over: bool) -> None:  # blocked time asked about first, then outside calendars
            go = partial(book, outside_hours=True) if over else book
            confirm_then(self, self.ops, type_id, provider, slot.start_utc, go)

        confirm_over_blocks(self, self.ops, type_id, provider, slot.start_utc, then)

    def handle_refusal(self, exc: CareOpsError) -> bool:
        if isinstance(exc, TimeBlocked):  # blocked meanwhile: ask, as before booking
            ask_book_over(self, exc.reasons, self._book_anyway)
            return True
        if isinstance(exc, SlotTaken):
            self.errors.show({"start": str(exc)})
            self.chooser.offer(exc.alternatives)
            self.chooser.load_slots()
            return True
        return False


class CancelDialog(CommandDialog):
    """Cancel with a reason, after saying plainly what will happen."""

    def __init__(
        self, ops: Ops, actor: Actor, booking: BookingView, zone: ZoneInfo, parent: QWidget | None
    ) -> None:
        super().__init__(
            ops,
            translate("CancelDialog", "Cancel booking"),
            translate("CancelDialog", "Cancel booking"),
            parent,
        )
        self._actor = actor
        self._booking = booking
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Keep booking"))
        self.body.insertWidget(
            0,
            plain_label(
                self.tr(
                    "Cancel {contact}'s {type} on {when}? The customer is told two minutes "
                    "later (until then the cancel can be undone), stock used comes back and "
                    "unanswered forms are withdrawn."
                ).format(
                    contact=booking.contact_name,
                    type=booking.booking_type_name,
                    when=fmt_datetime(booking.start, zone),
                ),
                wrap=True,
            ),
        )
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Reason (shown to staff; optional)"))
        self.form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        self.ok_button.setDefault(False)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        """Enter in the reason does not cancel: the button box makes its OK the default
        when shown, so it is undone here; the confirming button is pressed on purpose."""
        super().showEvent(event)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)

    def submit(self) -> None:
        self.run(  # undoable: succeeded carries the DeskChange for the undo notice
            bookings.cancel_at_desk,
            self._actor,
            self._booking.id,
            self.reason.text(),
            expected_version=self._booking.version,
        )
