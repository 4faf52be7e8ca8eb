"""Form reminders before the due time, overdue marking at it, low-stock alerts once per crossing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Form,
    FormSubmission,
    InventoryItem,
    OutboxMessage,
    Staff,
    User,
)
from careops_desktop.core.services import templates
from careops_desktop.jobs.form_reminders import queue_form_reminders
from careops_desktop.jobs.low_stock import queue_low_stock_alerts
from tests.actors import OWNER
from tests.integrations.factories import make_booking, make_contact

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def _outbox(db: Database) -> list[OutboxMessage]:
    with db.session() as s:
        return list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def _submission(
    db: Database, due_in: timedelta, *, booked_ago: timedelta = timedelta(days=2), **contact: object
) -> int:
    with db.write_session() as s:
        form = Form(name="Health questionnaire", fields=[])
        s.add(form)
        person = make_contact(s, **contact)  # type: ignore[arg-type]
        booking = make_booking(s, start=NOW + due_in + timedelta(hours=24), contact=person)
        booking.created_at = NOW - booked_ago
        s.flush()
        row = FormSubmission(
            form_id=form.id,
            booking_id=booking.id,
            contact_id=person.id,
            token=f"form-token-{booking.id}",
            status="pending",
            due_at=NOW + due_in,
        )
        s.add(row)
        s.flush()
        return row.id


def _status(db: Database, submission_id: int) -> tuple[str, datetime | None]:
    with db.session() as s:
        row = s.get(FormSubmission, submission_id)
        assert row is not None
        return row.status, row.reminded_at


def test_form_reminder_once_before_due(world: Database) -> None:
    due_soon = _submission(world, timedelta(hours=10))
    due_later = _submission(world, timedelta(hours=30))
    report = world.call(queue_form_reminders, NOW)
    assert (report.reminded, report.overdue) == (1, 0)
    (row,) = _outbox(world)
    assert row.kind == "form_reminder" and row.recipient == "ada@example.com"
    assert "/forms/form-token-" in row.body
    assert _status(world, due_soon) == ("pending", NOW)
    assert _status(world, due_later) == ("pending", None)
    assert world.call(queue_form_reminders, NOW + timedelta(minutes=1)).reminded == 0
    assert world.call(queue_form_reminders, NOW + timedelta(hours=19)).reminded == 1


def test_overdue_at_the_due_time_even_with_reminders_off(world: Database) -> None:
    world.call(templates.set_automations, OWNER, form_reminder=False)
    late = _submission(world, timedelta(hours=1))
    assert world.call(queue_form_reminders, NOW).reminded == 0
    assert _status(world, late) == ("pending", None)
    report = world.call(queue_form_reminders, NOW + timedelta(hours=1))
    assert report.overdue == 1
    assert _status(world, late)[0] == "overdue"
    assert _outbox(world) == []


def test_no_reminder_right_behind_the_form_link(world: Database) -> None:
    fresh = _submission(world, timedelta(hours=8), booked_ago=timedelta(hours=1))
    assert world.call(queue_form_reminders, NOW).reminded == 0
    assert _status(world, fresh) == ("pending", None)
    assert world.call(queue_form_reminders, NOW + timedelta(hours=6)).reminded == 1


def test_form_reminder_by_sms_or_not_at_all(world: Database) -> None:
    _submission(world, timedelta(hours=5), email=None, phone="+447700900123")
    nobody = _submission(world, timedelta(hours=5), email=None, phone=None)
    assert world.call(queue_form_reminders, NOW).reminded == 1
    (row,) = _outbox(world)
    assert (row.channel, row.recipient, row.subject) == ("sms", "+447700900123", "")
    assert _status(world, nobody)[1] == NOW  # looked at once, not every minute


# -- low stock --------------------------------------------------------------------------------


def _people(db: Database) -> None:
    with db.write_session() as s:
        for n, (role, active) in enumerate(
            [("owner", True), ("manager", True), ("staff", True), ("manager", False)]
        ):
            user = User(
                email=f"{role}{n}@harbour.example.org",
                password_hash="x",
                full_name=f"{role} {n}",
                is_active=active,
            )
            s.add(user)
            s.flush()
            s.add(Staff(user_id=user.id, role=role))


def _item(db: Database, name: str, quantity: int, threshold: int = 5) -> int:
    with db.write_session() as s:
        item = InventoryItem(name=name, unit="boxes", quantity=quantity, low_threshold=threshold)
        item.low_alerted = quantity <= threshold
        s.add(item)
        s.flush()
        return item.id


def _set_quantity(db: Database, item_id: int, quantity: int) -> None:
    """What the core does on a stock movement: move the count, settle the crossing flag."""
    with db.write_session() as s:
        item = s.get(InventoryItem, item_id)
        assert item is not None
        item.quantity = quantity
        item.low_alerted = quantity <= item.low_threshold


def test_low_stock_alerts_managers_once_per_crossing(world: Database) -> None:
    _people(world)
    gloves = _item(world, "Gloves", 3)
    _item(world, "Tape", 50)
    report = world.call(queue_low_stock_alerts, NOW)
    assert (report.items_alerted, report.messages) == (1, 2)
    rows = _outbox(world)
    assert sorted(r.recipient for r in rows) == [
        "manager1@harbour.example.org",
        "owner0@harbour.example.org",
    ]
    assert rows[0].subject == "Low stock: Gloves" and "3 boxes" in rows[0].body
    assert world.call(queue_low_stock_alerts, NOW).messages == 0
    _set_quantity(world, gloves, 2)  # lower still: the same crossing
    assert world.call(queue_low_stock_alerts, NOW).messages == 0
    _set_quantity(world, gloves, 40)  # restocked
    assert world.call(queue_low_stock_alerts, NOW).recovered == 1
    _set_quantity(world, gloves, 4)  # the next crossing
    assert world.call(queue_low_stock_alerts, NOW).messages == 2
    assert len(_outbox(world)) == 4


def test_low_stock_switched_off_then_on(world: Database) -> None:
    _people(world)
    world.call(templates.set_automations, OWNER, low_stock=False)
    _item(world, "Gloves", 1)
    assert world.call(queue_low_stock_alerts, NOW).messages == 0
    world.call(templates.set_automations, OWNER, low_stock=True)
    assert world.call(queue_low_stock_alerts, NOW).messages == 2


def test_automations_before_setup_do_nothing(db: Database) -> None:
    assert db.call(queue_low_stock_alerts, NOW).messages == 0
    assert db.call(queue_form_reminders, NOW).reminded == 0
