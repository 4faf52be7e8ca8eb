"""Inventory as people read it: item and movement views, low stock, usage per booking type.

The read side of :mod:`careops_desktop.core.services.inventory.stock` (which
re-exports everything here). Reading needs VIEW_INVENTORY, MANAGE_INVENTORY
or MANAGE_SETTINGS; ``low_stock_items`` and ``usage_by_booking_type`` take no
actor because jobs, the dashboard and reports call them after their own checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Booking,
    BookingType,
    InventoryItem,
    StockMovement,
    User,
)
from careops_desktop.core.permissions import Actor, Permission, require_any
from careops_desktop.core.services.id_blocks import id_blocks, read_ids

READ_PERMISSIONS = (
    Permission.VIEW_INVENTORY,
    Permission.MANAGE_INVENTORY,
    Permission.MANAGE_SETTINGS,
)
WRITE_PERMISSIONS = (Permission.MANAGE_INVENTORY, Permission.MANAGE_SETTINGS)
SEARCH_MAX = 200


@dataclass(frozen=True)
class ItemView:
    """An inventory item as the Inventory tab shows it."""

    id: int
    name: str
    unit: str
    quantity: int
    low_threshold: int
    low_alerted: bool
    is_active: bool
    last_restocked_at: datetime | None
    created_at: datetime

    @property
    def is_low(self) -> bool:
        return self.quantity <= self.low_threshold


@dataclass(frozen=True)
class StockResult:
    """What a stock change did: the items as they now stand and those that just turned low."""

    items: tuple[ItemView, ...]
    movement_ids: tuple[int, ...]
    items_newly_low: tuple[ItemView, ...]


def item_view(item: InventoryItem) -> ItemView:
    return ItemView(
        id=item.id,
        name=item.name,
        unit=item.unit,
        quantity=item.quantity,
        low_threshold=item.low_threshold,
        low_alerted=item.low_alerted,
        is_active=item.is_active,
        last_restocked_at=item.last_restocked_at,
        created_at=item.created_at,
    )


@dataclass(frozen=True)
class MovementView:
    """One line of an item's history; ``who`` is the person's name, or "System"."""

    id: int
    item_id: int
    delta: int
    reason: str
    booking_id: int | None
    who: str
    note: str
    created_at: datetime


@dataclass(frozen=True)
class UsageRow:
    """Net stock used by the bookings of one type (cancellations given back) in a period."""

    booking_type_id: int
    booking_type_name: str
    item_id: int
    item_name: str
    unit: str
    quantity: int
    bookings: int


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@read_only
def list_items(
    session: Session,
    actor: Actor,
    *,
    include_inactive: bool = False,
    search: str | None = None,
    low_only: bool = False,
) -> list[ItemView]:
    """Items by name, optionally only active ones, matching ``search``, or low ones."""
    require_any(actor, *READ_PERMISSIONS)
    query = select(InventoryItem).order_by(func.lower(InventoryItem.name), InventoryItem.id)
    if not include_inactive:
        query = query.where(InventoryItem.is_active.is_(True))
    if search and search.strip():
        pattern = _like(search.strip()[:SEARCH_MAX].lower())
        query = query.where(func.lower(InventoryItem.name).like(pattern, escape="\\"))
    if low_only:
        query = query.where(InventoryItem.quantity <= InventoryItem.low_threshold)
    return [item_view(item) for item in session.scalars(query).all()]


@dataclass(frozen=True)
class ItemFilter:
    """Which items the Inventory table shows: ``search`` in the name, only low ones, and
    retired ones too or not."""

    search: str = ""
    low_only: bool = False
    include_inactive: bool = False


EVERY_ACTIVE_ITEM = ItemFilter()
ITEM_ORDERS = ("name",)


@read_only
def ids(
    session: Session, actor: Actor, flt: ItemFilter = EVERY_ACTIVE_ITEM, order: str = "name"
) -> list[int]:
    """Every item :func:`list_items` lists with ``flt``, by name: ids only."""
    require_any(actor, *READ_PERMISSIONS)
    if order not in ITEM_ORDERS:
        raise ValidationError({"order": _("Unknown order {order}.").format(order=repr(order))})
    query = select(InventoryItem.id).order_by(func.lower(InventoryItem.name), InventoryItem.id)
    if not flt.include_inactive:
        query = query.where(InventoryItem.is_active.is_(True))
    if flt.search and flt.search.strip():
        pattern = _like(flt.search.strip()[:SEARCH_MAX].lower())
        query = query.where(func.lower(InventoryItem.name).like(pattern, escape="\\"))
    if flt.low_only:
        query = query.where(InventoryItem.quantity <= InventoryItem.low_threshold)
    return read_ids(session, query)


@read_only
def rows_by_id(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, ItemView]:
    """The :class:`ItemView` of each of these items, by id (unknown ids left out)."""
    require_any(actor, *READ_PERMISSIONS)
    found: dict[int, ItemView] = {}
    for block in id_blocks(ids):
        query = select(InventoryItem).where(InventoryItem.id.in_(block))
        found.update((item.id, item_view(item)) for item in session.scalars(query))
    return found


@read_only
def get_item(session: Session, actor: Actor, item_id: int) -> ItemView:
    """One item; :class:`NotFound` if there is none with ``item_id``."""
    require_any(actor, *READ_PERMISSIONS)
    item = session.get(InventoryItem, item_id)
    if item is None:
        raise NotFound("inventory item", item_id)
    return item_view(item)


@read_only
def low_stock_items(session: Session) -> list[ItemView]:
    """Active items at or below their low threshold, lowest first relative to it."""
    query = (
        select(InventoryItem)
        .where(
            InventoryItem.is_active.is_(True),
            InventoryItem.quantity <= InventoryItem.low_threshold,
        )
        .order_by(InventoryItem.quantity - InventoryItem.low_threshold, InventoryItem.name)
    )
    return [item_view(item) for item in session.scalars(query).all()]


@read_only
def low_stock_count(session: Session) -> int:
    """How many active items are at or below their low threshold."""
    count = session.scalar(
        select(func.count())
        .select_from(InventoryItem)
        .where(
            InventoryItem.is_active.is_(True),
            InventoryItem.quantity <= InventoryItem.low_threshold,
        )
    )
    return int(count or 0)


@read_only
def movement_history(
    session: Session, actor: Actor, item_id: int, limit: int = 100, offset: int = 0
) -> list[MovementView]:
    """An item's movements, newest first (``limit`` capped at 1,000)."""
    require_any(actor, *READ_PERMISSIONS)
    if session.get(InventoryItem, item_id) is None:
        raise NotFound("inventory item", item_id)
    limit = max(1, min(int(limit), 1_000))
    rows = session.execute(
        select(StockMovement, User.full_name)
        .outerjoin(User, User.id == StockMovement.user_id)
        .where(StockMovement.item_id == item_id)
        .order_by(StockMovement.created_at.desc(), StockMovement.id.desc())
        .limit(limit)
        .offset(max(0, int(offset)))
    ).all()
    return [
        MovementView(
            id=m.id,
            item_id=m.item_id,
            delta=m.delta,
            reason=m.reason,
            booking_id=m.booking_id,
            who=full_name or _("System"),
            note=m.note,
            created_at=m.created_at,
        )
        for m, full_name in rows
    ]


