"""The desk's waitlist dialogs: "Add person" and "Offer a time".

Both are :class:`CommandDialog`s: a refusal marks its field and the dialog stays open
with everything typed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import waitlist
from careops_desktop.core.services.waitlist import FreeTime, WaitlistRow
from careops_desktop.ui.bookings.page_data import Catalogue
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.local_time import date_edit_format

ANYONE = QT_TRANSLATE_NOOP("Waitlist", "Anyone")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
    edit.setAccessibleName(name)
    return edit


class AddPersonDialog(CommandDialog):
    """Who (name, email, mobile), for what (booking type, provider or anyone), which dates."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        catalogue: Catalogue,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ops,
            translate("AddPersonDialog", "Add to the waitlist"),
            translate("AddPersonDialog", "Add to the waitlist"),
            parent,
        )
        self.setObjectName("waitlistAddDialog")
        self._actor = actor
        self._catalogue = catalogue
        self.setMinimumWidth(460)
        self.booking_type = QComboBox()
        self.booking_type.setAccessibleName(self.tr("Booking type"))
        for booking_type in catalogue.booking_types:
            self.booking_type.addItem(booking_type.name, booking_type.id)
        self.provider = QComboBox()
        self.provider.setAccessibleName(self.tr("With"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setMaxLength(200)
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setMaxLength(320)
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Mobile phone"))
        self.phone.setMaxLength(40)
        self.first_day = _day_edit(today, self.tr("From"))
        self.last_day = _day_edit(today + timedelta(days=6), self.tr("Until"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setFixedHeight(60)
        self.form.addRow(self.tr("Booking"), self.errors.wrap("booking_type_id", self.booking_type))
        self.form.addRow(self.tr("With"), self.errors.wrap("provider", self.provider))
        self.form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        self.form.addRow(self.tr("Email"), self.errors.wrap("email", self.email))
        self.form.addRow(self.tr("Mobile phone"), self.errors.wrap("phone", self.phone))
        self.form.addRow(self.tr("From"), self.errors.wrap("first_day", self.first_day))
        self.form.addRow(self.tr("Until"), self.errors.wrap("last_day", self.last_day))
        self.form.addRow(self.tr("Note"), self.errors.wrap("note", self.note))
        self.body.insertWidget(
            2,
            plain_label(
                self.tr("The offer goes by email, or by text message without an email."),
                wrap=True,
            ),
        )
        self.booking_type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        self.name.setFocus()

    def _type_changed(self, *_args: object) -> None:
        chosen = self.booking_type.currentData()
        offered = next(
            (t.provider_ids for t in self._catalogue.booking_types if t.id == chosen), ()
        )
        self.provider.clear()
        self.provider.addItem(translate("Waitlist", ANYONE), None)
        for provider in self._catalogue.providers:
            if provider.id in offered:
                self.provider.addItem(provider.name, provider.id)

    def submit(self) -> None:
        if self.booking_type.currentData() is None:
            self.show_errors({"booking_type_id": self.tr("Please choose a booking type.")})
            return
        first, last = (
            date(d.year(), d.month(), d.day())
            for d in (self.first_day.date(), self.last_day.date())
        )
        self.run(
            waitlist.add_to_waitlist,
            self._actor,
            booking_type_id=self.booking_type.currentData(),
            provider_id=self.provider.currentData(),
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            ranges=[(first, last)],
            note=self.note.toPlainText(),
        )


def free_time_words(free: FreeTime) -> str:
    """One free time as the list shows it: ``10:30 with Alice``."""
    return translate("Waitlist", "{time} with {provider}").format(
        time=free.label, provider=free.provider_name
    )


class OfferTimeDialog(CommandDialog):
    """Choose a day and one of its free times for this person; "Send offer" sends it."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        row: WaitlistRow,
        zone: ZoneInfo,
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ops,
            translate("OfferTimeDialog", "Offer a time"),
            translate("OfferTimeDialog", "Send offer"),
            parent,
        )
        self.setObjectName("waitlistOfferDialog")
        self._actor = actor
        self._row = row
        self._zone = zone
        if row.provider_name:
            who = self.tr("{name} is waiting for {type} with {provider}.").format(
                name=row.name, type=row.booking_type_name, provider=row.provider_name
            )
        else:
            who = self.tr("{name} is waiting for {type}.").format(
                name=row.name, type=row.booking_type_name
            )
        self.who = plain_label(who, wrap=True)
        self.day = _day_edit(day, self.tr("Day"))
        self.times = QComboBox()
        self.times.setAccessibleName(self.tr("Free time"))
        self.times.setMinimumContentsLength(26)
        self.setMinimumWidth(460)
        self.status = plain_label("", wrap=True)
        self.status.setObjectName("waitlistOfferStatus")
        self.body.insertWidget(1, self.who)  # whole sentences: full width, above and below
        self.form.addRow(self.tr("Day"), self.errors.wrap("day", self.day))
        self.form.addRow(self.tr("Free time"), self.errors.wrap("start", self.times))
        self.body.insertWidget(3, self.status)
        self.day.dateChanged.connect(self.load_times)
        self.load_times()

    def load_times(self, *_args: object) -> None:
        """Ask the core for the free times of the chosen day (off the Qt thread)."""
        chosen = self.day.date()
        picked = date(chosen.year(), chosen.month(), chosen.day())
        moment = datetime.combine(picked, time(12), self._zone).astimezone(UTC)
        self.times.clear()
        self.ok_button.setEnabled(False)
        set_plain(self.status, self.tr("Looking for free times…"))
        self.ops.query(
            waitlist.free_times_for_entry,
            self._row.entry_id,
            moment,
            on_done=self._show_times,
            owner=self,
        )

    def _show_times(self, found: list[FreeTime]) -> None:
        self.times.clear()
        for free in found:
            self.times.addItem(free_time_words(free), (free.provider_id, free.start))
        self.ok_button.setEnabled(bool(found))
        set_plain(
            self.status,
            self.tr("Choose a time; the offer goes at once and can be claimed for 2 hours.")
            if found
            else self.tr(
                "There are no free times on this day for this booking. Choose another day."
            ),
        )

    def submit(self) -> None:
        chosen = self.times.currentData()
        if chosen is None:
            self.show_errors({"start": self.tr("Please choose a free time.")})
            return
        provider_id, start = chosen
        self.run(waitlist.offer_by_hand, self._actor, self._row.entry_id, provider_id, start)
