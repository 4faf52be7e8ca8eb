"""Taking back a desk change to a booking within two minutes, and restoring a cancelled one.

A desk change (cancel, no-show, complete, arrived, move, resize, …) runs through
:func:`undoable`: it locks the booking, notes how it was (time, provider,
status), runs the change in the same transaction, and holds the customer
messages the change queued (email and SMS outbox rows get a not-before time
:data:`UNDO_WINDOW` ahead, so the relay leaves them alone meanwhile). The
returned :class:`DeskChange` is all :func:`undo` needs: within the window, and
while nobody changed the booking since, it puts the booking back as it was,
through the same overlap check as any booking write, and withdraws the held
messages (deleted, never sent). An undone cancel also takes the stock again and
re-opens the unanswered forms the cancel withdrew, with their old links. A
message that left anyway (a relay that took it at the very end of the window)
does not stop the undo; the result says the customer was already told.

:func:`restore` brings a cancelled booking back later, when its time is still free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.edit_conflicts import check_version
from careops_desktop.core.errors import PolicyRefused
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Booking, FormSubmission, OutboxMessage, ReminderSend
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services import availability as av
from careops_desktop.core.services.bookings import classes
from careops_desktop.core.services.bookings import messages as booking_messages
from careops_desktop.core.services.bookings.arrivals import mark_arrived
from careops_desktop.core.services.bookings.changes import (
    cancel,
    change_length,
    complete,
    mark_no_show,
    reschedule,
)
from careops_desktop.core.services.bookings.checks import lock_booking, lock_provider
from careops_desktop.core.services.bookings.overlaps import conflicting_bookings
from careops_desktop.core.services.bookings.views import (
    BookingView,
    booking_time_text,
    view_booking,
)
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.forms import customer_copies as forms
from careops_desktop.core.services.inventory import stock as inventory
from careops_desktop.core.services.slots import load_type_rules
from careops_desktop.core.services.waitlist import offers as waitlist
from careops_desktop.core.time_bounds import aware_now

UNDO_WINDOW = timedelta(minutes=2)
CUSTOMER_CHANNELS = ("email", "sms")
TOLD = ("sending", "sent", "bounced")  # a held message in one of these has left


@dataclass(frozen=True)
class BookingState:
    """What an undo puts back: the booking's time, provider and status."""

    status: str
    start: datetime
    end: datetime
    provider_id: int
    cancelled_at: datetime | None
    cancel_reason: str
    arrived_at: datetime | None
    reminder_sent_at: datetime | None
    customer_confirmed_at: datetime | None = None  # a move clears it; its undo puts it back


@dataclass(frozen=True)
class KeptForm:
    """An unanswered form of the booking as it was before the change (a cancel withdraws
    these; its undo puts them back with the same link)."""

    form_id: int
    contact_id: int | None
    token: str
    status: str
    due_at: datetime | None
    reminded_at: datetime | None
    note: str
    created_at: datetime


@dataclass(frozen=True)
class KeptReminder:
    """A reminder the booking had been sent (or skipped) before the change: a move owes
    reminders again for the new time, and its undo puts these back, so none goes twice."""

    rule_key: int
    channel: str
    recipient: str
    outbox_id: int | None
    skipped_reason: str
    sent_at: datetime


@dataclass(frozen=True)
class DeskChange:
    """One desk change, as :func:`undo` needs it (plain values; the window may hold it).

    ``kind`` names the change (``cancel``, ``no_show``, ``complete``, ``arrived``,
    ``move``, ``resize``, or what the caller of :func:`undoable` chose).
    """

    booking_id: int
    kind: str
    before: BookingState
    after_version: int
    made_at: datetime
    held_outbox_ids: tuple[int, ...]
    view: BookingView  # the booking after the change
    forms: tuple[KeptForm, ...] = ()  # its unanswered forms before the change
    reminders: tuple[KeptReminder, ...] = ()  # its reminders before the change

    def undo_until(self) -> datetime:
        """The last moment :func:`undo` accepts this change."""
        return self.made_at + UNDO_WINDOW


@dataclass(frozen=True)
class UndoResult:
    """The booking as it is back, and what became of the messages the change queued."""

    view: BookingView
    withdrawn: int  # held messages taken back before they left
    already_told: bool  # a message about the change had already gone to the customer


