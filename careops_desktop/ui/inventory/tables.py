"""The Inventory tab's data: items (low stock highlighted), movements, usage per booking type."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inventory
from careops_desktop.core.services.inventory import ItemFilter, ItemView, MovementView
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_short

LOW_BACKGROUND = "#fee2e2"
LOW_TEXT = "#991b1b"
REASON_WORDS = {
    "booking": "Used by a booking",
    "restock": "Restock",
    "adjustment": "Adjustment",
    "cancellation": "Returned (cancelled booking)",
}


class ItemSource:
    """``fetch_ids``/``fetch_rows`` as ``inventory.list_items``: ids, then the rows of each
    block drawn (database worker)."""

    def __init__(self, actor: Actor) -> None:
        self._actor = actor

    def fetch_ids(
        self, session: Session, flt: ItemFilter | None, _sort: str | None, _desc: bool
    ) -> Sequence[int]:
        flt = flt or ItemFilter()
        return inventory.ids(session, self._actor, flt)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> Mapping[int, ItemView]:
        return inventory.rows_by_id(session, self._actor, ids)


def item_columns(zone_of: Callable[[], ZoneInfo]) -> list[Column]:
    return [
        Column("name", "Item"),
        Column("quantity", "In stock"),
        Column("unit", "Unit"),
        Column("low_threshold", "Low at"),
        Column("is_low", "Low", format=lambda value: "Low stock" if value else ""),
        Column(
            "last_restocked_at",
            "Last restocked",
            format=lambda value: fmt_short(value, zone_of()),
        ),
    ]


def item_style(row: ItemView) -> RowStyle:
    """Low items stand out: a light red background and dark red text, in bold."""
    if row.is_low:
        return RowStyle(bold=True, foreground=LOW_TEXT, background=LOW_BACKGROUND)
    if not row.is_active:
        return RowStyle(foreground="#6b7280")
    return RowStyle()


def movement_columns(zone_of: Callable[[], ZoneInfo]) -> list[Column]:
    return [
        Column("created_at", "When", format=lambda value: fmt_datetime(value, zone_of())),
        Column("delta", "Change", format=lambda value: f"{value:+d}"),
        Column("reason", "Why", format=lambda value: REASON_WORDS.get(value, value)),
        Column("who", "Who"),
        Column("note", "Note", tooltip=True),
    ]


def movement_style(row: MovementView) -> RowStyle:
    return RowStyle(foreground="#15803d") if row.delta > 0 else RowStyle()


def usage_columns() -> list[Column]:
    return [
        Column("booking_type_name", "Booking type"),
        Column("item_name", "Item"),
        Column("quantity", "Used"),
        Column("unit", "Unit"),
        Column("bookings", "Bookings"),
    ]