@read_only
def usage_by_booking_type(session: Session, start: datetime, end: datetime) -> list[UsageRow]:
    """Net stock used by bookings starting in ``[start, end)``, per booking type and item.

    Cancelled bookings gave their stock back, so they count zero. Rows with
    no net use are left out.
    """
    quantity = -func.sum(StockMovement.delta)
    rows = session.execute(
        select(
            BookingType.id,
            BookingType.name,
            InventoryItem.id,
            InventoryItem.name,
            InventoryItem.unit,
            quantity,
            func.count(func.distinct(Booking.id)),
        )
        .select_from(Booking)
        .join(StockMovement, StockMovement.booking_id == Booking.id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(InventoryItem, InventoryItem.id == StockMovement.item_id)
        .where(
            Booking.start_at >= start,
            Booking.start_at < end,
            or_(StockMovement.reason == "booking", StockMovement.reason == "cancellation"),
        )
        .group_by(BookingType.id, BookingType.name, InventoryItem.id, InventoryItem.name)
        .group_by(InventoryItem.unit)
        .having(quantity != 0)
        .order_by(BookingType.name, InventoryItem.name)
    ).all()
    return [
        UsageRow(int(t_id), t_name, int(i_id), i_name, unit, int(qty), int(n))
        for t_id, t_name, i_id, i_name, unit, qty, n in rows
    ]
