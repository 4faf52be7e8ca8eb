"""The IMAP poll against Dovecot: Gmail, Outlook and Apple Mail replies thread into the right
conversations, stripped; a stranger opens a new inquiry; nothing twice, nothing marked read."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact, Conversation, Message, OutboxMessage
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox, outbox
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations import secrets
from careops_desktop.jobs.imap_poll import ImapPoller
from tests.integrations.dovecot_server import ImapServer
from tests.integrations.factories import (
    make_booking,
    make_business,
    make_contact,
    make_conversation,
)
from tests.integrations.imap_setup import clocked_poller, poll_once, setup_mailbox
from tests.integrations.mail_samples import apple_reply, gmail_reply, outlook_reply, stranger_mail
from tests.integrations.memory_keyring import MemoryKeyring

DESK = Actor.system("Desk")
NOW = datetime.now(UTC)


def test_replies_thread_strip_and_strangers_open_inquiries(
    db: Database, imap_server: ImapServer, memory_keyring: MemoryKeyring
) -> None:
    with db.write_session() as s:
        make_business(s, email="desk@harbour.example.org")
        ada = make_contact(s, name="Ada Lovelace", email="ada@example.com")
        knee = make_conversation(s, ada, "Knee").id
        invoice = make_conversation(s, ada, "Invoice").id
        bobby = make_contact(s, name="Bobby Tables", email="bobby@example.com")
        bobby_conv = make_conversation(s, bobby, "Booking").id
        grace = make_contact(s, name="Grace Hopper", email="grace@example.com")
        grace_conv = make_conversation(s, grace, "Welcome").id
        booking = make_booking(s, start=NOW + timedelta(days=3), contact=grace)
        confirmation = outbox.enqueue(
            s,
            channel="email",
            recipient="grace@example.com",
            subject="Your booking",
            body="Booked.",
            kind="confirmation",
            booking_id=booking.id,
        )
    knee_id = db.call(inbox.reply, DESK, knee, "How is the knee?").message_id
    db.call(inbox.reply, DESK, invoice, "Your invoice is attached.")  # Ada's latest thread
    bobby_id = db.call(inbox.reply, DESK, bobby_conv, "10:00 on Thursday?").message_id
    with db.session() as s:
        grace_id = s.get(OutboxMessage, confirmation).message_id  # type: ignore[union-attr]
    assert knee_id and bobby_id and grace_id
    setup_mailbox(db, imap_server)

    imap_server.deliver(gmail_reply(knee_id, "Much better, thank you!"))
    imap_server.deliver(outlook_reply(bobby_id, "Yes, 10:00 works."))
    imap_server.deliver(apple_reply(grace_id, "Running 5 minutes late, sorry!"))
    imap_server.deliver(stranger_mail())
    own_copy = (
        stranger_mail()
        .replace(
            b"=?utf-8?q?Zo=C3=AB_Stranger?= <zoe@elsewhere.example.net>",
            b"Harbour <desk@harbour.example.org>",
        )
        .replace(b"first-contact-1", b"own-copy-1")
    )
    imap_server.deliver(own_copy)

    poller = ImapPoller(db)
    report = poll_once(poller)
    assert (report.recorded, report.skipped, report.error) == (4, 1, "")

    with db.session() as s:

        def incoming(conversation_id: int) -> list[Message]:
            return list(
                s.scalars(
                    select(Message).where(
                        Message.conversation_id == conversation_id, Message.direction == "in"
                    )
                )
            )

        (ada_in,) = incoming(knee)
        assert ada_in.content == "Much better, thank you!"
        assert ada_in.in_reply_to == knee_id
        assert ada_in.raw is not None
        assert b"Your Initial assessment" in ada_in.raw  # the quote is kept in the raw copy
        assert incoming(invoice) == []
        (bobby_in,) = incoming(bobby_conv)
        assert bobby_in.content == "Yes, 10:00 works.\n\nBobby Tables"
        (grace_in,) = incoming(grace_conv)
        assert grace_in.content == "Running 5 minutes late, sorry!"
        assert grace_in.delivery_status == "received"
        assert s.get(Conversation, knee).unread_count == 1  # type: ignore[union-attr]

        zoe = s.scalars(select(Contact).where(Contact.email == "zoe@elsewhere.example.net")).one()
        assert zoe.name == "Zoë Stranger"
        (inquiry,) = s.scalars(select(Conversation).where(Conversation.contact_id == zoe.id))
        assert inquiry.subject == "Do you treat running injuries?"
        (first,) = incoming(inquiry.id)
        assert first.content == "Hi, I hurt my knee running. Can you help?"
        assert first.attachments == [
            {"name": "scan.pdf", "size": 48, "content_type": "application/pdf"}
        ]
        assert s.scalar(select(Contact).where(Contact.email == "desk@harbour.example.org")) is None

    assert imap_server.seen_flags() == [False] * 5
    assert poll_once(poller).recorded == 0
    restarted = ImapPoller(db)  # a new process: the UID state comes from the database
    imap_server.deliver(gmail_reply(knee_id, "One more thing", n=2))
    assert poll_once(restarted).recorded == 1
    state = db.call(cfg.get_state, "email", "imap")
    assert state["last_uid"] == 6 and state["last_error"] == ""


def test_interval_is_kept_and_errors_are_stored_in_words(
    db: Database, imap_server: ImapServer, memory_keyring: MemoryKeyring
) -> None:
    poller, clock_now = clocked_poller(db, imap_server, NOW)
    assert asyncio.run(poller.run_once()).polled
    assert not asyncio.run(poller.run_once()).polled  # the 60 s interval has not passed
    clock_now[0] += timedelta(seconds=61)
    secrets.set_secret("imap", "password", "wrong")
    report = asyncio.run(poller.run_once())
    assert report.polled and "user name and password" in report.error
    assert "user name and password" in db.call(cfg.get_state, "email", "imap")["last_error"]


def test_no_keyring_is_reported_not_raised(db: Database, imap_server: ImapServer) -> None:
    with db.write_session() as s:
        make_business(s)
    db.call(
        cfg.save_imap,
        DESK,
        cfg.ImapSettings(enabled=True, host=imap_server.host, port=imap_server.port, username="x"),
    )
    report = asyncio.run(ImapPoller(db).run_once())
    assert report.error.startswith("credentials unavailable:")
