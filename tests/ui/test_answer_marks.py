"""The calendar marks customers' answers (issue 19): a tick for "confirmed by the customer",
an amber "?" for a reminded visit within 24 hours with no answer; words in the tooltip."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QImage

from careops_desktop.core.services.bookings import BookingView
from careops_desktop.core.services.providers import ProviderView
from careops_desktop.ui.bookings.page_data import PageData, PageRequest, to_calendar
from careops_desktop.ui.widgets.answer_marks import BADGE_PX, BADGES
from careops_desktop.ui.widgets.calendar_data import CalendarBlock, CalendarColumn, CalendarData
from careops_desktop.ui.widgets.week_calendar import WeekCalendar, tooltip_html

DAY = date(2025, 3, 12)
ZONE = ZoneInfo("Europe/London")
NOW = datetime(2025, 3, 12, 8, 0, tzinfo=UTC)


def _view(booking_id: int, hour: int, **kw: object) -> BookingView:
    start = datetime.combine(DAY, time(hour), tzinfo=UTC)
    values: dict[str, object] = dict(
        id=booking_id,
        status="confirmed",
        source="desk",
        start=start,
        end=start + timedelta(minutes=60),
        contact_id=1,
        contact_name=f"Client {booking_id}",
        contact_email=None,
        contact_phone=None,
        booking_type_id=1,
        booking_type_name="Massage",
        provider_id=1,
        provider_name="Dr Hopper",
        location="",
        notes="",
        forms_sent=False,
        created_at=start - timedelta(days=3),
        cancelled_at=None,
        cancel_reason="",
        customer_cancel_until=start,
    )
    values.update(kw)
    return BookingView(**values)  # type: ignore[arg-type]


def test_page_data_marks_confirmed_and_unconfirmed_visits() -> None:
    provider = ProviderView(1, "Dr Hopper", "person", None, "#2563eb", True, 0, ())
    views = (
        _view(1, 9, customer_confirmed_at=NOW - timedelta(hours=1)),
        _view(2, 11),  # reminded, no answer, within 24 h
        _view(3, 13),  # never reminded: nothing to flag
        _view(4, 15, status="cancelled"),
    )
    page = PageData(
        PageRequest(DAY, 1), ZONE, (provider,), views, (), (), reminded=frozenset({2, 4})
    )
    answers = {b.id: b.customer_answer for b in to_calendar(page, NOW).blocks}
    assert answers == {1: "confirmed", 2: "unconfirmed", 3: "", 4: ""}
    later = {b.id: b.customer_answer for b in to_calendar(page, NOW - timedelta(days=2)).blocks}
    assert later[2] == ""  # more than a day ahead: not flagged yet


@pytest.fixture
def calendar(qtbot):  # type: ignore[no-untyped-def]
    widget = WeekCalendar()
    qtbot.addWidget(widget)
    widget.set_clock(lambda: datetime.combine(DAY, time(8)))
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_badges_are_painted_and_the_tooltip_says_it(calendar: WeekCalendar) -> None:
    begin = datetime.combine(DAY, time(10))
    base = CalendarBlock(1, begin, begin + timedelta(hours=1), "Ada", "Massage", "confirmed", "c")
    confirmed = replace(base, customer_answer="confirmed")
    waiting = replace(base, id=2, column="d", customer_answer="unconfirmed")
    columns = (CalendarColumn("c", "Dr A", DAY), CalendarColumn("d", "Dr B", DAY))
    calendar.set_data(CalendarData(columns=columns, blocks=(confirmed, waiting)))
    image = calendar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    for block in (confirmed, waiting):
        rect = calendar.block_rect(block.id)
        assert rect is not None
        # the middle of the badge, left of its mark: the badge's fill
        x = rect.right() - 2 - BADGE_PX + 3
        y = rect.top() + 2 + BADGE_PX / 2
        colour = image.pixelColor(int(x * ratio), int(y * ratio))
        assert colour.name() == QColor(BADGES[block.customer_answer][0]).name()
    assert "Confirmed by the customer" in tooltip_html(confirmed)
    assert "Not confirmed by the customer yet" in tooltip_html(waiting)
    assert "customer" not in tooltip_html(base)
