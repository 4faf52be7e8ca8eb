"""What the desk should look at: visits soon that the customer has not confirmed, and
customers who asked by reply to cancel too late (the desk calls them)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import AuditEntry, Booking

SOON = timedelta(hours=24)
LATE_CANCEL_ACTION = "cancel_by_reply_too_late"


@read_only
def unconfirmed_soon_count(session: Session, now: datetime, within: timedelta = SOON) -> int:
    """Confirmed visits starting within ``within`` that the customer has not confirmed."""
    return int(
        session.scalar(
            select(func.count(Booking.id)).where(
                Booking.status == "confirmed",
                Booking.start_at > now,
                Booking.start_at <= now + within,
                Booking.customer_confirmed_at.is_(None),
            )
        )
        or 0
    )


@read_only
def late_cancel_requests(session: Session, now: datetime) -> list[int]:
    """Visits still booked and ahead whose customer asked by reply to cancel inside the
    cutoff, soonest first (the desk calls them; cancelling or the visit passing clears it)."""
    asked = select(AuditEntry.entity_id).where(
        AuditEntry.action == LATE_CANCEL_ACTION, AuditEntry.entity == "booking"
    )
    return list(
        session.scalars(
            select(Booking.id)
            .where(Booking.id.in_(asked), Booking.status == "confirmed", Booking.start_at > now)
            .order_by(Booking.start_at, Booking.id)
        )
    )
