"""Changing a booking: move it, cancel it, mark it completed or a no-show.

Each change is one transaction in the caller's session, starting by locking
the booking's row (then, for a move, the new provider's row: see
``booking_checks``). ``actor`` None means the customer acting through their
manage link: then the booking page's rules hold (the cancellation cutoff, and
for a move the slot grid, notice and horizon).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import delete
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.edit_conflicts import check_version
from careops_desktop.core.errors import PolicyRefused, ValidationError
from careops_desktop.core.i18n import N_, _, ngettext
from careops_desktop.core.models import Booking, ReminderSend
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.bookings import classes
from careops_desktop.core.services.bookings import messages as booking_messages
from careops_desktop.core.services.bookings.checks import (
    check_policy,
    claim_provider,
    lock_booking,
)
from careops_desktop.core.services.bookings.flow import (
    BOOKING_PAGE,
    aware_start,
    check_free_text,
)
from careops_desktop.core.services.bookings.views import (
    BookingView,
    booking_id_for_token,
    view_booking,
)
from careops_desktop.core.services.business import business_zone, get_business
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.forms import customer_copies as forms
from careops_desktop.core.services.inventory import stock as inventory
from careops_desktop.core.services.slots import load_type_rules
from careops_desktop.core.services.waitlist import offers as waitlist
from careops_desktop.core.time_bounds import aware_now

REASON_MAX = 1000


def _acting(actor: Actor | None) -> Actor:
    """Staff need MANAGE_BOOKINGS; ``None`` is the customer on the booking page."""
    if actor is None:
        return BOOKING_PAGE
    require(actor, Permission.MANAGE_BOOKINGS)
    return actor


def _check_cutoff(
    session: Session, booking: Booking, now: datetime, doing: Literal["moved", "cancelled"]
) -> None:
    hours = max(0, get_business(session).cancellation_cutoff_hours)
    if now > booking.start_at - timedelta(hours=hours):
        if doing == "moved" and hours:
            text = ngettext(
                "This booking can be moved online only up to {hours} hour before it starts. "
                "Please contact us instead.",
                "This booking can be moved online only up to {hours} hours before it starts. "
                "Please contact us instead.",
                hours,
            )
        elif doing == "moved":
            text = _(
                "This booking can be moved online only until it starts. Please contact us instead."
            )
        elif hours:
            text = ngettext(
                "This booking can be cancelled online only up to {hours} hour before it "
                "starts. Please contact us instead.",
                "This booking can be cancelled online only up to {hours} hours before it "
                "starts. Please contact us instead.",
                hours,
            )
        else:
            text = _(
                "This booking can be cancelled online only until it starts. "
                "Please contact us instead."
            )
        raise PolicyRefused(text.format(hours=hours))


# why a booking that is no longer confirmed cannot be moved or cancelled
_NOT_CONFIRMED = {
    ("cancelled", "moved"): N_("This booking is already cancelled, so it cannot be moved."),
    ("completed", "moved"): N_("This booking is already completed, so it cannot be moved."),
    ("no_show", "moved"): N_("This booking is already a no-show, so it cannot be moved."),
    ("arrived", "moved"): N_("This booking is already marked as arrived, so it cannot be moved."),
    ("cancelled", "cancelled"): N_("This booking is already cancelled."),
    ("completed", "cancelled"): N_("This booking is already completed, so it cannot be cancelled."),
    ("no_show", "cancelled"): N_("This booking is already a no-show, so it cannot be cancelled."),
    ("arrived", "cancelled"): N_(
        "This booking is already marked as arrived, so it cannot be cancelled."
    ),
}


def _must_be_confirmed(booking: Booking, doing: Literal["moved", "cancelled"]) -> None:
    if booking.status != "confirmed":
        refusal = _NOT_CONFIRMED.get((booking.status, doing))
        if refusal:
            raise PolicyRefused(_(refusal))
        raise PolicyRefused(_("Only a confirmed booking can be changed."))


def reschedule(
    session: Session,
    actor: Actor | None,
    booking_id: int,
    new_start: datetime,
    provider_id: int | None = None,
    now: datetime | None = None,
    *,
    outside_hours: bool = False,
    expected_version: int | None = None,
    notify: bool = True,
    length: timedelta | None = None,
) -> BookingView:
    """Move a confirmed booking to ``new_start`` (with ``provider_id``, else the same provider).

    The same overlap check as a new booking runs, the booking itself excluded:
    :class:`SlotTaken` with the nearest free starts if the time is taken. The
    customer (``actor`` None) is held to the cutoff on the current time and the
    booking page's rules on the new one. The length follows the booking type
    as it is now, or ``length`` (staff only: a drag keeps a booking's own length,
    a resize sets it; checked by :func:`check_length`); open forms get new due
    dates; the customer is told unless staff say ``notify=False`` (always told
    when they move it themselves; a series change tells them once for every visit).
    """
    acting = _acting(actor)
    by_customer = actor is None
    now = aware_now(now)
    new_start = aware_start(new_start)
    booking = lock_booking(session, booking_id)
    check_version(booking.version, expected_version, "booking")
    _must_be_confirmed(booking, "moved")
    if by_customer:
        _check_cutoff(session, booking, now, "moved")
        length, notify = None, True
    type_rules = load_type_rules(session, booking.booking_type_id, active_only=False)
    if length is not None:
        check_length(length)
        rules = dataclasses.replace(type_rules.rules, duration=length)
        type_rules = dataclasses.replace(type_rules, rules=rules)
    target = booking.provider_id if provider_id is None else provider_id
    same_length = booking.end_at - booking.start_at == type_rules.rules.duration
    if target == booking.provider_id and new_start == booking.start_at and same_length:
        return view_booking(session, booking.id)
    check_policy(new_start, now, type_rules, public=by_customer)
    zone = type_rules.zone
    left_session = booking.session_id
    if booking.session_id is not None:  # a class seat moves to the session at the new time
        claim, booking.session_id = classes.take_seat(
            session,
            type_rules,
            target,
            new_start,
            now=now,
            on_grid=by_customer,
            outside_hours=outside_hours and not by_customer,
            exclude_booking_id=booking.id,
        )
    else:
        claim = claim_provider(
            session,
            type_rules,
            target,
            new_start,
            zone=zone,
            now=now,
            on_grid=by_customer,
            outside_hours=outside_hours and not by_customer,
            exclude_booking_id=booking.id,
        )
    old_start, old_provider, old_end = booking.start_at, booking.provider_id, booking.end_at
    booking.start_at = claim.start
    booking.end_at = claim.end
    booking.provider_id = claim.provider_id
    booking.reminder_sent_at = None
    booking.customer_confirmed_at = None  # the customer confirmed the old time
    booking.updated_at = now
    session.flush()
    # its reminders are owed again for the new time (issue 19)
    session.execute(delete(ReminderSend).where(ReminderSend.booking_id == booking.id))
    # the old time is free again: the waitlist is offered it (held while a desk move can be undone)
    waitlist.time_freed(
        session,
        old_provider,
        old_start,
        old_end,
        now,
        freed_by=f"booking:{booking.id}",
        hold=acting.role is not None,
    )
    forms.update_due_dates_for_booking(session, booking.id, now)
    if left_session is not None and left_session != booking.session_id:
        classes.seat_freed(session, left_session, booking.id, now)
    if notify:
        out = booking_messages.outgoing(session, booking, zone)
        booking_messages.send_rescheduled(session, out)
    calendar_sync.enqueue_booking_change(session, booking.id, "moved", now=now)
    audit.record(
        session,
        acting,
        "reschedule",
        "booking",
        booking.id,
        {
            "from": old_start.isoformat(),
            "to": claim.start.isoformat(),
            "from_provider_id": old_provider,
            "provider_id": claim.provider_id,
            "by_customer": by_customer,
            "minutes": int((claim.end - claim.start).total_seconds() // 60),
            "customer_told": notify,
        },
    )
    source: events.BookingSource = "web" if by_customer else "desk"
    if old_provider != claim.provider_id:
        events.record(
            session, events.BookingChanged(booking.id, old_provider, "rescheduled", source)
        )
    events.record(
        session, events.BookingChanged(booking.id, claim.provider_id, "rescheduled", source)
    )
    return view_booking(session, booking.id)


LENGTH_MAX = timedelta(hours=24)


def check_length(length: timedelta) -> None:
    """Refuse a booking length that is not at least one minute and at most a day."""
    if length < timedelta(minutes=1):
        raise ValidationError({"end": _("A booking must last at least one minute.")})
    if length > LENGTH_MAX:
        raise ValidationError({"end": _("A booking cannot last longer than 24 hours.")})


def change_length(
    session: Session,
    actor: Actor,
    booking_id: int,
    new_end: datetime,
    now: datetime | None = None,
    *,
    outside_hours: bool = False,
    expected_version: int | None = None,
    notify: bool = True,
) -> BookingView:
    """Make a confirmed booking end at ``new_end`` (staff only), keeping its start and provider.

    The same checks as :func:`reschedule` (not in the past, hours and closures
    unless ``outside_hours``, no overlap with buffers), in one transaction;
    the customer is told the new time unless ``notify`` is False.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    new_end = aware_start(new_end)
    booking = lock_booking(session, booking_id)
    return reschedule(
        session,
        actor,
        booking_id,
        booking.start_at,
        booking.provider_id,
        now,
        outside_hours=outside_hours,
        expected_version=expected_version,
        notify=notify,
        length=new_end - booking.start_at,
    )


