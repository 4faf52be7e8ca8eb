"""The messaging jobs, ready for the scheduler: relay, reminders, forms, low stock, polls.

``build_messaging_jobs(database)`` binds each job to ``database`` and returns
them as :class:`~careops_desktop.jobs.scheduler.Job` objects; the registry
adds them to the runtime's jobs. Every job runs on the runtime's loop and
reaches SQL only through ``Database.run``. The transaction functions take the
clock's ``now``, so tests (and a clock override) decide what "due" means.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from careops_desktop.core.db import Database
from careops_desktop.core.models import utcnow
from careops_desktop.core.services import answers, waitlist
from careops_desktop.jobs.form_reminders import FormReport, queue_form_reminders
from careops_desktop.jobs.imap_poll import ImapPoller
from careops_desktop.jobs.low_stock import LowStockReport, queue_low_stock_alerts
from careops_desktop.jobs.outbox_relay import OutboxRelay
from careops_desktop.jobs.reminders import ReminderReport, queue_booking_reminders
from careops_desktop.jobs.scheduler import Job
from careops_desktop.jobs.sms_poll import SmsPoller

log = logging.getLogger(__name__)

RELAY_SECONDS = 5.0
AUTOMATION_SECONDS = 60.0
POLL_CHECK_SECONDS = 30.0  # the polls keep their own interval from Settings


class Automations:
    """The timed automations of one database, each a coroutine for the scheduler."""

    def __init__(self, database: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.database = database
        self.clock = clock

    async def booking_reminders(self) -> ReminderReport:
        """Queue due booking reminders, a batch at a time until none is left."""
        total = ReminderReport()
        while True:
            report = await self.database.run(queue_booking_reminders, self.clock())
            total = ReminderReport(
                total.queued + report.queued, total.skipped + report.skipped, False
            )
            if not report.more:
                return total

    async def follow_ups(self) -> answers.FollowupReport:
        """Queue due follow-ups (issue 19), a batch at a time until none is left."""
        queued = skipped = 0
        while True:
            report = await self.database.run(answers.queue_followups, self.clock())
            queued, skipped = queued + report.queued, skipped + report.skipped
            if not report.more:
                return answers.FollowupReport(queued, skipped)

    async def form_reminders(self) -> FormReport:
        return await self.database.run(queue_form_reminders, self.clock())

    async def low_stock_alerts(self) -> LowStockReport:
        return await self.database.run(queue_low_stock_alerts, self.clock())

    async def waitlist_offers(self) -> int:
        """End unclaimed waitlist offers and pass each time to the next person waiting."""
        ended: int = await self.database.run(waitlist.pass_on_expired, self.clock())
        return ended


def build_messaging_jobs(
    database: Database, *, clock: Callable[[], datetime] = utcnow, worker: str | None = None
) -> list[Job]:
    """The relay, the automations and the two polls, bound to ``database``."""
    relay = OutboxRelay(database, worker=worker, clock=clock)
    automations = Automations(database, clock)
    imap = ImapPoller(database, clock=clock)
    sms = SmsPoller(database, clock=clock)
    return [
        Job("outbox-relay", RELAY_SECONDS, relay.run_once, initial_delay=1.0),
        Job(
            "booking-reminders",
            AUTOMATION_SECONDS,
            automations.booking_reminders,
            initial_delay=2.0,
        ),
        Job("follow-ups", AUTOMATION_SECONDS, automations.follow_ups, initial_delay=7.0),
        Job("form-reminders", AUTOMATION_SECONDS, automations.form_reminders, initial_delay=3.0),
        Job(
            "low-stock-alerts", AUTOMATION_SECONDS, automations.low_stock_alerts, initial_delay=4.0
        ),
        Job("waitlist-offers", AUTOMATION_SECONDS, automations.waitlist_offers, initial_delay=8.0),
        Job("imap-poll", POLL_CHECK_SECONDS, imap.run_once, initial_delay=5.0),
        Job("sms-poll", POLL_CHECK_SECONDS, sms.run_once, initial_delay=6.0),
    ]
