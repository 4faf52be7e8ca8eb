"""The one place a customer's own cancellation by reply hands its freed time on.

There is no waitlist yet. When there is one, :func:`time_freed` is where it hooks in:
it runs in the cancelling transaction, after the booking is cancelled and its time is
free, so an offer to the next person on the list commits (or not) with the cancellation.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session


def time_freed(session: Session, booking_id: int, now: datetime) -> None:
    """The time of cancelled booking ``booking_id`` is free again (the waitlist hook)."""
    del session, booking_id, now  # nothing waits for freed time yet
