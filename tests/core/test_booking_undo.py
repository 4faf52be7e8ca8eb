"""Undo of desk changes within two minutes, and restoring a cancelled booking.

The customer's message about a desk change waits out the undo window in the
outbox; an undone cancel sends nothing (the real relay job runs against a real
SMTP server), and the slot is taken again.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, PolicyRefused, SlotTaken
from careops_desktop.core.models import (
    AuditEntry,
    Booking,
    FormSubmission,
    OutboxMessage,
    ReminderSend,
    StockMovement,
)
from careops_desktop.core.services import bookings
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.outbox_relay import OutboxRelay
from tests.actors import OWNER
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, WEDNESDAY, World, at
from tests.integrations.smtp_server import SmtpServer, smtp_server

__all__ = ["smtp_server"]

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
MONDAY = date(2026, 6, 8)


def _book(db: Database, world: World, start: datetime | None = None, **kw: Any) -> int:
    values: dict[str, Any] = {
        "contact_id": world.known_contact,
        "booking_type_id": world.consult,
        "provider_id": world.alice,
        "start_utc": start or at(WEDNESDAY, 10),
        "now": NOW,
    }
    values.update(kw)
    return db.call(bookings.book_desk, DESK, **values).booking_id


def _outbox(db: Database, booking_id: int) -> list[tuple[str, str, datetime]]:
    with db.session() as s:
        rows = s.execute(
            select(OutboxMessage.kind, OutboxMessage.status, OutboxMessage.next_attempt_at)
            .where(OutboxMessage.booking_id == booking_id)
            .order_by(OutboxMessage.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _status(db: Database, booking_id: int) -> str:
    with db.session() as s:
        return s.get(Booking, booking_id).status  # type: ignore[union-attr]


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _relay(db: Database, server: SmtpServer, clock: Clock) -> OutboxRelay:
    settings = cfg.SmtpSettings(
        host=server.host,
        port=server.port,
        security="none",
        from_address="desk@clinic.example.org",
        from_name="Bright Smile Clinic",
        timeout_seconds=5,
    )
    db.call(cfg.save_smtp, OWNER, settings)
    return OutboxRelay(db, worker="test", clock=clock)


def _subjects(server: SmtpServer) -> list[str]:
    return [str(r.headers["Subject"]) for r in server.received]


@pytest.mark.sqlite_only
def test_undone_cancel_sends_nothing_and_takes_the_slot_again(
    db: Database, world: World, smtp_server: SmtpServer
) -> None:
    clock = Clock(NOW)
    relay = _relay(db, smtp_server, clock)
    booking_id = _book(db, world)
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "wrong one", NOW)
    assert change.view.status == "cancelled" and change.kind == "cancel"
    assert len(change.held_outbox_ids) == 1
    kinds = {k: (st, when) for k, st, when in _outbox(db, booking_id)}
    assert kinds["cancellation"] == ("queued", NOW + timedelta(minutes=2))
    clock.now = NOW + timedelta(seconds=90)
    assert asyncio.run(relay.run_once()).claimed == 0  # held: the relay leaves it
    result = db.call(bookings.undo, DESK, change, clock.now)
    assert result.view.status == "confirmed" and result.view.cancelled_at is None
    assert result.withdrawn == 1 and not result.already_told
    assert result.view.cancel_reason == ""
    clock.now = NOW + timedelta(hours=1)
    asyncio.run(relay.run_once())
    assert not any("ancel" in s for s in _subjects(smtp_server))  # it never left
    assert "cancellation" not in [k for k, _s, _w in _outbox(db, booking_id)]
    with pytest.raises(SlotTaken):
        _book(db, world)  # the time is the customer's again
    with db.session() as s:
        taken = s.scalar(
            select(func.sum(StockMovement.delta)).where(StockMovement.booking_id == booking_id)
        )
        assert taken == -2  # the gloves went back on cancel and were taken again
        undo_rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "undo")).all()
        assert [r.entity_id for r in undo_rows] == [booking_id]


@pytest.mark.sqlite_only
def test_an_undo_after_the_message_left_still_works_and_says_so(
    db: Database, world: World, smtp_server: SmtpServer
) -> None:
    clock = Clock(NOW)
    relay = _relay(db, smtp_server, clock)
    booking_id = _book(db, world)
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "", NOW)
    clock.now = change.undo_until()  # the very end of the window: the relay sends it
    asyncio.run(relay.run_once())
    assert any("ancel" in s for s in _subjects(smtp_server))
    result = db.call(bookings.undo, DESK, change, clock.now)
    assert result.view.status == "confirmed"
    assert result.already_told and result.withdrawn == 0


def test_undo_after_two_minutes_is_refused(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "", NOW)
    late = NOW + timedelta(minutes=2, seconds=1)
    with pytest.raises(PolicyRefused, match="More than 2 minutes have passed"):
        db.call(bookings.undo, DESK, change, late)
    assert _status(db, booking_id) == "cancelled"


def test_undo_when_the_old_time_was_booked_meanwhile_is_refused(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "", NOW)
    other = _book(db, world, now=NOW + timedelta(seconds=20))  # someone takes the time
    with pytest.raises(PolicyRefused, match="was booked by someone else meanwhile") as refused:
        db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=30))
    assert "10:00" in str(refused.value)
    assert _status(db, booking_id) == "cancelled" and _status(db, other) == "confirmed"
    # the held message stays held (nothing changed), and leaves when the window ends
    assert ("cancellation", "queued", NOW + timedelta(minutes=2)) in _outbox(db, booking_id)


def test_undo_of_a_move_puts_time_and_provider_back(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    change = db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 14), world.bob, NOW)
    assert change.view.provider_id == world.bob and change.held_outbox_ids
    result = db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))
    assert (result.view.start, result.view.provider_id) == (at(WEDNESDAY, 10), world.alice)
    assert result.withdrawn == 1
    assert "reschedule" not in [k for k, _s, _w in _outbox(db, booking_id)]


def test_undo_of_a_resize_puts_the_length_back_and_withdraws_the_message(
    db: Database, world: World
) -> None:
    booking_id = _book(db, world)  # 10:00-11:00
    change = db.call(bookings.resize_at_desk, DESK, booking_id, at(WEDNESDAY, 11, 30), NOW)
    assert change.kind == "resize" and change.view.end == at(WEDNESDAY, 11, 30)
    assert ("reschedule", "queued", NOW + timedelta(minutes=2)) in _outbox(db, booking_id)
    result = db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))
    assert (result.view.start, result.view.end) == (at(WEDNESDAY, 10), at(WEDNESDAY, 11))
    assert result.withdrawn == 1
    assert "reschedule" not in [k for k, _s, _w in _outbox(db, booking_id)]


def test_a_resize_without_telling_holds_nothing(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    change = db.call(
        bookings.resize_at_desk, DESK, booking_id, at(WEDNESDAY, 11, 30), NOW, notify=False
    )
    assert change.held_outbox_ids == ()
    assert "reschedule" not in [k for k, _s, _w in _outbox(db, booking_id)]


def test_undo_of_a_move_gives_back_the_customers_confirmation(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    confirmed = NOW - timedelta(hours=1)
    with db.write_session() as s:
        s.get(Booking, booking_id).customer_confirmed_at = confirmed  # type: ignore[union-attr]
    change = db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 14), None, NOW)
    assert change.view.customer_confirmed_at is None  # they confirmed the old time
    result = db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))
    assert result.view.customer_confirmed_at is not None
    assert result.view.customer_confirmed_at.replace(tzinfo=None) == confirmed.replace(tzinfo=None)


def test_undo_of_a_move_puts_back_the_reminders_already_sent(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    with db.write_session() as s:
        s.add(ReminderSend(booking_id=booking_id, rule_key=0, channel="email", recipient="a@b.c"))
    change = db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 14), None, NOW)
    with db.session() as s:  # owed again for the new time
        assert s.scalar(select(func.count()).select_from(ReminderSend)) == 0
    db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))
    with db.session() as s:  # back at the old time: already reminded, not again
        rows = s.execute(select(ReminderSend.booking_id, ReminderSend.rule_key)).all()
    assert [tuple(r) for r in rows] == [(booking_id, 0)]


def test_undo_of_a_move_refused_when_the_old_time_was_taken(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    change = db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 14), None, NOW)
    _book(db, world, at(WEDNESDAY, 10, 30))  # overlaps the old 10:00–11:00
    with pytest.raises(PolicyRefused, match="meanwhile"):
        db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=10))
    with db.session() as s:
        assert s.get(Booking, booking_id).start_at == at(WEDNESDAY, 14)  # type: ignore[union-attr]


def test_undo_of_status_changes(db: Database, world: World) -> None:
    today = _book(db, world, at(MONDAY, 10))
    came = at(MONDAY, 9, 45)
    arrived = db.call(bookings.arrived_at_desk, DESK, today, came)
    back = db.call(bookings.undo, DESK, arrived, came + timedelta(seconds=5))
    assert back.view.status == "confirmed" and back.view.arrived_at is None
    arrived = db.call(bookings.arrived_at_desk, DESK, today, came + timedelta(seconds=10))
    done_at = at(MONDAY, 11, 1)
    done = db.call(bookings.complete_at_desk, DESK, today, done_at)
    back = db.call(bookings.undo, DESK, done, done_at + timedelta(seconds=3))
    assert back.view.status == "arrived" and back.view.arrived_at == came + timedelta(seconds=10)
    missed = db.call(bookings.no_show_at_desk, DESK, today, done_at + timedelta(seconds=20))
    assert missed.view.status == "no_show"
    back = db.call(bookings.undo, DESK, missed, done_at + timedelta(seconds=30))
    assert back.view.status == "arrived"


def test_undo_refused_when_the_booking_changed_again(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    first = db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 14), None, NOW)
    db.call(bookings.move_at_desk, DESK, booking_id, at(WEDNESDAY, 15), None, NOW)
    with pytest.raises(PolicyRefused, match="changed again"):
        db.call(bookings.undo, DESK, first, NOW + timedelta(seconds=5))


def test_undo_needs_the_bookings_permission(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "", NOW)
    with pytest.raises(PermissionDenied):
        db.call(bookings.undo, INBOX_ONLY, change, NOW)
    with pytest.raises(PermissionDenied):
        db.call(bookings.cancel_at_desk, INBOX_ONLY, booking_id, "", NOW)


def test_restore_a_cancelled_booking_when_its_time_is_free(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    db.call(bookings.cancel, DESK, booking_id, "", NOW)
    later = NOW + timedelta(hours=5)
    view = db.call(bookings.restore, DESK, booking_id, tell_customer=True, now=later)
    assert view.status == "confirmed" and view.cancelled_at is None
    kinds = [k for k, _s, _w in _outbox(db, booking_id)]
    assert kinds.count("confirmation") == 2  # told again
    with pytest.raises(PolicyRefused, match="Only a cancelled booking"):
        db.call(bookings.restore, DESK, booking_id, now=later)
    with pytest.raises(SlotTaken):
        _book(db, world)


def test_restore_refused_when_the_time_was_taken(db: Database, world: World) -> None:
    booking_id = _book(db, world)
    db.call(bookings.cancel, DESK, booking_id, "", NOW)
    _book(db, world, at(WEDNESDAY, 10, 30), provider_id=world.alice)
    with pytest.raises(PolicyRefused, match="has been booked since") as refused:
        db.call(bookings.restore, DESK, booking_id, now=NOW + timedelta(hours=1))
    assert "Wednesday 10 June 2026 at 10:00" in str(refused.value)
    assert _status(db, booking_id) == "cancelled"
    silent = _book(db, world, at(WEDNESDAY, 15))
    db.call(bookings.cancel, DESK, silent, "", NOW)
    with pytest.raises(PolicyRefused, match="has passed"):
        db.call(bookings.restore, DESK, silent, now=at(WEDNESDAY, 16))


def test_an_undone_cancel_reopens_the_forms_with_their_old_links(
    db: Database, world: World
) -> None:
    booking_id = _book(db, world)

    def tokens() -> list[tuple[str, str]]:
        with db.session() as s:
            rows = s.execute(
                select(FormSubmission.token, FormSubmission.status).where(
                    FormSubmission.booking_id == booking_id
                )
            ).all()
        return sorted((t, st) for t, st in rows)

    before = tokens()
    assert len(before) == 1 and before[0][1] == "pending"
    change = db.call(bookings.cancel_at_desk, DESK, booking_id, "", NOW)
    assert tokens() == []  # the cancel withdrew it
    db.call(bookings.undo, DESK, change, NOW + timedelta(seconds=30))
    assert tokens() == before  # the customer's link works again


_WEEKS = itertools.count(1)
ACTIONS = ("arrived", "complete", "no_show", "cancel", "move")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=5))
def test_undo_puts_back_exactly_what_the_last_change_changed(
    db: Database, world: World, steps: list[str]
) -> None:
    """Any run of desk changes (refused ones skipped): undoing the last one restores the
    booking's status, time, provider, arrival and cancel fields as they were before it."""
    day = WEDNESDAY + timedelta(weeks=next(_WEEKS))
    booking_id = _book(db, world, at(day, 10))
    visit = at(day, 10, 5)  # on the day, after the start: every status change is allowed
    last: Any = None
    before: tuple[Any, ...] = ()
    for n, step in enumerate(steps):
        when = visit + timedelta(seconds=n)
        state = _fields(db, booking_id)
        try:
            if step == "move":
                change = db.call(
                    bookings.move_at_desk, DESK, booking_id, at(day, 14 + n % 2), None, NOW
                )
            elif step == "cancel":
                change = db.call(bookings.cancel_at_desk, DESK, booking_id, "oops", when)
            else:
                command = {
                    "arrived": bookings.arrived_at_desk,
                    "complete": bookings.complete_at_desk,
                    "no_show": bookings.no_show_at_desk,
                }[step]
                change = db.call(command, DESK, booking_id, when)
        except PolicyRefused:
            continue
        last, before = change, state
    if last is None:
        return
    db.call(bookings.undo, DESK, last, last.made_at + timedelta(seconds=10))
    assert _fields(db, booking_id) == before


def _fields(db: Database, booking_id: int) -> tuple[Any, ...]:
    with db.session() as s:
        b = s.get(Booking, booking_id)
        assert b is not None
        return (
            b.status,
            b.start_at,
            b.end_at,
            b.provider_id,
            b.arrived_at,
            b.cancelled_at,
            b.cancel_reason,
        )
