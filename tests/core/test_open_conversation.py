"""``inbox.open_conversation_for``: the contact's latest open conversation, found by the contact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact, Conversation
from careops_desktop.core.services import inbox

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _contact(db: Database, name: str) -> int:
    with db.write_session() as s:
        contact = Contact(name=name, email=f"{name.lower()}@example.com")
        s.add(contact)
        s.flush()
        return contact.id


def _conversation(db: Database, contact_id: int, updated: datetime, *, is_open: bool) -> int:
    with db.write_session() as s:
        conversation = Conversation(
            contact_id=contact_id, is_open=is_open, created_at=T0, updated_at=updated
        )
        s.add(conversation)
        s.flush()
        return conversation.id


def test_the_latest_open_conversation_wins_and_a_tie_goes_to_the_newer_id(db: Database) -> None:
    ann, bob = _contact(db, "Ann"), _contact(db, "Bob")
    _conversation(db, ann, T0, is_open=True)
    tied_first = _conversation(db, ann, T0 + timedelta(hours=2), is_open=True)
    tied_second = _conversation(db, ann, T0 + timedelta(hours=2), is_open=True)
    _conversation(db, ann, T0 + timedelta(hours=1), is_open=True)
    _conversation(db, ann, T0 + timedelta(days=3), is_open=False)  # newer, but closed
    _conversation(db, bob, T0 + timedelta(days=4), is_open=True)  # someone else's
    assert tied_second > tied_first
    assert db.call(inbox.open_conversation_for, ann) == tied_second
    with db.session() as s:  # the same answer as ORDER BY updated_at DESC, id DESC in SQL
        expected = s.scalar(
            select(Conversation.id)
            .where(Conversation.contact_id == ann, Conversation.is_open.is_(True))
            .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
            .limit(1)
        )
    assert expected == tied_second


def test_without_an_open_one_a_new_conversation_is_opened(db: Database) -> None:
    ann = _contact(db, "Ann")
    closed = _conversation(db, ann, T0, is_open=False)
    opened = db.call(inbox.open_conversation_for, ann, "Hello")
    assert opened != closed
    assert db.call(inbox.open_conversation_for, ann) == opened


@pytest.mark.sqlite_only
def test_sqlite_finds_it_through_the_contact_index(db: Database) -> None:
    ann = _contact(db, "Ann")
    for n in range(3):
        _conversation(db, ann, T0 + timedelta(minutes=n), is_open=True)
    seen: list[tuple[str, object]] = []

    def listener(_conn, _cursor, statement, parameters, *_rest) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().startswith("SELECT conversations.id"):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        db.call(inbox.open_conversation_for, ann)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    [(statement, parameters)] = seen
    with db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "ix_conversations_contact_id" in plan, plan
