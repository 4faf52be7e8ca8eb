"""Import batches: opening one, closing it with its counts and an audit entry, undoing it
while nothing else refers to its rows, and sending confirmations when the desk asks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import CareOpsError, NotFound
from careops_desktop.core.i18n import N_, _, ngettext
from careops_desktop.core.models import (
    Base,
    Booking,
    BookingType,
    Contact,
    ImportBatch,
    ImportRow,
    Provider,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, bookings, business


class UndoRefused(CareOpsError):
    """The batch cannot be undone; ``str()`` says why."""


def open_batch(
    session: Session,
    actor: Actor,
    kind: str,
    file_name: str,
    digest: str,
    layout: str,
    now: datetime,
) -> int:
    """A new batch row (in the caller's transaction); its id."""
    return int(
        session.scalars(
            insert(ImportBatch).returning(ImportBatch.id),
            [
                {
                    "kind": kind,
                    "file_name": file_name[:255],
                    "file_digest": digest,
                    "layout": layout[:64],
                    "status": "done",
                    "counts": {},
                    "created_by_user_id": actor.user_id,
                    "created_at": now,
                }
            ],
        ).one()
    )


def close_batch(
    session: Session, actor: Actor, batch_id: int, kind: str, file_name: str, counts: dict[str, int]
) -> None:
    """Store the counts and write the batch's one audit entry."""
    session.execute(update(ImportBatch).where(ImportBatch.id == batch_id).values(counts=counts))
    audit.record(
        session,
        actor,
        "import",
        "import_batch",
        batch_id,
        {"kind": kind, "file": file_name, **counts},
    )


def earlier_batch(session: Session, kind: str, digest: str) -> int | None:
    """A batch (not undone) that imported the very same file as ``kind``, if any."""
    return session.scalar(
        select(ImportBatch.id)
        .where(
            ImportBatch.file_digest == digest,
            ImportBatch.kind == kind,
            ImportBatch.status == "done",
        )
        .order_by(ImportBatch.id)
        .limit(1)
    )


def _batch(session: Session, batch_id: int) -> ImportBatch:
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFound("import", batch_id)
    return batch


def _created(entity: str, batch_id: int) -> Any:
    return select(ImportRow.entity_id).where(
        ImportRow.batch_id == batch_id, ImportRow.entity == entity, ImportRow.action == "created"
    )


def _references(session: Session, target: str, ids: Any, own_bookings: Any) -> list[str]:
    """Tables with rows pointing at ``ids`` of table ``target`` (the batch's own bookings and
    the import tables aside), found from the schema's foreign keys."""
    found: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name in ("import_rows", "import_batches"):
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name != target:
                continue
            condition: Any = fk.parent.in_(ids)
            if table.name == "bookings":
                condition = condition & table.c.id.not_in(own_bookings)
            if session.scalar(select(exists().where(condition))):
                found.append(table.name)
    return found


_WORDS = {
    "bookings": N_("bookings made since"),
    "conversations": N_("conversations"),
    "messages": N_("messages"),
    "form_submissions": N_("form submissions"),
    "outbox": N_("messages sent or waiting to be sent"),
    "stock_movements": N_("stock movements"),
    "booking_calendar_events": N_("calendar sync entries"),
}


def _word(table: str) -> str:
    return _(_WORDS[table]) if table in _WORDS else table


def undo_blockers(session: Session, batch_id: int) -> list[str]:
    """Why the batch cannot be undone (empty when it can)."""
    batch = _batch(session, batch_id)
    if batch.status == "undone":
        return [_("This import was undone already.")]
    contacts = _created("contact", batch_id)
    own = _created("booking", batch_id)
    reasons: list[str] = []
    for table in _references(session, "contacts", contacts, own):
        reasons.append(_("Imported contacts now have {records}.").format(records=_word(table)))
    for table in _references(session, "bookings", own, own):
        reasons.append(_("Imported bookings now have {records}.").format(records=_word(table)))
    changed = session.scalar(select(func.count()).where(Booking.id.in_(own), Booking.version > 1))
    if changed:
        reasons.append(
            ngettext(
                "{count} imported booking was changed after the import.",
                "{count} imported bookings were changed after the import.",
                changed,
            ).format(count=changed)
        )
    edited = _changed_merges(session, batch_id)
    if edited:
        reasons.append(
            ngettext(
                "{count} contact the import merged into was changed after it.",
                "{count} contacts the import merged into were changed after it.",
                edited,
            ).format(count=edited)
        )
    return reasons


def _changed_merges(session: Session, batch_id: int) -> int:
    """How many contacts the batch merged into no longer hold what the merge left."""
    rows = session.execute(
        select(ImportRow.before, Contact.email, Contact.phone, Contact.notes)
        .join(Contact, Contact.id == ImportRow.entity_id)
        .where(ImportRow.batch_id == batch_id, ImportRow.action == "merged")
    ).all()
    changed = 0
    for before, email, phone, notes in rows:
        after = (before or {}).get("after")
        if after is not None and after != {"email": email, "phone": phone, "notes": notes}:
            changed += 1
    return changed


@read_only
def batch_info(session: Session, actor: Actor, batch_id: int) -> dict[str, Any]:
    """What the audit page shows before an undo: the batch and why it cannot be undone."""
    require(actor, Permission.VIEW_AUDIT)
    batch = _batch(session, batch_id)
    return {
        "id": batch.id,
        "kind": batch.kind,
        "file_name": batch.file_name,
        "status": batch.status,
        "counts": dict(batch.counts),
        "blockers": undo_blockers(session, batch_id),
    }


def undo_import(session: Session, actor: Actor, batch_id: int) -> dict[str, int]:
    """Remove every contact and booking the batch added and restore the contacts it merged
    into; refused with :class:`UndoRefused` while anything else refers to them."""
    require(actor, Permission.VIEW_AUDIT)
    batch = _batch(session, batch_id)
    require(
        actor,
        Permission.MANAGE_BOOKINGS if batch.kind == "bookings" else Permission.MANAGE_CONTACTS,
    )
    blockers = undo_blockers(session, batch_id)
    if blockers:
        raise UndoRefused(
            _("This import cannot be undone: {reasons}").format(reasons=" ".join(blockers))
        )
    booking_ids = _created("booking", batch_id)
    contact_ids = _created("contact", batch_id)
    gone = session.execute(delete(Booking).where(Booking.id.in_(booking_ids)))
    removed_bookings = int(getattr(gone, "rowcount", 0) or 0)
    gone = session.execute(delete(Contact).where(Contact.id.in_(contact_ids)))
    removed_contacts = int(getattr(gone, "rowcount", 0) or 0)
    merged = session.execute(
        select(ImportRow.entity_id, ImportRow.before).where(
            ImportRow.batch_id == batch_id, ImportRow.action == "merged"
        )
    ).all()
    restored = 0
    for contact_id, before in merged:
        if before:  # None: merged into a contact this batch created (removed above)
            values = {key: before[key] for key in ("email", "phone", "notes")}
            session.execute(update(Contact).where(Contact.id == contact_id).values(**values))
            restored += 1
    session.execute(delete(ImportRow).where(ImportRow.batch_id == batch_id))
    now = datetime.now(business.business_zone(session))
    batch.status = "undone"
    batch.undone_at = now
    counts = {"bookings": removed_bookings, "contacts": removed_contacts, "restored": restored}
    audit.record(session, actor, "undo_import", "import_batch", batch_id, counts)
    events.record(session, events.ContactChanged(0, "deleted"))
    if removed_bookings:
        events.record(session, events.BookingChanged(0, 0, "cancelled"))
    return counts


def send_confirmations(session: Session, actor: Actor, batch_id: int, now: datetime) -> int:
    """Queue the confirmation of every future booking the batch added (once); how many."""
    require(actor, Permission.MANAGE_BOOKINGS)
    batch = _batch(session, batch_id)
    if batch.confirmations_sent_at is not None or batch.status != "done":
        return 0
    zone = business.business_zone(session)
    rows = session.execute(
        select(Booking, BookingType.name, Provider.name)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Provider, Provider.id == Booking.provider_id)
        .where(
            Booking.id.in_(_created("booking", batch_id)),
            Booking.status == "confirmed",
            Booking.start_at > now,
        )
        .order_by(Booking.start_at)
    ).all()
    sent = 0
    for booking, type_name, provider_name in rows:
        out = bookings.outgoing_for(
            session,
            booking.id,
            booking.manage_token,
            booking.start_at,
            zone,
            customer=bookings.customer_of(session, booking),
            type_name=type_name,
            provider_name=provider_name,
        )
        if bookings.send_confirmation(session, out) is not None:
            sent += 1
    batch.confirmations_sent_at = now
    audit.record(session, actor, "send_confirmations", "import_batch", batch_id, {"sent": sent})
    return sent
