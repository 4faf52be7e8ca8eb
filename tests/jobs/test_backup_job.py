"""The daily backup job: once a UTC day, a sound copy, old ones pruned; none on PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careops_desktop.core import backup
from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact
from careops_desktop.jobs.backups import JOB_NAME, DailyBackup, build_backup_jobs
from careops_desktop.jobs.scheduler import JobScheduler

START = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)


def _add_contacts(db: Database, count: int) -> None:
    with db.write_session() as session:
        session.add_all(
            Contact(name=f"Person {i}", email=f"p{i}@example.com") for i in range(count)
        )


def _contacts_in(path: Path) -> int:
    copy = Database(f"sqlite:///{path}")
    try:
        with copy.session() as session:
            return int(session.scalar(select(func.count(Contact.id))) or 0)
    finally:
        copy.close()


def test_one_backup_a_day_sound_and_pruned(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    clock = [START]
    job = DailyBackup(db, folder=folder, clock=lambda: clock[0])
    _add_contacts(db, 25)

    first = asyncio.run(job.run_once())
    assert first is not None and first.parent == folder
    assert backup.integrity_problems(first) == []
    assert _contacts_in(first) == 25

    # later the same day: not due, nothing written
    clock[0] = START + timedelta(hours=13)
    assert asyncio.run(job.run_once()) is None
    assert len(backup.list_backups(folder)) == 1

    # twenty days later, one run a day: 7 daily (plus older weekly/monthly keepers) remain
    for day in range(1, 21):
        clock[0] = START + timedelta(days=day)
        assert asyncio.run(job.run_once()) is not None
    kept = backup.list_backups(folder)
    days = sorted({b.taken_at.date() for b in kept}, reverse=True)
    newest_seven = [(START + timedelta(days=d)).date() for d in range(20, 13, -1)]
    assert days[:7] == newest_seven
    assert len(kept) < 21
    assert len(kept) == len(backup.backups_to_keep([b.taken_at for b in kept]))


def test_the_scheduler_runs_it_off_the_loop_thread(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    _add_contacts(db, 3)
    threads: list[str] = []
    original = backup.take_backup

    def recording_take_backup(*args: object, **kwargs: object) -> Path:
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "take_backup", recording_take_backup)

    jobs = build_backup_jobs(db, folder=folder)
    assert [j.name for j in jobs] == [JOB_NAME]
    assert jobs[0].interval == 3600.0

    async def scenario() -> None:
        scheduler = JobScheduler(jobs)
        try:
            scheduler.start()
            scheduler.run_now(JOB_NAME)
            for _ in range(200):
                if backup.list_backups(folder):
                    break
                await asyncio.sleep(0.02)
            ticks = 0
            while jobs[0].runs == 0 and ticks < 200:
                await asyncio.sleep(0.02)
                ticks += 1
        finally:
            await scheduler.stop()

    asyncio.run(scenario())
    assert jobs[0].runs == 1 and jobs[0].last_error == ""
    assert len(backup.list_backups(folder)) == 1
    assert threads and threads[0] != threading.main_thread().name


def test_no_job_on_postgresql() -> None:
    # creating the engine does not connect: nothing listens on port 1
    database = Database("postgresql+psycopg://careops@127.0.0.1:1/careops")
    try:
        assert build_backup_jobs(database) == []
    finally:
        database.close()


def test_the_registry_includes_the_backup_job(db: Database) -> None:
    from careops_desktop.jobs.registry import build_jobs

    assert JOB_NAME in [job.name for job in build_jobs(db)]


def test_a_backup_that_cannot_be_written_fails_the_run_not_the_loop(
    db: Database, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups folder should be")
    jobs = build_backup_jobs(db, folder=blocked, clock=lambda: START)

    async def scenario() -> None:
        scheduler = JobScheduler(jobs)
        scheduler.start()
        scheduler.run_now(JOB_NAME)
        for _ in range(200):
            if jobs[0].runs:
                break
            await asyncio.sleep(0.02)
        await scheduler.stop()

    asyncio.run(scenario())
    assert jobs[0].failures == 1
    assert jobs[0].last_error
    assert blocked.read_text() == "a file where the backups folder should be"
