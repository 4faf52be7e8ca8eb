"""Reminder rules per booking type, follow-ups, and the migration of the single reminder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import Booking, BookingType, OutboxMessage, ReminderRule
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.schema import downgrade, upgrade_to_head
from careops_desktop.core.services import answers, templates
from tests.actors import OWNER
from tests.integrations.factories import make_booking, make_business, make_contact

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
DESK = Actor(user_id=None, name="Desk", role=Role.STAFF, permissions=permissions_for(Role.STAFF))


@pytest.fixture
def world(db: Database) -> Database:
    with db.write_session() as s:
        make_business(s)
    return db


def _type_of(db: Database, booking_id: int) -> int:
    with db.session() as s:
        return int(s.scalar(select(Booking.booking_type_id).where(Booking.id == booking_id)))


def _kinds(db: Database) -> list[tuple[str, str]]:
    with db.session() as s:
        return [
            (r.kind, r.channel) for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        ]


def test_a_type_without_a_list_has_the_standard_reminder(world: Database) -> None:
    with world.write_session() as s:
        booking_id = make_booking(s, start=NOW + timedelta(hours=30)).id
    (listed,) = world.call(answers.list_type_reminders)
    assert (listed.own, listed.rules) == (False, (answers.Rule(0, None, 24),))
    world.call(templates.set_automations, OWNER, reminder_hours=36)
    (listed,) = world.call(answers.list_type_reminders)
    assert listed.rules[0].hours_before == 36
    assert world.call(answers.queue_booking_reminders, NOW).queued == 1
    assert _kinds(world) == [("reminder", "email")]
    assert _type_of(world, booking_id) == listed.booking_type_id


def test_saving_a_list_keeps_unchanged_rules_and_checks_input(world: Database) -> None:
    with world.write_session() as s:
        type_id = make_booking(s, start=NOW + timedelta(days=5)).booking_type_id
    saved = world.call(answers.set_type_reminders, OWNER, type_id, [("email", 48), ("sms", 2)], 42)
    assert saved.own and saved.rebook_after_days == 42
    assert [(r.channel, r.hours_before) for r in saved.rules] == [("email", 48), ("sms", 2)]
    kept = next(r.key for r in saved.rules if r.channel == "email")
    again = world.call(answers.set_type_reminders, OWNER, type_id, [("email", 48), ("sms", 3)])
    assert next(r.key for r in again.rules if r.channel == "email") == kept
    empty = world.call(answers.set_type_reminders, OWNER, type_id, [])
    assert (empty.own, empty.rules) == (True, ())  # reminders off for this type
    for bad in (
        [("fax", 2)],
        [("sms", 0)],
        [("sms", 400)],
        [("sms", 2), ("sms", 2)],
        [("sms", h) for h in range(1, 8)],
    ):
        with pytest.raises(ValidationError) as caught:
            world.call(answers.set_type_reminders, OWNER, type_id, bad)
        assert "rules" in caught.value.fields
    with pytest.raises(ValidationError):
        world.call(answers.set_type_reminders, OWNER, type_id, [], 0)
    with pytest.raises(PermissionDenied):
        world.call(answers.set_type_reminders, DESK, type_id, [])


def test_each_rule_once_and_booked_late_rules_skipped(world: Database) -> None:
    with world.write_session() as s:
        booking = make_booking(s, start=NOW + timedelta(hours=30))
        booking.created_at = NOW - timedelta(hours=1)  # booked inside the 48-hour window
        booking_id, type_id = booking.id, booking.booking_type_id
    world.call(answers.set_type_reminders, OWNER, type_id, [("email", 48), ("email", 2)])
    report = world.call(answers.queue_booking_reminders, NOW)
    assert (report.queued, report.skipped) == (0, 1)
    assert world.call(answers.queue_booking_reminders, NOW + timedelta(hours=28)).queued == 1
    assert world.call(answers.queue_booking_reminders, NOW + timedelta(hours=29)).queued == 0
    with world.session() as s:
        assert s.get(Booking, booking_id).reminder_sent_at == NOW + timedelta(hours=28)  # type: ignore[union-attr]


def test_follow_ups_off_by_default_then_once_each(world: Database) -> None:
    with world.write_session() as s:
        ada = make_contact(s)
        missed = make_booking(s, start=NOW - timedelta(hours=5), contact=ada, status="no_show")
        done = make_booking(s, start=NOW - timedelta(days=29), contact=ada, status="completed")
        old = make_booking(s, start=NOW - timedelta(days=90), contact=ada, status="completed")
        missed_id, done_id, old_id = missed.id, done.id, old.id
    assert world.call(answers.queue_followups, NOW).queued == 0
    world.call(templates.set_automations, OWNER, followup_no_show=True, followup_rebook=True)
    report = world.call(answers.queue_followups, NOW)
    assert (report.queued, report.skipped) == (2, 0)
    assert world.call(answers.queue_followups, NOW + timedelta(minutes=1)).queued == 0
    with world.session() as s:
        rows = {r.booking_id: r for r in s.scalars(select(OutboxMessage))}
        slug = s.scalar(select(BookingType.slug).join(Booking).where(Booking.id == done_id))
    assert rows[missed_id].subject == "We missed you, Ada Lovelace"
    assert "/book/" not in rows[missed_id].body and "http://" in rows[missed_id].body
    assert rows[done_id].subject == "Book your next Initial assessment"
    assert f"/book/{slug}" in rows[done_id].body
    assert any(link.endswith(f"/book/{slug}") for link in rows[done_id].links)
    assert old_id not in rows  # long past: switching on never writes about old history


def test_no_marketing_and_a_later_visit_stop_follow_ups(world: Database) -> None:
    world.call(templates.set_automations, OWNER, followup_rebook=True)
    with world.write_session() as s:
        quiet = make_contact(s, name="Quiet", email="quiet@example.com")
        quiet.no_marketing = True
        make_booking(s, start=NOW - timedelta(days=29), contact=quiet, status="completed")
        keen = make_contact(s, name="Keen", email="keen@example.com")
        make_booking(s, start=NOW - timedelta(days=29), contact=keen, status="completed")
        make_booking(s, start=NOW + timedelta(days=3), contact=keen)
    report = world.call(answers.queue_followups, NOW)
    assert (report.queued, report.skipped) == (0, 2)


def test_the_migration_turns_the_single_reminder_into_one_rule_per_type(world: Database) -> None:
    world.call(templates.set_automations, OWNER, reminder_hours=36)
    with world.write_session() as s:
        reminded = make_booking(s, start=NOW + timedelta(hours=10))
        reminded.reminder_sent_at = NOW - timedelta(hours=20)
        reminded_id = reminded.id
        make_booking(s, start=NOW + timedelta(hours=20))
    downgrade(world.engine, "0009")
    assert "reminder_rules" not in inspect(world.engine).get_table_names()
    upgrade_to_head(world.engine)
    listed = world.call(answers.list_type_reminders)
    assert [(t.own, [(r.channel, r.hours_before) for r in t.rules]) for t in listed] == [
        (True, [("email", 36)]),
        (True, [("email", 36)]),
    ]
    with world.session() as s:
        assert len(s.scalars(select(ReminderRule)).all()) == 2
    report = world.call(answers.queue_booking_reminders, NOW)
    assert report.queued == 1  # the one reminded before the upgrade is not reminded again
    with world.session() as s:
        assert s.scalar(select(OutboxMessage.booking_id)) != reminded_id


def test_a_booking_marked_reminded_without_a_send_row_is_not_reminded_again(
    world: Database,
) -> None:
    with world.write_session() as s:
        booking = make_booking(s, start=NOW + timedelta(hours=5))
        booking.reminder_sent_at = NOW - timedelta(hours=10)  # as the demo writes its rows
    assert world.call(answers.queue_booking_reminders, NOW).queued == 0
    assert _kinds(world) == []
