"""A confirmation in the contact's language, through the real outbox and a loopback SMTP
server: a German contact's email and its .ics are German, dates written the German way."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import use_language
from careops_desktop.core.services.bookings import booking_time_text
from careops_desktop.core.services.bookings import messages as booking_messages
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.outbox_relay import OutboxRelay
from tests.actors import OWNER
from tests.integrations.factories import make_booking, make_contact
from tests.integrations.smtp_server import SmtpServer

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def _smtp(db: Database, server: SmtpServer) -> None:
    settings = cfg.SmtpSettings(
        host=server.host,
        port=server.port,
        security="none",
        from_address="desk@harbour-physio.example.org",
        from_name="Harbour Physio",
        timeout_seconds=5,
    )
    db.call(cfg.save_smtp, OWNER, settings)


def _confirm(db: Database, language: str | None, email: str) -> int:
    """Book for a contact in ``language`` and queue its confirmation as the booking does."""
    with db.write_session() as s:
        contact = make_contact(s, email=email)
        contact.language = language
        booking = make_booking(s, start=T0 + timedelta(days=2), contact=contact)
        out = booking_messages.outgoing(s, booking, LONDON)
        booking_messages.send_confirmation(s, out)
        return booking.id


def _send_all(db: Database) -> None:
    later = datetime.now(UTC) + timedelta(minutes=1)
    asyncio.run(OutboxRelay(db, worker="w1", clock=lambda: later).run_once())


def _invite(message: EmailMessage) -> Calendar:
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_content()).walk("VEVENT")[0]


def _text(message: EmailMessage) -> str:
    plain = message.get_body(("plain",))
    assert plain is not None
    return str(plain.get_content()).replace("\r\n", "\n")


def test_a_german_contact_gets_a_german_confirmation_and_calendar_file(
    world: Database, smtp_server: SmtpServer
) -> None:
    _smtp(world, smtp_server)
    _confirm(world, "de", "ada@example.de")
    _send_all(world)
    (received,) = smtp_server.received
    message = received.message
    with use_language("de"):
        when = booking_time_text(T0 + timedelta(days=2), LONDON)
    assert message["To"] == "ada@example.de"
    assert message["Subject"] == f"Ihre Buchung bei Harbour Physio: Initial assessment am {when}"
    body = _text(message)
    assert body.startswith("Guten Tag Ada Lovelace,\n\nIhr Termin (Initial assessment) bei ")
    assert f"am {when} ist gebucht." in body and "Zum Ändern oder Stornieren" in body
    event = _invite(message)
    assert str(event["summary"]) == "Initial assessment bei Dr Grace Hopper — Harbour Physio"
    description = str(event["description"])
    assert description.startswith("Initial assessment bei Dr Grace Hopper.")
    assert f"Termin: {when}" in description and "Ändern oder stornieren: http" in description


def test_a_contact_without_a_language_reads_the_business_language(
    world: Database, smtp_server: SmtpServer
) -> None:
    _smtp(world, smtp_server)
    _confirm(world, None, "grace@example.co.uk")  # Europe/London: English
    _confirm(world, "es", "carmen@example.es")
    _send_all(world)
    by_address = {r.message["To"]: r.message for r in smtp_server.received}
    english, spanish = by_address["grace@example.co.uk"], by_address["carmen@example.es"]
    assert str(english["Subject"]).startswith("Your booking with Harbour Physio: ")
    assert _text(english).startswith("Hello Ada Lovelace,")
    assert "When: " in str(_invite(english)["description"])
    assert str(spanish["Subject"]).startswith(
        "Su reserva en Harbour Physio: Initial assessment, el "
    )
    assert "Cuándo: " in str(_invite(spanish)["description"])
    assert str(_invite(spanish)["summary"]).startswith("Initial assessment con Dr Grace Hopper")


def test_the_german_confirmation_writes_its_date_the_german_way(
    world: Database, smtp_server: SmtpServer
) -> None:
    _smtp(world, smtp_server)
    _confirm(world, "de", "ada@example.de")
    _send_all(world)
    (received,) = smtp_server.received
    subject = str(received.message["Subject"])
    assert "Mittwoch" in subject and "Mai 2026" in subject, subject
