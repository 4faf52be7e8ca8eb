"""The IMAP poll: new mail in the business mailbox becomes inbox messages.

Each poll (at most every ``ImapSettings.poll_seconds``; the job itself wakes
more often so a changed interval applies soon) reads the settings and the
UID state from the database, the password from the keyring (in a thread),
fetches and parses new mail in a thread (``email_in``), and records each
message with ``inbox.record_incoming`` *in the same transaction* that moves
the stored last UID past it — a crash re-reads at most the message in hand,
and the inbox skips a Message-ID it already has. Mail from our own sending
address is skipped (copies of what we sent). Each message is read under its
own guard: one that cannot be read (or that the inbox refuses) is recorded as
an "unreadable message" with its raw source, and the poll moves past it.
Failures are kept in the state in words (``last_error``, with ``failing_since``;
``last_success_at`` for the last good poll) for Settings → Email and the
dashboard's alert.
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
from careops_desktop.core.services.inbox import IncomingMessage, record_classified, record_incoming
from careops_desktop.integrations import integration_settings, secrets
from careops_desktop.integrations.email_in import (
    FetchedMail,
    ImapMailbox,
    MailboxError,
    parse_email,
    unreadable_email,
)
from careops_desktop.integrations.integration_settings import ImapSettings
from careops_desktop.integrations.mail_kinds import classify

log = logging.getLogger(__name__)
MAX_ROUNDS = 10  # polls in a row when the server says more mail is waiting


@dataclass(frozen=True)
class PollReport:
    polled: bool = False
    recorded: int = 0
    skipped: int = 0
    error: str = ""


def _load(session: Session) -> tuple[ImapSettings, str, dict[str, Any]]:
    smtp = integration_settings.get_smtp(session)
    state = integration_settings.get_state(session, "email", "imap")
    return integration_settings.get_imap(session), smtp.from_address.lower(), state


def _record_one(
    session: Session, message: IncomingMessage, state: dict[str, Any], now: datetime
) -> bool:
    """Record ``message`` (unless it is our own) and store ``state`` — one transaction.

    True when a message was added to the inbox (not when it was a copy of one already
    there). A message the inbox refuses is recorded as an unreadable message instead, so
    the poll always moves past it.
    """
    recorded = False
    if message.sender_address.lower() != state.get("own_address"):
        try:
            with session.begin_nested():
                # bounces and automatic replies are not customers writing (issue 14)
                if record_classified(session, message, classify(message.raw), now):
                    recorded = True
                else:  # a "C"/"X" answer to a reminder is acted on (issue 19)
                    recorded = not answers.record_reply(session, message, now).ingest.duplicate
        except Exception:  # one odd message must not block the mailbox
            log.exception("an incoming email could not be recorded; keeping it as unreadable")
            try:
                with session.begin_nested():
                    fallback = unreadable_email(message.raw or b"")
                    recorded = not record_incoming(session, fallback, now).duplicate
            except Exception:  # it stays on the server; the poll still moves on
                log.exception("an unreadable email could not be recorded either")
    integration_settings.set_state(session, "email", "imap", state)
    return recorded


def _parse_one(mail: FetchedMail) -> IncomingMessage:
    """``mail`` read, or as an unreadable message when it cannot be: never raises."""
    try:
        return parse_email(mail.raw, too_large=mail.too_large)
    except Exception:  # parse_email has its own guard; this one keeps the poll going regardless
        log.exception("incoming email UID %s could not be read", mail.uid)
        return unreadable_email(mail.raw)


def _parse_all(mails: tuple[FetchedMail, ...]) -> list[IncomingMessage]:
    """Parse fetched mail, each message under its own guard (CPU work: run it in a thread,
    not on the runtime's loop). One entry per mail, in order."""
    return [_parse_one(m) for m in mails]


def _store_state(session: Session, state: dict[str, Any]) -> None:
    integration_settings.set_state(session, "email", "imap", state)


class ImapPoller:
    """Polls the mailbox set in Settings; one instance per process."""

    def __init__(self, database: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.database = database
        self.clock = clock
        self._last_poll: datetime | None = None

    async def run_once(self, *, force: bool = False) -> PollReport:
        """Poll when the interval has passed (or ``force``); returns what happened."""
        settings, own_address, state = await self.database.run(_load)
        now = self.clock()
        if not settings.configured:
            return PollReport()
        due = self._last_poll is None or now - self._last_poll >= timedelta(
            seconds=settings.poll_seconds
        )
        if not (due or force):
            return PollReport()
        self._last_poll = now
        try:
            password = await asyncio.to_thread(secrets.get_secret, "imap", "password")
        except secrets.SecretsUnavailable as exc:
            return await self._failed(state, str(exc))
        if not password:
            return await self._failed(state, _("The IMAP password is missing (Settings)."))
        mailbox = ImapMailbox(settings, password)
        recorded = skipped = 0
        for _round in range(MAX_ROUNDS):
            validity = state.get("uidvalidity")
            last_uid = int(state.get("last_uid") or 0)
            try:
                result = await asyncio.to_thread(
                    mailbox.fetch_new,
                    validity if isinstance(validity, int) else None,
                    last_uid,
                    now=now,
                )
            except MailboxError as exc:
                return await self._failed(state, str(exc), recorded, skipped)
            parsed = await asyncio.to_thread(_parse_all, result.mails)
            for mail, message in zip(result.mails, parsed, strict=True):
                state = {
                    **state,
                    "uidvalidity": result.uidvalidity,
                    "last_uid": max(mail.uid, last_uid),
                    "own_address": own_address,
                }
                if await self.database.run(_record_one, message, state, self.clock()):
                    recorded += 1
                else:
                    skipped += 1
            state = {
                **state,
                "uidvalidity": result.uidvalidity,
                "last_uid": result.last_uid,
                "own_address": own_address,
                "last_error": "",
                "last_poll_at": now.isoformat(),
                "last_success_at": now.isoformat(),
                "failing_since": "",
            }
            await self.database.run(_store_state, state)
            if not result.more:
                break
        return PollReport(True, recorded, skipped)

    async def _failed(
        self, state: dict[str, Any], error: str, recorded: int = 0, skipped: int = 0
    ) -> PollReport:
        log.warning("IMAP poll failed: %s", error)
        when = self.clock().isoformat()
        since = (state.get("failing_since") or when) if state.get("last_error") else when
        failed = {**state, "last_error": error, "last_poll_at": when, "failing_since": since}
        await self.database.run(_store_state, failed)
        return PollReport(True, recorded, skipped, error)
