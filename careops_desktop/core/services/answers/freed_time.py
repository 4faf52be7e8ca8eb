"""The one place a customer's own cancellation by reply hands its freed time on.

The waitlist is offered the time by ``bookings.cancel`` itself (every cancellation, by
reply too, in the cancelling transaction: see ``waitlist.offers.time_freed``), so this
hook has nothing more to do; offering here as well would offer one time twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session


def time_freed(session: Session, booking_id: int, now: datetime) -> None:
    """The time of cancelled booking ``booking_id`` is free again (the waitlist hook)."""
    del session, booking_id, now  # bookings.cancel already offered it to the waitlist
