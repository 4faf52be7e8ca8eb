"""Inventory: items, and every movement that explains an item's quantity.

Every change of a quantity writes a :class:`StockMovement` in the same
transaction, so ``quantity`` always equals the sum of the item's movements.

Bookings use stock (:func:`consume_for_booking`) per the booking type's
``BookingTypeStock`` rows and give it back when cancelled
(:func:`return_for_booking`). A booking is never refused for lack of stock:
the quantity may go below zero, which simply shows the item as low (the
shelf count is wrong, or stock arrived unrecorded; a person fixes it with an
adjustment). Staff adjustments, in contrast, may not leave a negative count.

Low stock: an item is low when ``quantity <= low_threshold``. When a change
makes an item low and it has not been alerted yet, ``low_alerted`` is set and
the item is listed in ``StockResult.items_newly_low`` (and the
:class:`StockChanged` event carries ``newly_low=True``), so managers are
alerted once per crossing. A change that lifts it above the threshold clears
``low_alerted`` for the next crossing.

Reading needs VIEW_INVENTORY (or MANAGE_INVENTORY / MANAGE_SETTINGS); changing
needs MANAGE_INVENTORY or MANAGE_SETTINGS; booking movements need
MANAGE_BOOKINGS (they are part of making or cancelling a booking).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.models import (
    Booking,
    BookingTypeStock,
    InventoryItem,
    StockMovement,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission, require_any
from careops_desktop.core.services import audit
from careops_desktop.core.services.inventory_views import (
    READ_PERMISSIONS,
    WRITE_PERMISSIONS,
    ItemView,
    MovementView,
    StockResult,
    UsageRow,
    get_item,
    item_view,
    list_items,
    low_stock_count,
    low_stock_items,
    movement_history,
    usage_by_booking_type,
)

__all__ = [
    "READ_PERMISSIONS",
    "WRITE_PERMISSIONS",
    "ItemView",
    "MovementView",
    "StockResult",
    "UsageRow",
    "adjust",
    "apply_movements",
    "consume_for_booking",
    "create_item",
    "get_item",
    "list_items",
    "low_stock_count",
    "low_stock_items",
    "movement_history",
    "restock",
    "return_for_booking",
    "update_item",
    "usage_by_booking_type",
]

NAME_MAX = 200
UNIT_MAX = 32
NOTE_MAX = 500
AMOUNT_MAX = 1_000_000


def _lock_items(session: Session, item_ids: Iterable[int]) -> dict[int, InventoryItem]:
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
    items = _lock_items(session, (item_id for item_id, _ in pairs))
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


def _net_for_booking(session: Session, booking_id: int) -> dict[int, int]:
    """Per item, what the booking currently holds (sum of its booking and cancellation deltas)."""
    rows = session.execute(
        select(StockMovement.item_id, func.sum(StockMovement.delta))
        .where(
            StockMovement.booking_id == booking_id,
            StockMovement.reason.in_(("booking", "cancellation")),
        )
        .group_by(StockMovement.item_id)
    ).all()
    return {int(item_id): int(total or 0) for item_id, total in rows}


def consume_for_booking(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> StockResult:
    """Take the stock one booking of its type uses (one 'booking' movement per item).

    Runs in the booking's transaction. Does nothing if the booking already
    holds its stock (so calling it twice is safe). Quantities may go below
    zero: a booking is never refused for stock.
    """
    require_any(actor, Permission.MANAGE_BOOKINGS, *WRITE_PERMISSIONS)
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound("booking", booking_id)
    held = _net_for_booking(session, booking_id)
    if any(total < 0 for total in held.values()):
        return StockResult((), (), ())
    usage = session.execute(
        select(BookingTypeStock.item_id, BookingTypeStock.quantity).where(
            BookingTypeStock.booking_type_id == booking.booking_type_id
        )
    ).all()
    changes = [(int(item_id), -int(quantity)) for item_id, quantity in usage]
    if not changes:
        return StockResult((), (), ())
    result = apply_movements(
        session, actor, changes, reason="booking", booking_id=booking_id, now=now
    )
    details = {"booking_id": booking_id, "items": len(changes)}
    audit.record(session, actor, "consume", "stock", None, details)
    return result


def return_for_booking(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> StockResult:
    """Give back exactly what the booking took, as 'cancellation' movements, once.

    Calling it again (or for a booking that took nothing) does nothing.
    """
    require_any(actor, Permission.MANAGE_BOOKINGS, *WRITE_PERMISSIONS)
    if session.get(Booking, booking_id) is None:
        raise NotFound("booking", booking_id)
    held = _net_for_booking(session, booking_id)
    changes = [(item_id, -total) for item_id, total in sorted(held.items()) if total < 0]
    if not changes:
        return StockResult((), (), ())
    result = apply_movements(
        session, actor, changes, reason="cancellation", booking_id=booking_id, now=now
    )
    details = {"booking_id": booking_id, "items": len(changes)}
    audit.record(session, actor, "return", "stock", None, details)
    return result


# -- staff changes ------------------------------------------------------------------------


def _check_note(note: str) -> str:
    text = note.strip() if isinstance(note, str) else ""
    if len(text) > NOTE_MAX:
        raise ValidationError({"note": f"The note is longer than {NOTE_MAX} characters."})
    return text


def _check_whole(value: object, field: str, *, minimum: int, words: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({field: f"Enter a whole number {words}."})
    if value < minimum or value > AMOUNT_MAX:
        raise ValidationError({field: f"Enter a whole number {words}, at most {AMOUNT_MAX:,}."})
    return value


def _held_item(session: Session, item_id: int) -> InventoryItem:
    item = _lock_items(session, (item_id,)).get(item_id)
    if item is None:
        raise NotFound("inventory item", item_id)
    return item


def restock(
    session: Session,
    actor: Actor,
    item_id: int,
    amount: int,
    note: str = "",
    now: datetime | None = None,
) -> StockResult:
    """Add ``amount`` (> 0) to an item as a 'restock' movement and note when it was restocked."""
    require_any(actor, *WRITE_PERMISSIONS)
    amount = _check_whole(amount, "amount", minimum=1, words="above zero")
    clean_note = _check_note(note)
    item = _held_item(session, item_id)
    result = apply_movements(
        session, actor, [(item.id, amount)], reason="restock", note=clean_note, now=now
    )
    audit.record(session, actor, "restock", "inventory_item", item.id, {"amount": amount})
    return result


def adjust(
    session: Session,
    actor: Actor,
    item_id: int,
    delta: int,
    note: str = "",
    now: datetime | None = None,
) -> StockResult:
    """Correct an item's count by ``delta`` (not zero) as an 'adjustment' movement.

    Refused with a :class:`ValidationError` on ``delta`` if the count would go below zero.
    """
    require_any(actor, *WRITE_PERMISSIONS)
    if isinstance(delta, bool) or not isinstance(delta, int) or delta == 0:
        raise ValidationError({"delta": "Enter a whole number other than zero."})
    if abs(delta) > AMOUNT_MAX:
        raise ValidationError({"delta": f"An adjustment can be at most {AMOUNT_MAX:,}."})
    clean_note = _check_note(note)
    item = _held_item(session, item_id)
    if item.quantity + delta < 0:
        raise ValidationError(
            {
                "delta": f"That would leave {item.quantity + delta} {item.unit} of "
                f"“{item.name}”; there are only {item.quantity} in stock."
            }
        )
    result = apply_movements(
        session, actor, [(item.id, delta)], reason="adjustment", note=clean_note, now=now
    )
    audit.record(session, actor, "adjust", "inventory_item", item.id, {"delta": delta})
    return result


def _clean_item_fields(name: object, unit: object) -> tuple[str, str]:
    errors: dict[str, str] = {}
    clean_name = name.strip() if isinstance(name, str) else ""
    if not clean_name:
        errors["name"] = "Give the item a name."
    elif len(clean_name) > NAME_MAX:
        errors["name"] = f"The name is longer than {NAME_MAX} characters."
    clean_unit = unit.strip() if isinstance(unit, str) else ""
    if not clean_unit:
        errors["unit"] = "Give a unit, such as pcs, ml or boxes."
    elif len(clean_unit) > UNIT_MAX:
        errors["unit"] = f"The unit is longer than {UNIT_MAX} characters."
    if errors:
        raise ValidationError(errors)
    return clean_name, clean_unit


def _check_unique_name(session: Session, name: str, item_id: int | None = None) -> None:
    query = select(InventoryItem.id).where(func.lower(InventoryItem.name) == name.lower())
    if item_id is not None:
        query = query.where(InventoryItem.id != item_id)
    if session.scalar(query.limit(1)) is not None:
        raise ValidationError({"name": f"There is already an item called “{name}”."})


def create_item(
    session: Session,
    actor: Actor,
    *,
    name: str,
    unit: str = "pcs",
    quantity: int = 0,
    low_threshold: int = 0,
    now: datetime | None = None,
) -> StockResult:
    """Add an item; an opening ``quantity`` is recorded as a 'restock' movement.

    Names are unique regardless of case. The result lists the new item (and
    it as newly low when it starts at or below its threshold).
    """
    require_any(actor, *WRITE_PERMISSIONS)
    clean_name, clean_unit = _clean_item_fields(name, unit)
    quantity = _check_whole(quantity, "quantity", minimum=0, words="of zero or more")
    low_threshold = _check_whole(low_threshold, "low_threshold", minimum=0, words="of zero or more")
    _check_unique_name(session, clean_name)
    item = InventoryItem(
        name=clean_name,
        unit=clean_unit,
        quantity=0,
        low_threshold=low_threshold,
        low_alerted=False,
        is_active=True,
        created_at=now or utcnow(),
    )
    session.add(item)
    session.flush()
    audit.record(session, actor, "create", "inventory_item", item.id, {"name": clean_name})
    if quantity:
        return apply_movements(
            session, actor, [(item.id, quantity)], reason="restock", note="Opening stock", now=now
        )
    newly_low = update_low_flag(session, item)
    view = item_view(item)
    return StockResult((view,), (), (view,) if newly_low else ())


def update_item(
    session: Session,
    actor: Actor,
    item_id: int,
    *,
    name: str | None = None,
    unit: str | None = None,
    low_threshold: int | None = None,
    is_active: bool | None = None,
) -> StockResult:
    """Rename an item, change its unit or threshold, or (de)activate it (never its quantity).

    A threshold raised to or above the quantity makes the item newly low (once).
    """
    require_any(actor, *WRITE_PERMISSIONS)
    item = _held_item(session, item_id)
    clean_name, clean_unit = _clean_item_fields(
        item.name if name is None else name, item.unit if unit is None else unit
    )
    if clean_name.lower() != item.name.lower():
        _check_unique_name(session, clean_name, item.id)
    changed: list[str] = []
    if clean_name != item.name:
        item.name, changed = clean_name, [*changed, "name"]
    if clean_unit != item.unit:
        item.unit, changed = clean_unit, [*changed, "unit"]
    if low_threshold is not None:
        value = _check_whole(low_threshold, "low_threshold", minimum=0, words="of zero or more")
        if value != item.low_threshold:
            item.low_threshold, changed = value, [*changed, "low_threshold"]
    if is_active is not None and bool(is_active) != item.is_active:
        item.is_active, changed = bool(is_active), [*changed, "is_active"]
    session.flush()
    newly_low = update_low_flag(session, item) if changed else False
    if changed:
        audit.record(session, actor, "update", "inventory_item", item.id, {"changed": changed})
    view = item_view(item)
    return StockResult((view,), (), (view,) if newly_low else ())
