"""The IMAP poll against Dovecot when mail is odd: one message never stops the inbox, a copy
without a Message-ID is stored once, and the poll's health is kept for Settings and alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact, Conversation, Message
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox
from careops_desktop.core.services.inbox import mail_poll_problem
from careops_desktop.integrations import email_in, secrets
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations.email_in import UNREADABLE_NOTE
from careops_desktop.jobs.imap_poll import ImapPoller
from tests.integrations.dovecot_server import ImapServer
from tests.integrations.eml_samples import sample
from tests.integrations.factories import make_business, make_contact, make_conversation
from tests.integrations.imap_setup import clocked_poller, poll_once, setup_mailbox
from tests.integrations.mail_samples import gmail_reply
from tests.integrations.memory_keyring import MemoryKeyring

DESK = Actor.system("Desk")
NOW = datetime.now(UTC)
MYSTERY = b"X-Breaks-The-Reader: yes\r\n"  # stands for mail no parser bug found yet


def test_poison_messages_never_stop_the_inbox(
    db: Database,
    imap_server: ImapServer,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.write_session() as s:
        make_business(s, email="desk@harbour.example.org")
        ada = make_contact(s, name="Ada Lovelace", email="ada@example.com")
        knee = make_conversation(s, ada, "Knee").id
    knee_id = db.call(inbox.reply, DESK, knee, "How is the knee?").message_id
    assert knee_id
    setup_mailbox(db, imap_server)
    real_reader = email_in.read_email

    def reader_with_a_bug(raw: bytes, *, too_large: bool = False) -> object:
        if MYSTERY in raw:
            raise IndexError("string index out of range")
        return real_reader(raw, too_large=too_large)

    monkeypatch.setattr(email_in, "read_email", reader_with_a_bug)
    imap_server.deliver(sample("attachment_filename_star_no_value.eml"))  # broke 0.x polls
    imap_server.deliver(sample("nul_in_charset.eml"))  # broke 0.x polls
    mystery = (
        MYSTERY + b"From: Mystery Sender <mystery@example.org>\r\nSubject: Odd one\r\n"
        b"Message-ID: <mystery-1@example.org>\r\n\r\nbody\r\n"
    )
    imap_server.deliver(mystery)
    imap_server.deliver(gmail_reply(knee_id, "Much better, thank you!"))

    report = poll_once(ImapPoller(db))
    assert (report.recorded, report.skipped, report.error) == (4, 0, "")
    state = db.call(cfg.get_state, "email", "imap")
    assert state["last_uid"] == 4 and state["last_error"] == "" and state["last_success_at"]

    with db.session() as s:
        (good,) = s.scalars(
            select(Message).where(Message.conversation_id == knee, Message.direction == "in")
        )
        assert good.content == "Much better, thank you!"

        def only_message_from(address: str) -> Message:
            contact = s.scalars(select(Contact).where(Contact.email == address)).one()
            conversation = s.scalars(
                select(Conversation).where(Conversation.contact_id == contact.id)
            ).one()
            return s.scalars(
                select(Message).where(Message.conversation_id == conversation.id)
            ).one()

        photo = only_message_from("zed@example.org")
        assert photo.content == "Here is the photo."
        assert photo.attachments == [
            {"name": "(unnamed)", "size": 51, "content_type": "image/jpeg"}
        ]
        assert only_message_from("nul@example.org").content == "Do you open on Saturdays?"
        unreadable = only_message_from("mystery@example.org")
        assert unreadable.content == UNREADABLE_NOTE
        assert unreadable.sender_name == "Mystery Sender"
        assert unreadable.raw == mystery  # saveable from the Inbox (message_originals)
        inquiry = s.get(Conversation, unreadable.conversation_id)
        assert inquiry is not None and inquiry.subject == "Odd one"
    assert poll_once(ImapPoller(db)).recorded == 0  # the poll has moved past all of them


def test_a_copy_without_message_id_is_recorded_once_and_counted_once(
    db: Database, imap_server: ImapServer, memory_keyring: MemoryKeyring
) -> None:
    with db.write_session() as s:
        make_business(s, email="desk@harbour.example.org")
    setup_mailbox(db, imap_server)
    no_id = sample("android_gmail_no_references.eml")
    imap_server.deliver(no_id)
    imap_server.deliver(no_id)  # the server delivered it twice
    report = poll_once(ImapPoller(db))
    assert (report.recorded, report.skipped) == (1, 1)
    with db.session() as s:
        assert len(s.scalars(select(Message).where(Message.direction == "in")).all()) == 1


@pytest.mark.slow
def test_failing_since_and_last_success_are_kept(
    db: Database, imap_server: ImapServer, memory_keyring: MemoryKeyring
) -> None:
    poller, clock = clocked_poller(db, imap_server, NOW)
    assert poll_once(poller).error == ""
    worked = db.call(cfg.get_state, "email", "imap")
    assert worked["last_success_at"] == NOW.isoformat() and worked["failing_since"] == ""

    secrets.set_secret("imap", "password", "wrong")
    clock[0] = NOW + timedelta(minutes=5)
    assert "user name and password" in poll_once(poller).error
    clock[0] = NOW + timedelta(minutes=70)
    assert "user name and password" in poll_once(poller).error
    state = db.call(cfg.get_state, "email", "imap")
    assert state["failing_since"] == (NOW + timedelta(minutes=5)).isoformat()
    assert state["last_success_at"] == NOW.isoformat()
    assert state["last_poll_at"] == (NOW + timedelta(minutes=70)).isoformat()
    with db.session() as s:
        assert mail_poll_problem(s, NOW + timedelta(minutes=60)) is None  # under an hour
        problem = mail_poll_problem(s, NOW + timedelta(minutes=70))
    assert problem is not None and "user name and password" in problem.error
    assert problem.last_success_at == NOW
