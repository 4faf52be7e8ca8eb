"""Whether incoming email is being read: the IMAP poll's stored outcome, for alerts.

The IMAP job (``jobs/imap_poll``) keeps its outcome in the ``integrations`` row of
kind ``email``, under ``state["imap"]``: ``last_error`` (words, empty after a good
poll), ``failing_since`` (when polls began to fail) and ``last_success_at``.
This module only reads that, so the dashboard can say when mail has not been read
for a while without knowing anything about IMAP.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.models import Integration

ALERT_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class MailPollProblem:
    error: str  # the last failure in words
    failing_since: datetime  # UTC
    last_success_at: datetime | None  # UTC; None when no poll ever worked


def _when(value: Any) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def mail_poll_problem(session: Session, now: datetime) -> MailPollProblem | None:
    """The IMAP poll's failure when reading email is on and every poll for longer than
    :data:`ALERT_AFTER` has failed; ``None`` otherwise (off, working, or failing briefly)."""
    row = session.execute(
        select(Integration.config, Integration.state).where(Integration.kind == "email")
    ).first()
    if row is None:
        return None
    config, state = row
    imap_config = (config or {}).get("imap") or {}
    imap_state = (state or {}).get("imap") or {}
    if not isinstance(imap_config, dict) or not isinstance(imap_state, dict):
        return None
    error = str(imap_state.get("last_error") or "")
    since = _when(imap_state.get("failing_since"))
    if not imap_config.get("enabled") or not error or since is None:
        return None
    if now - since < ALERT_AFTER:
        return None
    return MailPollProblem(error, since, _when(imap_state.get("last_success_at")))
