"""A class (a booking type with seats) in the booking-page shop, for the seat tests."""

from __future__ import annotations

from datetime import datetime

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import bookings
from tests.web.seed import SETUP, Shop

OWNER = Actor(user_id=None, name="Owner", role=Role.OWNER, permissions=permissions_for(Role.OWNER))
CLASS_SLUG = "yoga-class"


def open_class(db: Database, shop: Shop, seats: int) -> int:
    """A 60-minute "Yoga class" Dr Grace Hopper teaches, ``seats`` per session."""

    def make(session: object) -> int:
        made = bookings.create_booking_type(
            session,  # type: ignore[arg-type]
            SETUP,
            name="Yoga class",
            duration_minutes=60,
            description="Gentle yoga for every level.",
            sort_order=2,
            provider_ids=[shop.grace_id],
        )
        return made.id

    type_id: int = db.call(make)
    db.call(bookings.set_capacity, OWNER, type_id, seats)
    return type_id


def take_seats(db: Database, shop: Shop, type_id: int, start: datetime, count: int) -> None:
    """``count`` customers take a seat at ``start`` on the page (through the core)."""
    for n in range(count):
        db.call(
            bookings.book_public,
            booking_type_id=type_id,
            provider_id=shop.grace_id,
            start_utc=start,
            name=f"Early Bird {n}",
            email=f"early{n}@example.com",
        )
