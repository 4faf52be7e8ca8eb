"""The waitlist (issue 18 §3): the one public path other areas call.

``entries`` joins and leaves the list (the booking page's form, the desk's "Add
person"), ``offers`` hands freed time to the next waiting customer in the freeing
transaction (and passes unclaimed offers on), ``claims`` books an offer through its
link, ``listing`` is the desk's view. ``offers`` is imported before ``claims``:
``bookings.changes`` calls ``offers.time_freed`` and ``claims`` calls the booking flow.
"""

from __future__ import annotations

from careops_desktop.core.services.waitlist.claims import (  # after offers: see the docstring
    ClaimResult,
    OfferView,
    claim_offer,
    view_offer,
)
from careops_desktop.core.services.waitlist.entries import (
    Joined,
    add_to_waitlist,
    join_waitlist,
    remove_entry,
)
from careops_desktop.core.services.waitlist.listing import WaitlistRow, list_waitlist
from careops_desktop.core.services.waitlist.offers import (
    DEFAULT_OFFER_HOURS,
    HOLD,
    FreeTime,
    free_times_for_entry,
    offer_by_hand,
    pass_on_expired,
    seat_freed,
    time_freed,
    withdraw_freed_by,
)

__all__ = [
    "DEFAULT_OFFER_HOURS",
    "HOLD",
    "ClaimResult",
    "FreeTime",
    "Joined",
    "OfferView",
    "WaitlistRow",
    "add_to_waitlist",
    "claim_offer",
    "free_times_for_entry",
    "join_waitlist",
    "list_waitlist",
    "offer_by_hand",
    "pass_on_expired",
    "remove_entry",
    "seat_freed",
    "time_freed",
    "view_offer",
    "withdraw_freed_by",
]
