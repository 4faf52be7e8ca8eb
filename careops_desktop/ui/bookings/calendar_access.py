"""The calendar for screen readers: the List tab is its accessible alternative.

The week calendar paints every booking itself (no child widget per booking), so
assistive technology cannot walk its blocks. Rather than a Python-implemented
``QAccessibleInterface`` tree (PySide6 hands such objects to Qt's accessibility cache,
which owns and deletes them: a lifetime split that risks crashes, and that no screen
reader here can verify), the Bookings tab keeps its List tab — a standard table with
real rows and column headers — in step with the calendar: choosing a booking in one
selects it in the other. The calendar itself says so in its description, and its
name announces the chosen booking (a name change is sent to assistive technology).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView, QWidget

from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.bookings.page_data import status_text
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.table_model import IdTableModel
from careops_desktop.ui.widgets.local_time import fmt_range

CALENDAR_DESCRIPTION = QT_TRANSLATE_NOOP(
    "CalendarAccess",
    "Calendar of bookings. Arrow keys move from booking to booking and Enter moves the "
    "chosen one; the List tab shows the same bookings as a table, for screen readers.",
)


def describe_calendar(calendar: QWidget) -> None:
    """Name the calendar and say where its accessible alternative is."""
    calendar.setAccessibleName(translate("CalendarAccess", "Calendar"))
    calendar.setAccessibleDescription(translate("CalendarAccess", CALENDAR_DESCRIPTION))


def announce_booking(calendar: QWidget, booking: BookingView | None, zone: ZoneInfo) -> None:
    """The calendar's name tells the chosen booking, e.g. "Calendar: Ann Lee, Massage with
    Sam, Tue 10 Mar 2026 10:00–11:00, Confirmed"; assistive technology hears the change."""
    if booking is None:
        name = translate("CalendarAccess", "Calendar")
    else:
        name = translate(
            "CalendarAccess", "Calendar: {contact}, {type} with {provider}, {when}, {status}"
        ).format(
            contact=booking.contact_name,
            type=booking.booking_type_name,
            provider=booking.provider_name,
            when=fmt_range(booking.start, booking.end, zone),
            status=status_text(booking.status),
        )
    calendar.setAccessibleName(name)  # Qt sends the NameChanged event when it changes


def select_in_list(table: QTableView, model: IdTableModel, booking_id: int) -> None:
    """Select ``booking_id``'s row in the list when it is listed (and not selected yet)."""
    row = model.row_of(booking_id)
    selection = table.selectionModel()
    if row is None or selection is None:
        return
    index = model.index(row, 0)
    if selection.isRowSelected(row):
        return
    selection.select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)
