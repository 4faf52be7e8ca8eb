"""Inventory: items, and every movement that explains an item's quantity.

``items`` adds, changes and retires items, ``movements`` is the one place a
quantity changes (and the low-stock flag), ``stock`` is what bookings take and
give back plus staff restocks and adjustments, ``views`` reads items,
movements and usage (and offers the lazy table's ``ids`` and ``rows_by_id``).
Code outside ``core/services`` imports this package, never a module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.inventory.items import (
    create_item,
    delete_item,
    update_item,
)
from careops_desktop.core.services.inventory.movements import (
    apply_movements,
    check_note,
    check_whole,
    held_item,
    lock_items,
    low_flag,
    update_low_flag,
)
from careops_desktop.core.services.inventory.stock import (
    adjust,
    consume_for_booking,
    restock,
    return_for_booking,
    take_stock_for,
)
from careops_desktop.core.services.inventory.views import (
    READ_PERMISSIONS,
    SEARCH_MAX,
    ItemFilter,
    ItemView,
    MovementView,
    StockResult,
    UsageRow,
    get_item,
    ids,
    item_view,
    list_items,
    low_stock_count,
    low_stock_items,
    movement_history,
    rows_by_id,
    usage_by_booking_type,
)

__all__ = [
    "READ_PERMISSIONS",
    "SEARCH_MAX",
    "ItemFilter",
    "ItemView",
    "MovementView",
    "StockResult",
    "UsageRow",
    "adjust",
    "apply_movements",
    "check_note",
    "check_whole",
    "consume_for_booking",
    "create_item",
    "delete_item",
    "get_item",
    "held_item",
    "ids",
    "item_view",
    "list_items",
    "lock_items",
    "low_flag",
    "low_stock_count",
    "low_stock_items",
    "movement_history",
    "restock",
    "return_for_booking",
    "rows_by_id",
    "take_stock_for",
    "update_item",
    "update_low_flag",
    "usage_by_booking_type",
]
