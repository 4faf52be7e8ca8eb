"""Stock movements: the one place an item's quantity changes, and the low-stock flag.

Every change writes a :class:`StockMovement` in the same transaction, so an
item's ``quantity`` always equals the sum of its movements. The rules of who
may move what (restock, adjust, booking use) live in :mod:`inventory`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import forget, insert_row, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import InventoryItem, StockMovement, utcnow
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.inventory.views import ItemView, StockResult
from careops_desktop.core.statement_runner import prebuilt

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


def low_flag(
    quantity: int, low_threshold: int, is_active: bool, low_alerted: bool
) -> tuple[bool, bool, bool]:
    """``(is_low, newly_low, low_alerted)`` for an item now holding ``quantity``.

    An item is low at or below its threshold; it is *newly* low (alert once) when
    it is active and was not already alerted; the alert flag clears when the
    item is no longer low.
    """
    is_low = quantity <= low_threshold
    newly_low = is_low and is_active and not low_alerted
    if newly_low:
        return is_low, True, True
    return is_low, False, low_alerted and is_low


def update_low_flag(session: Session, item: InventoryItem) -> bool:
    """Settle ``low_alerted`` after ``item`` changed; True when it just crossed into low.

    Records a :class:`StockChanged` event either way.
    """
    is_low, newly_low, alerted = low_flag(
        item.quantity, item.low_threshold, item.is_active, item.low_alerted
    )
    if alerted != item.low_alerted:
        item.low_alerted = alerted
    events.record(session, events.StockChanged(item.id, item.quantity, is_low, newly_low=newly_low))
    return newly_low


_LOCK_ITEMS = prebuilt(
    select(*InventoryItem.__table__.c)
    .where(InventoryItem.id.in_(bindparam("ids", expanding=True)))
    .order_by(InventoryItem.id)
    .with_for_update()
)
_NEW_MOVEMENT = prebuilt(insert(StockMovement))
_SET_STOCK = prebuilt(
    update(InventoryItem)
    .where(InventoryItem.id == bindparam("item_id"))
    .values(
        quantity=bindparam("quantity"),
        low_alerted=bindparam("alerted"),
        last_restocked_at=bindparam("restocked"),
    )
)


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
    if not pairs:
        return StockResult((), (), ())
    run = statements(session)
    held = {row.id: row for row in run.execute(_LOCK_ITEMS, {"ids": [i for i, _ in pairs]})}
    moved: dict[int, int] = {}
    movement_ids: list[int] = []
    for item_id, delta in pairs:
        if item_id not in held:
            raise NotFound("inventory item", item_id)
        moved[item_id] = moved.get(item_id, 0) + delta
        movement = {
            "item_id": item_id,
            "delta": delta,
            "reason": reason,
            "booking_id": booking_id,
            "user_id": actor.user_id,
            "note": note,
            "created_at": now,
        }
        movement_ids.append(insert_row(run, _NEW_MOVEMENT, movement))
    views: list[ItemView] = []
    newly: list[ItemView] = []
    for item_id in sorted(moved):
        row = held[item_id]
        quantity = row.quantity + moved[item_id]
        restocked = now if reason == "restock" else row.last_restocked_at
        is_low, newly_low, alerted = low_flag(
            quantity, row.low_threshold, row.is_active, row.low_alerted
        )
        params = {"item_id": item_id, "quantity": quantity, "alerted": alerted}
        run.execute(_SET_STOCK, {**params, "restocked": restocked})
        view = ItemView(
            row.id,
            row.name,
            row.unit,
            quantity,
            row.low_threshold,
            alerted,
            row.is_active,
            restocked,
            row.created_at,
        )
        views.append(view)
        if newly_low:
            newly.append(view)
        events.record(session, events.StockChanged(item_id, quantity, is_low, newly_low=newly_low))
    forget(session, InventoryItem, *moved)
    return StockResult(tuple(views), tuple(movement_ids), tuple(newly))


def check_note(note: str) -> str:
    text = note.strip() if isinstance(note, str) else ""
    if len(text) > NOTE_MAX:
        raise ValidationError(
            {"note": _("The note is longer than {limit} characters.").format(limit=NOTE_MAX)}
        )
    return text


def check_whole(value: object, field: str, *, minimum: int) -> int:
    """``value`` as a whole number from ``minimum`` (0 or 1) to :data:`AMOUNT_MAX`."""
    if isinstance(value, bool) or not isinstance(value, int):
        text = (
            _("Enter a whole number of zero or more.")
            if minimum <= 0
            else _("Enter a whole number above zero.")
        )
        raise ValidationError({field: text})
    if value < minimum or value > AMOUNT_MAX:
        text = (
            _("Enter a whole number of zero or more, at most {limit}.")
            if minimum <= 0
            else _("Enter a whole number above zero, at most {limit}.")
        )
        raise ValidationError({field: text.format(limit=number_text(AMOUNT_MAX))})
    return value


def held_item(session: Session, item_id: int) -> InventoryItem:
    item = lock_items(session, (item_id,)).get(item_id)
    if item is None:
        raise NotFound("inventory item", item_id)
    return item
