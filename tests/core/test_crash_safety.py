"""Crash safety: SIGKILL a process writing bookings, 50 times, and find nothing lost or broken.

After every kill: ``integrity_check`` is ok, ``foreign_key_check`` is empty,
every booking whose commit was acknowledged is there, and no booking lacks the
outbox row written in its transaction.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careops_desktop.core.db import Database
from tests.core.booking_world import build_in

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50

pytestmark = pytest.mark.sqlite_only  # SQLite files, its backup API and its locking


# Both checks below look at every booking after every kill, so they must stay linear: the
# pairwise forms (kept in _check_pairwise, run once at the end) took ~0.8 s per kill at 6,000
# bookings. A booking lacks its confirmation when its id is not among the outbox's; two
# bookings of one provider overlap exactly when, in start order, one starts before the latest
# end among those before it.
ORPHANS = (
    "SELECT count(*) FROM bookings WHERE id NOT IN (SELECT booking_id FROM outbox"
    " WHERE kind = 'confirmation' AND booking_id IS NOT NULL)"
)
OVERLAPS = (
    "SELECT count(*) FROM (SELECT start_at, max(end_at) OVER (PARTITION BY provider_id"
    " ORDER BY start_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end"
    " FROM bookings) WHERE start_at < before_end"
)
ORPHANS_PAIRWISE = (
    "SELECT count(*) FROM bookings b WHERE NOT EXISTS "
    "(SELECT 1 FROM outbox o WHERE o.booking_id = b.id AND o.kind = 'confirmation')"
)
OVERLAPS_PAIRWISE = (
    "SELECT count(*) FROM bookings a JOIN bookings b ON a.provider_id = b.provider_id"
    " AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at"
)


def _check(path: Path, acknowledged: set[int], orphans: str, overlaps: str) -> int:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.execute("PRAGMA foreign_keys = ON")
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {row[0] for row in connection.execute("SELECT id FROM bookings")}
        missing = acknowledged - present
        assert not missing, f"acknowledged bookings lost: {sorted(missing)[:10]}"
        lacking = connection.execute(orphans).fetchone()[0]
        assert lacking == 0, f"{lacking} bookings without their confirmation in the outbox"
        assert connection.execute(overlaps).fetchone()[0] == 0
        return len(present)
    finally:
        connection.close()


def test_the_linear_checks_find_what_the_pairwise_ones_find(db: Database) -> None:
    """An orphan and an overlap planted in a real file are found by both forms."""
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import bookings
    from tests.core.booking_world import NOW, WEDNESDAY, at

    world = build_in(db)
    receipt = db.call(
        bookings.book_desk,
        Actor.system("Crash test"),
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, 10),
        notes="",
        now=NOW,
    )
    path = Path(db.engine.url.database or "")
    db.close()
    connection = sqlite3.connect(path)
    try:
        for query in (ORPHANS, ORPHANS_PAIRWISE, OVERLAPS, OVERLAPS_PAIRWISE):
            assert connection.execute(query).fetchone()[0] == 0
        # a copy of the booking, same provider, same time, no confirmation of its own
        columns = [
            row[1] for row in connection.execute("PRAGMA table_info(bookings)") if row[1] != "id"
        ]
        chosen = ", ".join(f"{c} || '-copy'" if c == "manage_token" else c for c in columns)
        connection.execute(
            f"INSERT INTO bookings ({', '.join(columns)}) SELECT {chosen} FROM bookings"
            " WHERE id = ?",
            (receipt.booking_id,),
        )
        connection.commit()
        for query in (ORPHANS, ORPHANS_PAIRWISE, OVERLAPS, OVERLAPS_PAIRWISE):
            assert connection.execute(query).fetchone()[0] == 1, query
    finally:
        connection.close()


@pytest.mark.slow
def test_sigkill_while_writing_loses_no_acknowledged_booking(db: Database) -> None:
    world = build_in(db)
    with db.write_session() as s:
        from careops_desktop.core.models import Contact

        s.add(Contact(name="Crash Customer", email="crash@example.com"))
        s.flush()
        contact_id = s.query(Contact.id).filter_by(email="crash@example.com").scalar()
    url = db.url
    path = Path(db.engine.url.database or "")
    db.close()

    rng = random.Random(20261126)
    acknowledged: set[int] = set()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    total = 0
    zygote = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.core.crash_writer",
            url,
            str(contact_id),
            str(world.consult),
            str(world.alice),
            "1000",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    try:
        assert zygote.stdout.readline().strip() == "zygote"
        for _ in range(KILLS):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            ready, pid = zygote.stdout.readline().split()
            assert ready == "ready"
            time.sleep(rng.uniform(0.0, 0.6))
            with contextlib.suppress(ProcessLookupError):  # done all COUNT already
                os.kill(int(pid), signal.SIGKILL)
            for line in iter(zygote.stdout.readline, "done\n"):
                assert line, "the crash writer's parent ended early"
                if line.startswith("ack"):
                    acknowledged.add(int(line.split()[1]))
            total = _check(path, acknowledged, ORPHANS, OVERLAPS)
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    assert _check(path, acknowledged, ORPHANS_PAIRWISE, OVERLAPS_PAIRWISE) == total
    assert len(acknowledged) > KILLS  # the writer really wrote between the kills
    assert total >= len(acknowledged)
