"""Booking on the public page as a visitor would, for tests that need someone booked first."""

from __future__ import annotations

from datetime import datetime

from careops_desktop.core.db import Database
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import BookingReceipt
from tests.web.seed import Shop


def book_with_grace(
    db: Database,
    shop: Shop,
    start: datetime,
    name: str,
    *,
    booking_type_id: int | None = None,
    **contact: str,
) -> BookingReceipt:
    """``name`` books ``booking_type_id`` (the check-up unless given) with Dr Grace Hopper at
    ``start`` on the public page, typing ``contact`` (``email`` and/or ``phone``)."""
    receipt: BookingReceipt = db.call(
        bookings.book_public,
        booking_type_id=booking_type_id or shop.checkup_id,
        provider_id=shop.grace_id,
        start_utc=start,
        name=name,
        **contact,
    )
    return receipt
