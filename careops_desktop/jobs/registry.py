"""The background jobs the runtime runs: outbox relay, reminders, overdue forms, IMAP poll.

``build_jobs(database)`` is called once by ``careops_desktop.runtime.Runtime``
when it is created without an explicit job list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careops_desktop.jobs.scheduler import Job

if TYPE_CHECKING:
    from careops_desktop.core.db import Database


def build_jobs(database: Database) -> list[Job]:
    """Every scheduled job of the running app, bound to ``database``."""
    from careops_desktop.jobs.backups import build_backup_jobs
    from careops_desktop.jobs.calendar_jobs import build_calendar_jobs
    from careops_desktop.jobs.messaging import build_messaging_jobs

    jobs: list[Job] = []
    jobs += build_messaging_jobs(database)  # outbox relay, reminders, forms, low stock, polls
    jobs += build_calendar_jobs(database)  # calendar outbox rows + busy-time sync
    jobs += build_backup_jobs(database)  # SQLite only: the daily backup
    return jobs
