"""The customer is here: a confirmed booking becomes 'arrived', with the time.

'arrived' sits between confirmed and completed. It still holds the provider's
time (only cancelled bookings free it), the customer can no longer cancel or
move it from their manage link, and completing it (or correcting it to a
no-show) works as for a confirmed booking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.edit_conflicts import check_version
from careops_desktop.core.errors import PolicyRefused
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import Booking, Contact, Provider
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.availability import local_date
from careops_desktop.core.services.bookings.checks import lock_booking
from careops_desktop.core.services.bookings.views import BookingView, view_booking
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.time_bounds import aware_now


def mark_arrived(
    session: Session,
    actor: Actor,
    booking_id: int,
    now: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> BookingView:
    """Mark a confirmed booking's customer as arrived at ``now``; needs MANAGE_BOOKINGS.

    Only on the visit's day (in the business's time zone), only from confirmed
    (:class:`PolicyRefused` in the desk's words otherwise). Marking an arrived
    booking again changes nothing. Audited; :class:`BookingChanged` after commit.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    booking = lock_booking(session, booking_id)
    check_version(booking.version, expected_version, "booking")
    if booking.status == "arrived":
        return view_booking(session, booking.id)
    if booking.status != "confirmed":
        words = {
            "cancelled": N_(
                "This booking is cancelled, so its customer cannot be marked as arrived."
            ),
            "completed": N_("This booking is already completed."),
            "no_show": N_("This booking is marked as a no-show. Mark it completed instead."),
        }
        refusal = words.get(booking.status)
        raise PolicyRefused(
            _(refusal) if refusal else _("Only a confirmed booking can be marked as arrived.")
        )
    zone = business_zone(session)
    if local_date(booking.start_at, zone) != local_date(now, zone):
        raise PolicyRefused(
            _("A customer can be marked as arrived only on the day of their booking.")
        )
    booking.status = "arrived"
    booking.arrived_at = now
    booking.updated_at = now
    session.flush()
    audit.record(session, actor, "arrived", "booking", booking.id, {"at": now.isoformat()})
    events.record(
        session, events.BookingChanged(booking.id, booking.provider_id, "arrived", "desk")
    )
    return view_booking(session, booking.id)


@dataclass(frozen=True)
class Waiting:
    """A customer marked arrived and not yet seen (the day view's waiting strip)."""

    booking_id: int
    customer_name: str
    provider_id: int
    provider_name: str
    start: datetime
    arrived_at: datetime

    def minutes_waiting(self, now: datetime) -> int:
        """Whole minutes since arrival at ``now`` (never below 0)."""
        return max(0, int((now - self.arrived_at).total_seconds() // 60))


@read_only
def waiting_customers(
    session: Session, actor: Actor, day_start: datetime, day_end: datetime
) -> list[Waiting]:
    """Bookings starting in ``[day_start, day_end)`` whose customer is waiting, longest first."""
    require(actor, Permission.MANAGE_BOOKINGS)
    rows = session.execute(
        select(
            Booking.id,
            Booking.customer_name,
            Contact.name,
            Booking.provider_id,
            Provider.name,
            Booking.start_at,
            Booking.arrived_at,
        )
        .join(Contact, Contact.id == Booking.contact_id)
        .join(Provider, Provider.id == Booking.provider_id)
        .where(
            Booking.status == "arrived",
            Booking.start_at >= day_start,
            Booking.start_at < day_end,
            Booking.arrived_at.is_not(None),
        )
        .order_by(Booking.arrived_at, Booking.id)
    ).all()
    return [
        Waiting(bid, own or contact, pid, pname, start, arrived)
        for bid, own, contact, pid, pname, start, arrived in rows
        if arrived is not None
    ]