def cancel(
    session: Session,
    actor: Actor | None,
    booking_id: int,
    reason: str = "",
    now: datetime | None = None,
    by_customer: bool = False,
    *,
    expected_version: int | None = None,
    notify: bool = True,
) -> BookingView:
    """Cancel a confirmed booking: its stock comes back, its unanswered forms are withdrawn.

    A customer cancellation (``actor`` None, or ``by_customer``) is refused
    with :class:`PolicyRefused` inside the cancellation cutoff; staff may
    cancel at any time. The customer is told (unless ``notify`` is False: a
    series change tells them once for every visit).
    """
    acting = _acting(actor)
    by_customer = by_customer or actor is None
    now = aware_now(now)
    reason = check_free_text(reason if reason is not None else "", "reason", REASON_MAX)
    booking = lock_booking(session, booking_id)
    check_version(booking.version, expected_version, "booking")
    _must_be_confirmed(booking, "cancelled")
    if by_customer:
        _check_cutoff(session, booking, now, "cancelled")
    booking.status = "cancelled"
    booking.cancelled_at = now
    booking.cancel_reason = reason
    booking.updated_at = now
    session.flush()
    inventory.return_for_booking(session, acting, booking.id, now)
    forms.withdraw_for_booking(session, booking.id)
    if notify:
        out = booking_messages.outgoing(session, booking, business_zone(session))
        booking_messages.send_cancelled(session, out)
    calendar_sync.enqueue_booking_change(session, booking.id, "cancelled", now=now)
    if booking.session_id is not None:
        classes.seat_freed(session, booking.session_id, booking.id, now)
    # its time is free: the waitlist is offered it (every cancellation, by reply too)
    waitlist.time_freed(
        session,
        booking.provider_id,
        booking.start_at,
        booking.end_at,
        now,
        freed_by=f"booking:{booking.id}",
        hold=acting.role is not None,  # a person at the desk can undo it for 2 minutes
    )
    audit.record(session, acting, "cancel", "booking", booking.id, {"by_customer": by_customer})
    events.record(
        session,
        events.BookingChanged(
            booking.id, booking.provider_id, "cancelled", "web" if actor is None else "desk"
        ),
    )
    return view_booking(session, booking.id)


