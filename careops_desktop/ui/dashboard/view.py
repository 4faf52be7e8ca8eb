"""The Dashboard tab: today's figures as cards, the alerts, recent bookings and conversations.

Everything comes from one core call (``dashboard.dashboard``) and is reloaded whenever any
core event arrives (coalesced: at most one reload in flight, one more queued). Each card
switches to its tab with a filter through ``TabContext.show_tab``. Failed messages and due
reminders get their buttons from :mod:`.attention`; the charts (:mod:`.charts`) load
on their own and reload, throttled, when bookings change. The page scrolls when the
window is small.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.services import dashboard
from careops_desktop.core.services.dashboard import DashboardData
from careops_desktop.ui.dashboard.attention import MessagingAttention
from careops_desktop.ui.dashboard.charts import DashboardChartsPanel
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.widgets.local_time import fmt_short

# card key → (title, tab key, filter handed to that tab's apply_filter)
CARDS: tuple[tuple[str, str, str, dict[str, Any]], ...] = (
    (
        "today_bookings",
        QT_TRANSLATE_NOOP("DashboardView", "Today's bookings"),
        "bookings",
        {"period": "today"},
    ),
    # arrived, not yet seen
    (
        "waiting_now",
        QT_TRANSLATE_NOOP("DashboardView", "Waiting now"),
        "bookings",
        {"period": "today"},
    ),
    (
        "upcoming_bookings",
        QT_TRANSLATE_NOOP("DashboardView", "Upcoming"),
        "bookings",
        {"period": "upcoming"},
    ),
    ("new_inquiries", QT_TRANSLATE_NOOP("DashboardView", "New inquiries"), "inbox", {"open": True}),
    (
        "pending_forms",
        QT_TRANSLATE_NOOP("DashboardView", "Pending forms"),
        "forms",
        {"status": "pending"},
    ),
    (
        "low_stock_count",
        QT_TRANSLATE_NOOP("DashboardView", "Low stock"),
        "inventory",
        {"low_stock": True},
    ),
)
# a booking's status as the recent-bookings table shows it
STATUS_WORDS = {
    "confirmed": QT_TRANSLATE_NOOP("DashboardView", "Confirmed"),
    "arrived": QT_TRANSLATE_NOOP("DashboardView", "Arrived"),
    "completed": QT_TRANSLATE_NOOP("DashboardView", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("DashboardView", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("DashboardView", "Cancelled"),
}
# an alert's target → the tab that shows it (failed messages are marked in the inbox threads)
ALERT_TABS = {"outbox": "inbox", "reminders": "bookings"}
ALERT_FILTERS: dict[str, dict[str, Any]] = {
    "messages_failed": {"open": None},
    "email_not_read": {"page": "integrations"},
    "reminders_due": {"period": "upcoming"},
    "possible_duplicates": {"duplicates": True},
    "forms_overdue": {"status": "overdue"},
    "low_stock": {"low_stock": True},
    "forms_pending": {"status": "pending"},
    "no_bookings_today": {"period": "today"},
    "late_cancel_request": {"period": "upcoming"},  # customers' answers (issue 19)
    "unconfirmed_visits": {"period": "upcoming"},
}


def classes_words(data: DashboardData) -> str:
    """``Classes today: 5 attendees in 8 seats (63% filled) over 2 sessions.``"""
    fill = data.class_fill_today
    locale = QLocale()
    return translate(
        "DashboardView",
        "Classes today: {attendees} attendees in {seats} seats ({percent}% filled) "
        "over {sessions} sessions.",
    ).format(
        attendees=locale.toString(data.class_attendees_today),
        seats=locale.toString(data.class_seats_today),
        percent=locale.toString(round((fill or 0) * 100)),
        sessions=locale.toString(data.class_sessions_today),
    )


def status_words(status: str) -> str:
    """A booking status in the window's language."""
    words = STATUS_WORDS.get(status)
    return translate("DashboardView", words) if words else status.replace("_", " ")


