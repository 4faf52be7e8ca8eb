"""Stock movements: the one place an item's quantity changes, and the low-stock flag.

Every change writes a :class:`StockMovement` in the same transaction, so an
item's ``quantity`` always equals the sum of its movements. The rules of who
may move what (restock, adjust, booking use) live in :mod:`inventory`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.models import InventoryItem, StockMovement, utcnow
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.inventory_views import StockResult, item_view

NOTE_MAX = 500
AMOUNT_MAX = 1_000_000


def lock_items(session: Session, item_ids: Iterable[int]) -> dict[int, InventoryItem]:
    """Load items for change, locking their rows on PostgreSQL (SQLite: BEGIN IMMEDIATE)."""
    ids = sorted(set(item_ids))
    if not ids:
        return {}
    rows = session.scalars(
        select(InventoryItem).where(InventoryItem.id.in_(ids)).with_for_update()
    ).all()
    return {item.id: item for item in rows}


def update_low_flag(session: Session, item: InventoryItem) -> bool:
    """Settle ``low_alerted`` after ``item`` changed; True when it just crossed into low.

    Records a :class:`StockChanged` event either way.
    """
    is_low = item.quantity <= item.low_threshold
    newly_low = is_low and item.is_active and not item.low_alerted
    if newly_low:
        item.low_alerted = True
    elif not is_low and item.low_alerted:
        item.low_alerted = False
    events.record(session, events.StockChanged(item.id, item.quantity, is_low, newly_low=newly_low))
    return newly_low


def apply_movements(
    session: Session,
    actor: Actor,
    changes: Iterable[tuple[int, int]],
    *,
    reason: str,
    booking_id: int | None = None,
    note: str = "",
    now: datetime | None = None,
) -> StockResult:
    """Write one movement per ``(item_id, delta)`` and move the quantities; no rules checked.

    The callers (restock, adjust, booking use) check their own rules first.
    """
    now = now or utcnow()
    pairs = [(item_id, delta) for item_id, delta in changes if delta != 0]
    items = lock_items(session, (item_id for item_id, _ in pairs))
    movements: list[StockMovement] = []
    for item_id, delta in pairs:
        item = items.get(item_id)
        if item is None:
            raise NotFound("inventory item", item_id)
        item.quantity += delta
        if reason == "restock":
            item.last_restocked_at = now
        movement = StockMovement(
            item_id=item_id,
            delta=delta,
            reason=reason,
            booking_id=booking_id,
            user_id=actor.user_id,
            note=note,
            created_at=now,
        )
        session.add(movement)
        movements.append(movement)
    session.flush()
    newly_low = [item for item in items.values() if update_low_flag(session, item)]
    session.flush()
    return StockResult(
        items=tuple(item_view(items[i]) for i in sorted(items)),
        movement_ids=tuple(m.id for m in movements),
        items_newly_low=tuple(item_view(i) for i in sorted(newly_low, key=lambda i: i.id)),
    )


def check_note(note: str) -> str:
    text = note.strip() if isinstance(note, str) else ""
    if len(text) > NOTE_MAX:
        raise ValidationError({"note": f"The note is longer than {NOTE_MAX} characters."})
    return text


def check_whole(value: object, field: str, *, minimum: int, words: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({field: f"Enter a whole number {words}."})
    if value < minimum or value > AMOUNT_MAX:
        raise ValidationError({field: f"Enter a whole number {words}, at most {AMOUNT_MAX:,}."})
    return value


def held_item(session: Session, item_id: int) -> InventoryItem:
    item = lock_items(session, (item_id,)).get(item_id)
    if item is None:
        raise NotFound("inventory item", item_id)
    return item
