"""The Bookings tab: a week/day calendar and a filtered list, beside the chosen booking.

Both refresh from ``bookingsSettled`` (a burst of changes at a time) and settings
changes; nothing polls.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, NotFound
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.bookings.attendees_dialog import AttendeesDialog
from careops_desktop.ui.bookings.calendar_access import (
    announce_booking,
    describe_calendar,
    select_in_list,
)
from careops_desktop.ui.bookings.calendar_hooks import CalendarHooks
from careops_desktop.ui.bookings.desk_actions import DeskActions
from careops_desktop.ui.bookings.dialogs import BookingDialog, RescheduleDialog
from careops_desktop.ui.bookings.outside_busy import SyncNowButton
from careops_desktop.ui.bookings.page_data import (
    STATUS_WORDS,
    BookingSource,
    Catalogue,
    ListFilter,
    PageData,
    PageRequest,
    booking_style,
    list_columns,
    load_calendar_page,
    load_catalogue,
    status_text,
)
from careops_desktop.ui.bookings.panel import BookingPanel, action_shortcuts, load_series
from careops_desktop.ui.bookings.print_actions import (
    may_print_day_sheet,
    print_booking,
    print_day_sheet,
)
from careops_desktop.ui.bookings.series_actions import open_series_action
from careops_desktop.ui.bookings.time_block_dialog import TimeBlockDialog, offer_block_actions
from careops_desktop.ui.bookings.undo_notice import UndoNotice, UndoStack
from careops_desktop.ui.bookings.waiting_strip import WaitingStrip
from careops_desktop.ui.bookings.waitlist_view import WaitlistWindow
from careops_desktop.ui.i18n import counted
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.printing.print_jobs import PrintPreview
from careops_desktop.ui.table_model import IdTableModel
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.ui_state import remember_header
from careops_desktop.ui.widgets.calendar_data import CalendarData, week_start
from careops_desktop.ui.widgets.data_table import data_table
from careops_desktop.ui.widgets.local_time import date_edit_format, fmt_day, local_now
from careops_desktop.ui.widgets.search_box import SearchBox
from careops_desktop.ui.widgets.week_calendar import WeekCalendar

LIST_DAYS = 30


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class BookingsView(QWidget):
    """Calendar and list of bookings with the actions on the chosen one."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.catalogue = Catalogue(ZoneInfo("UTC"), (), ())
        self.zone = ZoneInfo("UTC")
        self.day = local_now(self.zone).date()
        self.page_data: PageData | None = None
        self.selected: BookingView | None = None
        self._page_generation = 0
        self._page_task: asyncio.Task[Any] | None = None  # the latest page query
        self._page_again = False  # changes arrived while it ran: load once more after it

        # toolbar
        self.today_button = QPushButton(self.tr("Today"))
        self.back_button = QPushButton("←")
        self.back_button.setAccessibleName(self.tr("Previous"))
        self.next_button = QPushButton("→")
        self.next_button.setAccessibleName(self.tr("Next"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_edit_format())
        self.date_edit.setAccessibleName(self.tr("Date shown"))
        self.span = QComboBox()
        self.span.addItem(self.tr("Week"), 7)
        self.span.addItem(self.tr("Day"), 1)
        self.provider_filter = QComboBox()
        self.provider_filter.setAccessibleName(self.tr("Provider"))
        self.provider_filter.addItem(self.tr("All providers"), None)
        self.new_button = QPushButton(self.tr("New booking…"))
        self.block_button = QPushButton(
            self.tr("Block time…")
        )  # lunch, a meeting: drag on the calendar too
        self.block_button.setObjectName("blockTime")
        self.block_button.setToolTip(
            self.tr(
                "Block time for lunch, a meeting or training (Ctrl+Shift+B). "
                "You can also drag down over an empty part of the calendar."
            )
        )
        block_keys = QShortcut(QKeySequence("Ctrl+Shift+B"), self)
        block_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        block_keys.activated.connect(lambda: self.block_time())
        self.print_button = QPushButton(self.tr("Print day sheet…"))
        self.print_button.setObjectName("printDaySheet")
        self.print_button.setToolTip(
            self.tr(
                "Print the day shown, for the provider chosen beside it or for everyone (Ctrl+P)."
            )
        )
        self.print_button.setEnabled(may_print_day_sheet(self.actor))
        self.preview: PrintPreview | None = None  # the latest print preview opened
        self.waitlist_button = QPushButton(
            self.tr("Waitlist…")
        )  # who waits for a freed time (issue 18)
        self.waitlist_button.setObjectName("openWaitlist")
        self.waitlist_button.setToolTip(
            self.tr("People waiting for a time to free up (Ctrl+Shift+W).")
        )
        self.waitlist_window: WaitlistWindow | None = None
        self.range_label = plain_label()
        bar = QHBoxLayout()
        for tool in (self.today_button, self.back_button, self.next_button, self.date_edit):
            bar.addWidget(tool)
        bar.addWidget(self.range_label, 1)
        bar.addWidget(self.span)
        bar.addWidget(self.provider_filter)
        self.sync_button = SyncNowButton(  # calendar sync: "Sync now", on the runtime's job
            context.ops, lambda: getattr(context.window, "runtime_link", None)
        )
        bar.addWidget(self.sync_button)
        bar.addWidget(self.block_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.waitlist_button)
        bar.addWidget(self.new_button)

        # calendar page
        self.calendar = WeekCalendar()
        self.calendar.set_clock(lambda: local_now(self.zone).replace(tzinfo=None))
        describe_calendar(self.calendar)  # the List tab is its accessible alternative
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.calendar)

        # list page
        self.list_from = QDateEdit()
        self.list_to = QDateEdit()
        for edit in (self.list_from, self.list_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in STATUS_WORDS:
            self.status_filter.addItem(status_text(status), status)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("Any booking type"), None)
        self.search = SearchBox(placeholder=self.tr("Search contact, type or provider…"))
        self.count_label = plain_label()
        source = BookingSource(self.actor)
        self.model = IdTableModel(
            self.ops,
            list_columns(lambda: self.zone),
            fetch_ids=source.fetch_ids,
            fetch_rows=source.fetch_rows,
            refresh_on=[context.events.bookingsSettled, context.events.contactsSettled],
            initial_filter=ListFilter(self.day, self.day + timedelta(days=LIST_DAYS)),
            initial_sort=("start", False),
            row_style=booking_style,
            parent=self,
        )
        self.table = data_table(self.model, (190, 180, 170, 150, 100))
        # the indicator first: turning sorting on then sorts (and loads) once, by it
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        remember_header(self.table.horizontalHeader(), "bookings/list")
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        filters = QHBoxLayout()
        for widget in (
            plain_label(self.tr("From")),
            self.list_from,
            plain_label(self.tr("to")),
            self.list_to,
            self.status_filter,
            self.type_filter,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        # who is waiting today, above the calendar (ui/bookings/waiting_strip.py)
        self.waiting = WaitingStrip(self.ops, self.actor, lambda: self.zone)
        calendar_page = QWidget()
        calendar_layout = QVBoxLayout(calendar_page)
        calendar_layout.setContentsMargins(0, 0, 0, 0)
        calendar_layout.addWidget(self.waiting)
        calendar_layout.addWidget(scroll, 1)
        self.pages = QTabWidget()
        self.pages.addTab(calendar_page, self.tr("Calendar"))
        self.pages.addTab(list_page, self.tr("List"))
        self.panel = BookingPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pages)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        # undo: any desk change offers itself here (``self.undo.record_undo(words, fn)``)
        self.undo = UndoStack(self)
        self.undo_notice = UndoNotice(self.undo)
        self.desk = DeskActions(
            self, self.ops, self.actor, lambda: self.selected, lambda: self.zone, self.undo
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.undo_notice)
        self.calendar_hooks = CalendarHooks(self)  # drag and drop, legend, day-view hint
        layout.addLayout(self.calendar_hooks.row)
        layout.addWidget(splitter, 1)

        self.today_button.clicked.connect(lambda: self.go_to(local_now(self.zone).date()))
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.date_edit.dateChanged.connect(lambda d: self.go_to(_pydate(d)))
        self.span.currentIndexChanged.connect(self.load_page)
        self.provider_filter.currentIndexChanged.connect(self._filters_changed)
        self.new_button.clicked.connect(self.create_new)
        self.print_button.clicked.connect(self.print_page)
        self.waitlist_button.clicked.connect(self.open_waitlist)
        self.waitlist_shortcut = QShortcut(QKeySequence("Ctrl+Shift+W"), self)
        self.waitlist_shortcut.activated.connect(self.open_waitlist)
        self.calendar.bookingActivated.connect(self.show_booking)
        self.calendar.bookingOpened.connect(self._open_booking)
        self.calendar.slotRequested.connect(self._slot_requested)
        self.block_button.clicked.connect(lambda: self.block_time())
        self.calendar.timeRangeChosen.connect(self._range_chosen)
        self.calendar.timeBlockClicked.connect(
            lambda mark, where: offer_block_actions(
                self, self.ops, self.actor, self._provider_choices(), mark, where, self.undo
            )
        )
        for widget in (self.list_from, self.list_to):
            widget.dateChanged.connect(self._filters_changed)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.type_filter.currentIndexChanged.connect(self._filters_changed)
        self.search.searchChanged.connect(self._filters_changed)
        self.model.loaded.connect(self._list_loaded)
        self.table.selectionModel().selectionChanged.connect(self._list_selection)
        self.panel.actionRequested.connect(self._action)
        self.waiting.bookingChosen.connect(self.show_booking)
        self.shortcuts = action_shortcuts(self, self.panel, self._action)
        # one reload per burst of changes (the bridge coalesces them), not one per event
        context.events.bookingsSettled.connect(self._bookings_events)
        context.events.contactsSettled.connect(self._bookings_events)
        context.events.settingsChanged.connect(self._load_catalogue)
        self._load_catalogue()

    # -- main window API ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def create_new(self, **preset: Any) -> BookingDialog:
        dialog = BookingDialog(self.ops, self.actor, self.catalogue, self, **preset)
        dialog.succeeded.connect(self._booked)
        dialog.open()
        return dialog

    def open_waitlist(self) -> WaitlistWindow:
        """Show the waitlist window (one per tab; raised if it is open already)."""
        if self.waitlist_window is None or not shiboken6.isValid(self.waitlist_window):
            self.waitlist_window = WaitlistWindow(
                self.ops, self.actor, lambda: self.catalogue, self
            )
            self.context.events.bookingsSettled.connect(self.waitlist_window.reload)
        self.waitlist_window.show()
        self.waitlist_window.raise_()
        self.waitlist_window.activateWindow()
        return self.waitlist_window

    def block_time(
        self,
        provider_id: int | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> TimeBlockDialog:
        """Open "Block time" for ``provider_id`` (default: the filter's) from ``start`` to ``end``
        (local; default: 12:00–13:00 on the day shown)."""
        if provider_id is None:  # the provider shown, else the first (never everyone unasked)
            provider_id = self.provider_filter.currentData()
        if provider_id is None and self.catalogue.providers:
            provider_id = self.catalogue.providers[0].id
        start = start or datetime.combine(self.day, datetime.min.time()).replace(hour=12)
        dialog = TimeBlockDialog(
            self.ops,
            self.actor,
            self._provider_choices(),
            self,
            provider_id=provider_id,
            start=start,
            end=end or start + timedelta(hours=1),
            undo=self.undo,
        )
        dialog.open()
        return dialog

    def _provider_choices(self) -> list[tuple[int, str]]:
        return [(p.id, p.name) for p in self.catalogue.providers]

    def _range_chosen(self, column: str, start: datetime, end: datetime) -> None:
        provider_id = int(column[1:]) if column.startswith("p") else None
        self.block_time(provider_id, start.replace(tzinfo=None), end.replace(tzinfo=None))

    def print_page(self) -> None:
        """Ctrl+P: preview (then print) the day sheet of the day shown, for the provider
        chosen in the toolbar or for everyone."""
        if self.print_button.isEnabled():
            provider_id = self.provider_filter.currentData()
            print_day_sheet(
                self.ops, self.actor, self, self.day, self.zone, provider_id, self._previewed
            )

    def _previewed(self, preview: PrintPreview) -> None:
        self.preview = preview

    def apply_filter(self, flt: Any) -> None:
        """``{"period": "today"|"upcoming"}``, ``{"status": s}``, ``{"booking_id": id}``."""
        if not isinstance(flt, dict):
            return
        today = local_now(self.zone).date()
        if flt.get("period") == "today":
            self.span.setCurrentIndex(self.span.findData(1))
            self.go_to(today)
            self.pages.setCurrentIndex(0)
        elif flt.get("period") == "upcoming":
            self.list_from.setDate(_qdate(today))
            self.list_to.setDate(_qdate(today + timedelta(days=LIST_DAYS)))
            self.pages.setCurrentIndex(1)
        if "status" in flt:
            self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(flt["status"])))
            self.pages.setCurrentIndex(1)
        if "booking_id" in flt:
            self.show_booking(int(flt["booking_id"]), move_calendar=True)

    # -- loading ----------------------------------------------------------------------------

    def _load_catalogue(self, *_event: object) -> None:
        self.ops.query(load_catalogue, on_done=self._catalogue_loaded, owner=self)

    def _catalogue_loaded(self, catalogue: Catalogue) -> None:
        first_time = not self.catalogue.providers and self.zone.key == "UTC"
        self.catalogue = catalogue
        self.zone = catalogue.zone
        for combo, items in (
            (self.provider_filter, [(p.name, p.id) for p in catalogue.providers]),
            (self.type_filter, [(t.name, t.id) for t in catalogue.booking_types]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for words, value in items:
                combo.addItem(words, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        if first_time:
            today = local_now(self.zone).date()
            for edit, day in (
                (self.list_from, today),
                (self.list_to, today + timedelta(LIST_DAYS)),
            ):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
            self.day = today
        self._filters_changed()

    def go_to(self, day: date) -> None:
        if day != self.day:
            self.day = day
            self.load_page()

    def step(self, direction: int) -> None:
        self.go_to(self.day + timedelta(days=direction * int(self.span.currentData())))

    def page_request(self) -> PageRequest:
        days = int(self.span.currentData())
        first = week_start(self.day) if days == 7 else self.day
        return PageRequest(first, days, self.provider_filter.currentData())

    def load_page(self, *_args: object) -> None:
        request = self.page_request()
        self._page_generation += 1
        generation = self._page_generation
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(_qdate(self.day))
        self.date_edit.blockSignals(False)
        last = request.first + timedelta(days=request.days - 1)
        words = (
            fmt_day(request.first, year=True)
            if request.days == 1
            else self.tr("{first} – {last}").format(
                first=fmt_day(request.first), last=fmt_day(last, year=True)
            )
        )
        set_plain(self.range_label, words)

        def arrived(loaded: tuple[PageData, CalendarData]) -> None:
            if generation == self._page_generation:
                page, calendar_data = loaded
                if page == self.page_data:  # the change was elsewhere: no relayout, no repaint
                    return
                self.page_data = page
                self.calendar.set_data(calendar_data)
                self.calendar_hooks.page_shown(page)

        self._page_task = self.ops.query(load_calendar_page, request, on_done=arrived, owner=self)
        self.waiting.reload()
        self._page_task.add_done_callback(self._page_query_ended)

    def _page_query_ended(self, task: asyncio.Task[Any]) -> None:
        if task is not self._page_task or not shiboken6.isValid(self):
            return
        self._page_task = None
        if self._page_again:
            self._page_again = False
            self.load_page()

    def _filters_changed(self, *_args: object) -> None:
        self.load_page()
        self.model.set_filter(
            ListFilter(
                first=_pydate(self.list_from.date()),
                last=_pydate(self.list_to.date()),
                status=self.status_filter.currentData(),
                booking_type_id=self.type_filter.currentData(),
                provider_id=self.provider_filter.currentData(),
                search=self.search.term(),
            )
        )

    def _list_loaded(self, count: int) -> None:
        set_plain(self.count_label, counted(self.tr("%Ln booking(s)", "", count), count))

    # -- the chosen booking -----------------------------------------------------------------

    def show_booking(self, booking_id: int, move_calendar: bool = False) -> None:
        def arrived(view: BookingView) -> None:
            self.selected = view
            self.panel.show_booking(view, self.zone)
            load_series(self.panel, self.ops, self.actor, view)
            self.calendar.select_booking(view.id)
            announce_booking(self.calendar, view, self.zone)
            select_in_list(self.table, self.model, view.id)  # the list keeps in step
            if move_calendar:
                self.go_to(view.start.astimezone(self.zone).date())

        def failed(exc: CareOpsError) -> None:
            if isinstance(exc, NotFound):
                self.selected = None
                self.panel.show_booking(None, self.zone)
                announce_booking(self.calendar, None, self.zone)
            else:
                self.ops.show_error(str(exc))

        self.ops.query(
            bookings.get_booking,
            self.actor,
            booking_id,
            on_done=arrived,
            on_error=failed,
            owner=self,
        )

    def _list_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            booking_id = self.model.id_at(rows[0].row())
            if booking_id is not None and (self.selected is None or booking_id != self.selected.id):
                self.show_booking(booking_id)

    def _open_booking(self, booking_id: int) -> None:
        self.show_booking(booking_id)
        if self.selected is not None and self.selected.id == booking_id:
            self._action("reschedule")

    def _slot_requested(self, column: str, when: datetime) -> None:
        provider_id = (
            int(column[1:]) if column.startswith("p") else self.provider_filter.currentData()
        )
        start = when.replace(tzinfo=self.zone)
        self.create_new(
            day=when.date(), provider_id=provider_id, start_utc=start.astimezone(ZoneInfo("UTC"))
        )

    def _booked(self, receipt: Any) -> None:
        self.show_booking(receipt.booking_id, move_calendar=True)

    def _action(self, name: str) -> None:
        booking = self.selected
        if booking is None:
            return
        if name in ("cancel", "reschedule") and booking.series_id is not None:
            # a visit of a series: "This visit only" or "This and the following visits"
            open_series_action(self, self.ops, self.actor, self.catalogue, booking, name)
        elif self.desk.handles(name):  # undoable: complete, no-show, arrived, cancel; restore
            self.desk.run(name, booking)
        elif name == "reschedule":
            dialog = RescheduleDialog(self.ops, self.actor, self.catalogue, booking, self)
            dialog.succeeded.connect(self.desk.offer)
            dialog.open()
        elif name == "print":
            print_booking(self.ops, self, booking, self.zone, self._previewed)
        elif name == "contact":
            self.context.show_tab("contacts", {"contact_id": booking.contact_id})
        elif name == "attendees" and booking.session_id is not None:
            AttendeesDialog(self.ops, self.actor, booking.session_id, self.zone, self).open()

    def _bookings_events(self, events: list[Any]) -> None:
        """A burst of booking or contact changes: the page reloads once, the panel if touched.

        While a page query runs (a busy database worker), one more follows it instead of a
        new one per burst: each answer is shown, and the last one comes after the last change.
        """
        if self._page_task is not None and not self._page_task.done():
            self._page_again = True
        else:
            self.load_page()
        if self.selected is not None and any(self._touches_selected(e) for e in events):
            self.show_booking(self.selected.id)

    def _touches_selected(self, event: Any) -> bool:
        assert self.selected is not None
        changed = getattr(event, "booking_id", None)
        return changed in (None, self.selected.id) or bool(getattr(event, "contact_id", None))
