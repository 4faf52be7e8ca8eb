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


def _check(path: Path, acknowledged: set[int]) -> int:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.execute("PRAGMA foreign_keys = ON")
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {row[0] for row in connection.execute("SELECT id FROM bookings")}
        missing = acknowledged - present
        assert not missing, f"acknowledged bookings lost: {sorted(missing)[:10]}"
        orphans = connection.execute(
            "SELECT count(*) FROM bookings b WHERE NOT EXISTS "
            "(SELECT 1 FROM outbox o WHERE o.booking_id = b.id AND o.kind = 'confirmation')"
        ).fetchone()[0]
        assert orphans == 0, f"{orphans} bookings without their confirmation in the outbox"
        overlaps = connection.execute(
            "SELECT count(*) FROM bookings a JOIN bookings b ON a.provider_id = b.provider_id"
            " AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at"
        ).fetchone()[0]
        assert overlaps == 0
        return len(present)
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
            total = _check(path, acknowledged)
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    assert len(acknowledged) > KILLS  # the writer really wrote between the kills
    assert total >= len(acknowledged)
