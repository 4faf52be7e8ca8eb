"""The inbox: replies through the outbox, incoming threading, read/unread, open/closed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careops_desktop.core import events
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import Booking, BookingType, Contact, OutboxMessage, Provider
from careops_desktop.core.services import contacts, inbox, outbox
from careops_desktop.core.services.inbox import IncomingMessage
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


def _ann(people) -> int:  # type: ignore[no-untyped-def]
    view = people.db.call(
        contacts.create_contact,
        people.owner,
        name="Ann Lee",
        email="ann@example.com",
        phone="07911 123456",
    )
    return view.id


def _outbox(db) -> list[OutboxMessage]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        s.expunge_all()
        return rows


def test_reply_by_email_queues_an_outbox_row(people) -> None:
    db = people.db
    ann = _ann(people)
    conversation = db.call(inbox.open_conversation_for, ann, "Your question")
    message = db.call(inbox.reply, people.owner, conversation, "  Hello Ann  ", "email", T0)
    assert (message.direction, message.sender_type, message.delivery_status) == (
        "out",
        "staff",
        "queued",
    )
    assert message.content == "Hello Ann"
    assert message.sender_name == "Olive Owner"
    [row] = _outbox(db)
    assert (row.channel, row.recipient, row.subject, row.body, row.kind) == (
        "email",
        "ann@example.com",
        "Re: Your question",
        "Hello Ann",
        "reply",
    )
    assert row.chat_message_id == message.id
    assert row.message_id == message.message_id and row.message_id.endswith("@careops.local>")
    thread = db.call(inbox.get_thread, people.owner, conversation)
    assert [m.content for m in thread.messages] == ["Hello Ann"]
    with db.session() as s:
        assert s.get(Contact, ann).last_contacted_at == T0


def test_reply_by_sms_goes_to_the_phone(people) -> None:
    db = people.db
    conversation = db.call(inbox.open_conversation_for, _ann(people))
    db.call(inbox.reply, people.owner, conversation, "See you at 3", "sms")
    [row] = _outbox(db)
    assert (row.channel, row.recipient, row.subject, row.message_id) == (
        "sms",
        "+447911123456",
        "",
        None,
    )


def test_reply_refusals(people) -> None:
    db = people.db
    conversation = db.call(inbox.open_conversation_for, _ann(people))
    no_phone = db.call(contacts.create_contact, people.owner, name="Em", email="em@example.com")
    no_email = db.call(contacts.create_contact, people.owner, name="Pat", phone="07912 345678")
    em_conv = db.call(inbox.open_conversation_for, no_phone.id)
    pat_conv = db.call(inbox.open_conversation_for, no_email.id)
    cases = [
        ((conversation, "   ", "email"), "content"),
        ((conversation, "x" * 20_001, "email"), "content"),
        ((conversation, "hi", "pigeon"), "channel"),
        ((em_conv, "hi", "sms"), "phone"),
        ((pat_conv, "hi", "email"), "email"),
    ]
    for args, field in cases:
        with pytest.raises(ValidationError) as caught:
            db.call(inbox.reply, people.owner, *args)
        assert set(caught.value.fields) == {field}
    with pytest.raises(NotFound):
        db.call(inbox.reply, people.owner, 404, "hi")
    with pytest.raises(PermissionDenied):
        db.call(inbox.reply, people.nobody, conversation, "hi")
    assert _outbox(db) == []
    # exactly at the limit is fine
    db.call(inbox.reply, people.owner, conversation, "y" * 20_000)


def test_every_inbox_action_needs_manage_inbox(people) -> None:
    db = people.db
    conversation = db.call(inbox.open_conversation_for, _ann(people))
    for fn, args in [
        (inbox.list_conversations, ()),
        (inbox.count_conversations, ()),
        (inbox.count_unread, ()),
        (inbox.get_thread, (conversation,)),
        (inbox.mark_read, (conversation,)),
        (inbox.mark_unread, (conversation,)),
        (inbox.close, (conversation,)),
        (inbox.reopen, (conversation,)),
        (inbox.start_conversation, (1, "hi")),
    ]:
        with pytest.raises(PermissionDenied) as caught:
            db.call(fn, people.nobody, *args)
        assert caught.value.permission == "manage inbox"


def test_open_conversation_for_reuses_the_open_one(people) -> None:
    db = people.db
    ann = _ann(people)
    first = db.call(inbox.open_conversation_for, ann)
    assert db.call(inbox.open_conversation_for, ann) == first
    db.call(inbox.close, people.owner, first)
    second = db.call(inbox.open_conversation_for, ann)
    assert second != first
    with pytest.raises(NotFound):
        db.call(inbox.open_conversation_for, 404)


def test_system_message_is_neither_unread_nor_sent(people) -> None:
    db = people.db
    conversation = db.call(inbox.open_conversation_for, _ann(people))
    db.call(inbox.add_system_message, conversation, "Booking confirmed for Monday", T0)
    thread = db.call(inbox.get_thread, people.owner, conversation)
    [message] = thread.messages
    assert (message.sender_type, message.channel, message.delivery_status) == (
        "system",
        "system",
        "none",
    )
    assert thread.unread_count == 0
    assert _outbox(db) == []


def test_incoming_reply_threads_by_in_reply_to(people) -> None:
    db = people.db
    ann = _ann(people)
    conversation = db.call(inbox.open_conversation_for, ann)
    sent = db.call(inbox.reply, people.owner, conversation, "How are you?", "email", T0)
    db.call(inbox.close, people.owner, conversation)
    # a second, newer conversation must not catch the reply
    other = db.call(inbox.start_conversation, people.owner, ann, "Different topic")
    incoming = IncomingMessage(
        channel="email",
        sender_address="someone-else@example.net",  # forwarded from another address
        sender_name="Ann",
        subject="Re: How are you?",
        content="Very well, thanks",
        message_id="<reply-1@mail.example>",
        in_reply_to=sent.message_id,
        references=("<older@x>", sent.message_id or ""),
        raw=b"From: ann\r\n\r\nVery well, thanks",
        attachments=[{"name": "scan.pdf", "size": 1200, "content_type": "application/pdf"}],
    )
    result = db.call(inbox.record_incoming, incoming, T0 + timedelta(hours=1))
    assert result.conversation_id == conversation != other.conversation_id
    assert not result.contact_created and not result.duplicate
    thread = db.call(inbox.get_thread, people.owner, conversation)
    assert thread.is_open and thread.unread_count == 1
    last = thread.messages[-1]
    assert (last.direction, last.delivery_status, last.content) == (
        "in",
        "received",
        "Very well, thanks",
    )
    assert last.attachments == (
        {"name": "scan.pdf", "size": 1200, "content_type": "application/pdf"},
    )
    # the same Message-ID again is not recorded twice
    again = db.call(inbox.record_incoming, incoming)
    assert again.duplicate and again.message_id == result.message_id
    assert db.call(inbox.get_thread, people.owner, conversation).unread_count == 1


def test_incoming_threads_by_outbox_message_id_of_a_booking_email(people) -> None:
    db = people.db
    ann = _ann(people)
    with db.write_session() as s:
        provider = Provider(name="Dr A")
        kind = BookingType(name="Scan", slug="scan", duration_minutes=30)
        s.add_all([provider, kind])
        s.flush()
        booking = Booking(
            contact_id=ann,
            booking_type_id=kind.id,
            provider_id=provider.id,
            start_at=T0,
            end_at=T0 + timedelta(minutes=30),
            manage_token="tok",
        )
        s.add(booking)
        s.flush()
        booking_id = booking.id
    conversation = db.call(inbox.open_conversation_for, ann)
    outbox_id = db.call(
        outbox.enqueue,
        channel="email",
        recipient="ann@example.com",
        subject="Confirmed",
        body="See you",
        kind="confirmation",
        booking_id=booking_id,
    )
    [row] = [r for r in _outbox(db) if r.id == outbox_id]
    result = db.call(
        inbox.record_incoming,
        IncomingMessage(
            "email",
            "other@example.org",
            content="Can I bring my son?",
            message_id="m2@mail",
            references=(row.message_id.strip("<>"),),
        ),
    )
    assert result.conversation_id == conversation


def test_incoming_by_sender_reopens_the_latest_conversation(people) -> None:
    db = people.db
    ann = _ann(people)
    conversation = db.call(inbox.open_conversation_for, ann)
    db.call(inbox.close, people.owner, conversation)
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)
    try:
        result = db.call(
            inbox.record_incoming,
            IncomingMessage("sms", "07911123456", content="Running late", message_id=None),
            T0,
        )
    finally:
        unsubscribe()
    assert result.conversation_id == conversation and result.contact_id == ann
    assert events.ConversationChanged(conversation, "opened") in seen
    assert events.MessageRecorded(conversation, result.message_id, "in") in seen
    rows = db.call(inbox.list_conversations, people.owner, open_filter=True)
    assert [(r.id, r.unread_count, r.last_message_preview) for r in rows] == [
        (conversation, 1, "Running late")
    ]
    with db.session() as s:
        assert s.get(Contact, ann).last_contacted_at == T0


def test_incoming_from_a_stranger_makes_a_contact_and_an_inquiry(people) -> None:
    db = people.db
    hostile_name = "<script>alert(1)</script>\r\nBcc: all@example.com"
    result = db.call(
        inbox.record_incoming,
        IncomingMessage(
            "email",
            "New.Person@Example.com",
            sender_name=hostile_name,
            subject="",
            content="{contact_name} <b>hello</b>",
        ),
    )
    assert result.contact_created and result.conversation_created
    thread = db.call(inbox.get_thread, people.owner, result.conversation_id)
    assert thread.contact_email == "new.person@example.com"
    assert thread.contact_name == "<script>alert(1)</script> Bcc: all@example.com"
    assert thread.subject == "New inquiry"
    assert thread.messages[0].content == "{contact_name} <b>hello</b>"
    # an address that is not valid is kept as it came, not dropped
    odd = db.call(inbox.record_incoming, IncomingMessage("email", "Weird Sender <x@>", content="?"))
    assert odd.contact_created
    with pytest.raises(ValidationError):
        db.call(inbox.record_incoming, IncomingMessage("email", "  ", content="?"))
    with pytest.raises(ValidationError):
        db.call(inbox.record_incoming, IncomingMessage("fax", "a@example.com", content="?"))


def test_oversize_incoming_is_shortened_in_view_and_raw_kept(people) -> None:
    db = people.db
    huge = "a" * 1_500_000
    result = db.call(
        inbox.record_incoming,
        IncomingMessage("email", "big@example.com", content=huge, raw=huge.encode()),
    )
    thread = db.call(inbox.get_thread, people.owner, result.conversation_id)
    [message] = thread.messages
    assert len(message.content) == 1_000_000
    assert message.content.endswith("kept as received.]")


def test_read_unread_close_reopen_and_counts(people) -> None:
    db = people.db
    a = db.call(inbox.record_incoming, IncomingMessage("email", "a@example.com", content="1"), T0)
    db.call(inbox.record_incoming, IncomingMessage("email", "a@example.com", content="2"), T0)
    b = db.call(
        inbox.record_incoming,
        IncomingMessage("email", "b@example.com", content="3"),
        T0 + timedelta(minutes=5),
    )
    assert db.call(inbox.count_unread, people.owner) == 2
    rows = db.call(inbox.list_conversations, people.owner)
    assert [r.id for r in rows] == [b.conversation_id, a.conversation_id]
    assert rows[1].unread_count == 2
    db.call(inbox.mark_read, people.owner, a.conversation_id)
    assert db.call(inbox.count_unread, people.owner) == 1
    db.call(inbox.mark_unread, people.owner, a.conversation_id)
    assert db.call(inbox.get_thread, people.owner, a.conversation_id).unread_count == 1
    db.call(inbox.close, people.owner, b.conversation_id)
    assert [r.id for r in db.call(inbox.list_conversations, people.owner, open_filter=False)] == [
        b.conversation_id
    ]
    assert db.call(inbox.count_conversations, people.owner, open_filter=True) == 1
    db.call(inbox.reopen, people.owner, b.conversation_id)
    assert db.call(inbox.count_conversations, people.owner, open_filter=True) == 2
    assert [r.id for r in db.call(inbox.list_conversations, people.owner, search="B@EXAMPLE")] == [
        b.conversation_id
    ]
    assert db.call(inbox.list_conversations, people.owner, search="%") == []
    with pytest.raises(NotFound):
        db.call(inbox.close, people.owner, 404)


def test_start_conversation(people) -> None:
    db = people.db
    ann = _ann(people)
    message = db.call(
        inbox.start_conversation, people.owner, ann, "Your results are in", "email", "Results"
    )
    [row] = _outbox(db)
    assert row.subject == "Re: Results"
    assert db.call(inbox.get_thread, people.owner, message.conversation_id).subject == "Results"
    with pytest.raises(ValidationError):
        db.call(inbox.start_conversation, people.owner, ann, "hi", "email", "s" * 301)
    with pytest.raises(NotFound):
        db.call(inbox.start_conversation, people.owner, 404, "hi")
