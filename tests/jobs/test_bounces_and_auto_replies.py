"""Bounces and automatic replies through Dovecot and the real poll job (issue 14, parts 2–3).

Bounce samples follow the Postfix, Exim, Gmail and Exchange layouts; each marks the
outgoing message it returns as bounced with the server's reason and flags the address.
An out-of-office reply is a quiet note; a stranger's vacation reply is dropped. No
contact, inquiry, unread count or answer comes of any of them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact, Conversation, Message, OutboxMessage
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox, outbox
from careops_desktop.core.services.dashboard import dashboard
from careops_desktop.core.services.inbox import failing_for_contact
from careops_desktop.jobs.imap_poll import ImapPoller
from tests.integrations.dovecot_server import ImapServer
from tests.integrations.eml_samples import (
    AUTO_REPLIES,
    BOUNCES,
    EXCHANGE_RETURNED,
    EXIM_RETURNED,
    GMAIL_RETURNED,
    OOO_ANSWERS,
    POSTFIX_RETURNED,
    load,
)
from tests.integrations.factories import (
    make_booking,
    make_business,
    make_contact,
    make_conversation,
)
from tests.integrations.imap_setup import poll_once, setup_mailbox
from tests.integrations.mail_samples import stranger_mail
from tests.integrations.memory_keyring import MemoryKeyring

DESK = Actor.system("Desk")
NOW = datetime.now(UTC)


def _sent(db: Database, outbox_id: int, message_id: str) -> None:
    """The row went out with ``message_id`` (the one the sample returns)."""
    with db.write_session() as s:
        row = s.get(OutboxMessage, outbox_id)
        assert row is not None
        row.status, row.sent_at, row.attempts = "sent", NOW - timedelta(minutes=5), 1
        row.message_id = message_id
        if row.chat_message_id is not None:
            chat = s.get(Message, row.chat_message_id)
            assert chat is not None
            chat.message_id, chat.delivery_status = message_id, "sent"


def _reply(db: Database, conversation_id: int, text: str) -> int:
    db.call(inbox.reply, DESK, conversation_id, text)
    with db.session() as s:
        found = s.scalar(select(func.max(OutboxMessage.id)))
        assert found is not None
        return int(found)


def _in_thread(conversation_id: int, sender_type: str) -> Select[tuple[Message]]:
    """The messages of one conversation written by ``sender_type``."""
    return select(Message).where(
        Message.conversation_id == conversation_id, Message.sender_type == sender_type
    )


def test_bounces_and_automatic_replies_through_dovecot(
    db: Database, imap_server: ImapServer, memory_keyring: MemoryKeyring
) -> None:
    with db.write_session() as s:
        make_business(s, email="desk@harbour.example.org")
        people = {
            key: make_contact(s, name=name, email=email)
            for key, name, email in [
                ("ada", "Ada Lovelace", "ada.old@example.com"),
                ("bob", "Bob Marley", "bob@nowhere.example.net"),
                ("carol", "Carol Typo", "carol.typo@gmail.com"),
                ("dan", "Dan Contoso", "dan@contoso.com"),
                ("erin", "Erin Example", "erin@contoso.com"),
            ]
        }
        ids = {key: c.id for key, c in people.items()}
        threads = {key: make_conversation(s, c, f"About {key}").id for key, c in people.items()}
        for conversation in s.scalars(select(Conversation)):
            conversation.is_open = False
        rows: dict[str, int] = {}
        for key, subject, body, kind, booked_in_days in [
            ("bob", "Reminder: your appointment tomorrow", "Tomorrow at 09:30.", "reminder", 1),
            ("dan", "Your form is waiting", "Please fill in the form.", "form_reminder", None),
            ("erin", "Your booking with Harbour Physio", "Booked.", "confirmation", 2),
        ]:
            booking = (
                make_booking(s, start=NOW + timedelta(days=booked_in_days), contact=people[key])
                if booked_in_days
                else None
            )
            rows[key] = outbox.enqueue(
                s,
                channel="email",
                recipient=people[key].email,
                subject=subject,
                body=body,
                kind=kind,
                booking_id=booking.id if booking else None,
            )
    rows["ada"] = _reply(db, threads["ada"], "How is the knee?")
    rows["carol"] = _reply(db, threads["carol"], "Massage on Friday at 3?")
    returned = {
        "ada": POSTFIX_RETURNED,
        "bob": EXIM_RETURNED,
        "carol": GMAIL_RETURNED,
        "dan": EXCHANGE_RETURNED,
        "erin": OOO_ANSWERS,
    }
    for key, message_id in returned.items():
        _sent(db, rows[key], message_id)
    with db.write_session() as s:  # replying opened them; start from closed and read
        for conversation in s.scalars(select(Conversation)):
            conversation.is_open, conversation.unread_count = False, 0
    with db.session() as s:
        before = {c.id: c.updated_at for c in s.scalars(select(Conversation))}
        outbox_before = s.scalar(select(func.count()).select_from(OutboxMessage))
    setup_mailbox(db, imap_server)

    for name in [*sorted(BOUNCES), *AUTO_REPLIES]:
        imap_server.deliver(load(name))
    imap_server.deliver(stranger_mail())  # a person writing still opens an inquiry

    report = poll_once(ImapPoller(db))
    assert report.error == ""

    by_address = {v[0]: (v[2], v[3]) for v in BOUNCES.values()}
    with db.session() as s:
        for key in ("ada", "bob", "carol", "dan"):
            row = s.get(OutboxMessage, rows[key])
            assert row is not None
            status, words = by_address[row.recipient]
            assert row.status == "bounced", key
            assert words in row.last_error and status in row.last_error, key
            failing = failing_for_contact(s, ids[key])
            assert failing is not None and words in failing.reason, key
            (note,) = s.scalars(_in_thread(threads[key], "system"))
            assert note.content.startswith(f"The email to {row.recipient} could not be delivered.")
        for key in ("ada", "carol"):  # staff replies show as bounced in the thread
            chat = s.scalars(_in_thread(threads[key], "staff")).one()
            assert chat.delivery_status == "bounced" and chat.delivery_error

        erin_row = s.get(OutboxMessage, rows["erin"])
        assert erin_row is not None and erin_row.status == "sent"
        assert failing_for_contact(s, ids["erin"]) is None
        (ooo,) = s.scalars(_in_thread(threads["erin"], "system"))
        assert "out of the office until Monday 11 May" in ooo.content
        assert ooo.content.startswith("Erin Example sent an automatic reply")

        for key, conversation_id in threads.items():
            thread = s.get(Conversation, conversation_id)
            assert thread is not None
            assert (thread.is_open, thread.unread_count) == (False, 0), key
            assert thread.updated_at == before[conversation_id], key
            customer = s.scalar(
                select(func.count())
                .select_from(Message)
                .where(Message.conversation_id == conversation_id, Message.direction == "in")
                .where(Message.sender_type == "customer")
            )
            assert customer == 0, key

        emails = set(s.scalars(select(func.lower(Contact.email))))
        assert emails == {
            "ada.old@example.com",
            "bob@nowhere.example.net",
            "carol.typo@gmail.com",
            "dan@contoso.com",
            "erin@contoso.com",
            "zoe@elsewhere.example.net",  # the person writing
        }
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == outbox_before
        inquiries = s.scalars(select(Conversation).where(Conversation.unread_count > 0)).all()
        assert [c.subject for c in inquiries] == ["Do you treat running injuries?"]

    alerts = [a.text for a in db.call(dashboard, DESK, NOW).alerts if a.kind == "email_bouncing"]
    assert alerts == ["Email to 4 contacts cannot be delivered"]

    # the server hands the same mail over again: nothing is noted twice
    imap_server.deliver(load("bounce_postfix.eml"))
    imap_server.deliver(load("autoreply_outlook_ooo.eml"))
    assert poll_once(ImapPoller(db)).error == ""
    with db.session() as s:
        for key in ("ada", "erin"):
            notes = s.scalar(
                select(func.count())
                .select_from(Message)
                .where(Message.conversation_id == threads[key], Message.sender_type == "system")
            )
            assert notes == 1, key
