"""The SMS poll against the Twilio stand-in: inbound texts reach the inbox once each."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact, Conversation, Message
from careops_desktop.core.permissions import Actor
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations import secrets
from careops_desktop.jobs.sms_poll import SmsPoller, SmsPollReport
from tests.integrations.factories import make_business, make_contact, make_conversation
from tests.integrations.memory_keyring import MemoryKeyring
from tests.integrations.twilio_standin import TwilioStandIn

NOW = datetime.now(UTC)


def _messages(db: Database) -> list[tuple[str, str, str]]:
    with db.session() as s:
        rows = s.execute(
            select(Contact.name, Conversation.subject, Message.content)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .join(Contact, Contact.id == Conversation.contact_id)
            .where(Message.direction == "in")
            .order_by(Message.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_inbound_texts_are_recorded_once(db: Database, memory_keyring: MemoryKeyring) -> None:
    standin = TwilioStandIn()
    with db.write_session() as s:
        make_business(s)
        tex = make_contact(s, name="Tex", email=None, phone="+447700900555")
        make_conversation(s, tex, "Appointment")

    async def main() -> list[SmsPollReport]:
        await standin.start()
        try:
            db.call(
                cfg.save_sms,
                Actor.system("Owner"),
                cfg.SmsSettings(
                    enabled=True, from_number="+447700900001", base_url=standin.base_url
                ),
            )
            secrets.set_secret("twilio", "account_sid", standin.account_sid)
            secrets.set_secret("twilio", "auth_token", standin.auth_token)
            standin.add_inbound("+447700900555", "Running late", NOW - timedelta(minutes=5))
            standin.add_inbound("+447700900777", "Do you do evenings?", NOW - timedelta(minutes=2))
            reports = [await SmsPoller(db).run_once(force=True)]
            reports.append(await SmsPoller(db).run_once(force=True))  # a restart: same list
            standin.add_inbound("+447700900555", "Here now", NOW)
            reports.append(await SmsPoller(db).run_once(force=True))
            standin.fail_next(500)
            reports.append(await SmsPoller(db).run_once(force=True))
            return reports
        finally:
            await standin.stop()

    first, again, third, broken = asyncio.run(main())
    assert (first.recorded, again.recorded, again.duplicates, third.recorded) == (2, 0, 2, 1)
    assert "problem on its side" in broken.error
    assert db.call(cfg.get_state, "sms", "poll")["last_error"] == broken.error
    assert _messages(db) == [
        ("Tex", "Appointment", "Running late"),
        ("+447700900777", "New inquiry", "Do you do evenings?"),
        ("Tex", "Appointment", "Here now"),
    ]


def test_unconfigured_or_without_credentials(db: Database) -> None:
    with db.write_session() as s:
        make_business(s)
    assert not asyncio.run(SmsPoller(db).run_once()).polled
    db.call(
        cfg.save_sms,
        Actor.system("Owner"),
        cfg.SmsSettings(enabled=True, from_number="+447700900001", base_url="http://127.0.0.1:9"),
    )
    report = asyncio.run(SmsPoller(db).run_once())
    assert report.error.startswith("credentials unavailable:")
