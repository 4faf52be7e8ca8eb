"""The outbox: every email or SMS is a row first, then a job sends it.

A row is written in the transaction that caused it (``enqueue``); an email
gets its Message-ID there, so a retry after a crash sends the same ID. The
relay job claims due rows atomically (``claim_due``: safe with several
processes), sends them, and marks them sent or failed with backoff.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import insert_row, read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Message, OutboxMessage, utcnow
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, sms_opt_outs
from careops_desktop.core.services.business import find_business_settings
from careops_desktop.core.statement_runner import prebuilt

CHANNELS = ("email", "sms", "calendar")
FIRST_BACKOFF = timedelta(seconds=60)
MAX_BACKOFF = timedelta(hours=6)
DEFAULT_RETRY_HOURS = 24  # Settings → Automations → "Keep trying to send for"
RETRY_HOURS_KEY = "retry_hours"  # in Business.automations
ERROR_MAX = 2000
DEFAULT_DOMAIN = "careops.local"


@dataclass(frozen=True)
class OutboxItem:
    """A claimed row, everything the relay job needs to send it."""

    id: int
    channel: str
    kind: str
    recipient: str
    subject: str
    body: str
    attachments: tuple[dict[str, Any], ...]
    message_id: str | None
    attempts: int
    booking_id: int | None
    chat_message_id: int | None
    in_reply_to: str | None  # the email this one answers, for In-Reply-To/References
    links: tuple[str, ...] = ()  # the only addresses the HTML part may make clickable


@dataclass(frozen=True)
class OutboxRow:
    """A row as the dashboard and the outbox view show it."""

    id: int
    channel: str
    kind: str
    recipient: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class OutboxCounts:
    queued: int
    sending: int
    sent: int
    failed: int


def message_domain(session: Session) -> str:
    """The domain for Message-IDs: the business contact email's, else ``careops.local``."""
    business = find_business_settings(session)
    email = business.contact_email if business is not None else None
    if email and "@" in email:
        return email.rsplit("@", 1)[1].strip().lower() or DEFAULT_DOMAIN
    return DEFAULT_DOMAIN


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failure: 1 min, 2, 4 … capped at 6 h."""
    exponent = max(0, attempts - 1)
    if exponent > 20:
        return MAX_BACKOFF
    wait: timedelta = FIRST_BACKOFF * (2**exponent)
    return min(wait, MAX_BACKOFF)


def retry_wait(attempts: int, retry_for: timedelta) -> timedelta | None:
    """The wait after the ``attempts``-th failed try, or ``None``: give up.

    The waits follow :func:`backoff` (1 min doubling to the 6 h cap); the last one
    is cut short so that the last try comes ``retry_for`` after the first. With the
    default day: tries at 0, 1, 3, 7, 15, 31, 63, 127 and 255 min, 8 h 31, 14 h 31,
    20 h 31 and 24 h — 13 tries — then the row is failed for good.
    """
    waited = timedelta(0)
    for earlier in range(1, max(1, attempts)):
        waited += backoff(earlier)
        if waited >= retry_for:
            return None
    remaining = retry_for - waited
    if remaining <= timedelta(0):
        return None
    return min(backoff(attempts), remaining)


def retry_schedule(retry_for: timedelta) -> list[timedelta]:
    """When each try comes, counted from the first (``[0, 1 min, 3 min, …, retry_for]``)."""
    tries, at = [timedelta(0)], timedelta(0)
    while (wait := retry_wait(len(tries), retry_for)) is not None:
        at += wait
        tries.append(at)
    return tries


def retry_window(session: Session) -> timedelta:
    """How long a message is retried: the business's setting, else a day."""
    business = find_business_settings(session)
    stored = (business.automations or {}).get(RETRY_HOURS_KEY) if business is not None else None
    if isinstance(stored, int) and not isinstance(stored, bool) and stored > 0:
        return timedelta(hours=stored)
    return timedelta(hours=DEFAULT_RETRY_HOURS)


def new_message_id(domain: str) -> str:
    """A fresh RFC 5322 Message-ID at ``domain``, unique whatever the process does.

    ``email.utils.make_msgid`` draws its random part from the ``random`` module's
    shared generator, which a test library (hypothesis) or a plug-in may seed: two
    rows could then get the same id and the outbox's unique key refuses the second.
    """
    return f"<{secrets.token_hex(16)}@{domain}>"


