"""The Bookings tab's calendar extras: drag and drop, the legend, the day-view hint.

:class:`CalendarHooks` is attached to a :class:`~careops_desktop.ui.bookings.view.BookingsView`
and keeps these out of the view's own code:

- a drop on the calendar (``dropRequested``) opens the
  :class:`~careops_desktop.ui.bookings.drop_dialog.DropDialog`; when it closes the
  ghost goes, and a moved (or stretched) booking is shown in the panel and offered
  for undo on the tab's Undo notice (Ctrl+Z), its customer message held meanwhile;
- the legend row shows the page's providers' colours and the status styles;
- in the week view, when lanes are too narrow for names, a button offers the day view
  (as does double-clicking a day's header).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from careops_desktop.core.services.bookings import BookingView, DeskChange
from careops_desktop.ui.bookings.drop_dialog import DropDialog
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.widgets.calendar_drag import DropRequest
from careops_desktop.ui.widgets.calendar_legend import CalendarLegend
from careops_desktop.ui.widgets.local_time import local_now

if TYPE_CHECKING:
    from careops_desktop.ui.bookings.page_data import PageData
    from careops_desktop.ui.bookings.view import BookingsView

CROWDED_TEXT = QT_TRANSLATE_NOOP("CalendarHooks", "Too narrow to read: show the day view")


class CalendarHooks:
    """Drag and drop, legend and day-view hint of one Bookings view (Qt thread)."""

    def __init__(self, view: BookingsView) -> None:
        self.view = view
        self.legend = CalendarLegend()
        self.day_button = QPushButton(translate("CalendarHooks", CROWDED_TEXT))
        self.day_button.setObjectName("showDayView")
        self.day_button.setToolTip(
            translate(
                "CalendarHooks",
                "Some bookings sit side by side in lanes too narrow for names; the day view "
                "gives each provider a column.",
            )
        )
        self.day_button.setVisible(False)
        self.row = QHBoxLayout()
        self.row.addWidget(self.legend, 1)
        self.row.addWidget(self.day_button)
        self.crowded_day: date | None = None
        self.dialog: DropDialog | None = None
        view.calendar.dropRequested.connect(self.dropped)
        view.calendar.dayRequested.connect(self.show_day)
        self.day_button.clicked.connect(lambda: self.show_day(self.crowded_day))

    def page_shown(self, page: PageData) -> None:
        """A new page is on the calendar: legend and hint follow it."""
        self.legend.set_providers([(p.name, p.color) for p in page.providers])
        calendar = self.view.calendar
        crowded = page.request.days > 1 and calendar.crowded()
        if crowded:
            keys = calendar.layout_now().crowded
            days = [c.day for c in calendar.data().columns if c.key in keys]
            self.crowded_day = min(days) if days else page.request.first
        self.day_button.setVisible(crowded)

    def show_day(self, day: date | None) -> None:
        """The day view of ``day`` (all providers side by side)."""
        view = self.view
        if day is None:
            return
        index = view.span.findData(1)
        view.span.blockSignals(True)
        view.span.setCurrentIndex(index)
        view.span.blockSignals(False)
        view.day = day
        view.load_page()

    def dropped(self, request: DropRequest) -> None:
        """A booking was dropped: ask (with "Tell the customer"), then the core decides."""
        view = self.view
        page = view.page_data
        names = {p.id: p.name for p in page.providers} if page is not None else {}
        now = local_now(view.zone).replace(tzinfo=None)
        dialog = DropDialog(
            view.ops,
            view.actor,
            view.zone,
            request,
            names.get(request.provider_id, ""),
            now,
            view,
        )
        self.dialog = dialog
        dialog.succeeded.connect(self._moved)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: DropDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.view.calendar.finish_drop()

    def _moved(self, change: DeskChange | BookingView) -> None:
        """A booking moved (undoable: the notice offers Undo), or a whole class session
        moved (its attendees were told; a session move is not offered for undo)."""
        if isinstance(change, DeskChange):
            self.view.desk.offer(change)
            self.view.show_booking(change.booking_id)
        else:
            self.view.show_booking(change.id)
