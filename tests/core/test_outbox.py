"""The outbox: enqueue, atomic claims (two processes, several threads), backoff, retry."""

from __future__ import annotations

import itertools
import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import Message, OutboxMessage
from careops_desktop.core.services import business, contacts, inbox, outbox, templates
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


def _enqueue(db: Database, n: int = 1, when: datetime = T0) -> list[int]:
    def add(session):  # type: ignore[no-untyped-def]
        return [
            outbox.enqueue(
                session,
                channel="email",
                recipient=f"c{i}@example.com",
                subject=f"Hello {i}",
                body="Body",
                kind="test",
                now=when,
            )
            for i in range(n)
        ]

    return db.call(add)


def _row(db: Database, outbox_id: int) -> OutboxMessage:
    with db.session() as s:
        row = s.get(OutboxMessage, outbox_id)
        assert row is not None
        s.expunge(row)
        return row


def test_enqueue_email_gets_a_message_id_at_once(people) -> None:
    db = people.db
    [outbox_id] = _enqueue(db)
    row = _row(db, outbox_id)
    assert row.status == "queued" and row.attempts == 0 and row.next_attempt_at == T0
    assert row.message_id is not None and row.message_id.endswith("@careops.local>")
    db.call(business.update_profile, people.owner, contact_email="desk@riverside.example")
    [second] = _enqueue(db)
    assert _row(db, second).message_id.endswith("@riverside.example>")  # type: ignore[union-attr]


def test_enqueue_sms_has_no_message_id_and_attachments_are_descriptions(db) -> None:
    outbox_id = db.call(
        outbox.enqueue,
        channel="sms",
        recipient="+447911123456",
        subject="",
        body="Reminder",
        kind="reminder",
        attachments=[{"kind": "booking_ics", "booking_id": 3}],
    )
    row = _row(db, outbox_id)
    assert row.message_id is None
    assert row.attachments == [{"kind": "booking_ics", "booking_id": 3}]


def test_enqueue_refusals(db) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(
            outbox.enqueue,
            channel="fax",
            recipient=" ",
            subject="Hi\r\nBcc: everyone@example.com",
            body="x",
            kind="test",
        )
    assert set(caught.value.fields) == {"channel", "recipient", "subject"}
    with pytest.raises(ValidationError):
        db.call(outbox.enqueue, channel="email", recipient="a" * 321, subject="", body="", kind="t")


def test_claim_takes_only_due_rows_once(db) -> None:
    due = _enqueue(db, 3, T0)
    _enqueue(db, 2, T0 + timedelta(hours=1))
    first = db.call(outbox.claim_due, "worker-a", T0, 2)
    assert [i.id for i in first] == due[:2]
    assert all(i.attempts == 1 for i in first)
    assert first[0].recipient == "c0@example.com" and first[0].subject == "Hello 0"
    second = db.call(outbox.claim_due, "worker-b", T0, 10)
    assert [i.id for i in second] == due[2:]
    assert db.call(outbox.claim_due, "worker-c", T0, 10) == []
    row = _row(db, due[0])
    assert (row.status, row.claimed_by, row.claimed_at) == ("sending", "worker-a", T0)
    assert db.call(outbox.outbox_counts) == outbox.OutboxCounts(2, 3, 0, 0)


def test_reply_moves_queued_sending_sent(people) -> None:
    db = people.db
    contact = db.call(contacts.create_contact, people.owner, name="Ann", email="ann@example.com")
    conversation = db.call(inbox.open_conversation_for, contact.id)
    got = db.call(
        inbox.record_incoming,
        inbox.IncomingMessage("email", "ann@example.com", content="Q", message_id="<q1@ann>"),
    )
    assert got.conversation_id == conversation
    message = db.call(inbox.reply, people.owner, conversation, "Answer")
    [item] = db.call(outbox.claim_due, "w", datetime.now(UTC) + timedelta(seconds=1))
    assert item.chat_message_id == message.id and item.in_reply_to == "<q1@ann>"
    thread = db.call(inbox.get_thread, people.owner, conversation)
    assert thread.messages[-1].delivery_status == "sending"
    db.call(outbox.mark_sent, item.id, T0)
    thread = db.call(inbox.get_thread, people.owner, conversation)
    assert thread.messages[-1].delivery_status == "sent"
    assert _row(db, item.id).sent_at == T0


