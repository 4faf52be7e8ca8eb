"""Busy periods from iCalendar text: time zones, DST, all-day, transparency, hostile input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from careops_desktop.integrations.ical_busy import periods_from_event, periods_from_freebusy

LONDON = ZoneInfo("Europe/London")
WINDOW = (datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:{name}
BEGIN:STANDARD
DTSTART:20001029T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:{summer}
TZOFFSETTO:{winter}
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20000326T010000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:{winter}
TZOFFSETTO:{summer}
END:DAYLIGHT
END:VTIMEZONE
"""


def _calendar(event: str, zone: str = "") -> str:
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//T//EN\n{zone}BEGIN:VEVENT\nUID:u1\n"
    text += "DTSTAMP:20261001T000000Z\n" + event.strip() + "\nEND:VEVENT\nEND:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def _read(text: str, zone: ZoneInfo = LONDON) -> list[tuple[datetime, datetime]]:
    found = periods_from_event(text, href="/c/1.ics", etag='"e"', window=WINDOW, zone=zone)
    return [(p.start, p.end) for p in found]


def test_a_server_vtimezone_of_an_iana_zone_and_a_custom_zone_both_hold_across_dst() -> None:
    event = (
        "DTSTART;TZID={z}:20261019T100000\nDTEND;TZID={z}:20261019T110000\n"
        "RRULE:FREQ=WEEKLY;COUNT=2"
    )
    london = VTIMEZONE.format(name="Europe/London", summer="+0100", winter="+0000")
    custom = VTIMEZONE.format(name="Clinic Time", summer="+0100", winter="+0000")
    expected = [
        (datetime(2026, 10, 19, 9, tzinfo=UTC), datetime(2026, 10, 19, 10, tzinfo=UTC)),
        (datetime(2026, 10, 26, 10, tzinfo=UTC), datetime(2026, 10, 26, 11, tzinfo=UTC)),
    ]
    assert _read(_calendar(event.format(z="Europe/London"), london)) == expected
    assert _read(_calendar(event.format(z="Clinic Time"), custom)) == expected


def test_floating_times_and_all_day_events_are_read_on_the_business_clock() -> None:
    floating = _calendar("DTSTART:20261026T090000\nDTEND:20261026T093000")
    assert _read(floating, ZoneInfo("America/New_York")) == [
        (datetime(2026, 10, 26, 13, tzinfo=UTC), datetime(2026, 10, 26, 13, 30, tzinfo=UTC))
    ]
    # the day the clocks go back is 25 hours long in London
    all_day = _calendar("DTSTART;VALUE=DATE:20261025\nSUMMARY:Away")
    [period] = periods_from_event(all_day, href="/a", etag="", window=WINDOW, zone=LONDON)
    assert period.all_day and period.end - period.start == timedelta(hours=25)


def test_free_cancelled_and_instant_events_do_not_block_tentative_ones_are_marked() -> None:
    base = "DTSTART:20261021T100000Z\nDTEND:20261021T110000Z\n"
    assert _read(_calendar(base + "TRANSP:TRANSPARENT")) == []
    assert _read(_calendar(base + "STATUS:CANCELLED")) == []
    assert _read(_calendar("DTSTART:20261021T100000Z")) == []  # no end: an instant
    assert _read(_calendar("DTSTART:20261021T100000Z\nDTEND:20261021T090000Z")) == []
    [tentative] = periods_from_event(
        _calendar(base + "STATUS:TENTATIVE"), href="/t", etag="", window=WINDOW, zone=LONDON
    )
    assert tentative.tentative


def test_hostile_and_broken_text_never_raises() -> None:
    assert _read("not a calendar at all") == []
    assert _read("") == []
    assert (
        _read(_calendar("DTSTART:20261021T100000Z\nDTEND:20261021T110000Z\nRRULE:FREQ=NOPE")) == []
    )
    noisy = _calendar(
        "DTSTART:20261021T100000Z\nDTEND:20261021T110000Z\nSUMMARY:" + "<b>x</b>\\n" * 200
    )
    [period] = periods_from_event(noisy, href="/n", etag="", window=WINDOW, zone=LONDON)
    assert len(period.summary) <= 200 and "\n" not in period.summary


def test_free_busy_replies() -> None:
    reply = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VFREEBUSY\r\n"
        "FREEBUSY;FBTYPE=BUSY:20261019T090000Z/20261019T100000Z\r\n"
        "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20261020T090000Z/PT30M,20261021T090000Z/PT1H\r\n"
        "FREEBUSY;FBTYPE=FREE:20261022T090000Z/20261022T100000Z\r\n"
        "END:VFREEBUSY\r\nEND:VCALENDAR\r\n"
    )
    found = periods_from_freebusy(reply, window=WINDOW)
    assert [(p.start.day, p.end - p.start, p.tentative) for p in found] == [
        (19, timedelta(hours=1), False),
        (20, timedelta(minutes=30), True),
        (21, timedelta(hours=1), True),
    ]
    assert periods_from_freebusy("garbage", window=WINDOW) == []
