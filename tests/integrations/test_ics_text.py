"""What a person wrote reaches the calendar as written; the description names the local time."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar

from careops_desktop.core.db import Database
from careops_desktop.integrations import ics
from tests.integrations.factories import make_booking, make_business, make_contact

NOW = datetime(2027, 3, 20, 9, 0, tzinfo=UTC)
HEALTH_WORKER = "Dr 👩🏽\u200d⚕️ Amaka"  # woman health worker, medium skin tone: joined by a ZWJ
FLAG = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"  # Scotland: emoji tags


def _booking(db: Database, name: str, start: datetime, timezone: str = "Europe/London") -> int:
    with db.write_session() as s:
        make_business(s, timezone=timezone)
        contact = make_contact(s, name=name)
        return make_booking(s, start=start, contact=contact).id


def test_an_emoji_with_a_zero_width_joiner_survives_into_the_ics_unchanged(db: Database) -> None:
    name = f"{HEALTH_WORKER} {FLAG}\r\nBCC: x"
    booking_id = _booking(db, name, datetime(2027, 6, 2, 9, 0, tzinfo=UTC))
    booking = db.call(ics.load_booking, booking_id)
    invitation = Calendar.from_ical(ics.booking_invitation(booking, now=NOW))
    feed = Calendar.from_ical(ics.calendar_feed([booking], now=NOW))
    attendee = invitation.walk("VEVENT")[0]["attendee"]
    assert str(attendee.params["cn"]) == f"{HEALTH_WORKER} {FLAG} BCC: x"
    summary = str(feed.walk("VEVENT")[0]["summary"])
    assert HEALTH_WORKER in summary and FLAG in summary
    assert "\u200d" in summary and "\r" not in summary


def test_the_description_names_a_repeated_local_time_with_its_offset(db: Database) -> None:
    start = datetime(2027, 4, 3, 14, 30, tzinfo=UTC)  # the first 01:30 of 4 April at Lord Howe
    booking_id = _booking(db, "Ada Lovelace", start, "Australia/Lord_Howe")
    booking = db.call(ics.load_booking, booking_id)
    event = Calendar.from_ical(ics.booking_invitation(booking, now=NOW)).walk("VEVENT")[0]
    assert "When: Sunday 4 April 2027 at 01:30 UTC+11 (Australia/Lord_Howe)" in str(
        event["description"]
    )
