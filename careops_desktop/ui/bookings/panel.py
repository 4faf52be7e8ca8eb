"""The chosen booking's details and the actions on it: arrived, complete, no-show, cancel,
reschedule, restore. The details say when the customer confirmed (answering a reminder)
and, for a visit of a recurring series, which visit it is and the series' rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.clock_text import clock_time
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import BookingView, SeriesPlace
from careops_desktop.ui.bookings.page_data import status_text
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_range

# keyboard shortcuts of the actions, active anywhere in the Bookings tab (calendar, list)
ACTION_KEYS = {"reschedule": "Ctrl+R", "cancel": "Delete"}
# the keys a button's tooltip names (Arrived's shortcut is the Bookings tab's own)
TOOLTIP_KEYS = {**ACTION_KEYS, "arrived": "Ctrl+Shift+A"}


class BookingPanel(QWidget):
    """Shows one :class:`BookingView` as plain text; emits ``actionRequested(name)``.

    Action names: ``arrived``, ``complete``, ``no_show``, ``cancel``, ``reschedule``,
    ``restore``, ``contact``, ``print``, ``attendees`` (a class seat: its session's list).
    Only actions that make sense for the booking's status are enabled.
    """

    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.booking: BookingView | None = None
        self.title = plain_label(wrap=True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.fields: dict[str, QLabel] = {}
        form = self.form = QFormLayout()
        for key, words in (
            ("when", self.tr("When")),
            ("status", self.tr("Status")),
            ("answer", self.tr("Customer")),
            ("series", self.tr("Series")),
            ("type", self.tr("Booking type")),
            ("provider", self.tr("With")),
            ("reach", self.tr("Contact")),
            ("source", self.tr("Booked")),
            ("cancel", self.tr("Cancelled")),
        ):
            label = plain_label(wrap=True)
            self.fields[key] = label
            form.addRow(words, label)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setPlaceholderText(self.tr("No notes"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMaximumHeight(90)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, (name, words) in enumerate(
            (
                ("arrived", self.tr("Arrived")),  # its keys in the tooltip: long words fit
                ("complete", self.tr("Complete")),
                ("no_show", self.tr("No-show")),
                ("reschedule", self.tr("Reschedule…")),
                ("cancel", self.tr("Cancel…")),
                ("contact", self.tr("Open contact")),
                ("restore", self.tr("Restore…")),
                ("print", self.tr("Print…")),
                ("attendees", self.tr("Class attendees…")),
            )
        ):
            button = QPushButton(words)
            button.setObjectName(f"booking_{name}")
            if name in TOOLTIP_KEYS:
                button.setToolTip(
                    self.tr("{action} ({keys})").format(
                        action=words.rstrip("…"),
                        keys=QKeySequence(TOOLTIP_KEYS[name]).toString(
                            QKeySequence.SequenceFormat.NativeText  # "Strg+Umschalt+A" in German
                        ),
                    )
                )
            button.clicked.connect(lambda _=False, n=name: self.actionRequested.emit(n))
            self.buttons[name] = button
            grid.addWidget(button, index // 2, index % 2)
        self.setMinimumWidth(320)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.show_booking(None, ZoneInfo("UTC"))

    def show_booking(self, booking: BookingView | None, zone: ZoneInfo) -> None:
        self.booking = booking
        if booking is None:
            set_plain(self.title, self.tr("No booking selected"))
            for label in self.fields.values():
                set_plain(label, "")
            for key in ("answer", "series", "cancel"):
                self.form.setRowVisible(self.fields[key], False)
            set_plain(self.fields["when"], self.tr("Click a booking in the calendar or the list."))
            self.notes.setPlainText("")
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        set_plain(self.title, booking.contact_name)
        set_plain(self.fields["when"], fmt_range(booking.start, booking.end, zone))
        status = status_text(booking.status)
        if booking.status == "arrived" and booking.arrived_at is not None:
            status = self.tr("Arrived at {time}").format(
                time=clock_time(booking.arrived_at, zone, "%H:%M")
            )
        set_plain(self.fields["status"], status)
        answer = ""
        if booking.customer_confirmed_at is not None:
            when = fmt_datetime(booking.customer_confirmed_at, zone)
            answer = self.tr("Confirmed by the customer at {when}.").format(when=when)
        set_plain(self.fields["answer"], answer)
        series = self.tr("A visit of a recurring series.") if booking.series_id is not None else ""
        set_plain(self.fields["series"], series)
        self.form.setRowVisible(self.fields["answer"], bool(answer))
        self.form.setRowVisible(self.fields["series"], bool(series))
        set_plain(self.fields["type"], booking.booking_type_name)
        set_plain(self.fields["provider"], booking.provider_name)
        reach = [v for v in (booking.contact_email, booking.contact_phone) if v]
        set_plain(self.fields["reach"], "\n".join(reach))
        booked = fmt_datetime(booking.created_at, zone)
        if booking.source == "web":
            source = self.tr("{when}\non the booking page").format(when=booked)
        else:
            source = self.tr("{when}\nat the desk").format(when=booked)
        set_plain(self.fields["source"], source)
        cancelled = ""
        if booking.status == "cancelled":
            cancelled = fmt_datetime(booking.cancelled_at, zone)
            if booking.cancel_reason:
                cancelled = self.tr("{when} — {reason}").format(
                    when=cancelled, reason=booking.cancel_reason
                )
        set_plain(self.fields["cancel"], cancelled)
        self.form.setRowVisible(self.fields["cancel"], bool(cancelled))  # no empty "Cancelled"
        self.notes.setPlainText(booking.notes)
        confirmed = booking.status == "confirmed"
        started = booking.start <= datetime.now(UTC)
        # the core refuses to finish a booking before its start (and a no-show can be
        # corrected to completed); moving and cancelling are for confirmed bookings
        finishing = ("confirmed", "arrived", "no_show")
        self.buttons["complete"].setEnabled(started and booking.status in finishing)
        self.buttons["no_show"].setEnabled(started and confirmed)
        self.buttons["reschedule"].setEnabled(confirmed)
        self.buttons["cancel"].setEnabled(confirmed)
        self.buttons["contact"].setEnabled(True)
        today = datetime.now(zone).date()
        on_the_day = booking.start.astimezone(zone).date() == today
        self.buttons["arrived"].setEnabled(confirmed and on_the_day)
        self.buttons["restore"].setEnabled(
            booking.status == "cancelled" and booking.start > datetime.now(UTC)
        )
        self.buttons["print"].setEnabled(True)
        self.buttons["attendees"].setEnabled(booking.session_id is not None)

    def show_series(self, booking_id: int, place: SeriesPlace | None) -> None:
        """ "Visit 3 of a series: Every week on Tuesday at 09:00, 6 visits." for the
        booking shown (a late answer for another booking is ignored)."""
        if self.booking is None or self.booking.id != booking_id or place is None:
            return
        words = self.tr("Visit {number} of a series: {rule}.").format(
            number=place.number, rule=place.rule_text.rstrip(".")
        )
        set_plain(self.fields["series"], words)
        self.form.setRowVisible(self.fields["series"], True)


def load_series(panel: BookingPanel, ops: Ops, actor: Actor, booking: BookingView) -> None:
    """For a visit of a series, ask the core which visit it is and show it in ``panel``."""
    if booking.series_id is None:
        return
    ops.query(
        bookings.series_place,
        actor,
        booking.id,
        on_done=lambda place: panel.show_series(booking.id, place),
        on_error=lambda _exc: None,  # the details stand without it
        owner=panel,
    )


def action_shortcuts(
    tab: QWidget, panel: BookingPanel, act: Callable[[str], None]
) -> list[QShortcut]:
    """The :data:`ACTION_KEYS` shortcuts on ``tab`` (and its children); each runs ``act(name)``
    when the panel's button for it is enabled (e.g. only a confirmed booking can move)."""
    made = []
    for name, keys in ACTION_KEYS.items():
        shortcut = QShortcut(QKeySequence(keys), tab)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda n=name: act(n) if panel.buttons[n].isEnabled() else None)
        made.append(shortcut)
    return made
