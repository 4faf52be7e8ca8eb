"""An address that is accepted is an address that gets mail (aiosmtpd with and without SMTPUTF8).

- ``anna@müller.example`` (an internationalised domain) is sent in IDNA form, envelope
  and ``To:``, to any server;
- ``zoë@exämple.com`` (a non-ASCII local part) is accepted at the desk only once the
  relay has learnt that the server offers SMTPUTF8, and is then delivered with UTF-8
  headers; to a server without it, a row that holds such an address (typed before this
  rule) fails for good at its first try and leaves the channel healthy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.services import contacts, mail_addresses, outbox
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.outbox_relay import OutboxRelay
from tests.actors import OWNER
from tests.integrations.smtp_server import RecordingHandler, SmtpServer, start_smtp_server

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
ZOE = "zoë@exämple.com"
ANNA = "anna@müller.example"


def _server(smtputf8: bool) -> Iterator[SmtpServer]:
    server, controller = start_smtp_server(RecordingHandler(), smtputf8=smtputf8)
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def plain_server() -> Iterator[SmtpServer]:
    yield from _server(False)


@pytest.fixture
def utf8_server() -> Iterator[SmtpServer]:
    yield from _server(True)


def _configure(db: Database, server: SmtpServer) -> None:
    settings = cfg.SmtpSettings(
        host=server.host,
        port=server.port,
        security="none",
        from_address="desk@harbour-physio.example.org",
        timeout_seconds=5,
    )
    db.call(cfg.save_smtp, OWNER, settings)


def _enqueue(db: Database, *recipients: str) -> list[int]:
    with db.write_session() as s:
        return [
            outbox.enqueue(
                s,
                channel="email",
                recipient=to,
                subject="Your booking",
                body="See you on Thursday.",
                kind="confirmation",
                now=T0,
            )
            for to in recipients
        ]


def _rows(db: Database) -> dict[str, OutboxMessage]:
    with db.session() as s:
        rows = list(s.scalars(select(OutboxMessage)))
        s.expunge_all()
    return {r.recipient: r for r in rows}


def _run(db: Database) -> None:
    asyncio.run(OutboxRelay(db, worker="w1", clock=lambda: T0).run_once())


def test_without_smtputf8(world: Database, plain_server: SmtpServer) -> None:
    _configure(world, plain_server)
    # not known yet: the desk refuses zoë, in words, and says the server was not checked
    with pytest.raises(ValidationError) as unknown:
        world.call(contacts.create_contact, OWNER, name="Zoë", email=ZOE)
    assert unknown.value.fields == {"email": mail_addresses.DESK_WORDS_UNKNOWN}
    _run(world)  # nothing queued: the relay checks what the server offers
    assert world.call(mail_addresses.smtputf8_offered) is False
    with pytest.raises(ValidationError) as refused:
        world.call(contacts.create_contact, OWNER, name="Zoë", email=ZOE)
    assert refused.value.fields == {"email": mail_addresses.DESK_WORDS_REFUSED}
    anna = world.call(contacts.create_contact, OWNER, name="Anna", email=ANNA)
    assert anna.email == ANNA

    _enqueue(world, ZOE, ANNA)  # a zoë row written before the rule (or by an import)
    _run(world)
    rows = _rows(world)
    assert rows[ANNA].status == "sent"
    zoe = rows[ZOE]
    assert (zoe.status, zoe.attempts) == ("failed", 1)  # never retried
    assert "SMTPUTF8" in zoe.last_error and "another address" in zoe.last_error
    assert world.call(cfg.get_health, "email") == (True, "")  # the channel stays healthy
    [received] = plain_server.received
    assert received.rcpt_tos == ["anna@xn--mller-kva.example"]
    assert received.message["To"] == "anna@xn--mller-kva.example"
    assert b"\r\nTo: anna@xn--mller-kva.example\r\n" in received.data  # no encoded-word


def test_with_smtputf8(world: Database, utf8_server: SmtpServer) -> None:
    _configure(world, utf8_server)
    _run(world)  # learns that the server offers SMTPUTF8
    assert world.call(mail_addresses.smtputf8_offered) is True
    zoe = world.call(contacts.create_contact, OWNER, name="Zoë", email=ZOE)
    assert zoe.email == ZOE
    _enqueue(world, ZOE, ANNA)
    _run(world)
    rows = _rows(world)
    assert rows[ZOE].status == "sent" and rows[ANNA].status == "sent"
    by_rcpt = {r.rcpt_tos[0]: r for r in utf8_server.received}
    assert set(by_rcpt) == {"zoë@xn--exmple-cua.com", "anna@xn--mller-kva.example"}
    message = by_rcpt["zoë@xn--exmple-cua.com"].message
    assert message["To"] == "zoë@xn--exmple-cua.com"  # UTF-8 header, no encoded-word
    assert "zoë@xn--exmple-cua.com".encode() in by_rcpt["zoë@xn--exmple-cua.com"].data
    assert message.get_body(("plain",)).get_content().strip() == "See you on Thursday."


def test_a_new_server_must_be_checked_again(world: Database, utf8_server: SmtpServer) -> None:
    _configure(world, utf8_server)
    _run(world)
    assert world.call(mail_addresses.smtputf8_offered) is True
    other = SmtpServer(utf8_server.host, utf8_server.port + 1, utf8_server.handler)
    _configure(world, other)  # a different server in Settings: what it offers is not known
    assert world.call(mail_addresses.smtputf8_offered) is None
    with pytest.raises(ValidationError):
        world.call(contacts.create_contact, OWNER, name="Zoë", email=ZOE)
