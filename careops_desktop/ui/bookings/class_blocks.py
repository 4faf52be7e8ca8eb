"""A class session on the calendar: one block for all its attendees, not one lane each."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.bookings.words import Counts


def attendees_words(count: int) -> str:
    """``1 attendee`` / ``5 attendees``: a class block's title."""
    return Counts().attendees(count)


def one_block_per_session(views: Sequence[BookingView]) -> list[BookingView]:
    """``views`` with each class session's live seats folded into one (the first seat's
    booking, titled with the number of attendees; choosing it offers "Class attendees…").
    Cancelled seats are left out: the list shows them. Other bookings pass unchanged."""
    counts: dict[int, int] = {}
    for view in views:
        if view.session_id is not None and view.status != "cancelled":
            counts[view.session_id] = counts.get(view.session_id, 0) + 1
    shown: set[int] = set()
    kept: list[BookingView] = []
    for view in views:
        if view.session_id is None:
            kept.append(view)
        elif view.status != "cancelled" and view.session_id not in shown:
            shown.add(view.session_id)
            title = attendees_words(counts[view.session_id])
            kept.append(dataclasses.replace(view, contact_name=title, status="confirmed"))
    return kept
