"""The calendar jobs: send booking changes to the providers' calendars, read their busy time.

Two jobs share one :class:`CalendarSync`:

- ``calendar_outbox`` claims only ``calendar`` outbox rows (the email/SMS relay
  never touches them), strictly in id order, and makes each booking's event
  match the booking as it is now: written with its stable UID, moved to another
  calendar, or deleted. When the server is down the row waits with backoff and
  every later calendar row waits behind it, so changes arrive in order; a
  repeated row rewrites the same event (same UID, same address), never a copy.
- ``calendar_sync`` reads the blocking calendars every ``sync_minutes`` (from the
  account's settings) and stores their busy periods for the slot maths.

:meth:`CalendarSync.run_now` is the Bookings tab's "Sync now": it sends what is
waiting, then reads every calendar at once. SQL runs on the database worker
(``Database.run``); keyring and CalDAV calls in worker threads.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import socket
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import _
from careops_desktop.core.models import utcnow
from careops_desktop.core.services import calendar, outbox
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.calendar import CalendarAccount, EventPlan
from careops_desktop.integrations import ics, integration_settings, secrets
from careops_desktop.integrations.caldav_client import CalDavConnection, CalendarError, render_event
from careops_desktop.jobs.scheduler import Job

log = logging.getLogger(__name__)

Offload = Callable[..., Awaitable[Any]]
SEND_INTERVAL = 20.0
READ_TICK = 60.0
HEALTH_KIND = "calendar"


@dataclass(frozen=True)
class SendReport:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    waiting: str = ""  # why nothing was sent (not set up), else ""


@dataclass(frozen=True)
class ReadReport:
    calendars: int = 0
    bodies_fetched: int = 0
    rows_changed: int = 0
    errors: tuple[str, ...] = ()
    waiting: str = ""


def default_worker_name() -> str:
    return f"calendar-{socket.gethostname()[:30]}-{os.getpid()}"


class CalendarSync:
    """Both directions of calendar sync for one process (see the module doc)."""

    def __init__(
        self,
        database: Database,
        *,
        worker: str | None = None,
        batch: int = 50,
        clock: Callable[[], datetime] = utcnow,
        stale_after: timedelta = timedelta(minutes=10),
        offload: Offload | None = None,
    ) -> None:
        self.database = database
        self.worker = worker or default_worker_name()
        self.batch = batch
        self.clock = clock
        self.stale_after = stale_after
        self._last_read: datetime | None = None
        self._reading = threading.Lock()
        self._sending = threading.Lock()
        # blocking keyring/CalDAV calls go here: asyncio.to_thread, or the window's own pool
        self.offload: Offload = offload or asyncio.to_thread

    # -- shared ---------------------------------------------------------------------------

    async def _connection(self) -> tuple[CalendarAccount, CalDavConnection | None, str]:
        """The account and a connection to it, or the reason there is none."""
        account = await self.database.run(calendar.get_account)
        if not account.configured:
            return account, None, _("The calendar account is not set up.")
        try:
            secret = await self.offload(secrets.get_secret, "caldav", "password")
        except secrets.SecretsUnavailable as exc:
            await self._health(str(exc))
            return account, None, str(exc)
        if not secret:
            reason = _("The calendar password is missing (Settings → Integrations → Calendar).")
            await self._health(reason)
            return account, None, reason
        connection = CalDavConnection(
            account.url, account.username, secret, account.auth, account.timeout_seconds
        )
        return account, connection, ""

    async def _health(self, error: str) -> None:
        await self.database.run(integration_settings.record_health, HEALTH_KIND, error)

    # -- out: booking changes -------------------------------------------------------------

    async def send_changes(self) -> SendReport:
        """One pass over the due calendar rows, oldest first (see the module doc)."""
        if not self._sending.acquire(blocking=False):
            return SendReport(waiting=_("Another pass is sending."))
        try:
            return await self._send_changes()
        finally:
            self._sending.release()

    async def _send_changes(self) -> SendReport:
        db = self.database
        await db.run(outbox.release_stale, self.clock(), self.stale_after)
        _account, connection, reason = await self._connection()
        if connection is None:
            return SendReport(waiting=reason)
        items = await db.run(calendar.claim_calendar_changes, self.worker, self.clock(), self.batch)
        counts = {"sent": 0, "queued": 0, "failed": 0}
        done: set[int] = set()
        health = ""
        try:
            for index, item in enumerate(items):
                try:
                    if item.booking_id is not None and item.booking_id not in done:
                        plan = await db.run(calendar.plan_booking_event, item.booking_id)
                        if plan is not None:
                            await self._make_true(connection, plan)
                        done.add(item.booking_id)
                    await db.run(outbox.mark_sent, item.id, self.clock())
                    counts["sent"] += 1
                except CalendarError as exc:
                    status = await db.run(
                        outbox.mark_failed,
                        item.id,
                        str(exc),
                        self.clock(),
                        permanent=not exc.server_down,
                    )
                    counts[status] = counts.get(status, 0) + 1
                    if exc.server_down:
                        health = str(exc)
                        rest = [later.id for later in items[index + 1 :]]
                        await db.run(calendar.release_claimed, rest)
                        break
        finally:
            await self.offload(connection.close)
            if items:
                await self._health(health)
        return SendReport(len(items), counts["sent"], counts["queued"], counts["failed"])

    async def _make_true(self, connection: CalDavConnection, plan: EventPlan) -> None:
        """Make the calendar hold exactly what ``plan`` says for its booking."""
        db = self.database
        existing = plan.existing
        if existing is not None and existing.calendar_url != plan.target_url:
            if existing.href:
                await self.offload(connection.delete_event, existing.href)
            await db.run(calendar.record_event_removed, plan.booking_id)
        if plan.target_url is None:
            return
        same_place = existing is not None and existing.calendar_url == plan.target_url
        uid = (
            existing.uid
            if existing is not None
            else ics.event_uid(plan.booking_id, ics.calendar_domain(plan.business_email))
        )
        now = self.clock()
        text = render_event(plan, uid, plan.sequence, now)
        href = existing.href if same_place and existing is not None else ""
        written = await self.offload(connection.write_event, plan.target_url, uid, text, href)
        written = dataclasses.replace(written, sequence=plan.sequence)
        await db.run(calendar.record_event_written, plan, written, now)

    # -- in: busy time ----------------------------------------------------------------------

    async def read_busy(self, *, force: bool = False) -> ReadReport:
        """Read every blocking calendar when due (``force``: now) and store the busy time."""
        if not self._reading.acquire(blocking=False):
            return ReadReport(waiting=_("A sync is already running."))
        try:
            return await self._read_busy(force)
        finally:
            self._reading.release()

    async def _read_busy(self, force: bool) -> ReadReport:
        db = self.database
        account, connection, reason = await self._connection()
        if connection is None:
            return ReadReport(waiting=reason)
        now = self.clock()
        interval = timedelta(minutes=max(1, account.sync_minutes))
        if not force and self._last_read is not None and now - self._last_read < interval:
            await self.offload(connection.close)
            return ReadReport(waiting=_("Not due yet."))
        self._last_read = now
        targets = await db.run(calendar.calendars_to_read)
        zone = await db.run(business_zone)
        window = await db.run(calendar.sync_window, now)
        errors: list[str] = []
        changed = 0
        try:
            for target in targets:
                try:
                    result = await self.offload(
                        connection.read_busy,
                        target,
                        window=window,
                        zone=zone,
                        source=account.busy_source,
                    )
                except CalendarError as exc:
                    errors.append(str(exc))
                    await db.run(calendar.record_read_error, target.provider_id, str(exc), now)
                    if exc.server_down:
                        break
                    continue
                changed += await db.run(
                    calendar.apply_busy,
                    target,
                    full=result.full,
                    periods=result.periods,
                    replaced_hrefs=result.replaced_hrefs,
                    state=result.state,
                    now=now,
                )
        finally:
            await self.offload(connection.close)
        if targets:
            await self._health(errors[0] if errors else "")
        return ReadReport(len(targets), connection.bodies_fetched, changed, tuple(errors))

    async def run_now(self) -> ReadReport:
        """ "Sync now": send waiting changes, then read every calendar at once."""
        await self.send_changes()
        return await self.read_busy(force=True)


def build_calendar_jobs(database: Database) -> list[Job]:
    """The two calendar jobs for the runtime's scheduler, sharing one :class:`CalendarSync`."""
    sync = CalendarSync(database)
    return [
        Job("calendar_outbox", SEND_INTERVAL, sync.send_changes, initial_delay=5.0),
        Job("calendar_sync", READ_TICK, sync.read_busy, initial_delay=15.0, now=sync.run_now),
    ]
