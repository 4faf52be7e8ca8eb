"""The Inventory tab's data: items (low stock highlighted), movements, usage per booking type."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale
from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inventory
from careops_desktop.core.services.inventory import ItemFilter, ItemView, MovementView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_short

LOW_BACKGROUND = "#fee2e2"
LOW_TEXT = "#991b1b"
REASON_WORDS = {
    "booking": QT_TRANSLATE_NOOP("InventoryTables", "Used by a booking"),
    "restock": QT_TRANSLATE_NOOP("InventoryTables", "Restock"),
    "adjustment": QT_TRANSLATE_NOOP("InventoryTables", "Adjustment"),
    "cancellation": QT_TRANSLATE_NOOP("InventoryTables", "Returned (cancelled booking)"),
}


def _number(value: object) -> str:
    return QLocale().toString(int(value))  # type: ignore[call-overload]


def _reason(value: str) -> str:
    words = REASON_WORDS.get(value)
    return translate("InventoryTables", words) if words else value


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
        Column("name", translate("InventoryTables", "Item")),
        Column("quantity", translate("InventoryTables", "In stock"), format=_number),
        Column("unit", translate("InventoryTables", "Unit")),
        Column("low_threshold", translate("InventoryTables", "Low at"), format=_number),
        Column(
            "is_low",
            translate("InventoryTables", "Low"),
            format=lambda value: translate("InventoryTables", "Low stock") if value else "",
        ),
        Column(
            "last_restocked_at",
            translate("InventoryTables", "Last restocked"),
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
        Column(
            "created_at",
            translate("InventoryTables", "When"),
            format=lambda value: fmt_datetime(value, zone_of()),
        ),
        Column("delta", translate("InventoryTables", "Change"), format=_signed),
        Column("reason", translate("InventoryTables", "Why"), format=_reason),
        Column("who", translate("InventoryTables", "Who")),
        Column("note", translate("InventoryTables", "Note"), tooltip=True),
    ]


def _signed(value: int) -> str:
    """``+5`` / ``−3`` with the locale's digits and signs."""
    locale = QLocale()
    text = locale.toString(abs(value))
    return (
        locale.positiveSign() if value > 0 else locale.negativeSign() if value < 0 else ""
    ) + text


def movement_style(row: MovementView) -> RowStyle:
    return RowStyle(foreground="#15803d") if row.delta > 0 else RowStyle()


def usage_columns() -> list[Column]:
    return [
        Column("booking_type_name", translate("InventoryTables", "Booking type")),
        Column("item_name", translate("InventoryTables", "Item")),
        Column("quantity", translate("InventoryTables", "Used"), format=_number),
        Column("unit", translate("InventoryTables", "Unit")),
        Column("bookings", translate("InventoryTables", "Bookings"), format=_number),
    ]
