"""Classes: a booking type with seats, on SQLite and PostgreSQL.

Seats per session, a cancelled seat freed, a moved session moving everyone
(one message each), the provider's other bookings never overlapped, undo of a
seat, and the clock change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import (
    PolicyRefused,
    SessionFull,
    SlotTaken,
    ValidationError,
)
from careops_desktop.core.models import Booking, BookingType, ClassSession, OutboxMessage
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import bookings, slots
from careops_desktop.core.services.bookings import classes
from tests.core.booking_world import DESK, NOW, WEDNESDAY, World, at

OWNER = Actor(user_id=None, name="Owner", role=Role.OWNER, permissions=permissions_for(Role.OWNER))


def make_class(db: Database, world: World, seats: int = 3, minutes: int = 60) -> int:
    """A ``yoga`` class Alice teaches, ``seats`` per session."""
    with db.write_session() as s:
        yoga = BookingType(name="Yoga", slug="yoga", duration_minutes=minutes)
        s.add(yoga)
        s.flush()
        from careops_desktop.core.models import Provider

        yoga.providers = [s.get(Provider, world.alice)]  # type: ignore[list-item]
        s.flush()
        type_id = yoga.id
    db.call(bookings.set_capacity, OWNER, type_id, seats)
    return type_id


def book(db: Database, type_id: int, start: datetime, n: int, now: datetime = NOW) -> int:
    receipt = db.call(
        bookings.book_public,
        booking_type_id=type_id,
        provider_id=None,
        start_utc=start,
        name=f"Student {n}",
        email=f"student{n}@example.com",
        now=now,
    )
    return receipt.booking_id


def seats_at(db: Database, type_id: int, day: date, start: datetime, now: datetime = NOW) -> int:
    listed = db.call(slots.slots_for_day, type_id, day, None, now).slots
    return next((s.seats_left for s in listed if s.start_utc == start), 0) or 0


def test_a_session_takes_its_capacity_then_says_full_with_next_sessions(
    db: Database, world: World
) -> None:
    yoga = make_class(db, world, seats=3)
    ten = at(WEDNESDAY, 10)
    assert seats_at(db, yoga, WEDNESDAY, ten) == 3
    ids = [book(db, yoga, ten, n) for n in range(3)]
    assert seats_at(db, yoga, WEDNESDAY, ten) == 0  # a full session is not offered
    with pytest.raises(SessionFull) as refused:
        book(db, yoga, ten, 99)
    assert refused.value.alternatives and all(t > ten for t in refused.value.alternatives)
    assert "full" in str(refused.value)
    with db.session() as s:
        sessions = s.scalars(select(ClassSession)).all()
        assert len(sessions) == 1 and sessions[0].capacity == 3
        seat_rows = s.scalars(select(Booking).where(Booking.id.in_(ids))).all()
        assert {b.session_id for b in seat_rows} == {sessions[0].id}
        assert len({b.manage_token for b in seat_rows}) == 3  # each their own manage link


def test_seats_left_counts_down_on_the_slot_list(db: Database, world: World) -> None:
    yoga = make_class(db, world, seats=5)
    ten = at(WEDNESDAY, 10)
    book(db, yoga, ten, 1)
    book(db, yoga, ten, 2)
    listed = db.call(slots.slots_for_day, yoga, WEDNESDAY, None, NOW).slots
    at_ten = [s for s in listed if s.start_utc == ten]
    assert len(at_ten) == 1 and at_ten[0].seats_left == 3
    assert bookings.describe_seats(at_ten[0].seats_left) == "3 seats left"
    assert bookings.describe_seats(1) == "1 seat left"
    # the session's hour is one occupancy: 09:30 and 10:30 would overlap it
    starts = {s.start_utc for s in listed}
    assert at(WEDNESDAY, 9, 30) not in starts and at(WEDNESDAY, 10, 30) not in starts
    assert at(WEDNESDAY, 11) in starts


def test_cancelling_one_attendee_frees_one_seat_and_tells_the_waitlist_hook(
    db: Database, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    freed: list[int] = []
    monkeypatch.setattr(classes.freed_time, "time_freed", lambda s, bid, now: freed.append(bid))
    yoga = make_class(db, world, seats=2)
    ten = at(WEDNESDAY, 10)
    first = book(db, yoga, ten, 1)
    book(db, yoga, ten, 2)
    with pytest.raises(SessionFull):
        book(db, yoga, ten, 3)
    db.call(bookings.cancel, DESK, first, "", NOW)
    assert freed == [first]
    assert seats_at(db, yoga, WEDNESDAY, ten) == 1
    book(db, yoga, ten, 3)
    assert seats_at(db, yoga, WEDNESDAY, ten) == 0


def test_desk_adds_attendees_and_marks_each_arrived_or_no_show(db: Database, world: World) -> None:
    yoga = make_class(db, world, seats=3)
    ten = at(WEDNESDAY, 10)
    web = book(db, yoga, ten, 1)
    desk = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=yoga,
        provider_id=world.alice,
        start_utc=ten,
        now=NOW,
    ).booking_id
    session_id = db.call(bookings.session_of_booking, DESK, web)
    assert session_id is not None and db.call(bookings.session_of_booking, DESK, desk) == session_id
    view = db.call(bookings.get_session, DESK, session_id)
    assert [a.name for a in view.attendees] == ["Known Customer", "Student 1"]
    assert view.seats_left == 1 and view.capacity == 3
    during = ten + timedelta(minutes=5)
    db.call(bookings.arrived_at_desk, DESK, web, during)
    db.call(bookings.no_show_at_desk, DESK, desk, ten + timedelta(minutes=30))
    statuses = {
        a.booking_id: a.status for a in db.call(bookings.get_session, DESK, session_id).attendees
    }
    assert statuses == {web: "arrived", desk: "no_show"}
    fill = db.call(bookings.session_fill, ten - timedelta(hours=1), ten + timedelta(hours=1))
    assert len(fill) == 1
    assert (fill[0].attendees, fill[0].arrived, fill[0].no_shows, fill[0].capacity) == (2, 1, 1, 3)
    assert fill[0].fill_rate == pytest.approx(2 / 3)


def test_moving_a_session_moves_everyone_and_tells_each_once(db: Database, world: World) -> None:
    yoga = make_class(db, world, seats=3)
    ten, two = at(WEDNESDAY, 10), at(WEDNESDAY, 14)
    ids = [book(db, yoga, ten, n) for n in range(3)]
    session_id = db.call(bookings.session_of_booking, DESK, ids[0])
    with db.session() as s:
        before = s.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "reschedule")
        )
    moved = db.call(bookings.move_session, DESK, session_id, two, None, NOW)
    assert moved.start == two and len(moved.attendees) == 3
    with db.session() as s:
        rows = s.scalars(select(Booking).where(Booking.id.in_(ids))).all()
        assert {(b.start_at, b.end_at) for b in rows} == {(two, two + timedelta(hours=1))}
        told = s.execute(
            select(OutboxMessage.booking_id, func.count(OutboxMessage.id))
            .where(OutboxMessage.kind == "reschedule")
            .group_by(OutboxMessage.booking_id)
        ).all()
    assert before == 0 and dict(told) == {i: 1 for i in ids}
    assert seats_at(db, yoga, WEDNESDAY, ten) == 3  # the old time is free for a new session


def test_a_session_never_overlaps_the_providers_other_bookings(db: Database, world: World) -> None:
    yoga = make_class(db, world, seats=3)
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.massage,  # Alice, 30 min + 15 buffer after
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, 12),
        now=NOW,
    )
    with pytest.raises(SlotTaken) as refused:
        book(db, yoga, at(WEDNESDAY, 11, 30), 1)
    assert not isinstance(refused.value, SessionFull)
    book(db, yoga, at(WEDNESDAY, 10), 1)
    book(db, yoga, at(WEDNESDAY, 10), 2)  # fellow attendees are one occupancy
    with pytest.raises(SlotTaken):
        db.call(
            bookings.book_desk,
            DESK,
            contact_id=world.known_contact,
            booking_type_id=world.massage,
            provider_id=world.alice,
            start_utc=at(WEDNESDAY, 10, 30),
            now=NOW,
        )
    # a moved session is held to the same rule
    session_id = db.call(bookings.session_of_booking, DESK, book(db, yoga, at(WEDNESDAY, 15), 3))
    with pytest.raises(SlotTaken):
        db.call(bookings.move_session, DESK, session_id, at(WEDNESDAY, 11, 30), None, NOW)
    with pytest.raises(ValidationError):  # another session of the class already starts then
        db.call(bookings.move_session, DESK, session_id, at(WEDNESDAY, 10), None, NOW)


def test_an_arrived_session_cannot_be_moved_and_capacity_is_checked(
    db: Database, world: World
) -> None:
    yoga = make_class(db, world, seats=2)
    ten = at(WEDNESDAY, 10)
    first = book(db, yoga, ten, 1)
    session_id = db.call(bookings.session_of_booking, DESK, first)
    db.call(bookings.arrived_at_desk, DESK, first, ten)
    with pytest.raises(PolicyRefused):
        db.call(bookings.move_session, DESK, session_id, at(WEDNESDAY, 14), None, ten)
    for bad in (0, -1, 10_000, True, "3"):
        with pytest.raises(ValidationError):
            db.call(bookings.set_capacity, OWNER, yoga, bad)


def test_undoing_a_cancelled_seat_needs_a_free_seat(db: Database, world: World) -> None:
    yoga = make_class(db, world, seats=2)
    ten = at(WEDNESDAY, 10)
    first = book(db, yoga, ten, 1)
    book(db, yoga, ten, 2)
    change = db.call(bookings.cancel_at_desk, DESK, first, now=NOW)
    # the fellow attendee is no clash: the seat comes back
    db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))
    assert seats_at(db, yoga, WEDNESDAY, ten) == 0
    change = db.call(bookings.cancel_at_desk, DESK, first, now=NOW)
    book(db, yoga, ten, 3)  # someone took the freed seat
    with pytest.raises(PolicyRefused):
        db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))


def test_a_customer_moving_their_seat_joins_the_session_at_the_new_time(
    db: Database, world: World
) -> None:
    yoga = make_class(db, world, seats=2)
    ten, two = at(WEDNESDAY, 10), at(WEDNESDAY, 14)
    mover = book(db, yoga, ten, 1)
    book(db, yoga, ten, 2)
    book(db, yoga, two, 3)
    with db.session() as s:
        token = s.scalar(select(Booking.manage_token).where(Booking.id == mover))
    db.call(bookings.reschedule_by_token, token, two, NOW)
    assert seats_at(db, yoga, WEDNESDAY, ten) == 1
    assert seats_at(db, yoga, WEDNESDAY, two) == 0
    with pytest.raises(SessionFull):
        book(db, yoga, two, 4)


def test_a_class_keeps_its_wall_clock_time_across_the_clock_change(
    db: Database, world: World
) -> None:
    """London falls back on Sunday 25 October 2026: 10:00 is 09:00 UTC before, 10:00 after."""
    yoga = make_class(db, world, seats=2)
    before_day, after_day = date(2026, 10, 21), date(2026, 10, 28)
    october = datetime(2026, 10, 19, 7, 0, tzinfo=UTC)
    before, after = at(before_day, 10), at(after_day, 10)
    assert before.hour == 9 and after.hour == 10
    for day, start in ((before_day, before), (after_day, after)):
        listed = db.call(slots.slots_for_day, yoga, day, None, october).slots
        labels = {s.start_local_label: s.seats_left for s in listed if s.start_utc == start}
        assert labels == {"10:00": 2}
    first = book(db, yoga, before, 1, now=october)
    session_id = db.call(bookings.session_of_booking, DESK, first)
    moved = db.call(bookings.move_session, DESK, session_id, after, None, october)
    assert moved.start == after and moved.end == after + timedelta(hours=1)
    assert seats_at(db, yoga, after_day, after, now=october) == 1


def test_the_classes_report_and_the_dashboard_count_attendees_and_fill(
    db: Database, world: World
) -> None:
    from careops_desktop.core.services import dashboard, reports

    yoga = make_class(db, world, seats=4)
    ten, two = at(WEDNESDAY, 10), at(WEDNESDAY, 14)
    for n in range(3):
        book(db, yoga, ten, n)
    cancelled = book(db, yoga, two, 10)
    book(db, yoga, two, 11)
    db.call(bookings.cancel, DESK, cancelled, "", NOW)
    report = db.call(reports.run_report, OWNER, "classes", WEDNESDAY, WEDNESDAY, now=NOW)
    assert report.figure("sessions").value == 2
    assert report.figure("attendees").value == 4
    assert report.figure("fill_rate").value == pytest.approx(4 / 8)
    section = report.section("sessions")
    assert section.values("attendees") == [3, 1]
    assert section.values("fill_rate") == [pytest.approx(0.75), pytest.approx(0.25)]
    that_morning = datetime(2026, 6, 10, 7, 0, tzinfo=UTC)
    today = db.call(dashboard.dashboard, OWNER, that_morning)
    assert (today.class_sessions_today, today.class_attendees_today, today.class_seats_today) == (
        2,
        4,
        8,
    )
    assert today.class_fill_today == pytest.approx(0.5)
    assert db.call(dashboard.dashboard, OWNER, NOW).class_fill_today is None


def test_moving_by_a_seat_moves_its_session_and_refuses_a_plain_booking(
    db: Database, world: World
) -> None:
    yoga = make_class(db, world, seats=3)
    ten, two = at(WEDNESDAY, 10), at(WEDNESDAY, 14)
    seats = [book(db, yoga, ten, n) for n in range(2)]
    view = db.call(bookings.move_session_of, DESK, seats[1], two, None, NOW)
    assert view.start == two and view.id == seats[1]
    assert db.call(bookings.get_booking, DESK, seats[0]).start == two
    plain = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.bob,
        start_utc=ten,
        now=NOW,
    ).booking_id
    with pytest.raises(ValidationError):
        db.call(bookings.move_session_of, DESK, plain, two, None, NOW)


@pytest.mark.sqlite_only
def test_any_seat_count_is_either_kept_or_refused_in_words(db: Database, world: World) -> None:
    """Generated input at the settings boundary: 1..CAPACITY_MAX kept, anything else refused."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    yoga = make_class(db, world, seats=2)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.integers(-(10**12), 10**12), st.booleans(), st.text(max_size=5)))
    def check(seats: object) -> None:
        good = isinstance(seats, int) and not isinstance(seats, bool) and 1 <= seats <= 500
        try:
            db.call(bookings.set_capacity, OWNER, yoga, seats)
        except ValidationError as exc:
            assert not good and exc.fields["capacity"].endswith(".")
        else:
            assert good
            with db.session() as s:
                assert s.get(BookingType, yoga).capacity == seats  # type: ignore[union-attr]

    check()


def test_a_session_blocked_after_it_opened_is_no_longer_offered_or_joined(
    db: Database, world: World
) -> None:
    from datetime import time as clock

    from careops_desktop.core.errors import TimeBlocked
    from careops_desktop.core.services import time_blocks

    yoga = make_class(db, world, seats=4)
    ten = at(WEDNESDAY, 10)
    book(db, yoga, ten, 1)
    assert seats_at(db, yoga, WEDNESDAY, ten) == 3
    db.call(
        time_blocks.add_block,
        DESK,
        provider_id=world.alice,
        start=datetime.combine(WEDNESDAY, clock(10, 30)),
        end=datetime.combine(WEDNESDAY, clock(11)),
        reason="Staff meeting",
    )
    assert seats_at(db, yoga, WEDNESDAY, ten) == 0  # not offered on the page
    with pytest.raises(SlotTaken):  # the page's POST: blocked time counts as taken
        book(db, yoga, ten, 2)
    with pytest.raises(TimeBlocked):  # the desk is told why, and may book anyway
        db.call(
            bookings.book_desk,
            DESK,
            contact_id=world.known_contact,
            booking_type_id=yoga,
            provider_id=world.alice,
            start_utc=ten,
            now=NOW,
        )
