"""The demo builder: a believable business whose numbers add up, built on a real SQLite file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.demo import (
    MANAGER_EMAIL,
    MANAGER_PASSWORD,
    OWNER_EMAIL,
    OWNER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    DemoSummary,
    build_demo,
)
from careops_desktop.core.errors import AuthenticationFailed, ValidationError
from careops_desktop.core.models import (
    Availability,
    Booking,
    Business,
    Contact,
    Conversation,
    InventoryItem,
    Message,
    OutboxMessage,
    Provider,
)
from careops_desktop.core.permissions import Permission, Role
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import auth, contacts, inbox
from careops_desktop.core.services.inbox import UNREADABLE_NOTE

TODAY = date(2025, 4, 10)  # three weeks back reach the clocks going forward on 30 March
ZONE = ZoneInfo("Europe/London")
NOW = datetime.combine(TODAY, time(12, 0), tzinfo=ZONE).astimezone(UTC)
ROOT = Path(__file__).resolve().parents[2]


def _fresh(path: Path) -> Database:
    database = Database(f"sqlite:///{path}")
    upgrade_to_head(database.engine)
    return database


class Built(NamedTuple):
    database: Database
    summary: DemoSummary
    reports: list[tuple[int, int, str]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The small demo, built once for this module's read-only checks."""
    database = _fresh(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    reports: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, label: str) -> None:
        reports.append((done, total, label))

    summary = build_demo(database, "small", today=TODAY, progress=progress)
    yield Built(database, summary, reports)
    database.close()


def _scalar(database: Database, sql: str) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def test_small_demo_has_a_few_hundred_rows_in_each_table(built: Built) -> None:
    database, summary = built.database, built.summary
    rows = summary.rows
    assert 300 <= rows["bookings"] <= 1_500
    assert rows["contacts"] == 402 == rows["conversations"]  # 400 + two booked on the page
    assert 1_000 <= rows["messages"] <= 3_000
    assert 150 <= rows["form_submissions"] <= 1_000
    assert 300 <= rows["stock_movements"] <= 3_000
    assert rows["audit_log"] >= 100
    assert rows["providers"] == 3 and rows["users"] == 3 and rows["booking_types"] >= 5
    assert 5 <= rows["outbox"] <= 30
    for table, count in rows.items():  # the summary tells the truth
        assert _scalar(database, f"SELECT count(*) FROM {table}") == count, table
    assert 0.5 <= summary.fill <= 0.7


def test_no_provider_has_two_bookings_at_once(built: Built) -> None:
    database = built.database
    overlaps = _scalar(
        database,
        "SELECT count(*) FROM bookings a JOIN bookings b ON a.provider_id = b.provider_id "
        "AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at "
        "AND a.status != 'cancelled' AND b.status != 'cancelled'",  # freed time is booked again
    )
    assert overlaps == 0


def test_every_quantity_is_the_sum_of_its_movements(built: Built) -> None:
    database = built.database
    mismatched = _scalar(
        database,
        "SELECT count(*) FROM inventory_items i WHERE i.quantity != "
        "(SELECT coalesce(sum(m.delta), 0) FROM stock_movements m WHERE m.item_id = i.id)",
    )
    assert mismatched == 0
    with database.session() as session:
        items = session.execute(
            select(InventoryItem.quantity, InventoryItem.low_threshold, InventoryItem.low_alerted)
        ).all()
    low = [q for q, threshold, alerted in items if q <= threshold and alerted]
    assert 1 <= len(low) < len(items)
    assert all(q >= 0 for q, _, _ in items)
    # booking movements belong to bookings whose type uses that item
    strays = _scalar(
        database,
        "SELECT count(*) FROM stock_movements m JOIN bookings b ON b.id = m.booking_id "
        "WHERE NOT EXISTS (SELECT 1 FROM booking_type_stock s WHERE "
        "s.booking_type_id = b.booking_type_id AND s.item_id = m.item_id)",
    )
    assert strays == 0


def test_every_booking_is_with_a_provider_who_offers_its_type(
    built: Built,
) -> None:
    database = built.database
    assert (
        _scalar(
            database,
            "SELECT count(*) FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM "
            "booking_type_providers l WHERE l.provider_id = b.provider_id "
            "AND l.booking_type_id = b.booking_type_id)",
        )
        == 0
    )


def test_bookings_sit_inside_opening_hours_in_local_time_across_the_dst_change(
    built: Built,
) -> None:
    database = built.database
    with database.session() as session:
        hours: dict[tuple[int, int], list[tuple[time, time]]] = {}
        for a in session.scalars(select(Availability)):
            hours.setdefault((a.provider_id, a.weekday), []).append((a.start_time, a.end_time))
        bookings = session.execute(
            select(Booking.provider_id, Booking.start_at, Booking.end_at)
        ).all()
    assert all(b.start_at.tzinfo is UTC for b in bookings)
    seen_offsets = set()
    for provider_id, start, end in bookings:
        local_start, local_end = start.astimezone(ZONE), end.astimezone(ZONE)
        seen_offsets.add(local_start.utcoffset())
        ranges = hours[(provider_id, local_start.weekday())]
        assert any(
            opens <= local_start.time() and local_end.time() <= closes for opens, closes in ranges
        ), (provider_id, local_start)
    assert seen_offsets == {timedelta(0), timedelta(hours=1)}  # both sides of the change


