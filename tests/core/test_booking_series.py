"""Recurring series at the desk: the plan names every clash with its kind and free times
nearby, booking is all or nothing (on SQLite and PostgreSQL: ``db`` runs on both), a weekly
09:00 stays 09:00 across clock changes, and changing "this and the following" visits sends
one message."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.edit_conflicts import EditConflict
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import (
    Booking,
    BookingSeries,
    Closure,
    ExternalBusy,
    FormSubmission,
    OutboxMessage,
)
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import bookings, contacts, time_blocks
from careops_desktop.core.services.bookings import RepeatRule, SeriesRefused, VisitChoice
from tests.core.booking_world import DESK, INBOX_ONLY, LONDON, NOW, WEDNESDAY, World, at, build_in

NINE = time(9)
TEN = time(10)


def _weekly(first: date, at_time: time, count: int, weekdays: tuple[int, ...] = ()) -> RepeatRule:
    return RepeatRule(first, at_time, weekdays or (first.weekday(),), count=count)


def _plan(db: Database, world: World, rule: RepeatRule, now: datetime = NOW, provider=None):  # type: ignore[no-untyped-def]
    return db.call(
        bookings.plan_series,
        booking_type_id=world.consult,
        provider_id=world.alice if provider is None else provider,
        rule=rule,
        now=now,
    )


def _book(db: Database, world: World, rule: RepeatRule, now: datetime = NOW, **kw):  # type: ignore[no-untyped-def]
    return db.call(
        bookings.book_series,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=kw.pop("provider_id", world.alice),
        rule=rule,
        now=now,
        **kw,
    )


def _kinds(db: Database) -> list[str]:
    with db.session() as session:
        return sorted(session.scalars(select(OutboxMessage.kind)).all())


def _series_counts(db: Database) -> tuple[int, int]:
    with db.session() as session:
        series = session.scalar(select(func.count()).select_from(BookingSeries))
        visits = session.scalar(
            select(func.count()).select_from(Booking).where(Booking.series_id.is_not(None))
        )
        return int(series or 0), int(visits or 0)


def test_the_plan_names_every_kind_of_clash_with_free_times_nearby(
    db: Database, world: World
) -> None:
    weeks = [WEDNESDAY + timedelta(weeks=n) for n in range(6)]
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(weeks[0], 10),
        now=NOW,
    )
    with db.write_session() as s:
        s.add(Closure(provider_id=world.alice, start_date=weeks[1], end_date=weeks[1]))
        s.add(
            ExternalBusy(
                provider_id=world.alice,
                calendar_url="https://cal.example.com/dav/home/",
                start_at=at(weeks[3], 10, 30),
                end_at=at(weeks[3], 11),
            )
        )
    db.call(
        time_blocks.add_block,
        DESK,
        provider_id=world.alice,
        start=datetime.combine(weeks[2], time(9, 30)),
        end=datetime.combine(weeks[2], time(10, 30)),
        reason="Training",
    )
    plan = _plan(db, world, _weekly(WEDNESDAY, TEN, 6))
    assert [v.kind for v in plan.visits] == ["taken", "closed", "blocked", "busy", "ok", "ok"]
    assert [v.day for v in plan.visits] == weeks
    assert "Training" in plan.visits[2].words
    assert "outside calendar" in plan.visits[3].words
    for visit in plan.visits[:4]:
        assert visit.alternatives, visit
        for slot in visit.alternatives:
            assert slot.provider_id == world.alice and slot.start_utc != at(visit.day, 10)
    # the taken date's nearest free times are the hour before and the hour after, that day
    assert [a.start_utc for a in plan.visits[0].alternatives[:2]] == [
        at(weeks[0], 9),
        at(weeks[0], 11),
    ]
    assert plan.visits[4].alternatives == () and plan.visits[4].words == "Free."
    assert plan.rule_text == "Every week on Wednesday at 10:00, 6 visits from 10 Jun 2026."
    # a clash beyond the booking page's 60-day horizon still gets free times nearby
    far = WEDNESDAY + timedelta(weeks=12)
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(far, 10),
        now=NOW,
    )
    late = _plan(db, world, _weekly(far, TEN, 1)).visits[0]
    assert late.kind == "taken"
    assert [a.start_utc for a in late.alternatives[:2]] == [at(far, 9), at(far, 11)]
    # outside hours, and a date already past
    early = _plan(db, world, _weekly(WEDNESDAY, time(7), 1))
    assert early.visits[0].kind == "outside_hours"
    past = _plan(db, world, _weekly(date(2026, 6, 1), TEN, 2))
    assert [v.kind for v in past.visits] == ["past", "ok"]
    # the plan wrote nothing
    assert _series_counts(db) == (0, 0)


def test_a_series_books_every_chosen_date_with_one_confirmation(db: Database, world: World) -> None:
    rule = _weekly(WEDNESDAY, TEN, 4)
    third = WEDNESDAY + timedelta(weeks=2)
    receipt = _book(
        db,
        world,
        rule,
        choices={
            third: VisitChoice(at(third, 14), world.alice),
            WEDNESDAY + timedelta(weeks=3): VisitChoice(None),
        },
    )
    assert [r.start for r in receipt.bookings] == [
        at(WEDNESDAY, 10),
        at(WEDNESDAY + timedelta(weeks=1), 10),
        at(third, 14),
    ]
    assert receipt.skipped == (WEDNESDAY + timedelta(weeks=3),)
    assert len({r.manage_token for r in receipt.bookings}) == 3
    assert _series_counts(db) == (1, 3)
    kinds = _kinds(db)
    # one series confirmation, no single ones; the intake form goes with every visit
    assert kinds.count("series_confirmation") == 1 and "confirmation" not in kinds
    assert kinds.count("form_link") == 3
    with db.session() as session:
        body = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.kind == "series_confirmation")
        ).one()
    assert "Wednesday 10 June 2026" in body and "14:00" in body
    view = db.call(bookings.get_booking, DESK, receipt.bookings[1].booking_id)
    assert view.series_id == receipt.series_id


def test_forms_once_per_series_go_with_the_first_visit_only(db: Database, world: World) -> None:
    owner = Actor(None, "Owner", Role.OWNER, permissions_for(Role.OWNER))
    db.call(bookings.set_forms_per, owner, world.consult, "series")
    receipt = _book(db, world, _weekly(WEDNESDAY, TEN, 3))
    with db.session() as session:
        filled = session.scalars(select(FormSubmission.booking_id)).all()
    assert filled == [receipt.bookings[0].booking_id]
    assert _kinds(db).count("form_link") == 1
    with pytest.raises(ValidationError):
        db.call(bookings.set_forms_per, owner, world.consult, "sometimes")
    with pytest.raises(PermissionDenied):
        db.call(bookings.set_forms_per, DESK, world.consult, "visit")


def test_a_date_taken_between_plan_and_save_refuses_the_whole_series(
    db: Database, world: World
) -> None:
    rule = _weekly(WEDNESDAY, TEN, 4)
    assert all(v.kind == "ok" for v in _plan(db, world, rule).visits)
    third = WEDNESDAY + timedelta(weeks=2)
    # another desk takes the third date meanwhile
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(third, 10, 30),
        now=NOW,
    )
    before = _kinds(db)
    with pytest.raises(SeriesRefused) as refused:
        _book(db, world, rule)
    assert refused.value.day == third
    assert "Wednesday 24 June 2026" in str(refused.value) and "Nothing was booked" in str(
        refused.value
    )
    assert _series_counts(db) == (0, 0)
    assert _kinds(db) == before
    # an alternative chosen onto another visit's own time clashes inside the transaction too
    with pytest.raises(SeriesRefused):
        _book(db, world, rule, choices={third: VisitChoice(at(WEDNESDAY, 10, 30), world.alice)})
    assert _series_counts(db) == (0, 0)


def test_bad_rules_and_actors_are_refused_in_words(db: Database, world: World) -> None:
    with pytest.raises(ValidationError) as bad:
        _plan(db, world, RepeatRule(WEDNESDAY, TEN, (), every_weeks=0))
    assert set(bad.value.fields) == {"every_weeks", "weekdays", "count"}
    with pytest.raises(ValidationError) as bad:
        _plan(db, world, RepeatRule(WEDNESDAY, TEN, (2,), until=WEDNESDAY - timedelta(1)))
    assert set(bad.value.fields) == {"until"}
    with pytest.raises(ValidationError):
        _plan(db, world, RepeatRule(WEDNESDAY, TEN, (2,), count=10_000))
    with pytest.raises(ValidationError) as bad:
        _plan(db, world, RepeatRule(WEDNESDAY, TEN, (0, 2, 4), until=date(2028, 6, 1)))
    assert "at most 104 visits" in bad.value.fields["until"]
    with pytest.raises(PermissionDenied):
        db.call(
            bookings.book_series,
            INBOX_ONLY,
            contact_id=world.known_contact,
            booking_type_id=world.consult,
            provider_id=world.alice,
            rule=_weekly(WEDNESDAY, TEN, 2),
            now=NOW,
        )
    with pytest.raises(ValidationError):
        _book(db, world, _weekly(WEDNESDAY, TEN, 1), choices={WEDNESDAY: VisitChoice(None)})
    with pytest.raises(ValidationError) as bad:
        _book(db, world, _weekly(WEDNESDAY, TEN, 3), notes="a\x00b")
    assert set(bad.value.fields) == {"notes"}
    assert _series_counts(db) == (0, 0)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    every=st.integers(1, 4),
    days=st.sets(st.integers(0, 6), min_size=1),
    count=st.integers(1, 30),
)
def test_expansion_counts_and_spacing(every: int, days: set[int], count: int) -> None:
    rule = RepeatRule(WEDNESDAY, TEN, tuple(days), every_weeks=every, count=count)
    found = bookings.series_dates(rule, LONDON)
    assert len(found) == count
    assert all(d >= WEDNESDAY and d.weekday() in days for d, _ in found)
    assert [d for d, _ in found] == sorted({d for d, _ in found})
    for _day, start in found:
        assert start is not None and start.astimezone(LONDON).time() == TEN
    weeks = {((d - WEDNESDAY).days + WEDNESDAY.weekday()) // 7 for d, _ in found}
    assert all(w % every == 0 for w in weeks)


def _local_times(db: Database, series_id: int, zone: ZoneInfo) -> list[tuple[time, timedelta]]:
    with db.session() as session:
        starts = session.scalars(
            select(Booking.start_at)
            .where(Booking.series_id == series_id)
            .order_by(Booking.start_at)
        ).all()
    return [(s.astimezone(zone).time(), s.astimezone(zone).utcoffset()) for s in starts]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("zone_name", "firsts", "shift"),
    [
        # BST starts 29 March 2026 and ends 25 October 2026 (one hour)
        ("Europe/London", (date(2026, 3, 18), date(2026, 10, 14)), timedelta(hours=1)),
        # Lord Howe: +11 until 5 April 2026, +10:30 from then, +11 again from 4 October (30 min)
        ("Australia/Lord_Howe", (date(2026, 3, 25), date(2026, 9, 23)), timedelta(minutes=30)),
    ],
)
def test_a_weekly_nine_oclock_stays_nine_across_the_clock_change(
    db: Database, zone_name: str, firsts: tuple[date, date], shift: timedelta
) -> None:
    world = build_in(db, timezone=zone_name)
    zone = ZoneInfo(zone_name)
    early = datetime(2026, 3, 1, tzinfo=UTC)
    for first in firsts:
        rule = _weekly(first, NINE, 4)
        plan = _plan(db, world, rule, now=early)
        assert [v.kind for v in plan.visits] == ["ok"] * 4
        receipt = _book(db, world, rule, now=early)
        found = _local_times(db, receipt.series_id, zone)
        assert [t for t, _ in found] == [NINE] * 4
        offsets = {o for _, o in found}
        assert len(offsets) == 2 and max(offsets) - min(offsets) == shift


def test_cancelling_this_and_the_following_sends_one_message(db: Database, world: World) -> None:
    receipt = _book(db, world, _weekly(WEDNESDAY, TEN, 4))
    ids = [r.booking_id for r in receipt.bookings]
    before = _kinds(db)
    cancelled = db.call(bookings.cancel_visits, DESK, ids[1], following=True, now=NOW)
    assert cancelled == ids[1:]
    after = _kinds(db)
    assert len(after) == len(before) + 1 and after.count("series_changes") == 1
    assert "cancellation" not in after
    statuses = [db.call(bookings.get_booking, DESK, i).status for i in ids]
    assert statuses == ["confirmed", "cancelled", "cancelled", "cancelled"]
    with db.session() as session:
        body = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.kind == "series_changes")
        ).one()
    assert body.count("cancelled.") == 3 and "Wednesday 17 June 2026" in body
    # "this one" leaves the rest alone; a stale view of it is refused
    first = db.call(bookings.get_booking, DESK, ids[0])
    with pytest.raises(EditConflict):
        db.call(
            bookings.cancel_visits,
            DESK,
            ids[0],
            following=False,
            now=NOW,
            expected_version=first.version - 1,
        )
    assert db.call(
        bookings.cancel_visits,
        DESK,
        ids[0],
        following=False,
        now=NOW,
        expected_version=first.version,
    ) == [ids[0]]


def test_moving_this_and_the_following_moves_each_by_the_same_days_and_tells_once(
    db: Database, world: World
) -> None:
    receipt = _book(db, world, _weekly(WEDNESDAY, TEN, 3))
    ids = [r.booking_id for r in receipt.bookings]
    before = _kinds(db)
    moved = db.call(
        bookings.move_visits,
        DESK,
        ids[1],
        at(WEDNESDAY + timedelta(weeks=1, days=1), 14),
        following=True,
        now=NOW,
    )
    assert sorted(moved) == ids[1:]
    starts = [db.call(bookings.get_booking, DESK, i).start for i in ids]
    assert starts == [
        at(WEDNESDAY, 10),
        at(WEDNESDAY + timedelta(weeks=1, days=1), 14),
        at(WEDNESDAY + timedelta(weeks=2, days=1), 14),
    ]
    after = _kinds(db)
    assert len(after) == len(before) + 1 and after.count("series_changes") == 1
    # a move that clashes for one visit moves none, naming the date
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY + timedelta(weeks=2, days=2), 9),
        now=NOW,
    )
    with pytest.raises(SeriesRefused) as refused:
        db.call(
            bookings.move_visits,
            DESK,
            ids[1],
            at(WEDNESDAY + timedelta(weeks=1, days=2), 9),
            following=True,
            now=NOW,
        )
    assert refused.value.day == WEDNESDAY + timedelta(weeks=2, days=1)
    assert [db.call(bookings.get_booking, DESK, i).start for i in ids] == starts


def test_two_desks_booking_the_same_series_at_once_get_one_series(
    db: Database, world: World
) -> None:
    """Two desks save the same weekly series at the same moment (two threads, two
    connections): the provider lock inside the transaction lets one through whole and
    refuses the other whole, on SQLite and on PostgreSQL."""
    import threading

    rule = _weekly(WEDNESDAY, TEN, 5)
    start = threading.Barrier(2)
    results: list[object] = []

    def desk() -> None:
        start.wait()
        try:
            results.append(_book(db, world, rule))
        except SeriesRefused as exc:
            results.append(exc)

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == 2
    assert sum(isinstance(r, SeriesRefused) for r in results) == 1
    assert _series_counts(db) == (1, 5)


def test_the_changes_message_is_in_the_customers_language(db: Database, world: World) -> None:
    db.call(contacts.update_contact, DESK, world.known_contact, language="de")
    receipt = _book(db, world, _weekly(WEDNESDAY, TEN, 3))
    ids = [r.booking_id for r in receipt.bookings]
    db.call(bookings.cancel_visits, DESK, ids[1], following=True, now=NOW)  # the desk is English
    with db.session() as session:
        body = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.kind == "series_changes")
        ).one()
    assert body.count(": storniert.") == 2 and "Mittwoch, 17. Juni 2026" in body, body
    assert "cancelled." not in body
