"""The outbox relay: claims due rows, sends them by email or SMS, marks them sent or failed.

One run (:meth:`OutboxRelay.run_once`) on the runtime's loop:

1. rows left ``sending`` by a crashed process are put back (``release_stale``);
2. the channels that are set up (settings in the database, credentials in the
   keyring) are worked out — rows of other channels stay queued, untouched;
3. due rows are claimed atomically (safe with two processes), ``batch`` at a time,
   batch after batch for at most ``budget`` — so a claimed batch is always done well
   within ``stale_after``, and a server that cannot be reached fails the rest of its
   batch at once instead of waiting out a timeout per row;
4. each email is built at send time (``.ics`` attachments rendered from the
   booking as it is now) with the Message-ID its row got at enqueue, and sent
   on one SMTP conversation in a worker thread, which lasts at most the SMTP
   timeout from connect to QUIT (a stalling server is dropped, the batch's rows
   go back to the queue with backoff and their Message-IDs, and the run ends);
   each SMS goes to Twilio;
5. each row is marked sent, or failed with backoff (or for good when retrying
   cannot help, or its retry window is used up), right after its own try;
6. what the SMTP server offers (SMTPUTF8) is stored for the address checks of
   ``core.services.mail_addresses``: learnt from each conversation, or by a short
   check when nothing was sent to that server yet.

A process killed between sending and marking leaves the row ``sending``; it is
released later and sent again with the same Message-ID (at least once, one ID).
SQL runs on the database worker (``Database.run``), SMTP and keyring calls in
``asyncio.to_thread``, Twilio calls on the loop (aiohttp).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from careops_desktop.core.db import Database, read_only
from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Booking, utcnow
from careops_desktop.core.services import mail_addresses, outbox
from careops_desktop.core.services.business import public_base_url
from careops_desktop.core.services.outbox import OutboxItem
from careops_desktop.integrations import ics, integration_settings, secrets
from careops_desktop.integrations.email_out import (
    OutgoingEmail,
    SendError,
    SmtpMailer,
    TextAttachment,
    build_message,
)
from careops_desktop.integrations.integration_settings import SmsSettings, SmtpSettings
from careops_desktop.integrations.sms import SmsError, TwilioClient

log = logging.getLogger(__name__)

CREDENTIALS_TTL = timedelta(seconds=60)
PROBE_EVERY = timedelta(minutes=10)  # how often to retry learning what an unknown server offers
HUMAN_KINDS = frozenset({"reply", "message"})  # typed by staff: no Auto-Submitted header


@dataclass(frozen=True)
class RelayReport:
    released: int = 0
    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    waiting_channels: tuple[str, ...] = ()  # channels not set up; their rows stay queued


@dataclass(frozen=True)
class Channels:
    smtp: SmtpSettings | None
    smtp_password: str | None
    sms: SmsSettings | None
    twilio: tuple[str, str] | None
    problems: dict[str, str]

    @property
    def ready(self) -> tuple[str, ...]:
        found = []
        if self.smtp is not None:
            found.append("email")
        if self.sms is not None and self.twilio is not None:
            found.append("sms")
        return tuple(found)


def default_worker_name() -> str:
    """A name for this process's claims: host and process id."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


def prepare_email(session: Session, item: OutboxItem, now: datetime) -> OutgoingEmail:
    """The email of an outbox row, with its attachments rendered as of ``now``."""
    attachments: list[TextAttachment] = []
    for spec in item.attachments:
        if spec.get("kind") == "booking_ics":
            booking_id = spec.get("booking_id")
            if not isinstance(booking_id, int):
                continue
            try:
                booking = ics.load_booking(session, booking_id)
            except CareOpsError:
                log.warning("outbox %s: booking %s is gone; sent without .ics", item.id, booking_id)
                continue
            row = session.get(Booking, booking_id)
            manage = f"{public_base_url(session)}/manage/{row.manage_token}" if row else ""
            text = ics.booking_invitation(booking, now=now, manage_url=manage)
            method = ics.invitation_method(booking)
            attachments.append(
                TextAttachment(
                    "invite.ics" if method == "REQUEST" else "cancel.ics",
                    "text/calendar",
                    text,
                    {"method": method},
                )
            )
        elif isinstance(spec.get("text"), str):
            attachments.append(
                TextAttachment(
                    str(spec.get("filename") or "attachment.txt"),
                    str(spec.get("content_type") or "text/plain"),
                    str(spec["text"]),
                )
            )
    return OutgoingEmail(
        message_id=item.message_id or "",
        to=item.recipient,
        subject=item.subject,
        body=item.body,
        in_reply_to=item.in_reply_to,
        references=(item.in_reply_to,) if item.in_reply_to else (),
        attachments=tuple(attachments),
        automated=item.kind not in HUMAN_KINDS,
        links=item.links,
    )


