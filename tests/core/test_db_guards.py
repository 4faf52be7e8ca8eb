"""The database's guards: no ``Database.call`` on a refused thread (the Qt thread), no
silent writes in a read transaction, and ``read_only`` marks that the pure reads carry."""

from __future__ import annotations

import asyncio
import functools
import threading

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import (
    CallOnRefusedThread,
    Database,
    ReadTransactionWrote,
    is_read_only,
    read_only,
    refuse_calls_on_thread,
)
from careops_desktop.core.models import Contact
from careops_desktop.core.services import page_publishing, templates
from careops_desktop.core.services.inbox import delivery_failures


@read_only
def _count(session: Session) -> int:
    return len(session.scalars(select(Contact.id)).all())


@read_only
def _writes_while_marked_a_reader(session: Session) -> None:
    contact = Contact(name="Hidden")
    session.add(contact)
    session.flush()
    events.record(session, events.ContactChanged(contact.id, "created"))


def test_call_is_refused_on_the_named_thread_and_allowed_elsewhere(db: Database) -> None:
    refuse_calls_on_thread(threading.get_ident())
    try:
        with pytest.raises(CallOnRefusedThread, match="_count"):
            db.call(_count)
        assert asyncio.run(db.run(_count)) == 0  # the worker thread is not refused
    finally:
        refuse_calls_on_thread(None)
    assert db.call(_count) == 0  # allowed again


def test_a_read_transaction_that_records_events_raises_and_rolls_back(db: Database) -> None:
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)
    try:
        with pytest.raises(ReadTransactionWrote, match="ContactChanged"):
            db.call(_writes_while_marked_a_reader)
    finally:
        unsubscribe()
    assert seen == []
    assert db.call(_count) == 0  # nothing was committed


def test_read_only_is_seen_through_partials() -> None:
    assert is_read_only(functools.partial(_count))
    assert not is_read_only(lambda session: None)


@pytest.mark.parametrize(
    "reader",
    [
        templates.get_template,
        templates.list_templates,
        templates.get_automations,
        page_publishing.trusted_proxies,
        page_publishing.get_page_publishing,
        delivery_failures.failing_address,
        delivery_failures.failing_addresses,
        delivery_failures.failing_for_contact,
        delivery_failures.failing_for_conversation,
    ],
)
def test_pure_reads_do_not_take_the_write_lock(reader: object) -> None:
    assert is_read_only(reader)  # type: ignore[arg-type]