def _finish(
    session: Session,
    actor: Actor,
    booking_id: int,
    status: Literal["completed", "no_show"],
    now: datetime | None,
) -> BookingView:
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    booking = lock_booking(session, booking_id)
    if booking.status == "cancelled":
        raise PolicyRefused(
            _("A cancelled booking cannot be completed.")
            if status == "completed"
            else _("A cancelled booking cannot be marked as a no-show.")
        )
    if booking.start_at > now:
        raise PolicyRefused(
            _("This booking has not started yet, so it cannot be completed.")
            if status == "completed"
            else _("This booking has not started yet, so it cannot be marked as a no-show.")
        )
    if booking.status == status:
        return view_booking(session, booking.id)
    previous = booking.status
    booking.status = status
    booking.updated_at = now
    session.flush()
    audit.record(session, actor, status, "booking", booking.id, {"from": previous})
    events.record(session, events.BookingChanged(booking.id, booking.provider_id, status, "desk"))
    return view_booking(session, booking.id)


def complete(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> BookingView:
    """Mark a booking that has started as completed (a no-show can be corrected to this)."""
    return _finish(session, actor, booking_id, "completed", now)


def mark_no_show(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> BookingView:
    """Mark a booking whose start has passed as a no-show; refused before the start.

    Stock stays used (it was set aside for the visit).
    """
    return _finish(session, actor, booking_id, "no_show", now)


def cancel_by_token(
    session: Session, token: str, reason: str = "", now: datetime | None = None
) -> BookingView:
    """The customer cancels through their manage link (cutoff applies)."""
    return cancel(session, None, booking_id_for_token(session, token), reason, now, True)


def reschedule_by_token(
    session: Session, token: str, new_start: datetime, now: datetime | None = None
) -> BookingView:
    """The customer moves their booking to another free slot of the same provider."""
    return reschedule(session, None, booking_id_for_token(session, token), new_start, None, now)
