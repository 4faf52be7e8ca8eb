"""Booking events: stable UID, growing SEQUENCE, UTC times, no private notes; parse back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Booking
from careops_desktop.integrations import ics
from tests.integrations.factories import make_booking, make_business, make_contact

START = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night the UK clocks go forward
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


def _setup(db: Database, **kw: object) -> int:
    with db.write_session() as s:
        make_business(s)
        contact = make_contact(s, name="Ada\r\nBCC: evil", notes="CONTACT-SECRET-NOTE")
        return make_booking(s, start=START, contact=contact, notes="PRIVATE-NOTE", **kw).id


def test_invitation_parses_and_carries_the_booking(db: Database) -> None:
    booking_id = _setup(db)
    booking = db.call(ics.load_booking, booking_id)
    text = ics.booking_invitation(booking, now=NOW, manage_url="http://desk.lan/manage/tok")
    calendar = Calendar.from_ical(text)
    assert str(calendar["method"]) == "REQUEST"
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["uid"]) == f"booking-{booking_id}@harbour-physio.example.org"
    assert event.decoded("dtstart") == START
    assert event.decoded("dtstart").tzinfo is not None
    assert event.decoded("dtstart").utcoffset() == timedelta(0)
    assert event.decoded("dtend") == START + timedelta(minutes=45)
    assert event.decoded("dtstamp") == NOW
    assert str(event["location"]) == "Room 2"
    assert "Initial assessment with Dr Grace Hopper" in str(event["summary"])
    assert str(event["organizer"]) == "mailto:desk@harbour-physio.example.org"
    assert str(event["attendee"]) == "mailto:ada@example.com"
    assert str(event["status"]) == "CONFIRMED"
    assert "http://desk.lan/manage/tok" in str(event["description"])
    assert "PRIVATE-NOTE" not in text
    assert "CONTACT-SECRET-NOTE" not in text
    # a hostile name cannot break out of its property line
    assert "\r\nBCC" not in text
    assert all(not line.startswith("BCC") for line in text.splitlines())


def test_uid_is_stable_and_sequence_grows_with_changes(db: Database) -> None:
    booking_id = _setup(db)
    first = db.call(ics.load_booking, booking_id)
    again = db.call(ics.load_booking, booking_id)
    assert ics.sequence_of(first) == ics.sequence_of(again) == 0
    with db.write_session() as s:
        row = s.get(Booking, booking_id)
        assert row is not None
        row.start_at = START + timedelta(hours=2)
        row.end_at = START + timedelta(hours=3)
        row.updated_at = row.created_at + timedelta(hours=5)
    moved = db.call(ics.load_booking, booking_id)
    event_a = Calendar.from_ical(ics.booking_invitation(first, now=NOW)).walk("VEVENT")[0]
    event_b = Calendar.from_ical(ics.booking_invitation(moved, now=NOW)).walk("VEVENT")[0]
    assert str(event_a["uid"]) == str(event_b["uid"])
    assert int(event_b["sequence"]) > int(event_a["sequence"])


def test_cancelled_booking_sends_a_cancel(db: Database) -> None:
    booking_id = _setup(db, status="cancelled")
    booking = db.call(ics.load_booking, booking_id)
    calendar = Calendar.from_ical(ics.booking_invitation(booking, now=NOW))
    assert str(calendar["method"]) == "CANCEL"
    assert ics.invitation_method(booking) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["status"]) == "CANCELLED"


def test_feed_lists_upcoming_bookings_for_staff(db: Database) -> None:
    with db.write_session() as s:
        make_business(s)
        far = make_booking(s, start=NOW + timedelta(days=200), notes="x")
        soon = make_booking(s, start=NOW + timedelta(days=2), notes="PRIVATE")
        old = make_booking(s, start=NOW - timedelta(days=30))
        ids = (far.id, soon.id, old.id)
    rows = db.call(ics.load_upcoming, NOW, 90)
    assert [r.id for r in rows] == [ids[1]]
    text = ics.calendar_feed(rows, now=NOW, name="Harbour Physio")
    calendar = Calendar.from_ical(text)
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["x-wr-calname"]) == "Harbour Physio"
    (event,) = calendar.walk("VEVENT")
    assert "Ada Lovelace" in str(event["summary"])
    assert "PRIVATE" not in text


def test_missing_booking_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        db.call(ics.load_booking, 999)


def test_domain_falls_back_when_the_business_has_no_email() -> None:
    assert ics.calendar_domain("") == "careops.invalid"
    assert ics.calendar_domain("no-at-sign") == "careops.invalid"
    assert ics.calendar_domain("Desk@Clinic.Example") == "clinic.example"