def enqueue(
    session: Session,
    *,
    channel: str,
    recipient: str,
    subject: str,
    body: str,
    kind: str,
    booking_id: int | None = None,
    chat_message_id: int | None = None,
    attachments: tuple[dict[str, Any], ...] | list[dict[str, Any]] = (),
    now: datetime | None = None,
    links: Sequence[str] = (),
) -> int:
    """Write a message to send; returns the outbox id. The caller's transaction commits it.

    Attachments are descriptions (see docs/developer-notes.md), not bytes.
    ``links`` are the only addresses the email's HTML part may make clickable
    (the app's links and the template's own); everything else stays text.
    """
    errors: dict[str, str] = {}
    if channel not in CHANNELS:
        errors["channel"] = _("Unknown channel {channel}.").format(channel=repr(channel))
    if not (recipient or "").strip():
        errors["recipient"] = _("There is no address to send to.")
    elif len(recipient) > 320:
        errors["recipient"] = _("The address is too long.")
    if any(ch in (subject or "") for ch in "\r\n"):
        errors["subject"] = _("A subject cannot contain line breaks.")
    if errors:
        raise ValidationError(errors)
    when = now or utcnow()
    row = {
        "channel": channel,
        "kind": kind,
        "recipient": recipient.strip(),
        "subject": (subject or "")[:300],
        "body": body or "",
        "attachments": [dict(a) for a in attachments],
        "links": [str(link) for link in links],
        "message_id": new_message_id(message_domain(session)) if channel == "email" else None,
        "status": "queued",
        "attempts": 0,
        "next_attempt_at": when,
        "booking_id": booking_id,
        "chat_message_id": chat_message_id,
        "created_at": when,
    }
    exempt = kind in sms_opt_outs.EXEMPT_KINDS
    if channel == "sms" and not exempt and sms_opt_outs.is_blocked(session, recipient.strip()):
        row.update(status="failed", last_error=sms_opt_outs.BLOCKED_ERROR)
    outbox_id = insert_row(statements(session), _INSERT, row)
    if row["status"] == "failed":
        _set_message_status(session, chat_message_id, "failed", sms_opt_outs.BLOCKED_ERROR)
    events.record(session, events.OutboxChanged(outbox_id, "queued"))
    return outbox_id


_INSERT = prebuilt(insert(OutboxMessage))


def _set_message_status(
    session: Session, chat_message_id: int | None, status: str, error: str = ""
) -> None:
    if chat_message_id is None:
        return
    session.execute(
        update(Message)
        .where(Message.id == chat_message_id)
        .values(delivery_status=status, delivery_error=error)
    )


def claim_ids(session: Session, ids: Sequence[int], worker: str, now: datetime) -> list[int]:
    """Move the still-queued rows among ``ids`` to 'sending' for ``worker``; the ids it took.

    One UPDATE guarded by ``status = 'queued'``, so two workers never take one row.
    """
    return list(
        session.scalars(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(ids)), OutboxMessage.status == "queued")
            .values(
                status="sending",
                claimed_by=worker[:64],
                claimed_at=now,
                attempts=OutboxMessage.attempts + 1,
            )
            .returning(OutboxMessage.id)
            .execution_options(synchronize_session=False)
        )
    )


def claim_due(
    session: Session,
    worker: str,
    now: datetime,
    limit: int = 20,
    *,
    channels: Sequence[str] | None = None,
) -> list[OutboxItem]:
    """Claim up to ``limit`` due queued rows for ``worker``; no row is handed out twice.

    With ``channels``, only rows of those channels are claimed (the relay leaves
    rows of a channel that is not set up waiting, instead of spending their tries).

    The claim is one conditional UPDATE (``status='queued'`` re-checked), so two
    processes racing for the same rows each get a distinct share. On PostgreSQL
    the candidate rows are also locked with ``FOR UPDATE SKIP LOCKED``.
    """
    due = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "queued", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(max(0, limit))
    )
    if channels is not None:
        due = due.where(OutboxMessage.channel.in_(list(channels)))
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    candidates = list(session.scalars(due))
    if not candidates:
        return []
    claimed = claim_ids(session, candidates, worker, now)
    if not claimed:
        return []
    rows = session.execute(
        select(OutboxMessage, Message.in_reply_to)
        .outerjoin(Message, Message.id == OutboxMessage.chat_message_id)
        .where(OutboxMessage.id.in_(claimed))
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .execution_options(populate_existing=True)
    ).all()
    items = []
    for row, in_reply_to in rows:
        _set_message_status(session, row.chat_message_id, "sending")
        items.append(claimed_item(row, in_reply_to))
    return items