@read_only
def prepare_emails(
    session: Session, items: list[OutboxItem], now: datetime
) -> list[OutgoingEmail | SendError]:
    """:func:`prepare_email` for each row; a row that cannot be prepared gets its error."""
    prepared: list[OutgoingEmail | SendError] = []
    for item in items:
        try:
            prepared.append(prepare_email(session, item, now))
        except Exception as exc:  # a bug or odd data in one row must not stop the others
            log.exception("outbox %s could not be prepared", item.id)
            prepared.append(
                SendError(
                    _("Preparing the message failed ({name}).").format(name=type(exc).__name__)
                )
            )
    return prepared


def _build_and_send(mailer: SmtpMailer, email: OutgoingEmail, smtp: SmtpSettings) -> None:
    """Build the MIME message and send it (in a worker thread: both block or take CPU)."""
    message = build_message(email, from_address=smtp.from_address, from_name=smtp.from_name)
    mailer.send(message)


def _load_settings(session: Session) -> tuple[SmtpSettings, SmsSettings]:
    return integration_settings.get_smtp(session), integration_settings.get_sms(session)


def _read_credentials(smtp: SmtpSettings, sms: SmsSettings) -> Channels:
    """Look up the keyring (blocking: run in a thread) and decide which channels can send."""
    problems: dict[str, str] = {}
    smtp_ready: SmtpSettings | None = None
    password: str | None = None
    if smtp.configured:
        try:
            password = secrets.get_secret("smtp", "password") if smtp.username else None
            if smtp.username and not password:
                problems["email"] = _("The SMTP password is missing (Settings → Integrations).")
            else:
                smtp_ready = smtp
        except secrets.SecretsUnavailable as exc:
            problems["email"] = str(exc)
    sms_ready: SmsSettings | None = None
    twilio: tuple[str, str] | None = None
    if sms.configured:
        try:
            sid = secrets.get_secret("twilio", "account_sid")
            token = secrets.get_secret("twilio", "auth_token")
            if sid and token:
                sms_ready, twilio = sms, (sid, token)
            else:
                problems["sms"] = _("The Twilio account SID or auth token is missing.")
        except secrets.SecretsUnavailable as exc:
            problems["sms"] = str(exc)
    return Channels(smtp_ready, password, sms_ready, twilio, problems)