def test_backoff_schedule() -> None:
    waits = [outbox.backoff(n) for n in range(1, 12)]
    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert waits[-1] == timedelta(hours=6)
    assert max(waits) == timedelta(hours=6)
    assert outbox.backoff(10_000) == timedelta(hours=6)


def test_retries_span_a_day_reaching_the_six_hour_cap() -> None:
    schedule = outbox.retry_schedule(timedelta(hours=24))
    minutes = [int(t.total_seconds() // 60) for t in schedule]
    assert minutes == [0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 871, 1231, 1440]
    waits = [b - a for a, b in itertools.pairwise(schedule)]
    assert timedelta(hours=6) in waits and max(waits) == timedelta(hours=6)
    assert outbox.retry_wait(len(schedule), timedelta(hours=24)) is None
    assert outbox.retry_schedule(timedelta(hours=1))[-1] == timedelta(hours=1)
    assert outbox.retry_wait(10_000, timedelta(hours=24)) is None


def _fail_until_given_up(db: Database, outbox_id: int, now: datetime) -> tuple[int, datetime]:
    """Claim and fail the row at each due time until it is failed; (tries, last try)."""
    tries = 0
    while True:
        [item] = db.call(outbox.claim_due, "w", now)
        tries += 1
        assert item.attempts == tries
        status = db.call(outbox.mark_failed, item.id, "Connection refused by smtp.example", now)
        if status == "failed":
            return tries, now
        row = _row(db, outbox_id)
        assert db.call(outbox.claim_due, "w", row.next_attempt_at - timedelta(seconds=1)) == []
        now = row.next_attempt_at


def test_failures_back_off_for_a_day_then_fail_and_keep_their_retry(people) -> None:
    db = people.db
    [outbox_id] = _enqueue(db)
    tries, last = _fail_until_given_up(db, outbox_id, T0)
    assert (tries, last) == (13, T0 + timedelta(hours=24))
    row = _row(db, outbox_id)
    assert (row.status, row.attempts) == ("failed", 13)
    assert row.last_error == "Connection refused by smtp.example"
    assert db.call(outbox.claim_due, "w", last + timedelta(days=30)) == []
    [failed] = db.call(outbox.list_failed)  # the Dashboard lists it with Retry now
    assert failed.id == outbox_id
    # Retry now gives it fresh tries: a whole new day of them
    db.call(outbox.retry_now, people.owner, outbox_id, last + timedelta(days=2))
    assert (_row(db, outbox_id).status, _row(db, outbox_id).attempts) == ("queued", 0)
    tries, again = _fail_until_given_up(db, outbox_id, last + timedelta(days=2))
    assert (tries, again) == (13, last + timedelta(days=3))


def test_the_retry_window_is_a_setting(people) -> None:
    db = people.db
    db.call(templates.set_automations, people.owner, retry_hours=6)
    assert db.call(templates.get_automations).retry_hours == 6
    [outbox_id] = _enqueue(db)
    tries, last = _fail_until_given_up(db, outbox_id, T0)
    assert last == T0 + timedelta(hours=6)
    assert tries == len(outbox.retry_schedule(timedelta(hours=6))) == 10
    with pytest.raises(ValidationError):
        db.call(templates.set_automations, people.owner, retry_hours=0)


def test_permanent_failure_marks_the_chat_message(people) -> None:
    db = people.db
    contact = db.call(contacts.create_contact, people.owner, name="Ann", email="ann@example.com")
    conversation = db.call(inbox.open_conversation_for, contact.id)
    message = db.call(inbox.reply, people.owner, conversation, "Hi", "email", T0)
    [item] = db.call(outbox.claim_due, "w", T0)
    db.call(outbox.mark_failed, item.id, "550 No such user", T0, permanent=True)
    with db.session() as s:
        row = s.get(Message, message.id)
        assert row is not None
        assert (row.delivery_status, row.delivery_error) == ("failed", "550 No such user")
    # a person retries it: fresh tries, due now
    db.call(outbox.retry_now, people.owner, item.id, T0 + timedelta(hours=1))
    row2 = _row(db, item.id)
    assert (row2.status, row2.attempts) == ("queued", 0)
    with db.session() as s:
        assert s.scalar(select(Message.delivery_status).where(Message.id == message.id)) == "queued"
    assert len(db.call(outbox.claim_due, "w", T0 + timedelta(hours=1))) == 1


def test_retry_refusals(people) -> None:
    db = people.db
    [outbox_id] = _enqueue(db)
    with pytest.raises(PermissionDenied):
        db.call(outbox.retry_now, people.nobody, outbox_id)
    db.call(outbox.claim_due, "w", T0)
    with pytest.raises(ValidationError, match="being sent"):
        db.call(outbox.retry_now, people.owner, outbox_id)
    db.call(outbox.mark_sent, outbox_id, T0)
    with pytest.raises(ValidationError, match="already been sent"):
        db.call(outbox.retry_now, people.owner, outbox_id)
    with pytest.raises(NotFound):
        db.call(outbox.retry_now, people.owner, 404)


def test_release_stale_recovers_after_a_crash(db) -> None:
    ids = _enqueue(db, 2)
    db.call(outbox.claim_due, "crashed", T0, 1)
    db.call(outbox.claim_due, "alive", T0 + timedelta(minutes=9), 1)
    released = db.call(outbox.release_stale, T0 + timedelta(minutes=10, seconds=1))
    assert released == 1
    assert _row(db, ids[0]).status == "queued"
    assert _row(db, ids[1]).status == "sending"
    [again] = db.call(outbox.claim_due, "new", T0 + timedelta(minutes=11))
    assert again.id == ids[0] and again.attempts == 2
    assert again.message_id == _row(db, ids[0]).message_id  # same ID on the retry


def _drain(url: str, worker: str, start: Any = None, rounds: int = 1000) -> list[int]:
    """Claim and "send" (a short pause) until the queue is empty; the ids this worker got.

    ``start`` is a barrier all workers pass together, so they really race.
    """
    database = Database(url)
    got: list[int] = []
    try:
        if start is not None:
            start.wait(timeout=60)
        for _ in range(rounds):
            items = database.call(outbox.claim_due, worker, T0 + timedelta(seconds=1), 3)
            if not items:
                break
            time.sleep(0.002)  # the time a send takes lets the other worker in
            for item in items:
                database.call(outbox.mark_sent, item.id, T0)
                got.append(item.id)
    finally:
        database.close()
    return got


def test_two_processes_never_get_the_same_row(db) -> None:
    ids = _enqueue(db, 150)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(2, mp_context=context) as pool:
        start = manager.Barrier(2)
        futures = [pool.submit(_drain, db.url, f"proc-{n}", start) for n in range(2)]
        results = [f.result(timeout=120) for f in futures]
    assert all(results), "both processes took part"
    combined = results[0] + results[1]
    assert sorted(combined) == ids  # every row once
    assert not set(results[0]) & set(results[1])
    assert db.call(outbox.outbox_counts) == outbox.OutboxCounts(0, 0, 150, 0)


def test_threads_never_get_the_same_row(db) -> None:
    ids = _enqueue(db, 120)
    results: dict[str, list[int]] = {}
    start = threading.Barrier(4)

    def run(name: str) -> None:
        results[name] = _drain(db.url, name, start)

    threads = [threading.Thread(target=run, args=(f"thread-{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(results) == 4
    combined = [i for got in results.values() for i in got]
    assert sorted(combined) == ids
    assert len(combined) == len(set(combined))
