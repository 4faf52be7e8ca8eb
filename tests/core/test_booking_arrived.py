"""'Arrived': the customer is at the desk. Marked on the visit's day from confirmed only,
audited, counted by the dashboard and the bookings report, completed as usual."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from careops_desktop.core import events
from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, PolicyRefused
from careops_desktop.core.models import AuditEntry, Booking
from careops_desktop.core.schema import downgrade, upgrade_to_head
from careops_desktop.core.services import bookings, dashboard, reports
from tests.actors import OWNER
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, World, at

MONDAY = date(2026, 6, 8)  # NOW is Monday 08:00 in London


def _book(db: Database, world: World, day: date = MONDAY, hour: int = 10, **kw: Any) -> int:
    values: dict[str, Any] = {
        "contact_id": world.known_contact,
        "booking_type_id": world.consult,
        "provider_id": world.alice,
        "start_utc": at(day, hour),
        "now": NOW,
    }
    values.update(kw)
    return db.call(bookings.book_desk, DESK, **values).booking_id


def test_arrived_then_completed(db: Database, world: World, published: list[Any]) -> None:
    booking_id = _book(db, world)
    came = at(MONDAY, 9, 50)
    view = db.call(bookings.mark_arrived, DESK, booking_id, came)
    assert view.status == "arrived" and view.arrived_at == came
    assert events.BookingChanged(booking_id, world.alice, "arrived", "desk") in published
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "arrived")).one()
        assert entry.entity_id == booking_id
    # marking again changes nothing; the arrival time stays the first one
    again = db.call(bookings.mark_arrived, DESK, booking_id, came + timedelta(minutes=5))
    assert again.arrived_at == came and again.version == view.version
    done = db.call(bookings.complete, DESK, booking_id, at(MONDAY, 11, 5))
    assert done.status == "completed" and done.arrived_at == came


def test_arrived_is_refused_off_the_day_and_from_other_statuses(db: Database, world: World) -> None:
    tomorrow = _book(db, world, MONDAY + timedelta(days=1))
    with pytest.raises(PolicyRefused, match="only on the day of their booking"):
        db.call(bookings.mark_arrived, DESK, tomorrow, NOW)
    cancelled = _book(db, world, hour=12)
    db.call(bookings.cancel, DESK, cancelled, "", NOW)
    with pytest.raises(PolicyRefused, match="cancelled"):
        db.call(bookings.mark_arrived, DESK, cancelled, NOW)
    with pytest.raises(PermissionDenied):
        db.call(bookings.mark_arrived, INBOX_ONLY, tomorrow, NOW)
    # an arrived booking is no longer the customer's to cancel or move
    here = _book(db, world, hour=14)
    db.call(bookings.mark_arrived, DESK, here, NOW)
    with db.session() as s:
        token = s.get(Booking, here).manage_token  # type: ignore[union-attr]
    with pytest.raises(PolicyRefused, match="already marked as arrived"):
        db.call(bookings.cancel_by_token, token, "", NOW)
    with pytest.raises(PolicyRefused, match="already marked as arrived"):
        db.call(bookings.cancel, DESK, here, "", NOW)


def test_arrived_still_holds_the_time(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    db.call(bookings.mark_arrived, DESK, booking_id, NOW)
    from careops_desktop.core.errors import SlotTaken

    with pytest.raises(SlotTaken):
        _book(db, world)


def test_waiting_list_longest_first(db: Database, world: World) -> None:
    first = _book(db, world, hour=10)
    second = _book(db, world, hour=11)
    _book(db, world, hour=12)  # not here yet
    db.call(bookings.mark_arrived, DESK, second, at(MONDAY, 9, 40))
    db.call(bookings.mark_arrived, DESK, first, at(MONDAY, 9, 30))
    day = (at(MONDAY, 0), at(MONDAY + timedelta(days=1), 0))
    waiting = db.call(bookings.waiting_customers, DESK, *day)
    assert [w.booking_id for w in waiting] == [first, second]
    assert waiting[0].customer_name == "Known Customer"
    assert (
        waiting[0].minutes_waiting(
            at(
                MONDAY,
                9,
                47,
            )
        )
        == 17
    )
    assert waiting[0].minutes_waiting(at(MONDAY, 9, 0)) == 0


def test_dashboard_and_report_count_arrived(db: Database, world: World) -> None:
    arrived = _book(db, world, hour=10)
    _book(db, world, hour=11)
    db.call(bookings.mark_arrived, DESK, arrived, at(MONDAY, 9, 45))
    data = db.call(dashboard.dashboard, OWNER, at(MONDAY, 9, 50))
    assert data.today_bookings == 2
    assert data.waiting_now == 1
    assert data.upcoming_bookings == 2  # both start later; arrived early is still to come
    report = db.call(reports.bookings_report, OWNER, MONDAY, MONDAY, "Europe/London", now=NOW)
    assert report.figure("arrived").value == 1
    assert report.figure("confirmed").value == 1
    assert report.figure("bookings").value == 2
    by_status = dict(report.section("by_status").rows)
    assert by_status["Arrived (in progress)"] == 1
    assert any("Arrived bookings are in progress" in note for note in report.notes)
    by_type = report.section("by_type")
    keys = [c.key for c in by_type.columns]
    (row,) = by_type.rows
    assert row[keys.index("arrived")] == 1 and row[keys.index("bookings")] == 2


def test_migration_keeps_bookings_and_what_points_at_them(db: Database, world: World) -> None:
    """0011 widens the CHECK in place: outbox rows still point at their booking."""
    booking_id = _book(db, world)
    downgrade(db.engine, "0009")
    with db.engine.begin() as c:
        before = c.execute(
            text("SELECT count(*) FROM outbox WHERE booking_id = :b"), {"b": booking_id}
        ).scalar_one()
    assert before >= 1
    upgrade_to_head(db.engine)
    with db.engine.begin() as c:
        after = c.execute(
            text("SELECT count(*) FROM outbox WHERE booking_id = :b"), {"b": booking_id}
        ).scalar_one()
        c.execute(text("UPDATE bookings SET status = 'arrived' WHERE id = :b"), {"b": booking_id})
        with pytest.raises(Exception, match=r"(?i)check"):
            c.execute(
                text("UPDATE bookings SET status = 'nonsense' WHERE id = :b"), {"b": booking_id}
            )
    assert after == before
