"""The automatic daily backup of the SQLite database.

Every hour the job asks whether today's (UTC) automatic backup exists; when
it does not, it writes one with SQLite's online backup API and prunes old ones
(7 daily, 4 weekly, 12 monthly are kept; see :mod:`careops_desktop.core.backup`).
Both steps run on a thread of their own through :func:`asyncio.to_thread`: the
runtime's loop keeps serving the booking page, and the database worker queue
is never held for the length of a backup (the backup reads the file through
its own read-only connection; WAL lets writers go on meanwhile).

On PostgreSQL there is no job: the server is backed up with its own tools.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from careops_desktop.config import backups_dir
from careops_desktop.core import backup
from careops_desktop.core.db import Database
from careops_desktop.core.models import utcnow
from careops_desktop.jobs.scheduler import Job

log = logging.getLogger(__name__)

BACKUP_CHECK_SECONDS = 3600.0
FIRST_CHECK_SECONDS = 60.0  # after start-up, once the window and the page are up
JOB_NAME = "daily-backup"


class DailyBackup:
    """Takes the day's automatic backup of ``database`` when it is due."""

    def __init__(
        self,
        database: Database,
        *,
        folder: Path | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.folder = folder
        self.clock = clock

    async def run_once(self) -> Path | None:
        """Write today's backup if none exists yet; returns its path (None: not due).

        Runs on the runtime's loop; the file work happens on a worker thread.
        """
        now = self.clock()
        folder: Path = self.folder if self.folder is not None else backups_dir()
        stem = backup.sqlite_path(self.database.engine).stem
        if not await asyncio.to_thread(backup.backup_due, folder, stem, now):
            return None
        path = await asyncio.to_thread(
            backup.take_backup, self.database.engine, folder, now=now, kind="daily"
        )
        log.info("daily backup written: %s", path.name)
        return path


def build_backup_jobs(
    database: Database,
    *,
    folder: Path | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> list[Job]:
    """The hourly backup check for a SQLite database; no job at all on PostgreSQL."""
    if not database.is_sqlite:
        return []
    daily = DailyBackup(database, folder=folder, clock=clock)
    return [Job(JOB_NAME, BACKUP_CHECK_SECONDS, daily.run_once, initial_delay=FIRST_CHECK_SECONDS)]