def claimed_item(row: OutboxMessage, in_reply_to: str | None = None) -> OutboxItem:
    """What a sender needs of a claimed row; ``in_reply_to`` is the Message-ID of the
    email a chat reply answers (None for everything else)."""
    return OutboxItem(
        row.id,
        row.channel,
        row.kind,
        row.recipient,
        row.subject,
        row.body,
        tuple(dict(a) for a in row.attachments or ()),
        row.message_id,
        row.attempts,
        row.booking_id,
        row.chat_message_id,
        in_reply_to,
        tuple(str(link) for link in row.links or ()),
    )


def _load(session: Session, outbox_id: int) -> OutboxMessage:
    row = session.get(OutboxMessage, outbox_id)
    if row is None:
        raise NotFound("outbox message", outbox_id)
    return row


def mark_sent(session: Session, outbox_id: int, now: datetime) -> None:
    """Record that the row left; its chat message (if any) shows ``sent``."""
    row = _load(session, outbox_id)
    row.status = "sent"
    row.sent_at = now
    row.last_error = ""
    _set_message_status(session, row.chat_message_id, "sent")
    events.record(session, events.OutboxChanged(row.id, "sent"))


def mark_failed(
    session: Session, outbox_id: int, error: str, now: datetime, *, permanent: bool = False
) -> str:
    """Record a failed try: back to ``queued`` with backoff, or ``failed`` for good.

    When the tries have spanned the business's retry window (:func:`retry_window`,
    a day by default; see :func:`retry_wait`), or when ``permanent`` (e.g. the
    address was refused), the row is ``failed`` — it keeps its Retry action
    (:func:`retry_now`) — and its chat message shows the error. Returns the new status.
    """
    row = _load(session, outbox_id)
    words = (error or _("Sending failed for an unknown reason.")).strip()[:ERROR_MAX]
    row.last_error = words
    row.claimed_by = ""
    attempts = max(row.attempts, 1)
    wait = None if permanent else retry_wait(attempts, retry_window(session))
    status: events.OutboxStatus = "failed" if wait is None else "queued"
    row.status = status
    if wait is not None:
        row.next_attempt_at = now + wait
    _set_message_status(session, row.chat_message_id, status, words)
    events.record(session, events.OutboxChanged(row.id, status))
    return status


def retry_now(session: Session, actor: Actor, outbox_id: int, now: datetime | None = None) -> None:
    """Put a failed (or waiting) row back in the queue for immediate sending, with fresh tries."""
    require(actor, Permission.MANAGE_INBOX)
    row = _load(session, outbox_id)
    if row.status in ("sent", "sending"):
        raise ValidationError(
            {
                "status": _("This message has already been sent.")
                if row.status == "sent"
                else _("This message is being sent right now.")
            }
        )
    row.status = "queued"
    row.attempts = 0
    row.next_attempt_at = now or utcnow()
    row.claimed_by = ""
    _set_message_status(session, row.chat_message_id, "queued")
    audit.record(session, actor, "retry", "outbox", row.id, {"channel": row.channel})
    events.record(session, events.OutboxChanged(row.id, "queued"))


def release_stale(
    session: Session, now: datetime, older_than: timedelta = timedelta(minutes=10)
) -> int:
    """Put rows left ``sending`` by a crashed worker back in the queue; returns how many."""
    stale = list(
        session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.status == "sending", OutboxMessage.claimed_at < now - older_than
            )
        )
    )
    for row in stale:
        row.status = "queued"
        row.claimed_by = ""
        row.next_attempt_at = now
        _set_message_status(session, row.chat_message_id, "queued")
        events.record(session, events.OutboxChanged(row.id, "queued"))
    return len(stale)


def _row(r: OutboxMessage) -> OutboxRow:
    return OutboxRow(
        r.id,
        r.channel,
        r.kind,
        r.recipient,
        r.subject,
        r.status,
        r.attempts,
        r.next_attempt_at,
        r.last_error,
        r.created_at,
        r.sent_at,
    )


@read_only
def list_failed(session: Session, limit: int = 100, offset: int = 0) -> list[OutboxRow]:
    """Rows that gave up, newest first, for a person to see and retry."""
    rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == "failed")
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [_row(r) for r in rows]


@read_only
def outbox_counts(session: Session) -> OutboxCounts:
    """How many rows are in each status (for the status bar and dashboard)."""
    counts = dict(
        session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    )
    return OutboxCounts(
        int(counts.get("queued", 0)),
        int(counts.get("sending", 0)),
        int(counts.get("sent", 0)),
        int(counts.get("failed", 0)),
    )