def _state(booking: Booking) -> BookingState:
    return BookingState(
        booking.status,
        booking.start_at,
        booking.end_at,
        booking.provider_id,
        booking.cancelled_at,
        booking.cancel_reason,
        booking.arrived_at,
        booking.reminder_sent_at,
        booking.customer_confirmed_at,
    )


def undoable(
    session: Session,
    actor: Actor,
    booking_id: int,
    kind: str,
    change: Callable[[datetime], BookingView],
    now: datetime | None = None,
) -> DeskChange:
    """Run ``change(now)`` (a desk change of this booking) so that it can be undone.

    In the caller's one transaction: the booking is locked and noted first; the
    customer messages ``change`` queues for this booking are held until
    ``now + UNDO_WINDOW``. Needs MANAGE_BOOKINGS; ``change`` keeps all its own checks.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    booking = lock_booking(session, booking_id)
    before = _state(booking)
    kept = _unanswered_forms(session, booking_id)
    reminders = tuple(
        KeptReminder(r.rule_key, r.channel, r.recipient, r.outbox_id, r.skipped_reason, r.sent_at)
        for r in session.scalars(
            select(ReminderSend)
            .where(ReminderSend.booking_id == booking_id)
            .order_by(ReminderSend.id)
        )
    )
    last_outbox = session.scalar(
        select(func.max(OutboxMessage.id)).where(OutboxMessage.booking_id == booking_id)
    )
    view = change(now)
    held = session.scalars(
        update(OutboxMessage)
        .where(
            OutboxMessage.booking_id == booking_id,
            OutboxMessage.id > (last_outbox or 0),
            OutboxMessage.channel.in_(CUSTOMER_CHANNELS),
            OutboxMessage.status == "queued",
        )
        .values(next_attempt_at=now + UNDO_WINDOW)
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    ).all()
    return DeskChange(
        booking_id, kind, before, view.version, now, tuple(sorted(held)), view, kept, reminders
    )


def _unanswered_forms(session: Session, booking_id: int) -> tuple[KeptForm, ...]:
    rows = session.scalars(
        select(FormSubmission)
        .where(
            FormSubmission.booking_id == booking_id,
            FormSubmission.status.in_(("pending", "overdue")),
        )
        .order_by(FormSubmission.id)
    )
    return tuple(
        KeptForm(
            r.form_id,
            r.contact_id,
            r.token,
            r.status,
            r.due_at,
            r.reminded_at,
            r.note,
            r.created_at,
        )
        for r in rows
    )


def _put_back_forms(session: Session, booking_id: int, kept: tuple[KeptForm, ...]) -> None:
    """Re-open the unanswered forms a cancel withdrew, with their old links (tokens)."""
    if not kept:
        return
    present = set(
        session.scalars(
            select(FormSubmission.token).where(FormSubmission.token.in_([k.token for k in kept]))
        )
    )
    for form in kept:
        if form.token in present:
            continue
        row = FormSubmission(
            form_id=form.form_id,
            booking_id=booking_id,
            contact_id=form.contact_id,
            token=form.token,
            data={},
            status=form.status,
            due_at=form.due_at,
            reminded_at=form.reminded_at,
            note=form.note,
            created_at=form.created_at,
        )
        session.add(row)
        session.flush()
        events.record(session, events.FormChanged(form.form_id, row.id, "created"))


def cancel_at_desk(
    session: Session,
    actor: Actor,
    booking_id: int,
    reason: str = "",
    now: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> DeskChange:
    """:func:`~.changes.cancel` by staff, undoable; the customer's message waits out the window."""
    return undoable(
        session,
        actor,
        booking_id,
        "cancel",
        lambda at: cancel(
            session, actor, booking_id, reason, at, expected_version=expected_version
        ),
        now,
    )


