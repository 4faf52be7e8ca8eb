"""Never double-book: 50 simultaneous bookings, from threads and from two processes.

Each attempt has its own ``Database`` (its own engine and connection) on one
database, as separate app processes would: a SQLite file (writers serialised by
BEGIN IMMEDIATE), and, where the ``db`` fixture also runs on PostgreSQL, a
PostgreSQL database (writers serialised by locking the provider row). All start
together behind a barrier; exactly one may win each contested time, every other
attempt must get a clean ``SlotTaken`` (never an error, never a second booking).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Booking,
    Contact,
    FormSubmission,
    InventoryItem,
    OutboxMessage,
)
from careops_desktop.core.services import availability as av
from tests.core.booking_world import NOW, WEDNESDAY, World, at
from tests.core.race_worker import race

ROOT = Path(__file__).resolve().parents[2]
ATTEMPTS = 50


def live_bookings(db: Database) -> list[tuple[int, datetime, datetime]]:
    with db.session() as s:
        rows = s.execute(
            select(Booking.provider_id, Booking.start_at, Booking.end_at)
            .where(Booking.status != "cancelled")
            .order_by(Booking.provider_id, Booking.start_at)
        ).all()
    return [(int(p), start, end) for p, start, end in rows]


def assert_no_overlaps(db: Database) -> None:
    rows = live_bookings(db)
    for (p1, s1, e1), (p2, s2, e2) in itertools.pairwise(rows):
        if p1 == p2:
            assert not av.overlaps(s1, e1, s2, e2), (s1, e1, s2, e2)


def assert_side_effects_match(db: Database, bookings_made: int) -> None:
    """Losers left nothing behind: one contact, one stock use, one form, per winner."""
    with db.session() as s:
        racers = s.scalar(
            select(func.count()).select_from(Contact).where(Contact.name.like("Racer%"))
        )
        submissions = s.scalar(select(func.count()).select_from(FormSubmission))
        confirmations = s.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.kind == "confirmation")
        )
        gloves = s.scalar(select(InventoryItem.quantity))
    assert racers == bookings_made
    assert submissions == bookings_made
    assert confirmations == bookings_made
    assert gloves == 100 - 2 * bookings_made


@pytest.mark.sqlite_only  # about SQLite itself
def test_writers_really_begin_immediate(db: Database) -> None:
    """The serialisation the races rely on on SQLite: a writer holds the lock from BEGIN."""
    if db.dialect != "sqlite":
        pytest.skip("PostgreSQL serialises booking writers by locking the provider row instead")
    seen: list[str] = []
    from sqlalchemy import event, text

    def capture(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.write_session() as s:
            s.execute(text("SELECT 1"))
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert seen[0] == "BEGIN IMMEDIATE"


@pytest.mark.slow
def test_fifty_threads_one_slot_one_booking(db: Database, world: World) -> None:
    starts = [at(WEDNESDAY, 10)] * ATTEMPTS
    outcomes = race(db.url, world.consult, world.alice, starts, "Racer", NOW)
    assert sorted(outcomes) == ["booked"] + ["taken"] * (ATTEMPTS - 1), outcomes
    assert live_bookings(db) == [(world.alice, at(WEDNESDAY, 10), at(WEDNESDAY, 11))]
    assert_side_effects_match(db, 1)


@pytest.mark.slow
def test_fifty_threads_overlapping_slots_one_booking(db: Database, world: World) -> None:
    starts = [at(WEDNESDAY, 10) if i % 2 else at(WEDNESDAY, 10, 30) for i in range(ATTEMPTS)]
    outcomes = race(db.url, world.consult, world.alice, starts, "Racer", NOW)
    assert sorted(outcomes) == ["booked"] + ["taken"] * (ATTEMPTS - 1), outcomes
    rows = live_bookings(db)
    assert len(rows) == 1 and rows[0][1] in (at(WEDNESDAY, 10), at(WEDNESDAY, 10, 30))
    assert_side_effects_match(db, 1)


@pytest.mark.slow
def test_fifty_threads_first_available_fill_each_provider_once(db: Database, world: World) -> None:
    starts = [at(WEDNESDAY, 10)] * ATTEMPTS
    outcomes = race(db.url, world.consult, None, starts, "Racer", NOW)
    assert sorted(outcomes) == ["booked"] * 2 + ["taken"] * (ATTEMPTS - 2), outcomes
    assert [p for p, _, _ in live_bookings(db)] == [world.alice, world.bob]
    assert_no_overlaps(db)
    assert_side_effects_match(db, 2)


def _spawn(
    db: Database, world: World, starts: list[datetime], prefix: str, go: Path
) -> subprocess.Popen[str]:
    args = [
        sys.executable,
        "-m",
        "tests.core.race_worker",
        db.url,
        str(world.consult),
        str(world.alice),
        str(go),
        prefix,
        NOW.isoformat(),
        *[s.isoformat() for s in starts],
    ]
    return subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.slow
@pytest.mark.parametrize("overlapping", [False, True], ids=["same-slot", "overlapping-slots"])
def test_two_processes_share_the_file_and_still_one_booking(
    db: Database, world: World, tmp_path: Path, overlapping: bool
) -> None:
    half = ATTEMPTS // 2
    first = [at(WEDNESDAY, 10)] * half
    second = [at(WEDNESDAY, 10, 30) if overlapping else at(WEDNESDAY, 10)] * half
    go = tmp_path / "go"
    workers = [
        _spawn(db, world, first, "Racer A", go),
        _spawn(db, world, second, "Racer B", go),
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            line = worker.stdout.readline().strip()
            if line != "ready":
                _out, err = worker.communicate(timeout=30)
                pytest.fail(f"worker did not start: {line!r} {err}")
        time.sleep(0.05)
        go.touch()
        outcomes: list[str] = []
        for worker in workers:
            out, err = worker.communicate(timeout=180)
            assert worker.returncode == 0, err
            outcomes.extend(json.loads(out.strip().splitlines()[-1]))
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    assert sorted(outcomes) == ["booked"] + ["taken"] * (ATTEMPTS - 1), outcomes
    rows = live_bookings(db)
    assert len(rows) == 1
    assert rows[0][2] - rows[0][1] == timedelta(hours=1)
    assert_side_effects_match(db, 1)


def test_the_race_helper_reports_errors_instead_of_hiding_them(db: Database, world: World) -> None:
    """A helper that swallowed failures would make the race tests pass vacuously."""
    outcomes = race(db.url, 999_999, world.alice, [at(WEDNESDAY, 10)] * 2, "Racer", NOW)
    assert len(outcomes) == 2 and all(o.startswith("error: NotFound") for o in outcomes)
