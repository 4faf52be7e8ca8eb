"""Inventory items: adding, changing, retiring and deleting them.

Names are unique whatever their case. An opening quantity is recorded as a
'restock' movement, so every quantity is explained. Needs MANAGE_INVENTORY or
MANAGE_SETTINGS. An item with history is deactivated, not deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import InventoryItem, StockMovement, utcnow
from careops_desktop.core.permissions import Actor, require_any
from careops_desktop.core.services import audit
from careops_desktop.core.services.inventory.movements import (
    apply_movements,
    check_whole,
    held_item,
    update_low_flag,
)
from careops_desktop.core.services.inventory.views import (
    WRITE_PERMISSIONS,
    StockResult,
    item_view,
)

NAME_MAX = 200
UNIT_MAX = 32


def _clean_item_fields(name: object, unit: object) -> tuple[str, str]:
    errors: dict[str, str] = {}
    clean_name = name.strip() if isinstance(name, str) else ""
    if not clean_name:
        errors["name"] = _("Give the item a name.")
    elif len(clean_name) > NAME_MAX:
        errors["name"] = _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    clean_unit = unit.strip() if isinstance(unit, str) else ""
    if not clean_unit:
        errors["unit"] = _("Give a unit, such as pcs, ml or boxes.")
    elif len(clean_unit) > UNIT_MAX:
        errors["unit"] = _("The unit is longer than {limit} characters.").format(limit=UNIT_MAX)
    if errors:
        raise ValidationError(errors)
    return clean_name, clean_unit


def _check_unique_name(session: Session, name: str, item_id: int | None = None) -> None:
    query = select(InventoryItem.id).where(func.lower(InventoryItem.name) == name.lower())
    if item_id is not None:
        query = query.where(InventoryItem.id != item_id)
    if session.scalar(query.limit(1)) is not None:
        raise ValidationError(
            {"name": _("There is already an item called “{name}”.").format(name=name)}
        )


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
    quantity = check_whole(quantity, "quantity", minimum=0)
    low_threshold = check_whole(low_threshold, "low_threshold", minimum=0)
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
            session,
            actor,
            [(item.id, quantity)],
            reason="restock",
            note=_("Opening stock"),
            now=now,
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
    item = held_item(session, item_id)
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
        value = check_whole(low_threshold, "low_threshold", minimum=0)
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


def delete_item(session: Session, actor: Actor, item_id: int) -> None:
    """Delete an item that has never moved; one with history must be deactivated instead.

    Booking types stop using a deleted item.
    """
    require_any(actor, *WRITE_PERMISSIONS)
    item = held_item(session, item_id)
    if session.scalar(select(exists().where(StockMovement.item_id == item_id))):
        raise ValidationError(
            {
                "__all__": _(
                    "“{name}” has a stock history that explains past counts. "
                    "Deactivate it instead of deleting it."
                ).format(name=item.name)
            }
        )
    name = item.name
    session.delete(item)
    session.flush()
    audit.record(session, actor, "delete", "inventory_item", item_id, {"name": name})
    events.record(session, events.StockChanged(item_id, 0, False))
