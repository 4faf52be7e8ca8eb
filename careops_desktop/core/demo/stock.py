"""The stock history of the demo: every quantity is the sum of its movements.

Each booking uses what its type uses when it is made (a ``booking`` movement)
and gives it back when it is cancelled (``cancellation``). A restock arrives
the day after an item falls to its threshold; now and then a stock count
corrects an item (``adjustment``). Items marked ``ends_low`` have not been
reordered lately, so the demo shows low-stock alerts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from careops_desktop.core.demo.catalogue import Catalogue, ItemInfo
from careops_desktop.core.demo.history import BookingRecord

QUIET_DAYS = 14  # items that end low were not reordered in this last stretch


@dataclass(frozen=True, slots=True)
class Movement:
    at: datetime
    item_id: int
    delta: int
    reason: str
    booking_id: int | None = None
    user_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ItemState:
    item_id: int
    quantity: int
    low: bool
    last_restocked_at: datetime | None


def _pack(amount: int) -> int:
    """Round an order up to whole packs of ten."""
    return max(10, -(-amount // 10) * 10)


def item_history(
    item: ItemInfo,
    uses: list[Movement],
    founded: datetime,
    now: datetime,
    owner_id: int,
    rng: random.Random,
) -> tuple[list[Movement], ItemState]:
    """All movements of one item, in time order, and the state they add up to."""
    events = list(uses)
    day = founded + timedelta(days=20 + rng.randrange(15))
    while day < now:  # occasional stock counts
        events.append(
            Movement(
                day,
                item.id,
                rng.choice((-2, -1, -1, 1)),
                "adjustment",
                user_id=owner_id,
                note="Stock count",
            )
        )
        day += timedelta(days=20 + rng.randrange(25))
    events.sort(key=lambda m: m.at)
    out = [Movement(founded, item.id, item.par, "restock", user_id=owner_id, note="Opening stock")]
    quantity = item.par
    pending: datetime | None = None
    last_restock: datetime | None = founded
    quiet_from = now - timedelta(days=QUIET_DAYS) if item.spec.ends_low else None

    def restock(at: datetime) -> None:
        nonlocal quantity, pending, last_restock
        amount = _pack(item.par - quantity)
        out.append(Movement(at, item.id, amount, "restock", user_id=owner_id, note="Delivery"))
        quantity += amount
        pending = None
        last_restock = at

    for event in events:
        if pending is not None and pending <= event.at:
            restock(pending)
        delta = event.delta
        if quantity + delta < 0:
            if event.reason == "adjustment":
                continue  # a count never finds less than nothing
            restock(event.at - timedelta(seconds=1))  # an urgent delivery
        out.append(event)
        quantity += delta
        quiet = quiet_from is not None and event.at >= quiet_from
        if quantity <= item.threshold and pending is None and not quiet:
            pending = event.at + timedelta(hours=18 + rng.randrange(12))
    if pending is not None:
        restock(min(pending, now - timedelta(minutes=30)))
    if item.spec.ends_low and quantity > item.threshold:
        target = max(1, item.threshold // 2)
        out.append(
            Movement(
                now - timedelta(days=1),
                item.id,
                target - quantity,
                "adjustment",
                user_id=owner_id,
                note="Stock count: expired and damaged stock removed",
            )
        )
        quantity = target
    out.sort(key=lambda m: m.at)
    return out, ItemState(item.id, quantity, quantity <= item.threshold, last_restock)


def stock_history(
    catalogue: Catalogue,
    bookings: list[BookingRecord],
    now: datetime,
    owner_id: int,
    rng: random.Random,
) -> tuple[list[Movement], list[ItemState]]:
    """Every stock movement of every item, in time order, and each item's final state."""
    uses: dict[int, list[Movement]] = {item.id: [] for item in catalogue.items}
    for b in bookings:
        for item_id, qty in catalogue.types[b.slot.type].stock:
            uses[item_id].append(
                Movement(b.created_at, item_id, -qty, "booking", b.id, b.created_by)
            )
            if b.cancelled_at is not None:
                uses[item_id].append(Movement(b.cancelled_at, item_id, qty, "cancellation", b.id))
    movements: list[Movement] = []
    states: list[ItemState] = []
    for item in catalogue.items:
        found, state = item_history(item, uses[item.id], catalogue.founded, now, owner_id, rng)
        movements.extend(found)
        states.append(state)
    movements.sort(key=lambda m: m.at)
    return movements, states


def movement_rows(movements: list[Movement]) -> Iterator[dict[str, Any]]:
    """Rows for ``insert(StockMovement)`` (ids left to the database, in time order)."""
    for m in movements:
        yield {
            "item_id": m.item_id,
            "delta": m.delta,
            "reason": m.reason,
            "booking_id": m.booking_id,
            "user_id": m.user_id,
            "note": m.note,
            "created_at": m.at,
        }
