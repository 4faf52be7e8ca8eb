"""The outbox relay against a real SMTP server and the Twilio stand-in: sent, retried, failed."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.services import outbox
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations import secrets
from careops_desktop.jobs.outbox_relay import OutboxRelay, RelayReport
from tests.actors import OWNER
from tests.integrations.factories import make_booking
from tests.integrations.memory_keyring import MemoryKeyring
from tests.integrations.smtp_server import (
    RecordingHandler,
    SmtpServer,
    free_port,
    start_smtp_server,
)
from tests.integrations.twilio_standin import TwilioStandIn

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _smtp(db: Database, server: SmtpServer, **kw: object) -> None:
    values: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "security": "none",
        "from_address": "desk@harbour-physio.example.org",
        "from_name": "Harbour Physio",
        "timeout_seconds": 5,
    }
    values.update(kw)
    db.call(cfg.save_smtp, OWNER, cfg.SmtpSettings(**values))  # type: ignore[arg-type]


def _sms(db: Database, standin: TwilioStandIn) -> None:
    settings = cfg.SmsSettings(enabled=True, from_number="+447700900001", base_url=standin.base_url)
    db.call(cfg.save_sms, OWNER, settings)


def _enqueue(db: Database, n: int = 1, **kw: object) -> list[int]:
    ids = []
    with db.write_session() as s:
        for i in range(n):
            values: dict[str, object] = {
                "channel": "email",
                "recipient": f"customer{i}@example.com",
                "subject": f"Hello {i}",
                "body": f"Message number {i}",
                "kind": "confirmation",
                "now": T0,
            }
            values.update(kw)
            ids.append(outbox.enqueue(s, **values))  # type: ignore[arg-type]
    return ids


def _rows(db: Database) -> list[OutboxMessage]:
    with db.session() as s:
        return list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def _drain(relay: OutboxRelay, clock: Clock, rounds: int = 40) -> list[RelayReport]:
    """Run the relay until nothing is left queued, moving the clock past each backoff."""
    reports = []

    async def main() -> None:
        for _ in range(rounds):
            report = await relay.run_once()
            reports.append(report)
            if report.claimed == 0:
                with relay.database.session() as s:
                    waiting = s.scalar(
                        select(OutboxMessage.next_attempt_at)
                        .where(OutboxMessage.status == "queued")
                        .order_by(OutboxMessage.next_attempt_at)
                        .limit(1)
                    )
                if waiting is None:
                    return
                clock.now = max(clock.now, waiting)

    asyncio.run(main())
    return reports


def test_booking_confirmation_arrives_with_headers_and_ics(
    world: Database, smtp_server: SmtpServer
) -> None:
    _smtp(world, smtp_server)
    with world.write_session() as s:
        booking = make_booking(s, start=T0 + timedelta(days=2), notes="PRIVATE NOTE")
        booking_id = booking.id
    [row_id] = _enqueue(
        world,
        recipient="ada@example.com",
        booking_id=booking_id,
        attachments=[{"kind": "booking_ics", "booking_id": booking_id}],
    )
    clock = Clock()
    report = asyncio.run(OutboxRelay(world, worker="w1", clock=clock).run_once())
    assert (report.claimed, report.sent, report.waiting_channels) == (1, 1, ("sms",))
    (received,) = smtp_server.received
    message = received.message
    (row,) = _rows(world)
    assert row.status == "sent" and row.sent_at == T0 and row.attempts == 1
    assert message["Message-ID"] == row.message_id
    assert message["From"] == "Harbour Physio <desk@harbour-physio.example.org>"
    assert message["To"] == "ada@example.com"
    assert message["Auto-Submitted"] == "auto-generated"
    assert received.mail_from == "desk@harbour-physio.example.org"
    (invite,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert invite.get_param("method") == "REQUEST"
    event = Calendar.from_ical(invite.get_content()).walk("VEVENT")[0]
    assert str(event["uid"]) == f"booking-{booking_id}@harbour-physio.example.org"
    assert event.decoded("dtstart") == T0 + timedelta(days=2)
    assert "/manage/manage-token-" in str(event["description"])
    assert b"PRIVATE NOTE" not in received.data
    assert world.call(cfg.get_health, "email") == (True, "")
    assert row_id == row.id


@pytest.mark.slow
def test_a_thousand_mails_a_thousand_message_ids(world: Database, smtp_server: SmtpServer) -> None:
    _smtp(world, smtp_server)
    _enqueue(world, 1000)
    _drain(OutboxRelay(world, worker="w1", batch=200, clock=Clock()), Clock())
    ids = [r.headers["Message-ID"] for r in smtp_server.received]
    assert len(ids) == 1000
    assert len(set(ids)) == 1000
    assert set(ids) == {row.message_id for row in _rows(world)}
    assert {row.status for row in _rows(world)} == {"sent"}


@pytest.mark.parametrize("misbehaviour", ["fail_first", "drop_first"])
def test_temporary_failures_retry_with_backoff_and_lose_nothing(
    world: Database, misbehaviour: str
) -> None:
    server, controller = start_smtp_server(RecordingHandler(**{misbehaviour: 7}))
    try:
        _smtp(world, server)
        _enqueue(world, 10)
        clock = Clock()
        reports = _drain(OutboxRelay(world, worker="w1", batch=4, clock=clock), clock)
        received = [r.headers["Message-ID"] for r in server.received]
    finally:
        controller.stop()
    rows = _rows(world)
    assert {r.status for r in rows} == {"sent"}
    assert sorted(set(received)) == sorted(r.message_id for r in rows)  # nothing lost
    assert len(received) == len(set(received))  # nothing delivered twice
    assert sum(r.retrying for r in reports) == 7
    assert max(r.attempts for r in rows) >= 2
    assert clock.now > T0  # the retries waited for their backoff


def test_refused_recipient_fails_for_good_in_words(
    world: Database, smtp_server: SmtpServer
) -> None:
    _smtp(world, smtp_server)
    smtp_server.handler.refuse.add("gone@example.com")
    _enqueue(world, 1, recipient="gone@example.com")
    _enqueue(world, 1, recipient="fine@example.com")
    report = asyncio.run(OutboxRelay(world, worker="w1", clock=Clock()).run_once())
    assert (report.sent, report.failed) == (1, 1)
    gone, fine = _rows(world)
    assert gone.status == "failed" and "550" in gone.last_error and gone.attempts == 1
    assert fine.status == "sent"


def test_eight_temporary_failures_then_failed(world: Database) -> None:
    server, controller = start_smtp_server(RecordingHandler(fail_first=100))
    try:
        _smtp(world, server)
        _enqueue(world, 1)
        clock = Clock()
        _drain(OutboxRelay(world, worker="w1", clock=clock), clock)
    finally:
        controller.stop()
    (row,) = _rows(world)
    assert row.status == "failed"
    assert row.attempts == len(outbox.retry_schedule(timedelta(hours=24)))  # a day of tries
    assert "421" in row.last_error
    assert world.call(cfg.get_health, "email")[0] is False


def test_unreachable_server_fails_the_batch_at_once(world: Database) -> None:
    dead = SmtpServer("127.0.0.1", free_port(), RecordingHandler())
    _smtp(world, dead)
    _enqueue(world, 5)
    report = asyncio.run(OutboxRelay(world, worker="w1", clock=Clock()).run_once())
    assert (report.claimed, report.retrying) == (5, 5)
    rows = _rows(world)
    assert {r.status for r in rows} == {"queued"}
    assert all("refused the connection" in r.last_error for r in rows)
    assert all(r.next_attempt_at == T0 + timedelta(minutes=1) for r in rows)
    assert "refused the connection" in world.call(cfg.get_health, "email")[1]


def test_rows_wait_while_email_is_not_set_up(world: Database) -> None:
    _enqueue(world, 3)
    report = asyncio.run(OutboxRelay(world, worker="w1", clock=Clock()).run_once())
    assert report.claimed == 0 and report.waiting_channels == ("email", "sms")
    assert {(r.status, r.attempts) for r in _rows(world)} == {("queued", 0)}


def test_login_password_comes_from_the_keyring(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    server, controller = start_smtp_server(
        RecordingHandler(), user="desk@harbour-physio.example.org", password="kr-pass-1"
    )
    try:
        _smtp(world, server, username="desk@harbour-physio.example.org")
        _enqueue(world, 1)
        relay = OutboxRelay(world, worker="w1", clock=Clock())
        first = asyncio.run(relay.run_once())
        assert first.waiting_channels == ("email", "sms") and first.claimed == 0
        assert "SMTP password is missing" in world.call(cfg.get_health, "email")[1]
        secrets.set_secret("smtp", "password", "kr-pass-1")
        relay.forget_credentials()
        second = asyncio.run(relay.run_once())
        assert second.sent == 1
        assert server.handler.logins == [("desk@harbour-physio.example.org", "kr-pass-1")]
    finally:
        controller.stop()


def test_no_keyring_means_waiting_with_the_reason(world: Database, smtp_server: SmtpServer) -> None:
    _smtp(world, smtp_server, username="desk@harbour-physio.example.org")
    _enqueue(world, 1)
    report = asyncio.run(OutboxRelay(world, worker="w1", clock=Clock()).run_once())
    assert report.claimed == 0
    connected, error = world.call(cfg.get_health, "email")
    assert not connected and error.startswith("credentials unavailable:")


def test_secrets_never_reach_the_database_or_the_log(
    world: Database,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
    db_url: str,
) -> None:
    smtp_secret, token_secret = "SMTP-SECRET-7f3a9", "TWILIO-SECRET-c41e"
    server, controller = start_smtp_server(
        RecordingHandler(), user="desk@harbour-physio.example.org", password=smtp_secret
    )
    standin = TwilioStandIn(auth_token=token_secret)
    caplog.set_level(logging.DEBUG)

    async def main() -> None:
        await standin.start()
        try:
            _sms(world, standin)
            relay = OutboxRelay(world, worker="w1", clock=Clock())
            await relay.run_once()
            secrets.set_secret("smtp", "password", smtp_secret + "-wrong")
            secrets.set_secret("twilio", "account_sid", standin.account_sid)
            secrets.set_secret("twilio", "auth_token", token_secret + "-wrong")
            relay.forget_credentials()
            await relay.run_once()  # both refuse: errors are logged and stored
            secrets.set_secret("smtp", "password", smtp_secret)
            secrets.set_secret("twilio", "auth_token", token_secret)
            relay.forget_credentials()
            relay.clock = Clock(T0 + timedelta(hours=1))
            await relay.run_once()
        finally:
            await standin.stop()

    try:
        _smtp(world, server, username="desk@harbour-physio.example.org")
        _enqueue(world, 2)
        _enqueue(world, 2, channel="sms", recipient="+447700900123", subject="")
        asyncio.run(main())
    finally:
        controller.stop()
    assert {r.status for r in _rows(world)} == {"sent"}
    world.close()
    database_file = Path(db_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in database_file.parent.glob(database_file.name + "*"))
    log_text = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in (smtp_secret, token_secret):
        assert secret.encode() not in stored
        assert secret not in log_text
    assert "refused" in log_text or "did not accept" in log_text  # the failures were logged


def test_sms_rows_go_to_twilio_with_errors_handled(world: Database) -> None:
    standin = TwilioStandIn()
    keyring = MemoryKeyring()
    import keyring as keyring_module
    from keyring.backends import fail

    keyring_module.set_keyring(keyring)
    clock = Clock()

    async def main() -> list[RelayReport]:
        await standin.start()
        try:
            _sms(world, standin)
            secrets.set_secret("twilio", "account_sid", standin.account_sid)
            secrets.set_secret("twilio", "auth_token", standin.auth_token)
            standin.fail_next(429, 20429, "Too Many Requests")
            relay = OutboxRelay(world, worker="w1", clock=clock)
            reports = [await relay.run_once()]
            clock.now += timedelta(minutes=5)
            reports.append(await relay.run_once())
            return reports
        finally:
            await standin.stop()

    try:
        _enqueue(world, 1, channel="sms", recipient="+447700900123", subject="", body="See you")
        _enqueue(world, 1, channel="sms", recipient="07700", subject="", body="Bad number")
        reports = asyncio.run(main())
    finally:
        keyring_module.set_keyring(fail.Keyring())
    first, second = reports
    assert (first.claimed, first.retrying, first.failed) == (2, 1, 1)
    assert second.sent == 1
    good, bad = _rows(world)
    assert good.status == "sent" and good.attempts == 2
    assert bad.status == "failed" and "21211" in bad.last_error
    assert [(m.to, m.body) for m in standin.sent] == [("+447700900123", "See you")]
