"""Bounces mark what we sent and flag the address; automatic replies become quiet notes.

Core only (a real database, no mail): the classifier's output is built by hand here;
tests/integrations/test_mail_kinds.py reads it from real samples and
tests/jobs/test_bounces_and_auto_replies.py runs both through Dovecot and the poll job.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    AddressFailure,
    Contact,
    Conversation,
    Message,
    OutboxMessage,
)
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox, outbox
from careops_desktop.core.services.dashboard import dashboard
from careops_desktop.core.services.inbox import (
    Bounce,
    FailedRecipient,
    IncomingMessage,
    MailKind,
    failing_for_contact,
    failing_for_conversation,
    record_classified,
)
from tests.integrations.factories import make_business, make_contact, make_conversation

DESK = Actor.system("Desk")
T0 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
USER_UNKNOWN = FailedRecipient("ada@example.com", "5.1.1", "550 5.1.1 User unknown")
DAEMON = IncomingMessage(
    channel="email",
    sender_address="MAILER-DAEMON@mx.example.org",
    subject="Undelivered Mail Returned to Sender",
    content="I'm sorry to have to inform you",
    message_id="<bounce-1@mx.example.org>",
)


def _world(db: Database) -> tuple[int, int]:
    with db.write_session() as s:
        make_business(s)
        ada = make_contact(s, name="Ada Lovelace", email="ada@example.com")
        conversation = make_conversation(s, ada, "Knee")
        conversation.is_open = False
        conversation.updated_at = T0 - timedelta(days=1)
        return ada.id, conversation.id


def _sent_reply(db: Database, conversation_id: int, when: datetime = T0) -> OutboxMessage:
    db.call(inbox.reply, DESK, conversation_id, "How is the knee?", now=when)
    with db.write_session() as s:
        row = s.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
        assert row is not None
        row.status, row.sent_at = "sent", when
        s.flush()
        s.expunge(row)
        return row


def _apply(db: Database, message: IncomingMessage, kind: MailKind, now: datetime) -> bool:
    with db.write_session() as s:
        return record_classified(s, message, kind, now)


def _statuses(db: Database, *outbox_ids: int) -> list[str]:
    """The statuses of these outbox rows, in the order given."""
    with db.session() as s:
        rows = [s.get(OutboxMessage, i) for i in outbox_ids]
        return [row.status if row else "missing" for row in rows]


def _state(db: Database, conversation_id: int) -> tuple[bool, int, datetime]:
    with db.session() as s:
        c = s.get(Conversation, conversation_id)
        assert c is not None
        return c.is_open, c.unread_count, c.updated_at


def test_a_bounce_marks_the_returned_message_and_flags_the_address(db: Database) -> None:
    ada, conversation = _world(db)
    row = _sent_reply(db, conversation)
    before = _state(db, conversation)
    bounce = Bounce((USER_UNKNOWN,), (str(row.message_id),))
    assert _apply(db, DAEMON, MailKind("bounce", bounce), T0 + timedelta(minutes=1))
    assert _apply(db, DAEMON, MailKind("bounce", bounce), T0 + timedelta(minutes=2))  # again

    with db.session() as s:
        marked = s.get(OutboxMessage, row.id)
        assert marked is not None and marked.status == "bounced"
        assert marked.last_error == "550 5.1.1 User unknown"
        chat = s.get(Message, marked.chat_message_id)
        assert chat is not None and chat.delivery_status == "bounced"
        assert chat.delivery_error == "550 5.1.1 User unknown"
        note = s.scalars(
            select(Message).where(
                Message.conversation_id == conversation, Message.sender_type == "system"
            )
        ).one()
        assert note.content == (
            "The email to ada@example.com could not be delivered. "
            "The mail server said: 550 5.1.1 User unknown"
        )
        assert s.scalar(select(func.count()).select_from(Contact)) == 1  # no mailer-daemon
    assert _state(db, conversation)[:2] == before[:2]  # still closed, nothing unread
    failing = db.call(failing_for_contact, ada)
    assert failing is not None and failing.reason == "550 5.1.1 User unknown"
    assert failing.text == "Email to ada@example.com bounces: 550 5.1.1 User unknown"
    assert db.call(failing_for_conversation, conversation) == failing
    alerts = db.call(dashboard, DESK, T0).alerts
    assert [a.text for a in alerts if a.kind == "email_bouncing"] == [
        "Email to Ada Lovelace (ada@example.com) cannot be delivered"
    ]


def test_without_a_message_id_the_latest_mail_to_the_recipient_is_matched(db: Database) -> None:
    _, conversation = _world(db)
    older = _sent_reply(db, conversation, T0 - timedelta(hours=3))
    newer = _sent_reply(db, conversation, T0 - timedelta(hours=1))
    bounce = Bounce((FailedRecipient("ADA@example.com".lower(), "5.2.2", "mailbox full"),))
    assert _apply(db, DAEMON, MailKind("bounce", bounce), T0)
    assert _statuses(db, newer.id, older.id) == ["bounced", "sent"]


def test_mail_sent_after_the_bounce_was_written_is_not_the_one_it_reports(db: Database) -> None:
    _, conversation = _world(db)
    bounced = _sent_reply(db, conversation, T0 - timedelta(hours=2))
    later = _sent_reply(db, conversation, T0 + timedelta(hours=1))  # sent before the poll
    bounce = Bounce((USER_UNKNOWN,), reported_at=T0)
    assert _apply(db, DAEMON, MailKind("bounce", bounce), T0 + timedelta(hours=3))
    assert _statuses(db, bounced.id, later.id) == ["bounced", "sent"]


def test_mail_sent_long_before_is_not_matched_but_the_contact_is_flagged(db: Database) -> None:
    ada, conversation = _world(db)
    old = _sent_reply(db, conversation, T0 - timedelta(days=30))
    assert _apply(db, DAEMON, MailKind("bounce", Bounce((USER_UNKNOWN,))), T0)
    assert _statuses(db, old.id) == ["sent"]
    assert db.call(failing_for_contact, ada) is not None


def test_a_returned_id_for_another_recipient_is_not_trusted(db: Database) -> None:
    _, conversation = _world(db)
    ours = _sent_reply(db, conversation)
    with db.write_session() as s:
        other = outbox.enqueue(
            s, channel="email", recipient="zed@example.org", subject="s", body="b", kind="reply"
        )
        other_id = s.get(OutboxMessage, other).message_id  # type: ignore[union-attr]
    two = (USER_UNKNOWN, FailedRecipient("nobody@example.net", "5.1.1", "unknown"))
    assert _apply(db, DAEMON, MailKind("bounce", Bounce(two, (str(other_id),))), T0)
    assert _statuses(db, ours.id, other) == ["bounced", "queued"]
    with db.session() as s:
        # nobody@example.net: no mail and no contact → nothing recorded for it
        assert s.scalars(select(AddressFailure.address)).all() == ["ada@example.com"]


def test_a_delay_is_noted_but_nothing_bounces(db: Database) -> None:
    ada, conversation = _world(db)
    row = _sent_reply(db, conversation)
    delay = FailedRecipient("ada@example.com", "4.4.1", "451 4.4.1 try later", permanent=False)
    assert _apply(db, DAEMON, MailKind("bounce", Bounce((delay,), (str(row.message_id),))), T0)
    assert _statuses(db, row.id) == ["sent"]
    with db.session() as s:
        notes = s.scalars(select(Message.content).where(Message.sender_type == "system")).all()
        assert notes == [
            "The email to ada@example.com is delayed. The mail server said: 451 4.4.1 try later"
        ]
    assert db.call(failing_for_contact, ada) is None


def test_a_customer_writing_again_clears_the_flag(db: Database) -> None:
    ada, _ = _world(db)
    _apply(db, DAEMON, MailKind("bounce", Bounce((USER_UNKNOWN,))), T0)
    assert db.call(failing_for_contact, ada) is not None
    hello = IncomingMessage(channel="email", sender_address="Ada@Example.com", content="Hi")
    assert not _apply(db, hello, MailKind("person"), T0 + timedelta(days=1))
    assert db.call(failing_for_contact, ada) is None


def test_an_automatic_reply_is_a_quiet_note_once(db: Database) -> None:
    _, conversation = _world(db)
    row = _sent_reply(db, conversation)
    before = _state(db, conversation)
    ooo = IncomingMessage(
        channel="email",
        sender_address="ada@example.com",
        sender_name="Ada Lovelace",
        subject="Automatic reply: Your booking",
        content="I am out of the office until Monday.",
        message_id="<ooo-1@example.com>",
        in_reply_to=row.message_id,
        raw=b"raw bytes",
    )
    assert _apply(db, ooo, MailKind("auto"), T0 + timedelta(hours=1))
    assert _apply(db, ooo, MailKind("auto"), T0 + timedelta(hours=2))  # the same mail again
    with db.session() as s:
        (note,) = s.scalars(
            select(Message).where(
                Message.conversation_id == conversation, Message.sender_type == "system"
            )
        )
        assert note.direction == "in" and note.raw == b"raw bytes"
        assert note.content == (
            "Ada Lovelace sent an automatic reply (Automatic reply: Your booking):\n\n"
            "I am out of the office until Monday."
        )
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 1  # not answered
    assert _state(db, conversation) == before  # closed, nothing unread, same place in the list
    answer = db.call(inbox.reply, DESK, conversation, "Enjoy the break.", now=T0)
    with db.session() as s:
        sent = s.get(Message, answer.id)
        assert sent is not None and sent.in_reply_to != "<ooo-1@example.com>"


def test_an_automatic_reply_from_a_stranger_is_dropped(db: Database) -> None:
    _world(db)
    stranger = IncomingMessage(
        channel="email",
        sender_address="frank@elsewhere.example.net",
        subject="Re: Special offer",
        content="Travelling",
        message_id="<v-1@mail.gmail.com>",
    )
    assert _apply(db, stranger, MailKind("auto"), T0)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 1
        assert s.scalar(select(func.count()).select_from(Conversation)) == 1
        assert s.scalar(select(func.count()).select_from(Message)) == 0


def test_many_failing_addresses_make_one_alert(db: Database) -> None:
    _world(db)
    with db.write_session() as s:
        for n in range(5):
            make_contact(s, name=f"Person {n}", email=f"p{n}@example.com")
    failures = tuple(FailedRecipient(f"p{n}@example.com", "5.1.1", "unknown") for n in range(5))
    _apply(db, DAEMON, MailKind("bounce", Bounce(failures)), T0)
    alerts = [a for a in db.call(dashboard, DESK, T0).alerts if a.kind == "email_bouncing"]
    assert [a.text for a in alerts] == ["Email to 5 contacts cannot be delivered"]
    assert alerts[0].target == "contacts"
