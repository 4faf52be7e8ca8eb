"""The SMS poll: text messages sent to the business's Twilio number become inbox messages.

Each poll (at most every ``SmsSettings.poll_seconds``) lists the inbound
messages to our number since the day of the newest one seen (Twilio filters
by day), and records each with ``inbox.record_incoming``; the message's SID
is its Message-ID (``<SM…@twilio.com>``), so one seen before is skipped by
the inbox and a restart can never record it twice. The newest time seen is
kept in the SMS integration's state together with the last error in words.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import _
from careops_desktop.core.models import utcnow
from careops_desktop.core.services import answers
from careops_desktop.core.services.inbox import IncomingMessage
from careops_desktop.integrations import integration_settings, secrets
from careops_desktop.integrations.integration_settings import SmsSettings
from careops_desktop.integrations.sms import IncomingSms, SmsError, TwilioClient

log = logging.getLogger(__name__)
FIRST_LOOK_BACK = timedelta(days=2)


@dataclass(frozen=True)
class SmsPollReport:
    polled: bool = False
    recorded: int = 0
    duplicates: int = 0
    error: str = ""


def as_incoming(sms: IncomingSms) -> IncomingMessage:
    """An inbound SMS in the inbox's terms (pictures are noted, not fetched)."""
    content = sms.body
    if sms.media_count:
        content += f"\n\n[{sms.media_count} picture(s) sent with this message are not shown.]"
    return IncomingMessage(
        channel="sms",
        sender_address=sms.sender,
        content=content,
        message_id=f"<{sms.sid}@twilio.com>",
    )


def _load(session: Session) -> tuple[SmsSettings, dict[str, Any]]:
    return integration_settings.get_sms(session), integration_settings.get_state(
        session, "sms", "poll"
    )


def _record(session: Session, messages: list[IncomingSms], state: dict[str, Any]) -> int:
    """Record the messages and the new state in one transaction; returns how many were new."""
    fresh = 0
    for sms in messages:
        try:
            with session.begin_nested():
                # "C", "X", STOP… are acted on; anything else goes to the inbox (issue 19)
                result = answers.record_reply(session, as_incoming(sms), sms.sent_at).ingest
        except Exception:  # one odd message must not block the others; Twilio keeps it
            log.exception("an incoming text %s could not be recorded", sms.sid)
            continue
        fresh += 0 if result.duplicate else 1
    integration_settings.set_state(session, "sms", "poll", state)
    return fresh


def _store_state(session: Session, state: dict[str, Any]) -> None:
    integration_settings.set_state(session, "sms", "poll", state)


class SmsPoller:
    """Polls Twilio for inbound texts; one instance per process."""

    def __init__(self, database: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.database = database
        self.clock = clock
        self._last_poll: datetime | None = None

    async def run_once(self, *, force: bool = False) -> SmsPollReport:
        settings, state = await self.database.run(_load)
        now = self.clock()
        if not settings.configured:
            return SmsPollReport()
        interval = timedelta(seconds=settings.poll_seconds)
        if not force and self._last_poll is not None and now - self._last_poll < interval:
            return SmsPollReport()
        self._last_poll = now
        try:
            sid = await asyncio.to_thread(secrets.get_secret, "twilio", "account_sid")
            token = await asyncio.to_thread(secrets.get_secret, "twilio", "auth_token")
        except secrets.SecretsUnavailable as exc:
            return await self._failed(state, str(exc))
        if not sid or not token:
            return await self._failed(state, _("The Twilio account SID or auth token is missing."))
        since = _since(state, now)
        try:
            async with TwilioClient(
                settings.base_url, sid, token, timeout=settings.timeout_seconds
            ) as client:
                found = await client.list_incoming(settings.from_number, since)
        except SmsError as exc:
            return await self._failed(state, str(exc))
        newest = max((m.sent_at for m in found), default=since)
        new_state = {**state, "since": newest.isoformat(), "last_error": ""}
        fresh = await self.database.run(_record, found, new_state)
        return SmsPollReport(True, fresh, len(found) - fresh)

    async def _failed(self, state: dict[str, Any], error: str) -> SmsPollReport:
        log.warning("SMS poll failed: %s", error)
        await self.database.run(_store_state, {**state, "last_error": error})
        return SmsPollReport(True, error=error)


def _since(state: dict[str, Any], now: datetime) -> datetime:
    value = state.get("since")
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    return now - FIRST_LOOK_BACK
