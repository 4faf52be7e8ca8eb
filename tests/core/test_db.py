"""The database layer: pragmas on every connection, the worker thread, events after commit."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import Database, read_only
from careops_desktop.core.models import Contact


@pytest.mark.sqlite_only  # about SQLite itself
def test_pragmas_are_set_on_a_fresh_connection(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.write_session() as s:
        s.execute(
            text(
                "INSERT INTO conversations (contact_id, subject, is_open, unread_count,"
                " created_at, updated_at) VALUES (999, '', true, 0, '2026-01-01', '2026-01-01')"
            )
        )


def test_naive_datetimes_are_refused_and_aware_ones_come_back_in_utc(db: Database) -> None:
    with pytest.raises(Exception, match="naive"), db.write_session() as s:
        s.add(Contact(name="N", created_at=datetime(2026, 1, 1)))
        s.flush()
    with db.write_session() as s:
        s.add(Contact(name="A", created_at=datetime(2026, 1, 1, 12, tzinfo=UTC)))
    with db.session() as s:
        got = s.scalars(select(Contact.created_at)).one()
    assert got == datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert got.tzinfo is not None


def _add_contact(session: Session, name: str) -> int:
    contact = Contact(name=name)
    session.add(contact)
    session.flush()
    events.record(session, events.ContactChanged(contact.id, "created"))
    return contact.id


@read_only
def _whose_thread(_session: Session) -> str:
    return threading.current_thread().name


def test_run_uses_one_worker_thread_and_publishes_after_commit(db: Database) -> None:
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)
    try:

        async def go() -> tuple[int, str]:
            contact_id = await db.run(_add_contact, "Ada")
            return contact_id, await db.run(_whose_thread)

        contact_id, thread_name = asyncio.run(go())
    finally:
        unsubscribe()
    assert thread_name.startswith("careops-db")
    assert seen == [events.ContactChanged(contact_id, "created")]


def test_no_event_is_published_for_a_rolled_back_write(db: Database) -> None:
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)

    def fail(session: Session) -> None:
        _add_contact(session, "Bob")
        raise RuntimeError("boom")

    try:
        with pytest.raises(RuntimeError):
            db.call(fail)
    finally:
        unsubscribe()
    assert seen == []
    with db.session() as s:
        assert s.scalar(select(Contact).where(Contact.name == "Bob")) is None


def test_in_memory_database_is_refused() -> None:
    with pytest.raises(ValueError, match="file"):
        Database("sqlite://")


def test_a_failed_write_does_not_carry_its_values_into_the_error(db: Database) -> None:
    """Errors are logged; the text customers typed must not ride along in them."""
    from sqlalchemy.exc import IntegrityError

    secret_body = "private medical note 4711"
    with pytest.raises(IntegrityError) as caught, db.write_session() as s:
        s.execute(
            text(
                "INSERT INTO messages (conversation_id, direction, sender_type, sender_name,"
                " content, channel, delivery_status, delivery_error, attachments, created_at)"
                " VALUES (424242, 'in', 'customer', '', :body, 'email', 'none', '', '[]',"
                " '2026-01-01')"
            ),
            {"body": secret_body},
        )
    assert secret_body not in str(caught.value)
