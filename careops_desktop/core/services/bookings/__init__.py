"""Bookings: the one public path other areas call (``bookings.book_public(...)`` and so on).

Split by idea: ``flow`` makes bookings, ``changes`` moves, cancels and finishes
them, ``checks`` holds the never-double-book rule, ``overlaps`` the bounded
overlap query, ``views`` reads them (and offers the lazy table's ``ids`` and
``rows_by_id``), ``messages`` writes their outbox rows, ``booking_types`` keeps
the services customers book. Every write runs in the caller's one transaction
(``Database.call``/``run``). Code outside ``core/services`` imports this package,
never a module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.bookings.booking_types import (
    FIELDS,
    NAME_MAX,
    BookingTypeView,
    create_booking_type,
    deactivate_booking_type,
    get_booking_type,
    get_booking_type_by_slug,
    list_booking_types,
    set_booking_type_active,
    slugify,
    update_booking_type,
)
from careops_desktop.core.services.bookings.changes import (
    cancel,
    cancel_by_token,
    complete,
    mark_no_show,
    reschedule,
    reschedule_by_token,
)
from careops_desktop.core.services.bookings.checks import (
    Claim,
    check_policy,
    claim_provider,
    lock_booking,
    lock_provider,
)
from careops_desktop.core.services.bookings.flow import (
    BookingReceipt,
    aware_start,
    book_desk,
    book_public,
    check_free_text,
)
from careops_desktop.core.services.bookings.messages import (
    Customer,
    Outgoing,
    Recipient,
    customer_of,
    form_link,
    manage_link,
    outgoing,
    outgoing_for,
    recipient_for,
    send_cancelled,
    send_confirmation,
    send_form_links,
    send_rescheduled,
    send_welcome,
    welcome_text,
)
from careops_desktop.core.services.bookings.overlaps import (
    BusyBooking,
    conflicting_bookings,
    longest_span,
)
from careops_desktop.core.services.bookings.views import (
    ORDERS,
    TOKEN_MAX,
    BookingFilter,
    BookingView,
    booking_id_for_token,
    booking_time_text,
    bookings_in_range,
    count_bookings,
    get_booking,
    get_booking_by_token,
    ids,
    list_bookings,
    rows_by_id,
    view_booking,
)

__all__ = [
    "FIELDS",
    "NAME_MAX",
    "ORDERS",
    "TOKEN_MAX",
    "BookingFilter",
    "BookingReceipt",
    "BookingTypeView",
    "BookingView",
    "BusyBooking",
    "Claim",
    "Customer",
    "Outgoing",
    "Recipient",
    "aware_start",
    "book_desk",
    "book_public",
    "booking_id_for_token",
    "booking_time_text",
    "bookings_in_range",
    "cancel",
    "cancel_by_token",
    "check_free_text",
    "check_policy",
    "claim_provider",
    "complete",
    "conflicting_bookings",
    "count_bookings",
    "create_booking_type",
    "customer_of",
    "deactivate_booking_type",
    "form_link",
    "get_booking",
    "get_booking_by_token",
    "get_booking_type",
    "get_booking_type_by_slug",
    "ids",
    "list_booking_types",
    "list_bookings",
    "lock_booking",
    "lock_provider",
    "longest_span",
    "manage_link",
    "mark_no_show",
    "outgoing",
    "outgoing_for",
    "recipient_for",
    "reschedule",
    "reschedule_by_token",
    "rows_by_id",
    "send_cancelled",
    "send_confirmation",
    "send_form_links",
    "send_rescheduled",
    "send_welcome",
    "set_booking_type_active",
    "slugify",
    "update_booking_type",
    "view_booking",
    "welcome_text",
]
