"""Two-way calendar sync against a real CalDAV server (Radicale on loopback).

Out: bookings created, moved and cancelled become events created, moved and
deleted, with one stable UID each, through the outbox in order. In: events added
on the server (single, weekly, all-day) block the right slots after a sync; a
sync with no change fetches no event bodies.
"""

from __future__ import annotations

import dataclasses
import http.server
import ipaddress
import ssl
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from careops_desktop.core.errors import SlotTaken
from careops_desktop.core.models import BookingCalendarEvent, OutboxMessage
from careops_desktop.core.services import bookings, slots
from careops_desktop.core.services.calendar import CalendarAccount
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.integrations import integration_settings
from careops_desktop.integrations.caldav_client import CalDavConnection, CalendarError
from tests.core.booking_world import DESK
from tests.integrations.calendar_world import (
    NOW,
    OWNER,
    Linked,
    link_clinic,
    local,
    run,
    vevent,
)
from tests.integrations.memory_keyring import MemoryKeyring
from tests.integrations.radicale_server import PASSWORD, USER, RadicaleServer, radicale

__all__ = ["radicale"]

CALENDAR_ROWS = select(OutboxMessage).where(OutboxMessage.channel == "calendar")
WEDNESDAY = date(2026, 10, 21)
THURSDAY = date(2026, 10, 22)
FRIDAY = date(2026, 10, 23)


@pytest.fixture
def linked(db, radicale: RadicaleServer, memory_keyring: MemoryKeyring) -> Linked:  # type: ignore[no-untyped-def]
    return link_clinic(db, radicale)


def _events(server: RadicaleServer, url: str) -> list[dict[str, object]]:
    found = []
    for text in server.event_texts(url):
        for event in Calendar.from_ical(text).walk("VEVENT"):
            found.append(
                {
                    "uid": str(event["UID"]),
                    "start": event["DTSTART"].dt,
                    "end": event["DTEND"].dt,
                    "sequence": int(event.get("SEQUENCE", 0)),
                    "text": text,
                }
            )
    return found


def _book(linked: Linked, start, notes: str = "") -> int:  # type: ignore[no-untyped-def]
    receipt = linked.db.call(
        bookings.book_desk,
        DESK,
        contact_id=linked.world.known_contact,
        booking_type_id=linked.world.consult,
        provider_id=linked.world.alice,
        start_utc=start,
        notes=notes,
        now=linked.clock[0],
    )
    return receipt.booking_id


def _starts(linked: Linked, day: date, provider_id: int | None = None) -> set[str]:
    found = linked.db.call(
        slots.slots_for_day,
        linked.world.consult,
        day,
        provider_id or linked.world.alice,
        linked.clock[0],
    )
    return {slot.start_local_label for slot in found.slots}


# -- out: bookings become events --------------------------------------------------------------


def test_booking_created_moved_cancelled_shows_in_the_calendar(linked: Linked) -> None:
    booking_id = _book(linked, local(WEDNESDAY, 10), notes="Allergic to latex; private")
    report = run(linked.sync.send_changes())
    assert (report.claimed, report.sent) == (1, 1)
    [event] = _events(linked.server, linked.work_url)
    assert event["uid"] == f"booking-{booking_id}@careops.invalid"
    assert event["start"] == local(WEDNESDAY, 10)
    assert event["end"] == local(WEDNESDAY, 11)
    assert "latex" not in str(event["text"])  # private notes stay out unless chosen
    assert "ATTENDEE" not in str(event["text"]) and "ORGANIZER" not in str(event["text"])

    linked.db.call(bookings.reschedule, DESK, booking_id, local(WEDNESDAY, 14), None, NOW)
    run(linked.sync.send_changes())
    [moved] = _events(linked.server, linked.work_url)
    assert moved["uid"] == event["uid"]
    assert moved["start"] == local(WEDNESDAY, 14)
    assert moved["sequence"] == 1

    linked.db.call(bookings.cancel, DESK, booking_id, "", NOW)
    run(linked.sync.send_changes())
    assert _events(linked.server, linked.work_url) == []
    with linked.db.session() as session:
        assert session.scalars(select(BookingCalendarEvent)).all() == []
        assert set(session.scalars(CALENDAR_ROWS.with_only_columns(OutboxMessage.status))) == {
            "sent"
        }