class Card(QPushButton):
    """A big number with a title; clicking it opens the filtered tab."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName("dashboardCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(170, 96)
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label = plain_label(title)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.title_label)
        for label in (self.value_label, self.title_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def value_text(self) -> str:
        return self.value_label.text()

    def set_value(self, value: int | None) -> None:
        self.setVisible(value is not None)
        self.value_label.setText("" if value is None else QLocale().toString(value))
        self.setAccessibleName(
            self.tr("{title}: {value}").format(
                title=self.title_label.text(), value=self.value_label.text()
            )
        )


def _table(headers: list[str], name: str, stretch: tuple[int, ...]) -> QTableWidget:
    """A small fixed table (five rows at most): cells are plain-text items."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    rows_height = table.verticalHeader().defaultSectionSize() * dashboard.RECENT
    table.setFixedHeight(rows_height + header.sizeHint().height() + 2 * table.frameWidth() + 2)
    return table


def _when(start_local: datetime, today: date) -> str:
    """A recent booking's start: the time today, else the day and time (the business's zone)."""
    zone = start_local.tzinfo
    if not isinstance(zone, ZoneInfo):
        zone = ZoneInfo("UTC")
    return fmt_short(start_local, zone, today)


def _item(text: str, item_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if item_id is not None:
        item.setData(Qt.ItemDataRole.UserRole, item_id)
    return item


class DashboardView(QWidget):
    """The dashboard page; ``refresh()`` reloads; ``loaded(DashboardData)`` after each load."""

    loaded = Signal(object)

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.data: DashboardData | None = None
        self._in_flight = False
        self._again = False
        self.setObjectName("dashboardView")

        self.heading = plain_label(self.tr("Today"))
        self.heading.setObjectName("pageHeading")
        self.cards: dict[str, Card] = {}
        cards_row = QHBoxLayout()
        for key, title, tab, flt in CARDS:
            card = Card(key, translate("DashboardView", title))
            card.clicked.connect(lambda _=False, t=tab, f=flt: self.context.show_tab(t, f))
            self.cards[key] = card
            cards_row.addWidget(card)
        cards_row.addStretch(1)
        self.classes_line = plain_label(wrap=True)  # today's class seats, when there are classes
        self.classes_line.setObjectName("classesToday")
        self.classes_line.hide()

        self.alerts_box = QVBoxLayout()
        self.alerts_box.setSpacing(4)
        alerts_title = plain_label(self.tr("Needs attention"))
        alerts_title.setObjectName("sectionTitle")
        self.no_alerts = plain_label(self.tr("Nothing needs attention right now."))
        self.alert_buttons: list[QPushButton] = []

        self.recent_bookings = _table(
            [
                self.tr("When"),
                self.tr("Contact"),
                self.tr("Booking type"),
                self.tr("With"),
                self.tr("Status"),
            ],
            "recentBookings",
            (1, 2),
        )
        self.recent_bookings.cellDoubleClicked.connect(self._open_booking)
        self.recent_conversations = _table(
            [self.tr("Contact"), self.tr("Latest message"), self.tr("Unread")],
            "recentConversations",
            (1,),
        )
        self.recent_conversations.cellDoubleClicked.connect(self._open_conversation)

        grid = QGridLayout()
        self.bookings_title = plain_label(self.tr("Recent bookings"))
        self.bookings_title.setObjectName("sectionTitle")
        grid.addWidget(self.bookings_title, 0, 0)
        grid.addWidget(self.recent_bookings, 1, 0)
        self.conversations_title = plain_label(self.tr("Recent conversations"))
        self.conversations_title.setObjectName("sectionTitle")
        grid.addWidget(self.conversations_title, 0, 1)
        grid.addWidget(self.recent_conversations, 1, 1)

        self.attention = MessagingAttention(context)
        self.attention.recheck.timeout.connect(self.refresh)
        self.charts = DashboardChartsPanel(context)

        body = QWidget()
        body.setObjectName("dashboardBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addLayout(cards_row)
        layout.addWidget(self.classes_line)
        layout.addSpacing(8)
        layout.addWidget(alerts_title)
        layout.addWidget(self.no_alerts)
        layout.addLayout(self.alerts_box)
        layout.addWidget(self.attention)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(self.charts)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        context.events.anySettled.connect(self.refresh)  # once per burst of changes
        self.refresh()

    # -- tab protocol -------------------------------------------------------------------

    def apply_filter(self, _filter: Any) -> None:
        """The dashboard has no filter; it just reloads."""
        self.refresh()

    def shutdown(self) -> None:
        self.attention.shutdown()
        self.charts.shutdown()
        try:
            self.context.events.anySettled.disconnect(self.refresh)
        except (RuntimeError, TypeError):
            pass

    # -- loading ------------------------------------------------------------------------

    def refresh(self, *_event: object) -> None:
        """Reload the figures (a reload already running is followed by one more)."""
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self.context.ops.query(
            dashboard.dashboard,
            self.context.actor,
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        set_plain(
            self.heading, self.tr("The dashboard could not be loaded: {error}").format(error=exc)
        )

    def _show(self, data: DashboardData) -> None:
        self._in_flight = False
        self.data = data
        day = QDate(data.day.year, data.day.month, data.day.day)
        long_day = QLocale().toString(day, QLocale.FormatType.LongFormat)
        set_plain(self.heading, self.tr("Today, {date}").format(date=long_day))
        for key, card in self.cards.items():
            card.set_value(getattr(data, key))
        set_plain(self.classes_line, classes_words(data))
        self.classes_line.setVisible(data.class_sessions_today > 0)
        self._show_alerts(data)
        self.attention.show_data(data)
        self._show_recent(data)
        self.loaded.emit(data)
        if self._again:
            self._again = False
            self.refresh()

    def _show_alerts(self, data: DashboardData) -> None:
        for button in self.alert_buttons:
            self.alerts_box.removeWidget(button)
            button.deleteLater()
        self.alert_buttons = []
        for alert in data.alerts:
            button = QPushButton("⚠  " + alert.text.replace("&", "&&"))
            button.setObjectName(f"alert_{alert.kind}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            flt = ALERT_FILTERS.get(alert.kind)
            tab = ALERT_TABS.get(alert.target, alert.target)
            button.clicked.connect(lambda _=False, t=tab, f=flt: self.context.show_tab(t, f))
            self.alerts_box.addWidget(button)
            self.alert_buttons.append(button)
        self.no_alerts.setVisible(not data.alerts)

    def _show_recent(self, data: DashboardData) -> None:
        table = self.recent_bookings
        table.setRowCount(len(data.recent_bookings))
        for row, booking in enumerate(data.recent_bookings):
            cells = [
                _when(booking.start_local, data.day),
                booking.contact_name,
                booking.booking_type_name,
                booking.provider_name,
                status_words(booking.status),
            ]
            for column, text in enumerate(cells):
                table.setItem(row, column, _item(text, booking.id))
        conversations = self.recent_conversations
        sees_inbox = data.new_inquiries is not None
        conversations.setVisible(sees_inbox)
        self.conversations_title.setVisible(sees_inbox)
        conversations.setRowCount(len(data.recent_conversations))
        for row, conversation in enumerate(data.recent_conversations):
            cells = [
                conversation.contact_name,
                conversation.preview,
                QLocale().toString(conversation.unread_count) if conversation.unread_count else "",
            ]
            for column, text in enumerate(cells):
                conversations.setItem(row, column, _item(text, conversation.id))

    def _open_booking(self, row: int, _column: int) -> None:
        item = self.recent_bookings.item(row, 0)
        if item is not None:
            self.context.show_tab("bookings", {"booking_id": item.data(Qt.ItemDataRole.UserRole)})

    def _open_conversation(self, row: int, _column: int) -> None:
        item = self.recent_conversations.item(row, 0)
        if item is not None:
            conversation_id = item.data(Qt.ItemDataRole.UserRole)
            self.context.show_tab("inbox", {"conversation_id": conversation_id})
