"""The audit log: every write that matters records who did what to which record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, insert, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only, statements
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import AuditEntry
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.statement_runner import prebuilt

# what each kind of record is called where people read the log (the stored key stays English)
ENTITY_LABELS: dict[str, str] = {
    "automations": N_("automations"),
    "booking": N_("booking"),
    "booking_type": N_("booking type"),
    "business": N_("business"),
    "closure": N_("closure"),
    "contact": N_("contact"),
    "conversation": N_("conversation"),
    "form": N_("form"),
    "form_submission": N_("form submission"),
    "import_batch": N_("import"),
    "inventory_item": N_("inventory item"),
    "outbox": N_("outbox message"),
    "provider": N_("provider"),
    "saved_reply": N_("saved reply"),
    "staff": N_("staff member"),
    "stock": N_("stock"),
    "time_block": N_("blocked time"),
    "user": N_("user"),
    "waitlist_entry": N_("waitlist entry"),
}


# what each stored action is called where people read the log
ACTION_LABELS: dict[str, str] = {
    "activate": N_("activated"),
    "adjust": N_("adjusted"),
    "arrived": N_("arrived"),
    "attach": N_("attached"),
    "calendar.linked": N_("calendar linked"),
    "cancel": N_("cancelled"),
    "cancel_by_reply_too_late": N_("cancel by reply too late"),
    "cancelled": N_("cancelled"),
    "change_password": N_("password changed"),
    "close": N_("closed"),
    "completed": N_("completed"),
    "confirmed_by_customer": N_("confirmed by the customer"),
    "consume": N_("used"),
    "create": N_("created"),
    "create_first_owner": N_("first owner created"),
    "deactivate": N_("deactivated"),
    "delete": N_("deleted"),
    "detach": N_("detached"),
    "followup_skipped": N_("follow-up skipped"),
    "import": N_("imported"),
    "integration.updated": N_("integration changed"),
    "lock": N_("locked"),
    "merge": N_("merged"),
    "no_marketing_off": N_("follow-ups allowed"),
    "no_marketing_on": N_("no follow-ups"),
    "no_show": N_("no-show"),
    "not_duplicate": N_("marked not a duplicate"),
    "offer": N_("offered"),
    "reactivate": N_("reactivated"),
    "reminder_skipped": N_("reminder skipped"),
    "reopen": N_("reopened"),
    "reply": N_("replied"),
    "reschedule": N_("moved"),
    "reset": N_("reset"),
    "reset_password": N_("password reset"),
    "restock": N_("restocked"),
    "restore": N_("restored"),
    "retry": N_("retried"),
    "return": N_("returned"),
    "rotate_calendar_secret": N_("calendar link renewed"),
    "send_confirmations": N_("confirmations sent"),
    "set_hours": N_("hours set"),
    "sms_start": N_("texts started (START)"),
    "sms_stop": N_("texts stopped (STOP)"),
    "submit": N_("submitted"),
    "undo": N_("undone"),
    "undo_import": N_("import undone"),
    "update": N_("changed"),
}


def action_label(key: str) -> str:
    """A stored action (``reset_password``) as the reader calls it ("password reset")."""
    label = ACTION_LABELS.get(key)
    return _(label) if label is not None else key.replace("_", " ")


def entity_label(key: str) -> str:
    """A stored record kind (``inventory_item``) as the reader calls it ("Lagerartikel")."""
    label = ENTITY_LABELS.get(key)
    return _(label) if label is not None else key.replace("_", " ")


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
    row = {
        "user_id": actor.user_id,
        "actor_name": actor.name,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "details": details or {},
    }
    statements(session).execute(_INSERT, row)


_INSERT = prebuilt(insert(AuditEntry))


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


def _row(r: AuditEntry) -> AuditRow:
    """A plain copy of an audit row (its details copied too)."""
    return AuditRow(
        r.id,
        r.created_at,
        r.actor_name,
        r.user_id,
        r.action,
        r.entity,
        r.entity_id,
        dict(r.details),
    )


# -- the audit viewer (Settings → Audit log) ---------------------------------------------

ENTRY_SORTS = {
    "when": AuditEntry.created_at,
    "who": AuditEntry.actor_name,
    "action": AuditEntry.action,
    "entity": AuditEntry.entity,
}


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show. ``actor_name`` picks an actor without an account (the
    booking page, a job) when ``user_id`` is None; ``until`` is exclusive."""

    user_id: int | None = None
    actor_name: str | None = None
    entity: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _where(flt: AuditFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if flt.user_id is not None:
        clauses.append(AuditEntry.user_id == flt.user_id)
    elif flt.actor_name:
        clauses.append(AuditEntry.user_id.is_(None))
        clauses.append(AuditEntry.actor_name == flt.actor_name)
    if flt.entity:
        clauses.append(AuditEntry.entity == flt.entity)
    if flt.since is not None:
        clauses.append(AuditEntry.created_at >= flt.since)
    if flt.until is not None:
        clauses.append(AuditEntry.created_at < flt.until)
    return clauses


@read_only
def ids(session: Session, actor: Actor, flt: AuditFilter, order: str = "-when") -> list[int]:
    """Ids of the entries matching ``flt`` in ``order``: a key of ENTRY_SORTS, with a
    leading ``-`` for descending (newest first by default); an unknown key sorts by time."""
    require(actor, Permission.VIEW_AUDIT)
    descending = order.startswith("-")
    column = ENTRY_SORTS.get(order.removeprefix("-"), AuditEntry.created_at)
    by = (column.desc(), AuditEntry.id.desc()) if descending else (column, AuditEntry.id)
    return list(session.scalars(select(AuditEntry.id).where(*_where(flt)).order_by(*by)))


@read_only
def rows_by_id(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, AuditRow]:
    """The entries with these ids (missing ids are left out)."""
    require(actor, Permission.VIEW_AUDIT)
    rows = session.scalars(select(AuditEntry).where(AuditEntry.id.in_(list(ids))))
    return {r.id: _row(r) for r in rows}


@read_only
def audit_people(session: Session, actor: Actor) -> list[tuple[int | None, str]]:
    """Everyone who appears in the log as ``(user_id, name)``, by name; one row per account."""
    require(actor, Permission.VIEW_AUDIT)
    seen: dict[int | str, tuple[int | None, str]] = {}
    query = select(AuditEntry.user_id, AuditEntry.actor_name).distinct()
    for user_id, name in session.execute(query):
        key: int | str = user_id if user_id is not None else f"name:{name}"
        seen.setdefault(key, (user_id, name))
    return sorted(seen.values(), key=lambda p: (p[1].casefold(), p[0] or 0))


@read_only
def audit_entities(session: Session, actor: Actor) -> list[str]:
    """The kinds of record that appear in the log, sorted."""
    require(actor, Permission.VIEW_AUDIT)
    return sorted(session.scalars(select(AuditEntry.entity).distinct()))


def details_text(details: dict[str, Any]) -> str:
    """An entry's details as one plain line: ``role: staff; fields: name, email``."""
    parts = []
    for key, value in details.items():
        if isinstance(value, list | tuple):
            shown = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        else:
            shown = str(value)
        parts.append(f"{key}: {shown}")
    return "; ".join(" ".join(part.split()) for part in parts)