def complete_at_desk(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> DeskChange:
    """:func:`~.changes.complete`, undoable."""
    return undoable(
        session,
        actor,
        booking_id,
        "complete",
        lambda at: complete(session, actor, booking_id, at),
        now,
    )


def no_show_at_desk(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> DeskChange:
    """:func:`~.changes.mark_no_show`, undoable."""
    return undoable(
        session,
        actor,
        booking_id,
        "no_show",
        lambda at: mark_no_show(session, actor, booking_id, at),
        now,
    )


def arrived_at_desk(
    session: Session, actor: Actor, booking_id: int, now: datetime | None = None
) -> DeskChange:
    """:func:`~.arrivals.mark_arrived`, undoable."""
    return undoable(
        session,
        actor,
        booking_id,
        "arrived",
        lambda at: mark_arrived(session, actor, booking_id, at),
        now,
    )


def move_at_desk(
    session: Session,
    actor: Actor,
    booking_id: int,
    new_start: datetime,
    provider_id: int | None = None,
    now: datetime | None = None,
    **options: Any,
) -> DeskChange:
    """:func:`~.changes.reschedule` by staff, undoable; the reschedule message is held.

    ``options`` go to ``reschedule`` as they are (``outside_hours``, ``expected_version``…).
    """
    return undoable(
        session,
        actor,
        booking_id,
        "move",
        lambda at: reschedule(session, actor, booking_id, new_start, provider_id, at, **options),
        now,
    )


def resize_at_desk(
    session: Session,
    actor: Actor,
    booking_id: int,
    new_end: datetime,
    now: datetime | None = None,
    **options: Any,
) -> DeskChange:
    """:func:`~.changes.change_length` by staff, undoable; the customer's message is held.

    ``options`` go to ``change_length`` as they are (``outside_hours``, ``expected_version``,
    ``notify``).
    """
    return undoable(
        session,
        actor,
        booking_id,
        "resize",
        lambda at: change_length(session, actor, booking_id, new_end, at, **options),
        now,
    )


def _claim_old_time(session: Session, booking: Booking, state: BookingState, refusal: str) -> None:
    """Refuse with ``refusal`` (``{time}`` filled) when the time in ``state`` is taken now.

    The same lock and bounded overlap query as every booking write (buffers
    included, the booking itself left out). A class seat goes back into the
    session at that time (its fellow attendees are no clash), if it has a seat left.
    """
    if session.get_bind().dialect.name != "sqlite":
        lock_provider(session, state.provider_id)
    type_rules = load_type_rules(session, booking.booking_type_id, active_only=False)
    rules = type_rules.rules
    window = av.occupied(state.start, state.end, rules.buffer_before, rules.buffer_after)
    seat = None
    if booking.session_id is not None:
        seat = classes.seat_back(session, booking, type_rules, state.provider_id, state.start)
        if seat is None:
            when = booking_time_text(state.start, business_zone(session))
            raise PolicyRefused(refusal.format(time=when))
    clashes = conflicting_bookings(
        session,
        [state.provider_id],
        window[0],
        window[1],
        exclude_booking_id=booking.id,
        exclude_session_id=seat,
    )
    if seat is not None:
        booking.session_id = seat
    if clashes:
        when = booking_time_text(state.start, business_zone(session))
        raise PolicyRefused(refusal.format(time=when))


def undo(
    session: Session, actor: Actor, change: DeskChange, now: datetime | None = None
) -> UndoResult:
    """Put the booking back as it was before ``change``; needs MANAGE_BOOKINGS.

    Refused (:class:`PolicyRefused`, nothing changed) after :data:`UNDO_WINDOW`,
    when the booking was changed again since, or when its old time was booked
    meanwhile. Held messages of the change are withdrawn; one that left anyway
    is reported in :attr:`UndoResult.already_told`. Audited; event after commit.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    if now > change.undo_until():
        raise PolicyRefused(
            _("More than 2 minutes have passed since this change, so it can no longer be undone.")
        )
    booking = lock_booking(session, change.booking_id)
    if booking.version != change.after_version:
        raise PolicyRefused(
            _("This booking was changed again after that, so the change can no longer be undone.")
        )
    before = change.before
    was_live, is_live = before.status != "cancelled", booking.status != "cancelled"
    moved = (booking.start_at, booking.end_at, booking.provider_id) != (
        before.start,
        before.end,
        before.provider_id,
    )
    if was_live and (moved or not is_live):
        _claim_old_time(
            session,
            booking,
            before,
            _("{time} was booked by someone else meanwhile, so the change cannot be undone."),
        )
    old_provider = booking.provider_id
    booking.status = before.status
    booking.start_at, booking.end_at = before.start, before.end
    booking.provider_id = before.provider_id
    booking.cancelled_at, booking.cancel_reason = before.cancelled_at, before.cancel_reason
    booking.arrived_at = before.arrived_at
    booking.reminder_sent_at = before.reminder_sent_at
    booking.customer_confirmed_at = before.customer_confirmed_at
    booking.updated_at = now
    session.flush()
    if was_live and not is_live:
        inventory.consume_for_booking(session, actor, booking.id, now)
        _put_back_forms(session, booking.id, change.forms)
    if moved:
        forms.update_due_dates_for_booking(session, booking.id, now)
        _put_back_reminders(session, booking.id, change.reminders)
    if moved or was_live != is_live:
        calendar_sync.enqueue_booking_change(session, booking.id, "undone", now=now)
    withdrawn, told = _withdraw(session, change.held_outbox_ids)
    # the time the change freed is taken back: offers it caused are withdrawn unsent
    waitlist.withdraw_freed_by(session, f"booking:{booking.id}", change.made_at)
    audit.record(
        session,
        actor,
        "undo",
        "booking",
        booking.id,
        {"undid": change.kind, "withdrawn": withdrawn, "already_told": told},
    )
    if old_provider != booking.provider_id:
        events.record(session, events.BookingChanged(booking.id, old_provider, "updated", "desk"))
    events.record(
        session, events.BookingChanged(booking.id, booking.provider_id, "updated", "desk")
    )
    return UndoResult(view_booking(session, booking.id), withdrawn, told)


def _put_back_reminders(session: Session, booking_id: int, kept: tuple[KeptReminder, ...]) -> None:
    """The booking's reminder record as it was before a move (so none is sent twice)."""
    session.execute(delete(ReminderSend).where(ReminderSend.booking_id == booking_id))
    for r in kept:
        session.add(
            ReminderSend(
                booking_id=booking_id,
                rule_key=r.rule_key,
                channel=r.channel,
                recipient=r.recipient,
                outbox_id=r.outbox_id,
                skipped_reason=r.skipped_reason,
                sent_at=r.sent_at,
            )
        )
    session.flush()


def _withdraw(session: Session, outbox_ids: tuple[int, ...]) -> tuple[int, bool]:
    """Delete the held rows that have not left; (how many, whether any had left)."""
    if not outbox_ids:
        return 0, False
    ids = list(outbox_ids)
    left = session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status.in_(TOLD))
    )
    removed = session.execute(
        delete(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status.in_(("queued", "failed")))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(removed, "rowcount", 0) or 0), bool(left)


