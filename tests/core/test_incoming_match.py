"""Threading without references (by subject) and one copy of an email without a Message-ID."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core.models import Conversation, Message
from careops_desktop.core.services import contacts, inbox
from careops_desktop.core.services.inbox import (
    IncomingMessage,
    content_digest,
    record_incoming,
    subject_key,
)
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("subject", "key"),
    [
        ("Re: Knee", "knee"),
        ("AW: RE:  Fwd: knee ", "knee"),
        ("SV: TR: Fw: WG: Knee", "knee"),
        ("Re[2]: Knee", "knee"),
        ("Réponse: Knee", "réponse: knee"),  # not a prefix mail programs write
        ("Recall", "recall"),
        ("", ""),
    ],
)
def test_subject_key(subject: str, key: str) -> None:
    assert subject_key(subject) == key


def _email(subject: str, content: str = "Hello", **extra: object) -> IncomingMessage:
    return IncomingMessage(
        channel="email",
        sender_address="ann@example.com",
        sender_name="Ann Lee",
        subject=subject,
        content=content,
        **extra,  # type: ignore[arg-type]
    )


def _setup(people) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    db = people.db
    ann = db.call(contacts.create_contact, people.owner, name="Ann Lee", email="ann@example.com").id
    knee = db.call(inbox.new_conversation, ann, "Knee", now=T0)
    invoice = db.call(inbox.new_conversation, ann, "Invoice", now=T0 + timedelta(hours=1))
    return ann, knee, invoice


def test_a_reply_without_references_threads_by_subject(people) -> None:  # type: ignore[no-untyped-def]
    db = people.db
    _ann, knee, invoice = _setup(people)
    when = T0 + timedelta(hours=2)
    # no subject matches: the latest conversation, as before
    assert db.call(record_incoming, _email("Parking?"), when).conversation_id == invoice
    assert db.call(record_incoming, _email("AW: Re: knee"), when).conversation_id == knee


def _match_later(  # type: ignore[no-untyped-def]
    db, subject: str, *, latest: int, renamed: int | None = None
) -> int | None:
    """The conversation an email with ``subject`` lands in two days after T0, once ``latest``
    is the most recently updated thread (and ``renamed``, if given, renamed by staff)."""
    with db.write_session() as s:
        if renamed is not None:
            s.get(Conversation, renamed).subject = "Renamed by staff"  # type: ignore[union-attr]
        s.get(Conversation, latest).updated_at = T0 + timedelta(days=1)  # type: ignore[union-attr]
    result = db.call(record_incoming, _email(subject), T0 + timedelta(days=2))
    return result.conversation_id  # type: ignore[no-any-return]


def test_a_closed_conversation_is_not_matched_by_subject(people) -> None:  # type: ignore[no-untyped-def]
    db = people.db
    _ann, knee, invoice = _setup(people)
    db.call(inbox.close, people.owner, knee)
    assert _match_later(db, "Re: Knee", latest=invoice) == invoice


def test_the_subject_of_an_email_we_sent_matches_too(people) -> None:  # type: ignore[no-untyped-def]
    db = people.db
    _ann, knee, invoice = _setup(people)
    db.call(inbox.reply, people.owner, knee, "How is it?", "email", T0)  # subject "Re: Knee"
    assert _match_later(db, "RE: Re: Knee", latest=invoice, renamed=knee) == knee


def test_references_still_win_over_the_subject(people) -> None:  # type: ignore[no-untyped-def]
    db = people.db
    _ann, _knee, invoice = _setup(people)
    ours = db.call(inbox.reply, people.owner, invoice, "Paid?", "email", T0).message_id
    result = db.call(record_incoming, _email("Re: Knee", in_reply_to=ours), T0)
    assert result.conversation_id == invoice


def _stored(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count(Message.id)).where(Message.direction == "in")) or 0)


def test_an_email_without_message_id_delivered_twice_is_stored_once(people) -> None:  # type: ignore[no-untyped-def]
    db = people.db
    _setup(people)
    sent = T0 - timedelta(minutes=5)
    first = db.call(record_incoming, _email("Knee", "Sore", sent_at=sent), T0)
    again = db.call(record_incoming, _email("Knee", "Sore", sent_at=sent), T0 + timedelta(hours=3))
    assert not first.duplicate and again.duplicate
    assert again.message_id == first.message_id and _stored(db) == 1
    with db.session() as s:
        digest = s.get(Message, first.message_id).content_digest  # type: ignore[union-attr]
    assert digest == content_digest("ann@example.com", sent, "Knee", "Sore")
    # not the same email: another text, or another date
    assert not db.call(record_incoming, _email("Knee", "Better", sent_at=sent), T0).duplicate
    other_day = _email("Knee", "Sore", sent_at=sent + timedelta(days=1))
    assert not db.call(record_incoming, other_day, T0).duplicate
    # the same again more than a day later is kept (a person may well write it twice)
    later = db.call(record_incoming, _email("Knee", "Sore", sent_at=sent), T0 + timedelta(days=2))
    assert not later.duplicate and _stored(db) == 4


def test_messages_with_a_message_id_or_by_sms_carry_no_digest(people) -> None:  # type: ignore[no-untyped-def]
    db = people.db
    _setup(people)
    result = db.call(record_incoming, _email("Knee", message_id="<m1@example.com>"), T0)
    with db.session() as s:
        assert s.get(Message, result.message_id).content_digest is None  # type: ignore[union-attr]
