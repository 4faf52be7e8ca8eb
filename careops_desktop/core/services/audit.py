"""The audit log: every write that matters records who did what to which record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import AuditEntry
from careops_desktop.core.permissions import Actor, Permission, require


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    details: dict[str, Any] | None = None,
) -> None:
    """Add an audit row in the caller's transaction (never commits on its own).

    ``details`` must hold no secrets and no message bodies.
    """
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            actor_name=actor.name,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details or {},
        )
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    when: datetime
    who: str
    user_id: int | None
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, Any]


@read_only
def list_entries(
    session: Session,
    actor: Actor,
    *,
    user_id: int | None = None,
    entity: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[AuditRow]:
    """Audit rows, newest first, filtered by person, kind of record and period."""
    require(actor, Permission.VIEW_AUDIT)
    query = select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    if user_id is not None:
        query = query.where(AuditEntry.user_id == user_id)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if since is not None:
        query = query.where(AuditEntry.created_at >= since)
    if until is not None:
        query = query.where(AuditEntry.created_at < until)
    rows = session.scalars(query.limit(limit).offset(offset))
    return [
        AuditRow(
            r.id,
            r.created_at,
            r.actor_name,
            r.user_id,
            r.action,
            r.entity,
            r.entity_id,
            dict(r.details),
        )
        for r in rows
    ]