def test_statuses_and_times_make_sense_as_of_now(built: Built) -> None:
    database = built.database
    with database.session() as session:
        rows = session.execute(
            select(Booking.status, Booking.start_at, Booking.created_at, Booking.cancelled_at)
        ).all()
        latest_message = session.scalar(select(func.max(Message.created_at)))
        business = session.scalars(select(Business)).one()
    assert {r.status for r in rows} == {"confirmed", "completed", "no_show", "cancelled"}
    assert all(r.created_at <= NOW for r in rows)
    assert all((r.status == "cancelled") == (r.cancelled_at is not None) for r in rows)
    assert all(r.status in ("confirmed", "cancelled") for r in rows if r.start_at > NOW)
    assert any(r.start_at > NOW + timedelta(days=7) for r in rows)  # the diary looks ahead
    assert latest_message is not None and latest_message <= NOW
    assert business.is_active and business.page_enabled
    assert business.timezone == "Europe/London"


def test_inbox_forms_and_outbox_show_every_state(built: Built) -> None:
    database = built.database
    statuses = {
        row[0]: row[1]
        for row in database.engine.connect().execute(
            text("SELECT status, count(*) FROM form_submissions GROUP BY status")
        )
    }
    assert set(statuses) == {"pending", "completed", "overdue"}
    assert _scalar(database, "SELECT count(*) FROM conversations WHERE unread_count > 0") >= 3
    assert _scalar(database, "SELECT count(*) FROM conversations WHERE is_open = 0") >= 50
    assert (
        _scalar(database, "SELECT count(*) FROM form_submissions WHERE status = 'pending' "
                f"AND due_at <= '{NOW.replace(tzinfo=None)}'")
        == 0
    )  # fmt: skip
    with database.session() as session:
        outbox = session.execute(select(OutboxMessage.status, OutboxMessage.last_error)).all()
        staff_replies = session.scalar(
            select(func.count()).select_from(Message).where(Message.sender_type == "staff")
        )
    assert [r.status for r in outbox].count("failed") == 1
    assert {r.status for r in outbox} == {"sent", "failed", "queued", "bounced"}
    assert all(r.last_error for r in outbox if r.status == "failed")
    assert staff_replies and staff_replies > 50


def test_a_new_user_meets_a_duplicate_a_bounce_an_automatic_reply_and_an_unreadable_email(
    built: Built,
) -> None:
    database = built.database
    owner = database.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD)
    with database.session() as session:
        assert contacts.count_possible_duplicates(session, owner) == 1
        marked = session.scalars(select(Contact).where(Contact.duplicate_of_id.is_not(None))).one()
        first = session.get(Contact, marked.duplicate_of_id)
        assert first is not None and first.phone == marked.phone and first.email != marked.email
        page_bookings = session.scalars(
            select(Booking.source).where(Booking.contact_id.in_((first.id, marked.id)))
        ).all()
        assert page_bookings == ["web", "web"]  # both made by the booking page's service

        bounced = session.scalars(
            select(OutboxMessage).where(OutboxMessage.status == "bounced")
        ).one()
        assert "5.1.1" in bounced.last_error
        chat = session.get(Message, bounced.chat_message_id)
        assert chat is not None and chat.delivery_status == "bounced"
        failing = inbox.failing_addresses(session)
        assert [f.address for f in failing] == [bounced.recipient]
        assert failing[0].contact_id is not None
        conversation = session.scalar(
            select(Conversation.id).where(Conversation.contact_id == failing[0].contact_id)
        )
        assert conversation is not None
        assert inbox.failing_for_conversation(session, conversation) is not None

        auto = session.scalars(
            select(Message).where(
                Message.sender_type == "system",
                Message.direction == "in",
                Message.content.contains("sent an automatic reply"),
            )
        ).one()
        assert auto.channel == "email" and auto.delivery_status == "received"

        unreadable = session.scalars(
            select(Message).where(Message.content == UNREADABLE_NOTE)
        ).one()
        assert unreadable.direction == "in" and unreadable.raw
        thread = session.get(Conversation, unreadable.conversation_id)
        assert thread is not None and thread.is_open and thread.unread_count >= 1


