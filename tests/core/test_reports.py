"""Every report figure against the test's own SQL, on the small demo across a DST change."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import (
    Conversation,
    Form,
    FormSubmission,
    InventoryItem,
    Message,
    StockMovement,
)
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports import (
    REPORTS,
    bookings_report,
    contacts_report,
    day_sheet,
    forms_report,
    inbox_report,
    inventory_report,
    run_report,
)
from tests.core import seed_rows
from tests.core.report_world import END, END_UTC, NOW, START, START_UTC, small_demo_path

SYSTEM = Actor.system("Report test")
RANGE = {"s": START_UTC, "e": END_UTC}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{small_demo_path(tmp_path_factory)}")
    yield database
    database.close()


def _sql(database: Database, sql: str, **params: object) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params or RANGE)]


def _one(database: Database, sql: str, **params: object) -> object:
    return _sql(database, sql, **params)[0][0]


def _count_by_status(database: Database, table: str, column: str) -> dict[object, object]:
    """Rows of ``table`` per status whose ``column`` falls in the report range, by our own SQL."""
    return dict(
        _sql(
            database,
            f"SELECT status, count(*) FROM {table} WHERE {column} >= :s AND {column} < :e "
            "GROUP BY status",
        )
    )


def test_bookings_figures_match_own_sql(demo: Database) -> None:
    report = demo.call(bookings_report, SYSTEM, START, END, now=NOW)
    by_status = _count_by_status(demo, "bookings", "start_at")
    total = sum(int(v) for v in by_status.values())
    assert total > 100
    assert report.figure("bookings").value == total
    for key in ("completed", "cancelled", "no_show"):
        assert report.figure(key).value == by_status.get(key, 0)
    assert report.figure("cancellation_rate").value == pytest.approx(by_status["cancelled"] / total)
    revenue = _one(
        demo,
        "SELECT coalesce(sum(t.price_minor), 0) FROM bookings b JOIN booking_types t "
        "ON t.id = b.booking_type_id WHERE b.status = 'completed' AND b.start_at >= :s "
        "AND b.start_at < :e",
    )
    assert report.figure("revenue").value == revenue
    hours = dict(
        _sql(
            demo,
            "SELECT p.name, sum((julianday(b.end_at) - julianday(b.start_at)) * 24) "
            "FROM bookings b JOIN providers p ON p.id = b.provider_id WHERE b.status != "
            "'cancelled' AND b.start_at >= :s AND b.start_at < :e GROUP BY p.name",
        )
    )
    providers = report.section("by_provider")
    for name, booked, open_hours, share in zip(
        providers.values("provider"),
        providers.values("hours_booked"),
        providers.values("hours_open"),
        providers.values("utilisation"),
        strict=True,
    ):
        assert booked == pytest.approx(hours[name], abs=0.01)
        assert isinstance(open_hours, float) and open_hours > booked
        assert share == pytest.approx(booked / open_hours)
    days = report.section("by_period")
    assert days.values("period")[0] == START and days.values("period")[-1] == END
    assert len(days.rows) == 21 and days.total("bookings") == total


def test_local_days_are_counted_by_their_own_utc_bounds(demo: Database) -> None:
    report = demo.call(bookings_report, SYSTEM, START, END, now=NOW)
    per_day = dict(
        zip(
            report.section("by_period").values("period"),
            report.section("by_period").values("bookings"),
            strict=True,
        )
    )
    # 30 March (23 hours) and 31 March, bounded by hand
    march_30 = _one(
        demo,
        "SELECT count(*) FROM bookings WHERE start_at >= :s AND start_at < :e",
        s="2025-03-30 00:00:00",
        e="2025-03-30 23:00:00",
    )
    march_31 = _one(
        demo,
        "SELECT count(*) FROM bookings WHERE start_at >= :s AND start_at < :e",
        s="2025-03-30 23:00:00",
        e="2025-03-31 23:00:00",
    )
    assert per_day[date(2025, 3, 30)] == march_30
    assert per_day[date(2025, 3, 31)] == march_31


def test_bookings_near_midnight_land_on_their_local_day_across_dst(db: Database) -> None:
    """00:30 on 31 March (BST) is 23:30 UTC on 30 March; 23:30 on 29 March (GMT) is 23:30 UTC."""

    def seed(session: Session) -> None:
        seed_rows.add_business(session)
        contact = seed_rows.add_contact(session)
        provider = seed_rows.add_provider(session)
        kind = seed_rows.add_booking_type(session)
        for start in (
            datetime(2025, 3, 29, 23, 30, tzinfo=UTC),  # 29 March 23:30 local
            datetime(2025, 3, 30, 23, 30, tzinfo=UTC),  # 31 March 00:30 local
            datetime(2025, 3, 30, 22, 30, tzinfo=UTC),  # 30 March 23:30 local
            datetime(2025, 10, 26, 0, 30, tzinfo=UTC),  # 26 October 01:30 BST (first one)
            datetime(2025, 10, 26, 1, 30, tzinfo=UTC),  # 26 October 01:30 GMT (again)
            datetime(2025, 10, 26, 23, 30, tzinfo=UTC),  # 26 October 23:30 GMT
        ):
            seed_rows.add_booking(
                session, contact_id=contact, booking_type_id=kind, provider_id=provider, start=start
            )

    db.call(seed)
    spring = db.call(bookings_report, SYSTEM, date(2025, 3, 29), date(2025, 3, 31), now=NOW)
    assert spring.section("by_period").values("bookings") == [1, 1, 1]
    autumn = db.call(bookings_report, SYSTEM, date(2025, 10, 25), date(2025, 10, 27), now=NOW)
    assert autumn.section("by_period").values("bookings") == [0, 3, 0]
    sheet = db.call(day_sheet, SYSTEM, date(2025, 10, 26), date(2025, 10, 26), now=NOW)
    starts = [row[0] for row in sheet.sections[0].rows]
    assert [s.strftime("%H:%M %Z") for s in starts] == ["01:30 BST", "01:30 GMT", "23:30 GMT"]
    weeks = db.call(bookings_report, SYSTEM, date(2025, 1, 1), date(2025, 12, 31), now=NOW)
    by_week = dict(
        zip(
            weeks.section("by_period").values("period"),
            weeks.section("by_period").values("bookings"),
            strict=True,
        )
    )
    assert by_week[date(2025, 3, 24)] == 2 and by_week[date(2025, 3, 31)] == 1  # Monday 00:30
    assert by_week[date(2025, 10, 20)] == 3 and by_week[date(2025, 10, 27)] == 0  # 26th: Sunday


def test_inbox_figures_match_own_sql(demo: Database) -> None:
    report = demo.call(inbox_report, SYSTEM, START, END, now=NOW)
    rows = _sql(
        demo,
        "WITH ordered AS (SELECT m.*, lag(sender_type) OVER (PARTITION BY conversation_id "
        "ORDER BY created_at, id) AS prev FROM messages m) "
        "SELECT o.created_at, (SELECT (julianday(min(s.created_at)) - julianday(o.created_at)) "
        "* 1440 FROM messages s WHERE s.conversation_id = o.conversation_id AND s.sender_type = "
        "'staff' AND s.created_at >= o.created_at) FROM ordered o WHERE o.sender_type = "
        "'customer' AND (o.prev IS NULL OR o.prev != 'customer') AND o.created_at >= :s "
        "AND o.created_at < :e",
    )
    assert len(rows) > 20
    assert report.figure("inquiries").value == len(rows)
    answered = [float(r[1]) for r in rows if r[1] is not None]
    assert report.figure("answered").value == len(answered)
    assert report.figure("unanswered").value == len(rows) - len(answered)
    assert report.figure("median_reply_minutes").value == pytest.approx(
        statistics.median(answered), abs=0.01
    )
    received = _one(
        demo,
        "SELECT count(*) FROM messages WHERE sender_type = 'customer' AND "
        "created_at >= :s AND created_at < :e",
    )
    assert report.figure("messages_received").value == received
    staff = dict(
        _sql(
            demo,
            "SELECT sender_name, count(*) FROM messages WHERE sender_type = "
            "'staff' AND created_at >= :s AND created_at < :e GROUP BY 1",
        )
    )
    section = report.section("by_staff")
    assert dict(zip(section.values("staff"), section.values("replies"), strict=True)) == staff
    assert report.section("by_period").total("inquiries") == len(rows)


def test_forms_figures_match_own_sql(demo: Database) -> None:
    report = demo.call(forms_report, SYSTEM, START, END, now=NOW)
    counts = _count_by_status(demo, "form_submissions", "created_at")
    sent = sum(int(v) for v in counts.values())
    assert report.figure("sent").value == sent > 0
    for key in ("completed", "overdue", "pending"):
        assert report.figure(key).value == counts.get(key, 0)
    assert report.figure("completion_rate").value == pytest.approx(counts["completed"] / sent)
    hours = _one(
        demo,
        "SELECT avg((julianday(submitted_at) - julianday(created_at)) * 24) FROM "
        "form_submissions WHERE status = 'completed' AND created_at >= :s AND "
        "created_at < :e",
    )
    assert report.figure("average_hours").value == pytest.approx(hours, abs=0.01)


def test_inventory_figures_match_own_sql(demo: Database) -> None:
    report = demo.call(inventory_report, SYSTEM, START, END, now=NOW)
    used = dict(
        _sql(
            demo,
            "SELECT i.name, coalesce(-sum(m.delta), 0) FROM inventory_items i "
            "LEFT JOIN stock_movements m ON m.item_id = i.id AND m.reason IN "
            "('booking', 'cancellation') AND m.created_at >= :s AND m.created_at "
            "< :e GROUP BY i.name",
        )
    )
    section = report.section("use_by_item")
    assert dict(zip(section.values("item"), section.values("used"), strict=True)) == used
    stock = dict(_sql(demo, "SELECT name, quantity FROM inventory_items", s=0))
    now_section = report.section("stock_now")
    assert (
        dict(zip(now_section.values("item"), now_section.values("quantity"), strict=True)) == stock
    )
    low = _one(demo, "SELECT count(*) FROM inventory_items WHERE quantity <= low_threshold", s=0)
    assert report.figure("low_items").value == low >= 1
    for out, daily in zip(
        now_section.values("stock_out"), now_section.values("daily_use"), strict=True
    ):
        assert (out is None) == (daily == 0)


def test_contacts_figures_match_own_sql(demo: Database) -> None:
    report = demo.call(contacts_report, SYSTEM, START, END, now=NOW)
    customers, new = _sql(
        demo,
        "WITH firsts AS (SELECT contact_id, min(start_at) AS first_at FROM bookings WHERE status "
        "!= 'cancelled' GROUP BY contact_id) SELECT count(DISTINCT b.contact_id), "
        "count(DISTINCT CASE WHEN f.first_at >= :s THEN b.contact_id END) FROM bookings b JOIN "
        "firsts f ON f.contact_id = b.contact_id WHERE b.status != 'cancelled' AND b.start_at "
        ">= :s AND b.start_at < :e",
    )[0]
    assert report.figure("customers").value == customers
    assert report.figure("new_customers").value == new
    assert report.figure("returning_customers").value == customers - new
    top = report.section("top_customers")
    assert top.rows and top.values("bookings") == sorted(top.values("bookings"), reverse=True)


def test_day_sheet_lists_the_day_in_time_order_with_forms_due(demo: Database) -> None:
    day = date(2025, 4, 9)
    sheet = demo.call(day_sheet, SYSTEM, day, day, now=NOW)
    expected = _one(
        demo,
        "SELECT count(*) FROM bookings WHERE status != 'cancelled' AND "
        "start_at >= :s AND start_at < :e",
        s="2025-04-08 23:00:00",
        e="2025-04-09 23:00:00",
    )
    forms_due = _one(
        demo,
        "SELECT count(*) FROM form_submissions f JOIN bookings b ON b.id = "
        "f.booking_id WHERE f.status IN ('pending', 'overdue') AND b.status != "
        "'cancelled' AND b.start_at >= :s AND b.start_at < :e",
        s="2025-04-08 23:00:00",
        e="2025-04-09 23:00:00",
    )
    rows = sheet.sections[0].rows
    assert sheet.figure("appointments").value == len(rows) == expected
    assert sheet.figure("forms_outstanding").value == forms_due
    starts = [row[0] for row in rows]
    assert starts == sorted(starts)
    assert all(s.date() == day for s in starts)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_an_empty_period_gives_zeros_and_blanks(demo: Database, name: str) -> None:
    report = demo.call(run_report, SYSTEM, name, date(2031, 1, 6), date(2031, 1, 12), now=NOW)
    for figure in report.figures:
        if name == "inventory" and figure.key in ("items", "low_items", "running_out"):
            continue  # stock is now, not of the period
        assert figure.value in (0, None), figure
    for section in report.sections:
        if section.key in ("stock_now", "use_by_item"):
            continue
        counted = [i for i, c in enumerate(section.columns) if c.key != "hours_open"]
        numbers = [row[i] for row in section.rows for i in counted]
        assert all(v in (0, None) for v in numbers if not isinstance(v, str | date)), section.key


def test_refusals(demo: Database, db: Database) -> None:
    with pytest.raises(ValidationError) as backwards:
        demo.call(bookings_report, SYSTEM, END, START)
    assert "end" in backwards.value.fields
    with pytest.raises(ValidationError):
        demo.call(day_sheet, SYSTEM, START, START + timedelta(days=40))
    with pytest.raises(ValidationError) as unknown:
        demo.call(run_report, SYSTEM, "profit", START, END)
    assert "report" in unknown.value.fields
    with pytest.raises(ValidationError):
        demo.call(bookings_report, SYSTEM, START, END, "Mars/Olympus_Mons")
    staff = db.call(seed_rows.add_staff_actor, "staff", can_manage_bookings=True)
    with pytest.raises(PermissionDenied):
        db.call(bookings_report, staff, START, END)
    # the desk that books may print its day sheet (no figures beyond the schedule it sees)
    assert db.call(day_sheet, staff, START, START).name == "day_sheet"
    inbox_only = db.call(
        seed_rows.add_staff_actor, "staff", "ivy@example.com", can_manage_inbox=True
    )
    with pytest.raises(PermissionDenied):
        db.call(day_sheet, inbox_only, START, START)


def test_another_time_zone_moves_the_day_boundaries(demo: Database) -> None:
    london = demo.call(bookings_report, SYSTEM, START, END, now=NOW)
    tokyo = demo.call(bookings_report, SYSTEM, START, END, "Asia/Tokyo", now=NOW)
    assert tokyo.timezone == "Asia/Tokyo" and london.timezone == "Europe/London"
    shifted = _one(
        demo,
        "SELECT count(*) FROM bookings WHERE start_at >= :s AND start_at < :e",
        s="2025-03-19 15:00:00",
        e="2025-04-09 15:00:00",
    )
    assert tokyo.figure("bookings").value == shifted


def test_every_report_runs_on_either_database(db: Database) -> None:
    """A hand-made day: one booking, an inquiry answered in 30 minutes, a form, a stock use."""
    start = datetime(2025, 6, 2, 9, tzinfo=UTC)

    def seed(session: Session) -> None:
        seed_rows.add_business(session)
        contact = seed_rows.add_contact(session, "Ada Lovelace", "ada@example.com")
        provider = seed_rows.add_provider(session)
        kind = seed_rows.add_booking_type(session)
        booking = seed_rows.add_booking(
            session,
            contact_id=contact,
            booking_type_id=kind,
            provider_id=provider,
            start=start,
            status="completed",
            created_at=start - timedelta(days=2),
        )
        conversation = Conversation(contact_id=contact, created_at=start, updated_at=start)
        session.add(conversation)
        session.flush()
        for minutes, sender in ((0, "customer"), (5, "customer"), (30, "staff")):
            session.add(
                Message(
                    conversation_id=conversation.id,
                    direction="in" if sender == "customer" else "out",
                    sender_type=sender,
                    sender_name=sender,
                    content="Hello",
                    channel="email",
                    created_at=start + timedelta(minutes=minutes),
                )
            )
        conversation.updated_at = start + timedelta(minutes=30)
        form = Form(name="Intake", fields=[])
        item = InventoryItem(name="Gloves", quantity=9, low_threshold=2)
        session.add_all([form, item])
        session.flush()
        session.add(
            FormSubmission(
                form_id=form.id,
                booking_id=booking,
                contact_id=contact,
                token="t" * 32,
                status="completed",
                created_at=start,
                submitted_at=start + timedelta(hours=3),
            )
        )
        session.add(
            StockMovement(
                item_id=item.id, delta=-1, reason="booking", booking_id=booking, created_at=start
            )
        )

    db.call(seed)
    day = date(2025, 6, 2)
    reports = {name: db.call(run_report, SYSTEM, name, day, day, now=NOW) for name in REPORTS}
    assert reports["bookings"].figure("completed").value == 1
    assert reports["bookings"].figure("revenue").value == 0
    inbox = reports["inbox"]
    assert inbox.figure("inquiries").value == 1  # the second message is the same turn
    assert inbox.figure("messages_received").value == 2
    assert inbox.figure("median_reply_minutes").value == pytest.approx(30, abs=0.01)
    assert reports["forms"].figure("average_hours").value == pytest.approx(3)
    used = reports["inventory"].section("use_by_item")
    assert dict(zip(used.values("item"), used.values("used"), strict=True)) == {"Gloves": 1}
    assert reports["contacts"].figure("new_customers").value == 1
    assert reports["day_sheet"].figure("appointments").value == 1
