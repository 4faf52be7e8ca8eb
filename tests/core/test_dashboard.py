"""The dashboard: figures on the business's local day (across DST), lists, alerts, permissions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Conversation,
    FormSubmission,
    InventoryItem,
    Message,
    OutboxMessage,
)
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import forms
from careops_desktop.core.services.dashboard import Alert, dashboard, local_day_bounds
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
    add_staff_actor,
)

OWNER = Actor.system("Test owner")
HOSTILE = "<b>bold</b>\n\n'; DROP TABLE messages; --\t\u202eevil"


def make_world(db: Database, timezone: str) -> dict[str, int]:
    with db.write_session() as s:
        add_business(s, timezone=timezone)
        return {
            "contact": add_contact(s, "Ada Lovelace"),
            "provider": add_provider(s, "Dr Grace Hopper"),
            "type": add_booking_type(s, "Check-up"),
        }


def book(
    db: Database, world: dict[str, int], start: datetime, status: str = "confirmed", **kw: Any
) -> int:
    with db.write_session() as s:
        return add_booking(
            s,
            contact_id=world["contact"],
            booking_type_id=world["type"],
            provider_id=world["provider"],
            start=start,
            status=status,
            **kw,
        )


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- today, in the business's time zone ---------------------------------------------------

# (zone, the local day, bookings as UTC starts that fall on it, and just outside it)
DST_DAYS = [
    # London springs forward: 2025-03-30 is 23 hours, 00:00 UTC to 23:00 UTC
    (
        "Europe/London",
        date(2025, 3, 30),
        [utc(2025, 3, 30, 0, 0), utc(2025, 3, 30, 22, 59)],
        [utc(2025, 3, 29, 23, 59), utc(2025, 3, 30, 23, 0)],
    ),
    # London falls back: 2025-10-26 is 25 hours, Oct 25 23:00 UTC to Oct 27 00:00 UTC
    (
        "Europe/London",
        date(2025, 10, 26),
        [utc(2025, 10, 25, 23, 0), utc(2025, 10, 26, 23, 59)],
        [utc(2025, 10, 25, 22, 59), utc(2025, 10, 27, 0, 0)],
    ),
    # New York springs forward: 2025-03-09 is 05:00 UTC to Mar 10 04:00 UTC
    (
        "America/New_York",
        date(2025, 3, 9),
        [utc(2025, 3, 9, 5, 0), utc(2025, 3, 10, 3, 59)],
        [utc(2025, 3, 9, 4, 59), utc(2025, 3, 10, 4, 0)],
    ),
    # New York falls back: 2025-11-02 is 04:00 UTC to Nov 3 05:00 UTC
    (
        "America/New_York",
        date(2025, 11, 2),
        [utc(2025, 11, 2, 4, 0), utc(2025, 11, 3, 4, 59)],
        [utc(2025, 11, 2, 3, 59), utc(2025, 11, 3, 5, 0)],
    ),
]


@pytest.mark.parametrize(("zone", "day", "inside", "outside"), DST_DAYS)
def test_today_is_the_local_day_across_dst(
    db: Database, zone: str, day: date, inside: list[datetime], outside: list[datetime]
) -> None:
    world = make_world(db, zone)
    for start in inside + outside:
        book(db, world, start)
    book(db, world, inside[0] + timedelta(minutes=30), status="cancelled")
    book(db, world, inside[0] + timedelta(minutes=60), status="completed")
    book(db, world, inside[0] + timedelta(minutes=90), status="no_show")
    for now in (inside[0], inside[1]):  # the first and the last minute of the local day
        data = db.call(dashboard, OWNER, now)
        assert data.day == day
        assert data.timezone == zone
        assert data.today_bookings == 4  # 2 + completed + no-show; cancelled left out
    hours = (inside[1] - inside[0] + timedelta(minutes=1)) / timedelta(hours=1)
    start, end = local_day_bounds(day, ZoneInfo(zone))
    assert (end - start) / timedelta(hours=1) == hours


def test_the_local_date_decides_today_not_the_utc_date(db: Database) -> None:
    world = make_world(db, "America/New_York")
    book(db, world, utc(2025, 7, 1, 15, 0))  # July 1, 11:00 local
    late_evening = utc(2025, 7, 2, 2, 0)  # July 1, 22:00 in New York, July 2 in UTC
    data = db.call(dashboard, OWNER, late_evening)
    assert data.day == date(2025, 7, 1)
    assert data.today_bookings == 1
    assert Alert("no_bookings_today", "No bookings today", "bookings") not in data.alerts


# -- figures ------------------------------------------------------------------------------

NOW = utc(2025, 5, 14, 9, 0)


def test_an_empty_day_says_no_bookings_today(db: Database) -> None:
    make_world(db, "Europe/London")
    data = db.call(dashboard, OWNER, NOW)
    assert (data.today_bookings, data.upcoming_bookings, data.pending_forms) == (0, 0, 0)
    assert (data.new_inquiries, data.low_stock_count, data.failed_messages) == (0, 0, 0)
    assert data.alerts == (Alert("no_bookings_today", "No bookings today", "bookings"),)
    assert data.recent_bookings == () and data.recent_conversations == ()


def test_upcoming_counts_confirmed_bookings_from_now(db: Database) -> None:
    world = make_world(db, "Europe/London")
    book(db, world, NOW - timedelta(minutes=1))  # started already
    book(db, world, NOW)
    book(db, world, NOW + timedelta(days=80))
    book(db, world, NOW + timedelta(days=1), status="cancelled")
    book(db, world, NOW + timedelta(days=1), status="completed")
    assert db.call(dashboard, OWNER, NOW).upcoming_bookings == 2


def _conversation(s: Session, contact_id: int, **kw: Any) -> int:
    conversation = Conversation(contact_id=contact_id, **kw)
    s.add(conversation)
    s.flush()
    return conversation.id


def test_new_inquiries_are_open_conversations_with_unread_messages(db: Database) -> None:
    world = make_world(db, "Europe/London")
    with db.write_session() as s:
        _conversation(s, world["contact"], is_open=True, unread_count=2)
        _conversation(s, world["contact"], is_open=True, unread_count=1)
        _conversation(s, world["contact"], is_open=True, unread_count=0)  # read already
        _conversation(s, world["contact"], is_open=False, unread_count=3)  # closed
    assert db.call(dashboard, OWNER, NOW).new_inquiries == 2


def test_forms_stock_and_failed_messages_raise_alerts_most_urgent_first(db: Database) -> None:
    world = make_world(db, "Europe/London")
    form = db.call(forms.create_form, OWNER, name="Intake", fields=[{"key": "a", "label": "A"}])
    db.call(forms.attach_form, OWNER, world["type"], form.id)
    for days in (1, 2, 3):
        booking = book(db, world, NOW + timedelta(days=days))
        db.call(forms.create_submissions_for_booking, booking, NOW)
    with db.write_session() as s:
        first = s.get(FormSubmission, 1)
        assert first is not None
        first.status = "overdue"
        s.add(InventoryItem(name="Gloves", quantity=1, low_threshold=5))
        s.add(InventoryItem(name="Masks", quantity=0, low_threshold=0))
        s.add(InventoryItem(name="Old", quantity=0, low_threshold=9, is_active=False))
        s.add(InventoryItem(name="Plenty", quantity=50, low_threshold=5))
        s.add(OutboxMessage(channel="email", recipient="a@example.com", status="failed"))
        s.add(OutboxMessage(channel="email", recipient="b@example.com", status="sent"))
    data = db.call(dashboard, OWNER, NOW)
    assert (data.pending_forms, data.overdue_forms) == (2, 1)
    assert (data.low_stock_count, data.failed_messages) == (2, 1)
    assert data.alerts == (
        Alert("messages_failed", "1 message could not be sent", "outbox"),
        Alert("forms_overdue", "1 form overdue", "forms"),
        Alert("low_stock", "2 items low on stock", "inventory"),
        Alert("forms_pending", "2 forms pending", "forms"),
        Alert("no_bookings_today", "No bookings today", "bookings"),
    )


# -- recent lists -------------------------------------------------------------------------


def test_recent_bookings_are_the_last_five_created_with_names_and_local_time(
    db: Database,
) -> None:
    world = make_world(db, "America/New_York")
    for n in range(7):
        book(db, world, NOW + timedelta(days=n), created_at=NOW - timedelta(hours=10 - n))
    recent = db.call(dashboard, OWNER, NOW).recent_bookings
    assert len(recent) == 5
    assert [r.start_at for r in recent] == [NOW + timedelta(days=n) for n in (6, 5, 4, 3, 2)]
    newest = recent[0]
    assert (newest.contact_name, newest.booking_type_name, newest.provider_name) == (
        "Ada Lovelace",
        "Check-up",
        "Dr Grace Hopper",
    )
    assert newest.start_local.utcoffset() == timedelta(hours=-4)  # EDT in May
    assert newest.start_local.hour == 5


def test_recent_conversations_show_the_latest_message_on_one_line(db: Database) -> None:
    world = make_world(db, "Europe/London")
    with db.write_session() as s:
        ids = [
            _conversation(s, world["contact"], updated_at=NOW - timedelta(hours=n))
            for n in range(6)
        ]
        for n, content in enumerate(["older", HOSTILE]):
            s.add(
                Message(
                    conversation_id=ids[0],
                    direction="in",
                    sender_type="customer",
                    content=content,
                    channel="email",
                    created_at=NOW - timedelta(minutes=10 - n),
                )
            )
        s.add(
            Message(
                conversation_id=ids[1],
                direction="in",
                sender_type="customer",
                content="x" * 500,
                channel="sms",
            )
        )
    recent = db.call(dashboard, OWNER, NOW).recent_conversations
    assert [c.id for c in recent] == ids[:5]
    assert recent[0].preview == "<b>bold</b> '; DROP TABLE messages; -- \u202eevil"
    assert recent[0].contact_name == "Ada Lovelace"
    assert recent[1].preview == "x" * 119 + "…"
    assert recent[2].preview == ""


# -- who sees what ------------------------------------------------------------------------


def test_sections_follow_permissions(db: Database) -> None:
    world = make_world(db, "Europe/London")
    with db.write_session() as s:
        _conversation(s, world["contact"], unread_count=1)
        s.add(InventoryItem(name="Gloves", quantity=0, low_threshold=5))
        s.add(OutboxMessage(channel="sms", recipient="+447700900123", status="failed"))
    desk = db.call(lambda s: add_staff_actor(s, can_manage_bookings=True))
    data = db.call(dashboard, desk, NOW)
    assert (data.new_inquiries, data.low_stock_count, data.failed_messages) == (None, None, None)
    assert data.recent_conversations == ()
    assert [a.kind for a in data.alerts] == ["no_bookings_today"]
    inbox = db.call(lambda s: add_staff_actor(s, email="i@example.com", can_manage_inbox=True))
    data = db.call(dashboard, inbox, NOW)
    assert (data.new_inquiries, data.low_stock_count, data.failed_messages) == (1, None, 1)
    assert len(data.recent_conversations) == 1
    stock = db.call(lambda s: add_staff_actor(s, email="v@example.com", can_view_inventory=True))
    assert db.call(dashboard, stock, NOW).low_stock_count == 1


# -- the queries use indexes --------------------------------------------------------------

BIG_TABLES = ("bookings", "conversations", "messages", "form_submissions", "outbox")


@pytest.fixture
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", remember)
    yield seen
    event.remove(db.engine, "before_cursor_execute", remember)


@pytest.mark.sqlite_only  # about SQLite itself
def test_no_dashboard_query_scans_a_big_table(
    db: Database, statements: list[tuple[str, Any]]
) -> None:
    world = make_world(db, "Europe/London")
    book(db, world, NOW)
    with db.write_session() as s:
        _conversation(s, world["contact"], unread_count=1)
    statements.clear()
    db.call(dashboard, OWNER, NOW)
    assert len(statements) >= 8
    with db.engine.connect() as connection:
        for statement, params in statements:
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            for row in plan:
                detail = str(row[-1])
                match = re.match(r"SCAN (\w+)", detail)
                if match and match.group(1) in BIG_TABLES:
                    assert "USING" in detail and "INDEX" in detail, (statement, detail)
        assert connection.execute(text("SELECT 1")).scalar() == 1
