"""RFC 3834 on the way out, at a real SMTP server (aiosmtpd): everything the app sends by
itself carries ``Auto-Submitted: auto-generated`` so autoresponders stay quiet; replies
typed by staff do not (a customer's out-of-office should answer a person)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox, outbox
from careops_desktop.core.services.templates import TEMPLATE_KEYS
from careops_desktop.jobs.outbox_relay import HUMAN_KINDS, OutboxRelay
from careops_desktop.jobs.reminders import queue_booking_reminders
from tests.integrations.factories import (
    make_booking,
    make_business,
    make_contact,
    make_conversation,
)
from tests.integrations.smtp_server import SmtpServer
from tests.jobs.test_outbox_relay import Clock, _smtp

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
DESK = Actor.system("Desk")
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def test_only_staff_replies_go_without_auto_submitted(
    db: Database, smtp_server: SmtpServer
) -> None:
    with db.write_session() as s:
        make_business(s)
        ada = make_contact(s, name="Ada Lovelace", email="ada@example.com")
        conversation = make_conversation(s, ada, "Knee").id
        make_booking(s, start=T0 + timedelta(hours=20), contact=ada)
        for key in TEMPLATE_KEYS:  # every template the app fills and sends by itself
            outbox.enqueue(
                s,
                channel="email",
                recipient=f"{key}@example.com",
                subject=f"Automatic {key}",
                body="Sent by the app.",
                kind=key,
                now=T0,
            )
    assert db.call(queue_booking_reminders, T0).queued == 1  # the real reminder job
    db.call(inbox.reply, DESK, conversation, "Typed by a person.", now=T0)  # the real reply
    _smtp(db, smtp_server)

    report = asyncio.run(OutboxRelay(db, worker="w1", clock=Clock(T0)).run_once())
    assert report.sent == len(TEMPLATE_KEYS) + 2

    with db.session() as s:
        kinds = {r.message_id: r.kind for r in s.scalars(select(OutboxMessage))}
    sent = [(kinds[r.headers["Message-ID"]], r.message) for r in smtp_server.received]
    assert sorted(k for k, _ in sent) == sorted([*TEMPLATE_KEYS, "reminder", "reply"])
    for kind, message in sent:
        expected = None if kind == "reply" else "auto-generated"
        assert message["Auto-Submitted"] == expected, kind
    assert not HUMAN_KINDS & set(TEMPLATE_KEYS)
