"""The dashboard's "reminders due but not sent" figure and alert, and how it meets the job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, OutboxMessage
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import templates
from careops_desktop.core.services.dashboard import (
    REMINDER_GRACE,
    Alert,
    dashboard,
    reminders_due_count,
)
from careops_desktop.jobs.reminders import queue_booking_reminders
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
    add_staff_actor,
)

OWNER = Actor.system("Test owner")
NOW = datetime(2025, 5, 14, 9, 0, tzinfo=UTC)
LONG_AGO = NOW - timedelta(days=10)


class World:
    def __init__(self, db: Database) -> None:
        self.db = db
        with db.write_session() as s:
            add_business(s, timezone="Europe/London")
            self.contact = add_contact(s, "Ada Lovelace")
            self.type = add_booking_type(s, "Check-up")
        self.providers = 0

    def book(self, start: datetime, created: datetime = LONG_AGO, **kw: Any) -> int:
        """A booking with a provider of its own (so none overlap)."""
        self.providers += 1
        with self.db.write_session() as s:
            provider = add_provider(s, f"Provider {self.providers}")
            return add_booking(
                s,
                contact_id=self.contact,
                booking_type_id=self.type,
                provider_id=provider,
                start=start,
                created_at=created,
                **kw,
            )

    def set(self, booking_id: int, **values: Any) -> None:
        with self.db.write_session() as s:
            booking = s.get(Booking, booking_id)
            assert booking is not None
            for key, value in values.items():
                setattr(booking, key, value)

    def outbox(self, booking_id: int, status: str) -> None:
        with self.db.write_session() as s:
            s.add(
                OutboxMessage(
                    channel="email",
                    recipient="ada@example.com",
                    kind="reminder",
                    status=status,
                    booking_id=booking_id,
                )
            )

    def automations(self, **changes: Any) -> None:
        self.db.call(templates.set_automations, OWNER, **changes)

    def due(self, now: datetime = NOW) -> int:
        return int(self.db.call(reminders_due_count, now))


def test_only_reminders_the_job_owes_are_counted(db: Database) -> None:
    world = World(db)
    world.book(NOW + timedelta(hours=3))  # the one owed
    world.book(NOW + timedelta(hours=30))  # not in the 24-hour window yet
    sent = world.book(NOW + timedelta(hours=3))
    world.set(sent, reminder_sent_at=NOW - timedelta(hours=1))
    waiting = world.book(NOW + timedelta(hours=3))  # moved: reminder cleared, one still queued
    world.outbox(waiting, "queued")
    sending = world.book(NOW + timedelta(hours=4))
    world.outbox(sending, "sending")
    failed = world.book(NOW + timedelta(hours=5))  # its reminder failed: counted there instead
    world.set(failed, reminder_sent_at=NOW - timedelta(hours=2))
    world.outbox(failed, "failed")
    world.book(NOW + timedelta(hours=3), created=NOW - timedelta(hours=1))  # booked late
    world.book(NOW - timedelta(hours=1))  # begun: the job skips it
    world.book(NOW + timedelta(hours=2), status="cancelled")
    world.book(NOW + timedelta(hours=6), status="completed")
    world.book(NOW + timedelta(hours=24) - timedelta(minutes=2))  # due two minutes ago
    assert world.due() == 1
    data = db.call(dashboard, OWNER, NOW)
    assert data.reminders_due == 1
    assert [a.kind for a in data.alerts][:2] == ["messages_failed", "reminders_due"]
    assert data.alerts[1] == Alert("reminders_due", "1 reminder due but not sent", "reminders")
    # a few minutes later the last one is overdue too
    assert world.due(NOW + REMINDER_GRACE) == 2


def test_the_job_and_the_figure_agree(db: Database) -> None:
    world = World(db)
    for hours in (1, 5, 23):
        world.book(NOW + timedelta(hours=hours))
    world.book(NOW + timedelta(hours=3), created=NOW - timedelta(hours=1))  # booked late
    assert world.due() == 3
    report = db.call(queue_booking_reminders, NOW)
    assert (report.queued, report.skipped) == (3, 1)
    assert world.due() == 0
    assert "reminders_due" not in [a.kind for a in db.call(dashboard, OWNER, NOW).alerts]


def test_confirmations_off_means_late_bookings_are_owed_a_reminder(db: Database) -> None:
    world = World(db)
    world.book(NOW + timedelta(hours=3), created=NOW - timedelta(hours=1))
    world.book(NOW + timedelta(hours=3), created=NOW - timedelta(minutes=2))  # too fresh
    assert world.due() == 0
    world.automations(confirmation=False)
    assert world.due() == 1
    assert world.due(NOW + REMINDER_GRACE) == 2
    report = db.call(queue_booking_reminders, NOW + REMINDER_GRACE)
    assert report.queued == 2
    assert world.due(NOW + REMINDER_GRACE) == 0


def test_the_window_follows_the_automation(db: Database) -> None:
    world = World(db)
    world.book(NOW + timedelta(hours=30))
    world.book(NOW + timedelta(hours=2))
    assert world.due() == 1
    world.automations(reminder_hours=48)
    assert world.due() == 2
    world.automations(reminder=False)
    assert world.due() == 0
    assert db.call(dashboard, OWNER, NOW).reminders_due == 0


def test_before_setup_nothing_is_due(db: Database) -> None:
    assert int(db.call(reminders_due_count, NOW)) == 0


def test_who_sees_due_reminders(db: Database) -> None:
    world = World(db)
    world.book(NOW + timedelta(hours=2))
    desk = db.call(lambda s: add_staff_actor(s, can_manage_bookings=True))
    data = db.call(dashboard, desk, NOW)
    assert data.reminders_due is None
    assert "reminders_due" not in [a.kind for a in data.alerts]
    settings = db.call(
        lambda s: add_staff_actor(s, email="m@example.com", can_manage_settings=True)
    )
    assert db.call(dashboard, settings, NOW).reminders_due == 1