class OutboxRelay:
    """Sends what the outbox holds; one instance per process, run by the job scheduler."""

    def __init__(
        self,
        database: Database,
        *,
        worker: str | None = None,
        batch: int = 10,
        stale_after: timedelta = timedelta(minutes=10),
        budget: timedelta = timedelta(seconds=30),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.database = database
        self.worker = worker or default_worker_name()
        self.batch = batch
        self.budget = budget
        self.stale_after = stale_after
        self.clock = clock
        self._cache: tuple[tuple[SmtpSettings, SmsSettings], datetime, Channels] | None = None
        self._server_known: tuple[str, int, bool] | None = None  # what was last recorded
        self._probed_at: float | None = None

    async def _channels(self) -> Channels:
        """Which channels can send; the keyring is asked at most once a minute."""
        smtp, sms = await self.database.run(_load_settings)
        now = self.clock()
        cached = self._cache
        if cached is not None and cached[0] == (smtp, sms) and now - cached[1] < CREDENTIALS_TTL:
            return cached[2]
        channels = await asyncio.to_thread(_read_credentials, smtp, sms)
        self._cache = ((smtp, sms), now, channels)
        for kind, problem in channels.problems.items():
            await self.database.run(integration_settings.record_health, kind, problem)
        return channels

    async def run_once(self) -> RelayReport:
        """Send what is due, a batch at a time, for at most :attr:`budget` (see the module doc)."""
        db = self.database
        released = await db.run(outbox.release_stale, self.clock(), self.stale_after)
        channels = await self._channels()
        waiting = tuple(c for c in ("email", "sms") if c not in channels.ready)
        if not channels.ready:
            return RelayReport(released=released, waiting_channels=waiting)
        counts = {"sent": 0, "queued": 0, "failed": 0}
        claimed = 0
        emailed = False  # the server was talked to in this run: no extra check needed
        started = time.monotonic()
        while True:
            items = await db.run(
                outbox.claim_due, self.worker, self.clock(), self.batch, channels=channels.ready
            )
            claimed += len(items)
            emails = [i for i in items if i.channel == "email"]
            texts = [i for i in items if i.channel == "sms"]
            stalled = False
            if emails and channels.smtp is not None:
                emailed = True
                stalled = await self._send_emails(
                    emails, channels.smtp, channels.smtp_password, counts
                )
            if texts and channels.sms is not None and channels.twilio is not None:
                await self._send_texts(texts, channels.sms, channels.twilio, counts)
            if (
                stalled
                or len(items) < self.batch
                or time.monotonic() - started > self.budget.total_seconds()
            ):
                break  # a server that stalled or could not be reached is tried on a later run
        if channels.smtp is not None and not emailed:
            await self._learn_server(channels.smtp, channels.smtp_password)
        return RelayReport(
            released, claimed, counts["sent"], counts["queued"], counts["failed"], waiting
        )

    async def _remember_server(self, smtp: SmtpSettings, smtputf8: bool) -> None:
        """Store what the server offers (for the address checks), when it changed."""
        known = (smtp.host, smtp.port, smtputf8)
        if self._server_known != known:
            await self.database.run(
                mail_addresses.record_smtp_server, smtp.host, smtp.port, smtputf8, self.clock()
            )
            self._server_known = known

    async def _learn_server(self, smtp: SmtpSettings, password: str | None) -> None:
        """When nothing was sent yet to the server in Settings, connect once to learn whether
        it offers SMTPUTF8 (at most every :data:`PROBE_EVERY` while it cannot be reached)."""
        if self._server_known is not None and self._server_known[:2] == (smtp.host, smtp.port):
            return
        offered = await self.database.run(mail_addresses.smtputf8_offered)
        if offered is not None:
            self._server_known = (smtp.host, smtp.port, offered)
            return
        now = time.monotonic()
        if self._probed_at is not None and now - self._probed_at < PROBE_EVERY.total_seconds():
            return
        self._probed_at = now
        try:
            offered = await asyncio.to_thread(SmtpMailer(smtp, password).probe)
        except SendError as exc:
            log.info("could not learn what %s offers: %s", smtp.host, exc)
            return
        await self._remember_server(smtp, offered)

    def forget_credentials(self) -> None:
        """Ask the keyring again on the next run (after Settings saved new credentials)."""
        self._cache = None

    async def _finish(
        self, item: OutboxItem, error: Exception | None, counts: dict[str, int]
    ) -> None:
        if error is None:
            await self.database.run(outbox.mark_sent, item.id, self.clock())
            counts["sent"] += 1
            return
        permanent = bool(getattr(error, "permanent", False))
        status = await self.database.run(
            outbox.mark_failed, item.id, str(error), self.clock(), permanent=permanent
        )
        counts[status] = counts.get(status, 0) + 1

    async def _send_emails(
        self,
        items: list[OutboxItem],
        smtp: SmtpSettings,
        password: str | None,
        counts: dict[str, int],
    ) -> bool:
        """Send ``items`` on one SMTP conversation (held to its deadline); whether the server
        could not be reached or stalled (the rows not sent are back in the queue)."""
        mailer = SmtpMailer(smtp, password)
        health = ""
        prepared = await self.database.run(prepare_emails, items, self.clock())
        marks: list[asyncio.Task[None]] = []  # each row is marked while the next one is sent
        try:
            for item, email in zip(items, prepared, strict=True):
                error: Exception | None = email if isinstance(email, Exception) else None
                if isinstance(email, OutgoingEmail) and mailer.unreachable is not None:
                    error = mailer.unreachable  # the server could not be reached: try later
                elif isinstance(email, OutgoingEmail):
                    try:
                        await asyncio.to_thread(_build_and_send, mailer, email, smtp)
                        health = ""
                    except SendError as exc:
                        error = exc
                        if not exc.permanent:
                            health = str(exc)
                marks.append(asyncio.ensure_future(self._finish(item, error, counts)))
        finally:
            await asyncio.gather(*marks)
            await asyncio.to_thread(mailer.close)
            await self.database.run(integration_settings.record_health, "email", health)
            if mailer.smtputf8 is not None:
                await self._remember_server(smtp, mailer.smtputf8)
        return mailer.unreachable is not None

    async def _send_texts(
        self,
        items: list[OutboxItem],
        sms: SmsSettings,
        credentials: tuple[str, str],
        counts: dict[str, int],
    ) -> None:
        health = ""
        try:
            client = TwilioClient(sms.base_url, *credentials, timeout=sms.timeout_seconds)
        except SmsError as exc:
            for item in items:
                await self._finish(item, exc, counts)
            await self.database.run(integration_settings.record_health, "sms", str(exc))
            return
        try:
            async with client:
                unreachable: SmsError | None = None
                for item in items:
                    error: Exception | None = unreachable
                    if unreachable is None:
                        try:
                            await client.send(item.recipient, sms.from_number, item.body)
                            health = ""
                        except SmsError as exc:
                            error = exc
                            if not exc.permanent:
                                health = str(exc)
                            if exc.status == 0:  # no answer at all: the rest waits too
                                unreachable = exc
                    await self._finish(item, error, counts)
        finally:
            await self.database.run(integration_settings.record_health, "sms", health)