def test_notes_go_into_the_event_only_when_chosen(db, radicale, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    linked = link_clinic(
        db, radicale, account=CalendarAccount(url=radicale.url, username=USER, include_notes=True)
    )
    _book(linked, local(WEDNESDAY, 10), notes="Bring the X-ray")
    run(linked.sync.send_changes())
    [event] = _events(radicale, linked.work_url)
    assert "Bring the X-ray" in str(event["text"])


def test_a_provider_without_a_calendar_queues_nothing(linked: Linked) -> None:
    receipt = linked.db.call(
        bookings.book_desk,
        DESK,
        contact_id=linked.world.known_contact,
        booking_type_id=linked.world.consult,
        provider_id=linked.world.bob,
        start_utc=local(WEDNESDAY, 10),
        now=NOW,
    )
    with linked.db.session() as session:
        rows = session.scalars(
            select(OutboxMessage).where(OutboxMessage.booking_id == receipt.booking_id)
        ).all()
        assert all(row.channel != "calendar" for row in rows)


def test_server_down_changes_wait_and_arrive_in_order_without_copies(linked: Linked) -> None:
    linked.server.stop()
    first = _book(linked, local(WEDNESDAY, 10))
    linked.db.call(bookings.reschedule, DESK, first, local(WEDNESDAY, 15), None, NOW)
    second = _book(linked, local(THURSDAY, 9))
    linked.db.call(bookings.cancel, DESK, second, "", NOW)
    third = _book(linked, local(FRIDAY, 11))

    report = run(linked.sync.send_changes())
    assert (report.sent, report.retrying) == (0, 1)
    with linked.db.session() as session:
        rows = session.scalars(CALENDAR_ROWS.order_by(OutboxMessage.id)).all()
        assert [r.status for r in rows] == ["queued"] * 5
        assert [r.attempts for r in rows] == [1, 0, 0, 0, 0]  # only the head was tried
        assert "cannot be reached" in rows[0].last_error
        health = integration_settings.get_health(session, "calendar")
        assert health[0] is False and "cannot be reached" in health[1]

    # still waiting (backoff): nothing is tried, nothing overtakes the head
    linked.advance(timedelta(seconds=30))
    assert run(linked.sync.send_changes()).claimed == 0

    linked.server.start()
    linked.advance(timedelta(minutes=2))
    report = run(linked.sync.send_changes())
    assert (report.claimed, report.sent) == (5, 5)
    events = sorted(_events(linked.server, linked.work_url), key=lambda e: str(e["uid"]))
    assert [e["uid"] for e in events] == [
        f"booking-{first}@careops.invalid",
        f"booking-{third}@careops.invalid",
    ]
    assert events[0]["start"] == local(WEDNESDAY, 15)
    log = linked.server.log_text()
    puts = [line for line in log.splitlines() if "PUT response status" in line and "201" in line]
    assert len(puts) == 2 and f"booking-{first}" in puts[0] and f"booking-{third}" in puts[1]

    # a repeated change rewrites the same event: still one per booking
    linked.db.call(calendar_sync.enqueue_booking_change, first, "again")
    run(linked.sync.send_changes())
    assert len(_events(linked.server, linked.work_url)) == 2


def test_linking_a_calendar_sends_the_upcoming_bookings(db, radicale, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from tests.core.booking_world import build_in

    world = build_in(db)
    receipt = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.bob,
        start_utc=local(WEDNESDAY, 12),
        now=NOW,
    )
    work = radicale.make_calendar("bob", "Bob")
    from careops_desktop.integrations import secrets

    secrets.set_secret("caldav", "password", PASSWORD)
    db.call(calendar_sync.save_account, OWNER, CalendarAccount(url=radicale.url, username=USER))
    db.call(
        calendar_sync.set_provider_calendars,
        OWNER,
        world.bob,
        calendar_sync.CalendarRef(work, "Bob"),
        [],
        NOW,
    )
    from careops_desktop.jobs.calendar_jobs import CalendarSync

    run(CalendarSync(db, clock=lambda: NOW).send_changes())
    [event] = _events(radicale, work)
    assert event["uid"] == f"booking-{receipt.booking_id}@careops.invalid"


# -- in: busy time blocks slots ---------------------------------------------------------------


def test_single_weekly_and_all_day_events_block_the_right_slots(linked: Linked) -> None:
    server = linked.server
    before_wed, before_thu, before_fri = (_starts(linked, d) for d in (WEDNESDAY, THURSDAY, FRIDAY))
    assert {"10:30", "11:00", "11:30", "15:00"} <= before_wed
    server.put_event(
        linked.personal_url,
        vevent(
            "dentist",
            "DTSTART;TZID=Europe/London:20261021T113000\nDTEND;TZID=Europe/London:20261021T123000\n"
            "SUMMARY:Dentist",
        ),
    )
    server.put_event(
        linked.personal_url,
        vevent(
            "school-run",
            "DTSTART;TZID=Europe/London:20261015T150000\nDTEND;TZID=Europe/London:20261015T160000\n"
            "RRULE:FREQ=WEEKLY;BYDAY=TH\nSUMMARY:School run",
        ),
    )
    server.put_event(
        linked.personal_url,
        vevent("holiday", "DTSTART;VALUE=DATE:20261023\nDTEND;VALUE=DATE:20261024\nSUMMARY:Off"),
    )
    server.put_event(
        linked.personal_url,
        vevent(
            "free-lunch",
            "DTSTART;TZID=Europe/London:20261021T090000\nDTEND;TZID=Europe/London:20261021T100000\n"
            "TRANSP:TRANSPARENT\nSUMMARY:Shown as free",
        ),
    )
    report = run(linked.sync.read_busy(force=True))
    assert report.errors == () and report.bodies_fetched == 4

    wed = _starts(linked, WEDNESDAY)
    assert before_wed - wed == {"11:00", "11:30", "12:00"}  # 60-minute slots meeting 11:30-12:30
    thu = _starts(linked, THURSDAY)
    assert before_thu - thu == {"14:30", "15:00", "15:30"}
    assert _starts(linked, THURSDAY + timedelta(days=7)) == before_thu - {"14:30", "15:00", "15:30"}
    assert before_fri and _starts(linked, FRIDAY) == set()
    assert _starts(linked, WEDNESDAY, linked.world.bob) == before_wed  # Bob's calendar is his own

    # a booking page form sent before the sync (a stale page) is refused for Alice at 11:00;
    # "first available" goes to Bob instead
    web = {"booking_type_id": linked.world.consult, "name": "Web Customer", "now": NOW}
    with pytest.raises(SlotTaken) as refused:
        linked.db.call(
            bookings.book_public,
            provider_id=linked.world.alice,
            start_utc=local(WEDNESDAY, 11),
            email="web@example.com",
            **web,
        )
    assert refused.value.alternatives and local(WEDNESDAY, 11) not in refused.value.alternatives
    receipt = linked.db.call(
        bookings.book_public,
        provider_id=None,
        start_utc=local(WEDNESDAY, 11),
        email="web@example.com",
        **web,
    )
    assert receipt.provider_id == linked.world.bob

    # all-day events may be set not to block; no new sync is needed
    account = linked.db.call(calendar_sync.get_account)
    changed = dataclasses.replace(account, all_day_blocks=False)
    linked.db.call(calendar_sync.save_account, OWNER, changed)
    assert _starts(linked, FRIDAY) == before_fri


def test_a_second_sync_with_no_change_fetches_no_event_bodies(linked: Linked) -> None:
    server = linked.server
    for n in range(6):
        server.put_event(
            linked.personal_url,
            vevent(
                f"meeting-{n}@other.example",
                f"DTSTART;TZID=Europe/London:2026102{n}T130000\n"
                f"DTEND;TZID=Europe/London:2026102{n}T140000\nSUMMARY:Meeting {n}",
            ),
        )
    first = run(linked.sync.read_busy(force=True))
    assert first.bodies_fetched == 6
    multigets = server.log_text().count("calendar-multiget")
    assert multigets >= 1

    second = run(linked.sync.read_busy(force=True))
    assert (second.bodies_fetched, second.rows_changed) == (0, 0)
    assert server.log_text().count("calendar-multiget") == multigets  # no body asked for

    # one change: exactly that body comes back; a deletion removes its busy time
    server.put_event(
        linked.personal_url,
        vevent(
            "meeting-1@other.example",
            "DTSTART;TZID=Europe/London:20261021T160000\nDTEND;TZID=Europe/London:20261021T170000",
        ),
    )
    third = run(linked.sync.read_busy(force=True))
    assert third.bodies_fetched == 1
    client = server.client()
    client.calendar(url=linked.personal_url).event_by_uid("meeting-2@other.example").delete()
    client.session.close()
    fourth = run(linked.sync.read_busy(force=True))
    assert fourth.bodies_fetched == 0
    blocks = linked.db.call(
        calendar_sync.busy_blocks_for, [linked.world.alice], NOW, NOW + timedelta(days=7)
    )[linked.world.alice]
    assert sorted(blocks) == sorted(
        [
            (local(date(2026, 10, 20), 13), local(date(2026, 10, 20), 14)),
            (local(WEDNESDAY, 16), local(WEDNESDAY, 17)),
            (local(FRIDAY, 13), local(FRIDAY, 14)),
            (local(date(2026, 10, 24), 13), local(date(2026, 10, 24), 14)),
            (local(date(2026, 10, 25), 13), local(date(2026, 10, 25), 14)),
        ]
    )


def test_weekly_event_across_the_clock_change_blocks_the_same_local_time(linked: Linked) -> None:
    monday_bst, monday_gmt = date(2026, 10, 19), date(2026, 10, 26)
    linked.server.put_event(
        linked.personal_url,
        vevent(
            "team-meeting",
            "DTSTART;TZID=Europe/London:20261019T100000\nDTEND;TZID=Europe/London:20261019T110000\n"
            "RRULE:FREQ=WEEKLY;BYDAY=MO",
        ),
    )
    run(linked.sync.read_busy(force=True))
    blocks = linked.db.call(
        calendar_sync.busy_blocks_for, [linked.world.alice], NOW, NOW + timedelta(days=14)
    )[linked.world.alice]
    assert blocks[:2] == [
        (local(monday_bst, 10), local(monday_bst, 11)),  # 09:00-10:00 UTC in summer time
        (local(monday_gmt, 10), local(monday_gmt, 11)),  # 10:00-11:00 UTC after the change
    ]
    for day in (monday_bst, monday_gmt):
        starts = _starts(linked, day)
        assert "10:00" not in starts and "09:30" not in starts
        assert {"09:00", "11:00"} <= starts


def test_own_booking_events_read_back_do_not_block(linked: Linked) -> None:
    linked.db.call(
        calendar_sync.set_provider_calendars,
        OWNER,
        linked.world.alice,
        calendar_sync.CalendarRef(linked.work_url, "Work"),
        [calendar_sync.CalendarRef(linked.work_url, "Work")],
        NOW,
    )
    booking_id = _book(linked, local(WEDNESDAY, 10))
    run(linked.sync.send_changes())
    run(linked.sync.read_busy(force=True))
    assert linked.db.call(
        calendar_sync.busy_blocks_for, [linked.world.alice], NOW, NOW + timedelta(days=7)
    ) == {linked.world.alice: []}
    linked.db.call(bookings.reschedule, DESK, booking_id, local(WEDNESDAY, 14), None, NOW)
    run(linked.sync.send_changes())
    assert "10:00" in _starts(linked, WEDNESDAY)


def test_free_busy_report_when_chosen(db, radicale, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    account = CalendarAccount(url=radicale.url, username=USER, busy_source="freebusy")
    linked = link_clinic(db, radicale, account=account)
    radicale.put_event(
        linked.personal_url,
        vevent("x", "DTSTART:20261021T100000Z\nDTEND:20261021T110000Z\nSUMMARY:Private"),
    )
    report = run(linked.sync.read_busy(force=True))
    assert report.errors == () and report.bodies_fetched == 0
    assert linked.db.call(
        calendar_sync.busy_blocks_for, [linked.world.alice], NOW, NOW + timedelta(days=7)
    )[linked.world.alice] == [(local(WEDNESDAY, 11), local(WEDNESDAY, 12))]


# -- errors a person can read -----------------------------------------------------------------


def test_wrong_password_wrong_address_and_server_down_are_explained(
    radicale: RadicaleServer,
) -> None:
    with pytest.raises(CalendarError, match=r"refused the user name or password \(401\)"):
        CalDavConnection(radicale.url, USER, "not-the-password").calendars()
    radicale.make_calendar("work", "Work")
    with CalDavConnection(radicale.url, USER, PASSWORD) as connection:
        assert [c.name for c in connection.calendars()] == ["Work"]
    with pytest.raises(CalendarError, match=r"nothing was found at .*missing.* \(404\)"):
        CalDavConnection(f"{radicale.url}{USER}/missing/", USER, PASSWORD).calendars()
    radicale.stop()
    with pytest.raises(CalendarError, match="cannot be reached"):
        CalDavConnection(radicale.url, USER, PASSWORD).calendars()


def test_wrong_password_is_recorded_for_settings(
    linked: Linked, memory_keyring: MemoryKeyring
) -> None:
    from careops_desktop.integrations import secrets

    secrets.set_secret("caldav", "password", "stale-password")
    report = run(linked.sync.read_busy(force=True))
    assert report.errors and "401" in report.errors[0]
    is_connected, error = linked.db.call(integration_settings.get_health, "calendar")
    assert not is_connected and "app password" in error
    assert "stale-password" not in error


def test_no_password_leaves_changes_waiting(linked: Linked, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.store.clear()
    _book(linked, local(WEDNESDAY, 10))
    report = run(linked.sync.send_changes())
    assert report.claimed == 0 and "password is missing" in report.waiting
    with linked.db.session() as session:
        row = session.scalars(CALENDAR_ROWS).one()
        assert (row.status, row.attempts) == ("queued", 0)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 that no one trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_a_certificate_problem_is_explained(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/"
        with pytest.raises(CalendarError, match=r"certificate problem .* could not be verified"):
            CalDavConnection(url, USER, PASSWORD, timeout=5).calendars()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_https_to_a_plain_server_is_explained(radicale: RadicaleServer) -> None:
    url = radicale.url.replace("http://", "https://")
    with pytest.raises(CalendarError, match="secure connection failed"):
        CalDavConnection(url, USER, PASSWORD, timeout=5).calendars()
