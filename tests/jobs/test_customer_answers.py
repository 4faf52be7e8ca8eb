"""Customers answer back (issue 19), through the real paths: two reminders each sent once
across a restart (SMTP server and the Twilio stand-in), yes / no / anything else by text
(the SMS poll) and by email (the IMAP poll against Dovecot), the two-visits case, and
STOP / START."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Booking,
    Contact,
    Conversation,
    Message,
    OutboxMessage,
    SmsOptOut,
)
from careops_desktop.core.services import answers, outbox, templates
from careops_desktop.core.services.dashboard import dashboard
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations import secrets
from careops_desktop.jobs.imap_poll import ImapPoller
from careops_desktop.jobs.outbox_relay import OutboxRelay
from careops_desktop.jobs.sms_poll import SmsPoller
from tests.actors import OWNER
from tests.integrations.dovecot_server import ImapServer
from tests.integrations.factories import make_booking, make_contact
from tests.integrations.imap_setup import poll_once, setup_mailbox
from tests.integrations.mail_samples import gmail_reply
from tests.integrations.memory_keyring import MemoryKeyring
from tests.integrations.smtp_server import SmtpServer
from tests.integrations.twilio_standin import TwilioStandIn

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
PHONE = "+447700900555"
TWO_REMINDERS = [("email", 48), ("sms", 2)]


def _book(
    db: Database, start: datetime, *, rules=TWO_REMINDERS, contact_id: int | None = None
) -> int:
    with db.write_session() as s:
        contact = s.get(Contact, contact_id) if contact_id else None
        if contact is None:
            contact = make_contact(s, name="Ada Lovelace", email="ada@example.com", phone=PHONE)
        booking = make_booking(s, start=start, contact=contact)
        booking_id, type_id = booking.id, booking.booking_type_id
    db.call(answers.set_type_reminders, OWNER, type_id, rules)
    return booking_id


def _rows(db: Database, **where: object) -> list[OutboxMessage]:
    with db.session() as s:
        query = select(OutboxMessage).order_by(OutboxMessage.id)
        for key, value in where.items():
            query = query.where(getattr(OutboxMessage, key) == value)
        return list(s.scalars(query))


def _booking(db: Database, booking_id: int) -> Booking:
    with db.session() as s:
        booking = s.get(Booking, booking_id)
        assert booking is not None
        s.expunge(booking)
        return booking


def _thread(db: Database, contact_phone_or_email: str) -> tuple[int, list[tuple[str, str]]]:
    """(unread count, [(sender type, text)]) of the contact's latest conversation."""
    with db.session() as s:
        contact_id = s.scalar(
            select(Contact.id).where(
                (Contact.phone == contact_phone_or_email)
                | (Contact.email == contact_phone_or_email)
            )
        )
        conversation = s.scalars(
            select(Conversation)
            .where(Conversation.contact_id == contact_id)
            .order_by(Conversation.id.desc())
        ).first()
        assert conversation is not None
        rows = s.execute(
            select(Message.sender_type, Message.content)
            .where(Message.conversation_id == conversation.id)
            .order_by(Message.id)
        ).all()
        return conversation.unread_count, [(r[0], r[1]) for r in rows]


JOB_SCRIPT = """
import sys
from datetime import datetime
from careops_desktop.core.db import Database
from careops_desktop.core.services import answers
database = Database(sys.argv[1])
report = database.call(answers.queue_booking_reminders, datetime.fromisoformat(sys.argv[2]))
print(report.queued, report.skipped)
database.close()
"""


