"""Bookings: the front door other areas call (``bookings.book_public(...)`` and so on).

The work is split by idea: ``booking_flow`` makes bookings, ``booking_changes``
moves, cancels and finishes them, ``booking_checks`` holds the never-double-book
rule, ``booking_views`` reads them, ``booking_messages`` writes their outbox rows.
Every write runs in the caller's one transaction (``Database.call``/``run``).
"""

from __future__ import annotations

from careops_desktop.core.services.bookings.changes import (
    cancel,
    cancel_by_token,
    complete,
    mark_no_show,
    reschedule,
    reschedule_by_token,
)
from careops_desktop.core.services.bookings.flow import (
    BOOKING_PAGE,
    BookingReceipt,
    book_desk,
    book_public,
)
from careops_desktop.core.services.bookings.views import (
    BookingView,
    booking_time_text,
    bookings_in_range,
    count_bookings,
    get_booking,
    get_booking_by_token,
    list_bookings,
)

__all__ = [
    "BOOKING_PAGE",
    "BookingReceipt",
    "BookingView",
    "book_desk",
    "book_public",
    "booking_time_text",
    "bookings_in_range",
    "cancel",
    "cancel_by_token",
    "complete",
    "count_bookings",
    "get_booking",
    "get_booking_by_token",
    "list_bookings",
    "mark_no_show",
    "reschedule",
    "reschedule_by_token",
]
