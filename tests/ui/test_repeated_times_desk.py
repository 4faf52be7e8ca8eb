"""The desk and the reports tell apart two bookings at a wall time the clock shows twice.

Australia/Lord_Howe goes back 30 minutes on 2027-04-04: 14:30Z and 15:00Z on
3 April both read 01:30 on 4 April. The booking panel's "When", the list's
times, the calendar's blocks and tooltips, and the day sheet (on screen, PDF
and CSV) all carry the offset there, and a 30-minute booking never reads
"01:30–01:30".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from careops_desktop.core.db import Database
from careops_desktop.core.services import business, providers
from careops_desktop.core.services.reports import run_report
from careops_desktop.exports.formatting import csv_text, display_text
from careops_desktop.ui.bookings.page_data import PageRequest, load_page, to_calendar
from careops_desktop.ui.reports.format import format_value
from careops_desktop.ui.widgets.calendar_data import block_times
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_range
from careops_desktop.ui.widgets.week_calendar import tooltip_html
from tests.web.public_booking import book_with_grace
from tests.web.seed import SETUP, open_shop

ZONE = ZoneInfo("Australia/Lord_Howe")
FIRST = datetime(2027, 4, 3, 14, 30, tzinfo=UTC)
SECOND = datetime(2027, 4, 3, 15, 0, tzinfo=UTC)
DAY = date(2027, 4, 4)


def two_bookings_at_0130(db: Database) -> None:
    shop = db.call(open_shop)
    db.call(business.update_profile, SETUP, timezone=ZONE.key, booking_horizon_days=730)
    night = [providers.HoursRange(d, time(0), time(6)) for d in range(7)]
    db.call(providers.set_weekly_hours, SETUP, shop.grace_id, night)
    for start, name in ((FIRST, "Ada Lovelace"), (SECOND, "Bea Lovelace")):
        book_with_grace(db, shop, start, name, email=f"{name.split()[0].lower()}@example.com")


def test_desk_views_carry_the_offset_of_a_repeated_time(db: Database) -> None:
    two_bookings_at_0130(db)
    # the window's formats follow the business locale (QLocale; en_GB here)
    assert fmt_datetime(FIRST, ZONE) == "Sun, 4 Apr 2027 01:30 UTC+11"
    assert fmt_datetime(SECOND, ZONE) == "Sun, 4 Apr 2027 01:30 UTC+10:30"
    assert fmt_range(FIRST, SECOND, ZONE) == "Sun, 4 Apr 2027 01:30 UTC+11–01:30 UTC+10:30"
    calendar = to_calendar(db.call(load_page, PageRequest(DAY, 1)))
    times = sorted(block_times(block) for block in calendar.blocks)
    assert times == ["01:30 UTC+10:30–02:00", "01:30 UTC+11–01:30 UTC+10:30"]
    tips = [tooltip_html(block) for block in calendar.blocks]
    assert all("01:30–01:30" not in tip for tip in tips)
    assert any("Sun, 4 Apr 01:30 UTC+11–01:30 UTC+10:30" in tip for tip in tips)


def test_the_day_sheet_carries_the_offset_of_a_repeated_time(db: Database) -> None:
    two_bookings_at_0130(db)
    report = db.call(run_report, SETUP, "day_sheet", DAY, DAY)
    rows = [row for section in report.sections for row in section.rows]
    starts = [row[0] for row in rows]
    assert [display_text(s, "datetime") for s in starts] == ["01:30 UTC+11", "01:30 UTC+10:30"]
    assert [csv_text(s, "datetime") for s in starts] == [
        "2027-04-04 01:30 UTC+11",
        "2027-04-04 01:30 UTC+10:30",
    ]
    assert [format_value(s, "datetime") for s in starts] == [
        "Sun, 4 Apr 2027 01:30 UTC+11",
        "Sun, 4 Apr 2027 01:30 UTC+10:30",
    ]
    assert display_text(rows[0][1], "datetime") == "01:30 UTC+10:30"  # the first one's end