def _job_in_a_new_process(db_url: str, now: datetime) -> tuple[int, int]:
    """The reminders job run once in a fresh interpreter: (queued, skipped)."""
    done = subprocess.run(
        [sys.executable, "-c", JOB_SCRIPT, db_url, now.isoformat()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    queued, skipped = done.stdout.split()
    return int(queued), int(skipped)


def _sms_settings(db: Database, standin: TwilioStandIn) -> None:
    db.call(
        cfg.save_sms,
        OWNER,
        cfg.SmsSettings(enabled=True, from_number="+447700900001", base_url=standin.base_url),
    )
    secrets.set_secret("twilio", "account_sid", standin.account_sid)
    secrets.set_secret("twilio", "auth_token", standin.auth_token)


def test_both_reminders_reach_smtp_and_twilio_once_across_restarts(
    world: Database, db_url: str, smtp_server: SmtpServer, memory_keyring: MemoryKeyring
) -> None:
    standin = TwilioStandIn()
    start = NOW + timedelta(hours=50)
    booking_id = _book(world, start)
    world.call(
        cfg.save_smtp,
        OWNER,
        cfg.SmtpSettings(
            host=smtp_server.host,
            port=smtp_server.port,
            security="none",
            from_address="desk@harbour-physio.example.org",
        ),
    )

    async def one_app_run(database: Database, now: datetime) -> int:
        queued = (await database.run(answers.queue_booking_reminders, now)).queued
        await OutboxRelay(database, worker="app", clock=lambda: now).run_once()
        return queued

    async def main() -> list[int]:
        await standin.start()
        try:
            _sms_settings(world, standin)
            queued = [await one_app_run(world, NOW)]  # 50 h ahead: nothing yet
            queued.append(await one_app_run(world, NOW + timedelta(hours=3)))  # the email
            queued.append(await one_app_run(world, NOW + timedelta(hours=3, minutes=1)))
            for minutes in (0, 1):  # a new process each time; the 2-hour text falls due
                database = Database(db_url)
                try:
                    due = start - timedelta(hours=2) + timedelta(minutes=minutes)
                    queued.append(await one_app_run(database, due))
                finally:
                    database.close()
            return queued
        finally:
            await standin.stop()

    queued = asyncio.run(main())
    assert queued == [0, 1, 0, 1, 0]
    assert len(smtp_server.received) == 1
    assert smtp_server.received[0].headers["Subject"].startswith("Reminder: Initial assessment on ")
    (text,) = standin.sent
    assert text.to == PHONE and "Reply C to confirm or X to cancel" in text.body
    rows = _rows(world, booking_id=booking_id, kind="reminder")
    assert [(r.channel, r.status) for r in rows] == [("email", "sent"), ("sms", "sent")]
    # and a separate process running the job at the same moments queues nothing more
    for moment in (NOW + timedelta(hours=3), start - timedelta(hours=1)):
        assert _job_in_a_new_process(db_url, moment) == (0, 0)
    assert len(_rows(world, booking_id=booking_id, kind="reminder")) == 2


def test_a_missed_reminder_is_skipped_and_noted_once_the_visit_began(world: Database) -> None:
    booking_id = _book(world, NOW - timedelta(minutes=10))
    report = world.call(answers.queue_booking_reminders, NOW)
    assert (report.queued, report.skipped) == (0, 2)
    assert world.call(answers.queue_booking_reminders, NOW).skipped == 0  # noted once
    assert _rows(world, booking_id=booking_id) == []


def _poll_texts(
    db: Database, standin: TwilioStandIn, texts: list[tuple[str, str, datetime]], now: datetime
) -> None:
    async def main() -> None:
        await standin.start()
        try:
            _sms_settings(db, standin)
            for sender, body, when in texts:
                standin.add_inbound(sender, body, when)
            await SmsPoller(db, clock=lambda: now).run_once(force=True)
            await SmsPoller(db, clock=lambda: now).run_once(force=True)  # again: no-ops
        finally:
            await standin.stop()

    asyncio.run(main())


def _remind_by_text(db: Database, start: datetime, contact_id: int | None = None) -> int:
    booking_id = _book(db, start, rules=[("sms", 48)], contact_id=contact_id)
    db.call(answers.queue_booking_reminders, NOW)
    return booking_id


def test_yes_by_text_confirms_once_and_answers(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    booking_id = _remind_by_text(world, NOW + timedelta(hours=30))
    _poll_texts(
        world,
        TwilioStandIn(),
        [(PHONE, " c! ", NOW + timedelta(minutes=5))],
        NOW + timedelta(minutes=6),
    )
    assert _booking(world, booking_id).customer_confirmed_at == NOW + timedelta(minutes=5)
    later = NOW + timedelta(hours=7)  # within 24 hours of the visit: confirmed, so no alert
    assert world.call(answers.unconfirmed_soon_count, later) == 0
    (answer,) = _rows(world, kind="reply_answer")
    assert (answer.channel, answer.recipient) == ("sms", PHONE)
    assert answer.body.startswith("Thank you, Ada Lovelace: your Initial assessment on ")
    unread, messages = _thread(world, PHONE)
    assert unread == 0  # answered by the app: nothing for the desk to read
    assert messages[0] == ("customer", " c! ")
    assert "confirmed the visit" in messages[1][1]


def test_no_by_text_cancels_within_policy_and_frees_the_time(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    booking_id = _remind_by_text(world, NOW + timedelta(hours=30))  # cutoff: 24 h
    _poll_texts(
        world,
        TwilioStandIn(),
        [(PHONE, "X", NOW + timedelta(minutes=5))],
        NOW + timedelta(minutes=6),
    )
    booking = _booking(world, booking_id)
    assert booking.status == "cancelled" and booking.cancel_reason.startswith(
        "Cancelled by the customer"
    )
    (answer,) = _rows(world, kind="reply_answer")  # by text; the cancellation email went too
    assert answer.channel == "sms" and "is cancelled, as you asked" in answer.body
    assert [r.channel for r in _rows(world, kind="cancellation")] == ["email"]


def test_no_inside_the_cutoff_asks_them_to_call_and_alerts_the_desk(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    booking_id = _remind_by_text(world, NOW + timedelta(hours=10))
    _poll_texts(
        world,
        TwilioStandIn(),
        [(PHONE, "cancel", NOW + timedelta(minutes=5))],
        NOW + timedelta(minutes=6),
    )
    assert _booking(world, booking_id).status == "confirmed"
    (answer,) = _rows(world, kind="reply_answer")
    assert "Please call us on" in answer.body
    unread, messages = _thread(world, PHONE)
    assert unread >= 1 and "please call them" in messages[-1][1]
    assert world.call(answers.late_cancel_requests, NOW + timedelta(minutes=7)) == [booking_id]
    assert world.call(answers.late_cancel_requests, NOW + timedelta(hours=11)) == []
    alerts = world.call(dashboard, OWNER, NOW + timedelta(minutes=7)).alerts
    late = [a for a in alerts if a.kind == "late_cancel_request"]
    assert len(late) == 1 and late[0].text.startswith("Ada Lovelace replied to cancel the visit on")
    assert "unconfirmed_visits" in [a.kind for a in alerts]  # reminded, not confirmed, soon
    with world.session() as s:  # CANCEL with a visit to cancel is not a STOP
        assert s.scalars(select(SmsOptOut)).all() == []


def test_anything_else_goes_to_the_inbox_as_before(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    booking_id = _remind_by_text(world, NOW + timedelta(hours=30))
    text = "ok but can I come at 11 instead?"
    _poll_texts(
        world,
        TwilioStandIn(),
        [(PHONE, text, NOW + timedelta(minutes=5))],
        NOW + timedelta(minutes=6),
    )
    booking = _booking(world, booking_id)
    assert (booking.status, booking.customer_confirmed_at) == ("confirmed", None)
    assert _rows(world, kind="reply_answer") == []
    unread, messages = _thread(world, PHONE)
    assert (unread, messages) == (1, [("customer", text)])


def test_a_number_with_two_open_reminders_goes_to_the_inbox(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    first = _remind_by_text(world, NOW + timedelta(hours=30))
    with world.session() as s:
        contact_id = s.scalar(select(Booking.contact_id).where(Booking.id == first))
    second = _remind_by_text(world, NOW + timedelta(hours=40), contact_id=contact_id)
    _poll_texts(
        world,
        TwilioStandIn(),
        [(PHONE, "Y", NOW + timedelta(minutes=5))],
        NOW + timedelta(minutes=6),
    )
    assert _booking(world, first).customer_confirmed_at is None
    assert _booking(world, second).customer_confirmed_at is None
    assert _rows(world, kind="reply_answer") == []
    unread, messages = _thread(world, PHONE)
    assert unread == 1 and "could be about any of these visits" in messages[-1][1]


def test_stop_blocks_texts_and_follow_ups_start_allows_texts_again(
    world: Database, memory_keyring: MemoryKeyring
) -> None:
    world.call(templates.set_automations, OWNER, followup_no_show=True)
    with world.write_session() as s:
        texter = make_contact(s, name="Tex", email="tex@example.com", phone=PHONE)
        missed = make_booking(s, start=NOW - timedelta(hours=3), contact=texter, status="no_show")
        missed_id, texter_id = missed.id, texter.id
    _poll_texts(world, TwilioStandIn(), [(PHONE, "STOP", NOW - timedelta(minutes=5))], NOW)
    with world.session() as s:
        assert s.get(Contact, texter_id).no_marketing  # type: ignore[union-attr]
    (confirmation,) = _rows(world, kind="sms_stop_confirmation")
    assert confirmation.status == "queued" and "Reply START" in confirmation.body
    # no follow-up to someone who asked not to be contacted
    report = world.call(answers.queue_followups, NOW)
    assert (report.queued, report.skipped) == (0, 1)
    assert _booking(world, missed_id).followup_sent_at == NOW
    # after STOP no text at all: a reminder by text goes by email instead; a typed text fails
    booking_id = _book(world, NOW + timedelta(hours=20), rules=[("sms", 24)], contact_id=texter_id)
    world.call(answers.queue_booking_reminders, NOW)
    (reminder,) = _rows(world, booking_id=booking_id, kind="reminder")
    assert reminder.channel == "email"
    with world.write_session() as s:
        blocked = outbox.enqueue(
            s, channel="sms", recipient=PHONE, subject="", body="Hi", kind="message"
        )
    (row,) = [r for r in _rows(world) if r.id == blocked]
    assert row.status == "failed" and "replied STOP" in row.last_error
    _poll_texts(
        world,
        TwilioStandIn(),
        [(PHONE, "start", NOW + timedelta(minutes=1))],
        NOW + timedelta(minutes=2),
    )
    (welcome_back,) = _rows(world, kind="sms_start_confirmation")
    assert welcome_back.status == "queued" and "Reply STOP" in welcome_back.body
    with world.session() as s:
        assert s.scalars(select(SmsOptOut)).all() == []


def test_email_replies_through_dovecot(
    world: Database, imap_server: ImapServer, memory_keyring: MemoryKeyring
) -> None:
    confirm = _book(world, NOW + timedelta(hours=40), rules=[("email", 48)])
    cancel = _book(world, NOW + timedelta(hours=41), rules=[("email", 48)])
    other = _book(world, NOW + timedelta(hours=42), rules=[("email", 48)])
    assert world.call(answers.queue_booking_reminders, NOW).queued == 3
    ids = {r.booking_id: r.message_id for r in _rows(world, kind="reminder")}
    setup_mailbox(world, imap_server, from_address="desk@harbour-physio.example.org")
    imap_server.deliver(gmail_reply(ids[confirm], "Yes!", n=1))
    imap_server.deliver(gmail_reply(ids[cancel], "x", n=2))
    imap_server.deliver(gmail_reply(ids[other], "OK, but could we make it 10:30?", n=3))
    clock = NOW + timedelta(hours=1)
    poller = ImapPoller(world, clock=lambda: clock)
    report = poll_once(poller)
    assert report.error == ""
    assert _booking(world, confirm).customer_confirmed_at == clock
    assert _booking(world, cancel).status == "cancelled"
    assert _booking(world, other).customer_confirmed_at is None
    assert _booking(world, other).status == "confirmed"
    answered = _rows(world, kind="reply_answer")
    assert [(r.booking_id, r.channel, r.recipient) for r in answered] == [
        (confirm, "email", "ada@example.com")
    ]  # the cancellation email was the answer to "x"
    assert len(_rows(world, kind="cancellation")) == 1
    # a second poll of the same mailbox changes nothing
    imap_server.deliver(gmail_reply(ids[confirm], "Yes!", n=1))
    poll_once(ImapPoller(world, clock=lambda: clock + timedelta(minutes=1)))
    assert len(_rows(world, kind="reply_answer")) == 1
