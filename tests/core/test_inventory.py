"""Inventory: items, restock, adjustment, stock used by bookings and given back, low stock."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core import events
from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import BookingTypeStock, InventoryItem, StockMovement
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inventory
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
    add_staff_actor,
)

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
EARLIER = NOW - timedelta(days=30)
SYSTEM = Actor.system("Test")
HOSTILE = "<img src=x onerror=alert(1)> '; DROP TABLE inventory_items; -- \u202e ü 😀"


@pytest.fixture
def published() -> Iterator[list[events.DomainEvent]]:
    """Events published on the bus during the test."""
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)
    yield seen
    unsubscribe()


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
    gloves = db.call(
        inventory.create_item, SYSTEM, name="Gloves", unit="pairs", quantity=10, now=EARLIER
    )
    masks = db.call(
        inventory.create_item, SYSTEM, name="Masks", quantity=5, low_threshold=2, now=EARLIER
    )
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


# -- items --------------------------------------------------------------------------------


def test_create_item_records_opening_stock(db: Database, world: dict[str, int]) -> None:
    result = db.call(inventory.create_item, SYSTEM, name=f"  {HOSTILE} ", unit="ml", quantity=7)
    item = result.items[0]
    assert (item.name, item.unit, item.quantity, item.low_threshold) == (HOSTILE, "ml", 7, 0)
    history = db.call(inventory.movement_history, SYSTEM, item.id)
    assert [(m.delta, m.reason, m.note) for m in history] == [(7, "restock", "Opening stock")]
    assert db.call(inventory.get_item, SYSTEM, item.id) == item


def test_item_starting_at_its_threshold_is_newly_low(db: Database, world: dict[str, int]) -> None:
    result = db.call(inventory.create_item, SYSTEM, name="Swabs", quantity=0)
    assert [i.name for i in result.items_newly_low] == ["Swabs"]
    assert result.items[0].low_alerted is True


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "N" * 201}, "name"),
        ({"name": "gloves"}, "name"),  # Gloves exists: names are unique whatever the case
        ({"name": "Tape", "unit": ""}, "unit"),
        ({"name": "Tape", "unit": "u" * 33}, "unit"),
        ({"name": "Tape", "quantity": -1}, "quantity"),
        ({"name": "Tape", "quantity": 2.5}, "quantity"),
        ({"name": "Tape", "quantity": True}, "quantity"),
        ({"name": "Tape", "quantity": "5"}, "quantity"),
        ({"name": "Tape", "quantity": 10**12}, "quantity"),
        ({"name": "Tape", "low_threshold": -2}, "low_threshold"),
    ],
)
def test_bad_items_are_refused(
    db: Database, world: dict[str, int], kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.create_item, SYSTEM, **kwargs)
    assert field in caught.value.fields
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InventoryItem)) == 2


def test_update_item_renames_and_refuses_duplicates(db: Database, world: dict[str, int]) -> None:
    renamed = db.call(inventory.update_item, SYSTEM, world["gloves"], name="Nitrile gloves")
    assert renamed.items[0].name == "Nitrile gloves"
    same_but_case = db.call(inventory.update_item, SYSTEM, world["gloves"], name="NITRILE gloves")
    assert same_but_case.items[0].name == "NITRILE gloves"
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.update_item, SYSTEM, world["gloves"], name="masks")
    assert "already an item" in caught.value.fields["name"]
    with pytest.raises(NotFound):
        db.call(inventory.update_item, SYSTEM, 999, name="x")


def test_inactive_items_are_hidden_from_lists_and_low_stock(
    db: Database, world: dict[str, int]
) -> None:
    db.call(inventory.update_item, SYSTEM, world["masks"], is_active=False)
    db.call(inventory.adjust, SYSTEM, world["masks"], -5)
    assert [i.name for i in db.call(inventory.list_items, SYSTEM)] == ["Gloves"]
    assert len(db.call(inventory.list_items, SYSTEM, include_inactive=True)) == 2
    assert db.call(inventory.low_stock_items) == []
    assert db.call(inventory.low_stock_count) == 0


def test_list_items_search_is_literal(db: Database, world: dict[str, int]) -> None:
    db.call(inventory.create_item, SYSTEM, name="100% cotton_pads")
    assert [i.name for i in db.call(inventory.list_items, SYSTEM, search="%")] == [
        "100% cotton_pads"
    ]
    assert [i.name for i in db.call(inventory.list_items, SYSTEM, search="GLO")] == ["Gloves"]
    assert db.call(inventory.list_items, SYSTEM, search="' OR 1=1 --") == []


# -- restock and adjust -------------------------------------------------------------------


def test_restock_adds_and_notes_the_time(db: Database, world: dict[str, int]) -> None:
    result = db.call(inventory.restock, SYSTEM, world["gloves"], 15, HOSTILE, NOW)
    assert result.items[0].quantity == 25
    assert result.items[0].last_restocked_at == NOW
    history = db.call(inventory.movement_history, SYSTEM, world["gloves"])
    assert (history[0].delta, history[0].reason, history[0].note) == (15, "restock", HOSTILE)
    assert history[0].who == "System"


@pytest.mark.parametrize("amount", [0, -3, 1.5, True, "4", 1_000_001])
def test_bad_restock_amounts_are_refused(
    db: Database, world: dict[str, int], amount: object
) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.restock, SYSTEM, world["gloves"], amount)
    assert "amount" in caught.value.fields
    assert _quantity(db, world["gloves"]) == 10


def test_oversize_note_is_refused(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.restock, SYSTEM, world["gloves"], 1, "n" * 501)
    assert "note" in caught.value.fields
    assert db.call(inventory.restock, SYSTEM, world["gloves"], 1, "n" * 500).items[0].quantity == 11


def test_adjust_down_to_zero_but_never_below(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.adjust, SYSTEM, world["gloves"], -11, "counted")
    assert "only 10 in stock" in caught.value.fields["delta"]
    assert _quantity(db, world["gloves"]) == 10
    result = db.call(inventory.adjust, SYSTEM, world["gloves"], -10, "broken box")
    assert result.items[0].quantity == 0
    history = db.call(inventory.movement_history, SYSTEM, world["gloves"])
    assert (history[0].delta, history[0].reason, history[0].note) == (
        -10,
        "adjustment",
        "broken box",
    )


@pytest.mark.parametrize("delta", [0, True, 2.0, "3", 1_000_001, -1_000_001])
def test_bad_adjustments_are_refused(db: Database, world: dict[str, int], delta: object) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.adjust, SYSTEM, world["gloves"], delta)
    assert "delta" in caught.value.fields


def test_unknown_item_is_not_found(db: Database, world: dict[str, int]) -> None:
    for call in (
        lambda s: inventory.restock(s, SYSTEM, 999, 1),
        lambda s: inventory.adjust(s, SYSTEM, 999, 1),
        lambda s: inventory.get_item(s, SYSTEM, 999),
        lambda s: inventory.movement_history(s, SYSTEM, 999),
    ):
        with pytest.raises(NotFound):
            db.call(call)


# -- low stock crossing -------------------------------------------------------------------


def test_low_stock_alerts_once_per_crossing(
    db: Database, world: dict[str, int], published: list[events.DomainEvent]
) -> None:
    masks = world["masks"]  # 5, low at 2
    first = db.call(inventory.adjust, SYSTEM, masks, -3)
    assert [i.id for i in first.items_newly_low] == [masks]
    assert events.StockChanged(masks, 2, True, newly_low=True) in published
    second = db.call(inventory.adjust, SYSTEM, masks, -1)
    assert second.items_newly_low == ()
    assert events.StockChanged(masks, 1, True, newly_low=False) in published
    db.call(inventory.restock, SYSTEM, masks, 1)  # 2: still low, still alerted
    assert db.call(inventory.get_item, SYSTEM, masks).low_alerted is True
    back_up = db.call(inventory.restock, SYSTEM, masks, 10)  # 12: above, reset
    assert back_up.items[0].low_alerted is False
    assert back_up.items[0].is_low is False
    again = db.call(inventory.adjust, SYSTEM, masks, -10)  # 2 again: a new crossing
    assert [i.id for i in again.items_newly_low] == [masks]


def test_bookings_report_the_crossing_too(db: Database, world: dict[str, int]) -> None:
    newly = []
    for _ in range(4):
        result = db.call(inventory.consume_for_booking, SYSTEM, _booking(db, world), NOW)
        newly.append([i.name for i in result.items_newly_low])
    assert newly == [[], [], ["Masks"], []]  # masks 4, 3, 2 (crossed), 1


def test_raising_the_threshold_can_make_an_item_newly_low(
    db: Database, world: dict[str, int]
) -> None:
    result = db.call(inventory.update_item, SYSTEM, world["gloves"], low_threshold=10)
    assert [i.id for i in result.items_newly_low] == [world["gloves"]]
    lowered = db.call(inventory.update_item, SYSTEM, world["gloves"], low_threshold=3)
    assert lowered.items_newly_low == ()
    assert lowered.items[0].low_alerted is False


def test_low_stock_list_is_most_short_first(db: Database, world: dict[str, int]) -> None:
    db.call(inventory.update_item, SYSTEM, world["gloves"], low_threshold=12)  # 2 short
    db.call(inventory.adjust, SYSTEM, world["masks"], -5)  # 0 with threshold 2: 2 short
    db.call(inventory.adjust, SYSTEM, world["gloves"], -1)  # 3 short
    assert [i.name for i in db.call(inventory.low_stock_items)] == ["Gloves", "Masks"]
    assert db.call(inventory.low_stock_count) == 2
    assert [i.name for i in db.call(inventory.list_items, SYSTEM, low_only=True)] == [
        "Gloves",
        "Masks",
    ]


# -- permissions --------------------------------------------------------------------------


def test_viewers_read_but_do_not_change(db: Database, world: dict[str, int]) -> None:
    viewer = db.call(lambda s: add_staff_actor(s, email="v@example.com", can_view_inventory=True))
    assert len(db.call(inventory.list_items, viewer)) == 2
    assert db.call(inventory.movement_history, viewer, world["gloves"])
    for call in (
        lambda s: inventory.create_item(s, viewer, name="X"),
        lambda s: inventory.update_item(s, viewer, world["gloves"], name="X"),
        lambda s: inventory.restock(s, viewer, world["gloves"], 1),
        lambda s: inventory.adjust(s, viewer, world["gloves"], -1),
    ):
        with pytest.raises(PermissionDenied) as caught:
            db.call(call)
        assert caught.value.permission == "manage inventory"
    assert _quantity(db, world["gloves"]) == 10


def test_settings_managers_may_change_stock(db: Database, world: dict[str, int]) -> None:
    admin = db.call(lambda s: add_staff_actor(s, email="a@example.com", can_manage_settings=True))
    result = db.call(inventory.restock, admin, world["gloves"], 2, "delivery")
    assert result.items[0].quantity == 12
    history = db.call(inventory.movement_history, admin, world["gloves"])
    assert history[0].who == "A"


def test_people_without_inventory_rights_cannot_read(db: Database, world: dict[str, int]) -> None:
    inbox_only = db.call(lambda s: add_staff_actor(s, email="i@example.com", can_manage_inbox=True))
    for call in (
        lambda s: inventory.list_items(s, inbox_only),
        lambda s: inventory.get_item(s, inbox_only, world["gloves"]),
        lambda s: inventory.movement_history(s, inbox_only, world["gloves"]),
        lambda s: inventory.consume_for_booking(s, inbox_only, 1),
    ):
        with pytest.raises(PermissionDenied):
            db.call(call)


def test_desk_staff_booking_uses_stock_without_inventory_rights(
    db: Database, world: dict[str, int]
) -> None:
    desk = db.call(lambda s: add_staff_actor(s, email="d@example.com", can_manage_bookings=True))
    booking_id = _booking(db, world)
    assert db.call(inventory.consume_for_booking, desk, booking_id, NOW).movement_ids
    assert db.call(inventory.return_for_booking, desk, booking_id, NOW).movement_ids


# -- history and usage --------------------------------------------------------------------


def test_history_is_newest_first_and_paged(db: Database, world: dict[str, int]) -> None:
    for step in range(5):
        db.call(
            inventory.restock,
            SYSTEM,
            world["gloves"],
            step + 1,
            f"n{step}",
            NOW + timedelta(hours=step),
        )
    history = db.call(inventory.movement_history, SYSTEM, world["gloves"], limit=2, offset=1)
    assert [m.note for m in history] == ["n3", "n2"]
    assert len(db.call(inventory.movement_history, SYSTEM, world["gloves"], limit=0)) == 1


def test_usage_by_booking_type_nets_out_cancellations(db: Database, world: dict[str, int]) -> None:
    kept = _booking(db, world, NOW + timedelta(hours=1))
    cancelled = _booking(db, world, NOW + timedelta(hours=2))
    outside = _booking(db, world, NOW + timedelta(days=40))
    for booking_id in (kept, cancelled, outside):
        db.call(inventory.consume_for_booking, SYSTEM, booking_id, NOW)
    db.call(inventory.return_for_booking, SYSTEM, cancelled, NOW)
    rows = db.call(inventory.usage_by_booking_type, NOW, NOW + timedelta(days=30))
    assert [(r.item_name, r.quantity, r.unit) for r in rows] == [
        ("Gloves", 2, "pairs"),
        ("Masks", 1, "pcs"),
    ]
    assert {r.booking_type_name for r in rows} == {"Check-up"}
    assert db.call(inventory.usage_by_booking_type, NOW - timedelta(days=9), NOW) == []


def test_quantity_always_equals_the_sum_of_movements(db: Database, world: dict[str, int]) -> None:
    rng = random.Random(20250310)
    bookings: list[int] = []
    for _ in range(120):
        choice = rng.random()
        try:
            if choice < 0.3:
                db.call(inventory.restock, SYSTEM, world["masks"], rng.randint(1, 5))
            elif choice < 0.6:
                db.call(inventory.adjust, SYSTEM, world["masks"], rng.randint(-4, 4) or 1)
            elif choice < 0.85:
                bookings.append(_booking(db, world))
                db.call(inventory.consume_for_booking, SYSTEM, bookings[-1], NOW)
            elif bookings:
                db.call(inventory.return_for_booking, SYSTEM, rng.choice(bookings), NOW)
        except ValidationError:
            pass  # adjusting below zero is refused; that is part of the walk
        for key in ("gloves", "masks"):
            assert _quantity(db, world[key]) == _movement_sum(db, world[key])


def test_delete_only_items_without_history(db: Database, world: dict[str, int]) -> None:
    fresh = db.call(inventory.create_item, SYSTEM, name="Spare", low_threshold=0).items[0]
    with db.write_session() as s:
        s.add(BookingTypeStock(booking_type_id=world["type"], item_id=fresh.id, quantity=1))
    db.call(inventory.delete_item, SYSTEM, fresh.id)
    with pytest.raises(NotFound):
        db.call(inventory.get_item, SYSTEM, fresh.id)
    with db.session() as s:
        assert s.get(BookingTypeStock, (world["type"], fresh.id)) is None
    with pytest.raises(ValidationError) as caught:
        db.call(inventory.delete_item, SYSTEM, world["gloves"])  # has its opening stock
    assert "Deactivate it" in str(caught.value)
    viewer = db.call(lambda s: add_staff_actor(s, can_view_inventory=True))
    with pytest.raises(PermissionDenied):
        db.call(inventory.delete_item, viewer, world["masks"])
    with pytest.raises(NotFound):
        db.call(inventory.delete_item, SYSTEM, 999)