def test_every_contact_can_be_reached_and_no_real_phone_is_used(
    built: Built,
) -> None:
    database = built.database
    with database.session() as session:
        contacts = session.execute(select(Contact.email, Contact.phone)).all()
    assert all(c.email or c.phone for c in contacts)
    assert all(c.email is None or c.email == c.email.lower() for c in contacts)
    assert all(c.email is None or c.email.split("@")[1].startswith(("example.", "mail.example",
               "post.example")) for c in contacts)  # fmt: skip
    assert all(c.phone is None or c.phone.startswith(("+447700900", "+442079460"))
               for c in contacts)  # fmt: skip


def test_the_demo_accounts_sign_in_with_the_documented_passwords(
    built: Built,
) -> None:
    database = built.database
    owner = database.call(auth.login, OWNER_EMAIL, OWNER_PASSWORD)
    manager = database.call(auth.login, MANAGER_EMAIL, MANAGER_PASSWORD)
    staff = database.call(auth.login, STAFF_EMAIL, STAFF_PASSWORD)
    assert owner.role is Role.OWNER and manager.role is Role.MANAGER
    assert staff.role is Role.STAFF
    assert staff.can(Permission.MANAGE_BOOKINGS)
    assert not staff.can(Permission.MANAGE_SETTINGS)
    assert not staff.can(Permission.VIEW_INVENTORY)
    with pytest.raises(AuthenticationFailed):
        database.call(auth.login, OWNER_EMAIL, "wrong-password")
    with database.session() as session:
        practitioners = session.scalars(
            select(Provider.user_id).where(Provider.kind == "practitioner")
        ).all()
    assert owner.user_id in practitioners and staff.user_id in practitioners


def test_progress_is_reported_up_to_the_total(built: Built) -> None:
    reports = built.reports
    assert len(reports) >= 5
    assert all(0 <= done <= total for done, total, _ in reports)
    assert reports[-1][0] == reports[-1][1]
    dones = [done for done, _, _ in reports]
    assert dones == sorted(dones)


def test_same_day_same_demo(built: Built, tmp_path: Path) -> None:
    database = built.database
    again = _fresh(tmp_path / "again.sqlite3")
    try:
        build_demo(again, "small", today=TODAY)
        query = (
            "SELECT b.provider_id, b.booking_type_id, b.start_at, b.status, c.name "
            "FROM bookings b JOIN contacts c ON c.id = b.contact_id ORDER BY b.id"
        )
        with database.engine.connect() as one, again.engine.connect() as two:
            assert one.execute(text(query)).all() == two.execute(text(query)).all()
            tokens = "SELECT manage_token FROM bookings ORDER BY id LIMIT 5"
            assert one.execute(text(tokens)).all() != two.execute(text(tokens)).all()
    finally:
        again.close()


def test_refuses_a_database_that_already_has_a_business(
    built: Built,
) -> None:
    database = built.database
    before = _scalar(database, "SELECT count(*) FROM bookings")
    with pytest.raises(ValidationError) as refused:
        build_demo(database, "small", today=TODAY)
    assert "already has a business" in str(refused.value)
    assert _scalar(database, "SELECT count(*) FROM bookings") == before


def test_refuses_an_unknown_size(db: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        build_demo(db, "huge")
    assert refused.value.fields == {"size": "Choose one of: small, large."}


def test_cancelling_from_progress_leaves_nothing(db: Database) -> None:
    class Stop(Exception):
        pass

    def stop_midway(done: int, total: int, label: str) -> None:
        if label == "messages":
            raise Stop

    with pytest.raises(Stop):
        build_demo(db, "small", today=TODAY, progress=stop_midway)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Business)) == 0
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


@pytest.mark.slow
def test_cli_demo_prints_progress_and_summary_then_refuses_a_second_time(tmp_path: Path) -> None:
    target = tmp_path / "cli-demo.sqlite3"
    command = [
        sys.executable,
        "-m",
        "careops_desktop",
        "--db",
        str(target),
        "demo",
        "--size",
        "small",
    ]
    first = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "100%" in first.stdout
    assert "bookings" in first.stdout and OWNER_EMAIL in first.stdout
    assert OWNER_PASSWORD in first.stdout
    second = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert second.returncode == 2
    assert "already has a business" in second.stderr


def test_small_demo_builds_on_either_database_and_ids_continue_after_it(db: Database) -> None:
    summary = build_demo(db, "small", today=TODAY)
    assert summary.rows["bookings"] > 300

    def add_contact(session: Session) -> int:
        contact = Contact(name="Walk-in Customer", email="walk.in@example.com")
        session.add(contact)
        session.flush()
        return contact.id

    assert db.call(add_contact) == summary.rows["contacts"] + 1  # sequences moved past the demo
    with db.session() as session:
        overlaps = session.scalar(
            text(
                "SELECT count(*) FROM bookings a JOIN bookings b ON a.provider_id = b.provider_id "
                "AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at "
                # a cancelled booking's freed time is booked again
                "AND a.status != 'cancelled' AND b.status != 'cancelled'"
            )
        )
    assert overlaps == 0
