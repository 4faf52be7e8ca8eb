"""Booking reminders: exactly once per booking across restarts and crashes; missed ones handled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import AuditEntry, Booking, OutboxMessage, ReminderSend
from careops_desktop.core.services import outbox, templates
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.outbox_relay import OutboxRelay
from careops_desktop.jobs.reminders import queue_booking_reminders
from tests.actors import OWNER
from tests.integrations.factories import make_booking, make_contact
from tests.integrations.smtp_server import SmtpServer

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def _outbox(db: Database) -> list[OutboxMessage]:
    with db.session() as s:
        return list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def _audit(db: Database, action: str) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _book(db: Database, start: datetime, **kw: object) -> int:
    with db.write_session() as s:
        return make_booking(s, start=start, **kw).id  # type: ignore[arg-type]


def test_due_reminders_are_queued_once_and_the_booking_marked(world: Database) -> None:
    soon = _book(world, NOW + timedelta(hours=20))
    later = _book(world, NOW + timedelta(hours=30))
    report = world.call(queue_booking_reminders, NOW)
    assert (report.queued, report.skipped) == (1, 0)
    (row,) = _outbox(world)
    assert (row.kind, row.channel, row.booking_id) == ("reminder", "email", soon)
    assert row.recipient == "ada@example.com"
    assert row.subject.startswith("Reminder: Initial assessment on ")
    assert "/manage/manage-token-" in row.body
    with world.session() as s:
        assert s.get(Booking, soon).reminder_sent_at == NOW  # type: ignore[union-attr]
        assert s.get(Booking, later).reminder_sent_at is None  # type: ignore[union-attr]
    assert world.call(queue_booking_reminders, NOW + timedelta(minutes=1)).queued == 0
    assert world.call(queue_booking_reminders, NOW + timedelta(hours=7)).queued == 1
    assert len(_outbox(world)) == 2


def test_exactly_once_across_a_restart(world: Database, db_url: str) -> None:
    for hours in (2, 5, 23):
        _book(world, NOW + timedelta(hours=hours))
    assert world.call(queue_booking_reminders, NOW).queued == 3
    world.close()
    restarted = Database(db_url)
    try:
        assert restarted.call(queue_booking_reminders, NOW + timedelta(minutes=1)).queued == 0
        assert len(_outbox(restarted)) == 3
    finally:
        restarted.close()


def test_a_crash_inside_the_transaction_leaves_neither_row_nor_mark(
    world: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    for hours in (2, 3, 4):
        _book(world, NOW + timedelta(hours=hours))
    calls = {"n": 0}
    real_enqueue = outbox.enqueue

    def enqueue_then_die(*args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real_enqueue(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outbox, "enqueue", enqueue_then_die)
    with pytest.raises(RuntimeError):
        world.call(queue_booking_reminders, NOW)
    assert _outbox(world) == []
    with world.session() as s:
        assert all(b.reminder_sent_at is None for b in s.scalars(select(Booking)))
    monkeypatch.setattr(outbox, "enqueue", real_enqueue)
    assert world.call(queue_booking_reminders, NOW).queued == 3


def test_missed_while_closed_sent_if_ahead_else_skipped_and_noted(world: Database) -> None:
    ahead = _book(world, NOW + timedelta(hours=1))  # its reminder time was yesterday
    begun = _book(world, NOW - timedelta(minutes=30))
    report = world.call(queue_booking_reminders, NOW)
    assert (report.queued, report.skipped) == (1, 1)
    assert [r.booking_id for r in _outbox(world)] == [ahead]
    (note,) = _audit(world, "reminder_skipped")
    assert note.entity_id == begun and "begun" in note.details["reason"]
    assert note.actor_name == "Reminders"


def test_booked_inside_the_window_gets_the_confirmation_only(world: Database) -> None:
    with world.write_session() as s:
        booking = make_booking(s, start=NOW + timedelta(hours=5))
        booking.created_at = NOW - timedelta(minutes=10)
        late = booking.id
    assert world.call(queue_booking_reminders, NOW).queued == 0
    assert _audit(world, "reminder_skipped")[0].entity_id == late
    # with confirmations off, the reminder is the only message: it is sent
    world.call(templates.set_automations, OWNER, confirmation=False)
    with world.write_session() as s:
        make_booking(s, start=NOW + timedelta(hours=6)).created_at = NOW - timedelta(minutes=5)
    assert world.call(queue_booking_reminders, NOW).queued == 1


def test_switch_hours_cancelled_and_sms(world: Database) -> None:
    _book(world, NOW + timedelta(hours=30))
    _book(world, NOW + timedelta(hours=3), status="cancelled")
    world.call(templates.set_automations, OWNER, reminder=False)
    assert world.call(queue_booking_reminders, NOW).queued == 0
    world.call(templates.set_automations, OWNER, reminder=True, reminder_hours=48)
    with world.write_session() as s:
        texter = make_contact(s, name="Tex", email=None, phone="+447700900123")
        make_booking(s, start=NOW + timedelta(hours=40), contact=texter)
        make_booking(s, start=NOW + timedelta(hours=41), contact=make_contact(s, email=None))
    report = world.call(queue_booking_reminders, NOW)
    assert (report.queued, report.skipped) == (2, 1)
    channels = sorted((r.channel, r.recipient) for r in _outbox(world))
    assert channels == [("email", "ada@example.com"), ("sms", "+447700900123")]
    assert next(r for r in _outbox(world) if r.channel == "sms").subject == ""


def test_rescheduled_booking_is_reminded_again(world: Database) -> None:
    booking_id = _book(world, NOW + timedelta(hours=3))
    assert world.call(queue_booking_reminders, NOW).queued == 1
    with world.write_session() as s:
        row = s.get(Booking, booking_id)
        assert row is not None
        row.start_at += timedelta(days=2)
        row.end_at += timedelta(days=2)
        row.reminder_sent_at = None  # what bookings.reschedule does
        s.execute(delete(ReminderSend).where(ReminderSend.booking_id == booking_id))
    assert world.call(queue_booking_reminders, NOW + timedelta(days=2)).queued == 1


def test_reminders_reach_the_mail_server_once_across_a_restart(
    world: Database, db_url: str, smtp_server: SmtpServer
) -> None:
    world.call(
        cfg.save_smtp,
        OWNER,
        cfg.SmtpSettings(
            host=smtp_server.host,
            port=smtp_server.port,
            security="none",
            from_address="desk@harbour-physio.example.org",
        ),
    )
    for hours in (1, 2, 3, 4):
        _book(world, NOW + timedelta(hours=hours))

    def one_app_run(database: Database, now: datetime) -> None:
        async def main() -> None:
            await database.run(queue_booking_reminders, now)
            await OutboxRelay(database, worker="app", clock=lambda: now).run_once()

        asyncio.run(main())

    one_app_run(world, NOW)
    world.close()
    restarted = Database(db_url)
    try:
        one_app_run(restarted, NOW + timedelta(minutes=5))
        rows = _outbox(restarted)
    finally:
        restarted.close()
    ids = [r.headers["Message-ID"] for r in smtp_server.received]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert set(ids) == {r.message_id for r in rows}