def restore(
    session: Session,
    actor: Actor,
    booking_id: int,
    *,
    tell_customer: bool = False,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> BookingView:
    """Bring a cancelled booking back (confirmed, same time and provider); needs MANAGE_BOOKINGS.

    Refused (:class:`PolicyRefused`) for a booking that is not cancelled, whose
    time has passed, or whose time was booked since. Its stock is taken again;
    with ``tell_customer`` the customer gets the confirmation (with the
    ``.ics``) again. Audited; event after commit.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    booking = lock_booking(session, booking_id)
    check_version(booking.version, expected_version, "booking")
    if booking.status != "cancelled":
        raise PolicyRefused(_("Only a cancelled booking can be restored."))
    if booking.start_at < now:
        raise PolicyRefused(_("This booking's time has passed, so it cannot be restored."))
    _claim_old_time(
        session,
        booking,
        _state(booking),
        _(
            "{time} has been booked since, so this booking cannot be restored. Make"
            " a new booking at another time instead."
        ),
    )
    cancelled_at = booking.cancelled_at or booking.created_at
    booking.status = "confirmed"
    booking.cancelled_at = None
    booking.cancel_reason = ""
    booking.updated_at = now
    session.flush()
    # its time is taken again: offers its cancellation made are withdrawn
    waitlist.withdraw_freed_by(session, f"booking:{booking.id}", cancelled_at)
    inventory.consume_for_booking(session, actor, booking.id, now)
    calendar_sync.enqueue_booking_change(session, booking.id, "restored", now=now)
    if tell_customer:
        out = booking_messages.outgoing(session, booking, business_zone(session))
        booking_messages.send_confirmation(session, out)
    audit.record(session, actor, "restore", "booking", booking.id, {"told": tell_customer})
    events.record(
        session, events.BookingChanged(booking.id, booking.provider_id, "updated", "desk")
    )
    return view_booking(session, booking.id)
