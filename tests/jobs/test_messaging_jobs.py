"""The messaging jobs as the runtime gets them: named, and harmless before anything is set up."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from careops_desktop.core.db import Database
from careops_desktop.core.services import outbox
from careops_desktop.jobs.messaging import Automations, build_messaging_jobs
from careops_desktop.jobs.reminders import BATCH
from careops_desktop.jobs.scheduler import JobScheduler
from tests.integrations.factories import make_booking, make_business

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def test_job_names_and_a_run_on_an_empty_database(db: Database) -> None:
    jobs = build_messaging_jobs(db, clock=lambda: NOW)
    assert [job.name for job in jobs] == [
        "outbox-relay",
        "booking-reminders",
        "follow-ups",
        "form-reminders",
        "low-stock-alerts",
        "waitlist-offers",
        "imap-poll",
        "sms-poll",
    ]

    async def run_all() -> None:
        for job in jobs:
            await job.run()

    asyncio.run(run_all())  # no business, no settings, no keyring: nothing to do, no error
    with db.write_session() as s:
        make_business(s)
        outbox.enqueue(
            s, channel="email", recipient="a@example.com", subject="s", body="b", kind="x"
        )
    asyncio.run(run_all())


def test_scheduler_runs_them_without_failures(db: Database) -> None:
    async def scenario() -> JobScheduler:
        jobs = build_messaging_jobs(db, clock=lambda: NOW)
        for job in jobs:
            job.initial_delay = 0
        scheduler = JobScheduler(jobs)
        scheduler.start()
        await asyncio.sleep(0.5)
        await scheduler.stop()
        return scheduler

    scheduler = asyncio.run(scenario())
    assert all(job.runs >= 1 and job.failures == 0 for job in scheduler.jobs.values())


def test_reminders_job_takes_every_batch(db: Database) -> None:
    with db.write_session() as s:
        make_business(s)
        for n in range(BATCH + 5):
            make_booking(s, start=NOW + timedelta(hours=2, minutes=n))
    report = asyncio.run(Automations(db, lambda: NOW).booking_reminders())
    assert report.queued == BATCH + 5
