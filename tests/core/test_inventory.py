"""Inventory: items, restock, adjustment, stock used by bookings and given back, low stock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import BookingTypeStock, InventoryItem, StockMovement
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inventory
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
)

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
SYSTEM = Actor.system("Test")
HOSTILE = "<img src=x onerror=alert(1)> '; DROP TABLE inventory_items; -- \u202e ü 😀"


@pytest.fixture
def world(db: Database) -> dict[str, int]:
    """A business, a contact, a provider, a booking type using 2 gloves and 1 mask."""
    with db.write_session() as s:
        add_business(s)
        ids = {
            "contact": add_contact(s),
            "provider": add_provider(s),
            "type": add_booking_type(s),
        }
    gloves = db.call(inventory.create_item, SYSTEM, name="Gloves", unit="pairs", quantity=10)
    masks = db.call(inventory.create_item, SYSTEM, name="Masks", quantity=5, low_threshold=2)
    ids["gloves"] = gloves.items[0].id
    ids["masks"] = masks.items[0].id
    with db.write_session() as s:
        s.add(BookingTypeStock(booking_type_id=ids["type"], item_id=ids["gloves"], quantity=2))
        s.add(BookingTypeStock(booking_type_id=ids["type"], item_id=ids["masks"], quantity=1))
    return ids


def _booking(db: Database, world: dict[str, int], start: datetime = NOW) -> int:
    with db.write_session() as s:
        return add_booking(
            s,
            contact_id=world["contact"],
            booking_type_id=world["type"],
            provider_id=world["provider"],
            start=start,
        )


def _quantity(db: Database, item_id: int) -> int:
    with db.session() as s:
        return s.get(InventoryItem, item_id).quantity  # type: ignore[union-attr]


def _movement_sum(db: Database, item_id: int) -> int:
    with db.session() as s:
        total = s.scalar(
            select(func.sum(StockMovement.delta)).where(StockMovement.item_id == item_id)
        )
        return int(total or 0)


# -- stock used by bookings ---------------------------------------------------------------


def test_booking_consumes_one_movement_per_item(db: Database, world: dict[str, int]) -> None:
    booking_id = _booking(db, world)
    result = db.call(inventory.consume_for_booking, SYSTEM, booking_id, NOW)
    assert {v.id: v.quantity for v in result.items} == {world["gloves"]: 8, world["masks"]: 4}
    assert len(result.movement_ids) == 2
    with db.session() as s:
        rows = s.scalars(select(StockMovement).where(StockMovement.booking_id == booking_id)).all()
        assert sorted((r.item_id, r.delta, r.reason) for r in rows) == sorted(
            [(world["gloves"], -2, "booking"), (world["masks"], -1, "booking")]
        )
    for key in ("gloves", "masks"):
        assert _quantity(db, world[key]) == _movement_sum(db, world[key])


def test_consume_twice_takes_stock_once(db: Database, world: dict[str, int]) -> None:
    booking_id = _booking(db, world)
    db.call(inventory.consume_for_booking, SYSTEM, booking_id, NOW)
    again = db.call(inventory.consume_for_booking, SYSTEM, booking_id, NOW)
    assert again.movement_ids == ()
    assert _quantity(db, world["gloves"]) == 8


def test_cancellation_returns_exactly_once(db: Database, world: dict[str, int]) -> None:
    booking_id = _booking(db, world)
    db.call(inventory.consume_for_booking, SYSTEM, booking_id, NOW)
    back = db.call(inventory.return_for_booking, SYSTEM, booking_id, NOW)
    assert {v.id: v.quantity for v in back.items} == {world["gloves"]: 10, world["masks"]: 5}
    assert db.call(inventory.return_for_booking, SYSTEM, booking_id, NOW).movement_ids == ()
    assert _quantity(db, world["gloves"]) == 10
    with db.session() as s:
        reasons = s.scalars(
            select(StockMovement.reason).where(StockMovement.booking_id == booking_id)
        ).all()
        assert sorted(reasons) == ["booking", "booking", "cancellation", "cancellation"]


def test_return_for_booking_that_took_nothing_does_nothing(
    db: Database, world: dict[str, int]
) -> None:
    booking_id = _booking(db, world)
    assert db.call(inventory.return_for_booking, SYSTEM, booking_id, NOW).movement_ids == ()
    assert _quantity(db, world["gloves"]) == 10


def test_booking_is_never_refused_for_stock_and_goes_negative(
    db: Database, world: dict[str, int]
) -> None:
    for _ in range(6):
        db.call(inventory.consume_for_booking, SYSTEM, _booking(db, world), NOW)
    assert _quantity(db, world["masks"]) == -1
    assert _quantity(db, world["gloves"]) == -2
    low = {v.id for v in db.call(inventory.low_stock_items)}
    assert low == {world["gloves"], world["masks"]}


def test_unknown_booking_is_not_found(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(NotFound):
        db.call(inventory.consume_for_booking, SYSTEM, 4040, NOW)
    with pytest.raises(NotFound):
        db.call(inventory.return_for_booking, SYSTEM, 4040, NOW)
