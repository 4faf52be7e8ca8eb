"""Classes: booking types with seats (capacity > 1).

The model: bookings that share a session. A ``class_sessions`` row is one
sitting (provider + start + type, with its capacity); each attendee is a
normal booking with ``session_id`` set, so manage links, reminders,
confirmations, arrived/no-show, undo and cancel keep working per attendee.

A seat is taken inside the booking's one write transaction (:func:`take_seat`):

1. lock the provider's row (PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already
   serialises every writer), the same first lock every booking write takes;
2. find the session at that start (``FOR UPDATE``) or, if none, open one;
3. count its live seats against its capacity (:class:`SessionFull` when none is left);
4. run the usual checks (hours, closures, blocked time, external busy, overlap
   with buffers) with the session's own seats left out: the attendees are one
   occupancy, and a new session must not overlap the provider's other bookings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import insert_row, read_only, statements
from careops_desktop.core.errors import (
    CareOpsError,
    NotFound,
    PolicyRefused,
    SessionFull,
    ValidationError,
)
from careops_desktop.core.i18n import _, ngettext
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import Booking, BookingType, ClassSession, Provider, ReminderSend
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services import availability as av
from careops_desktop.core.services.answers import freed_time
from careops_desktop.core.services.bookings import messages as booking_messages
from careops_desktop.core.services.bookings.checks import (
    Claim,
    check_policy,
    claim_provider,
    lock_provider,
)
from careops_desktop.core.services.bookings.views import BookingView, view_booking
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.forms import customer_copies as forms
from careops_desktop.core.services.slots import Slot, TypeRules, load_type_rules
from careops_desktop.core.statement_runner import prebuilt
from careops_desktop.core.time_bounds import aware_now

CAPACITY_MAX = 500
NEXT_SESSIONS = 3
NEXT_SESSIONS_DAYS = 28

_LIVE = ("confirmed", "arrived", "completed", "no_show")

# plain statements (not ``prebuilt``): the demo holds no classes for the both-ways check
_FIND_SESSION = (
    select(ClassSession.id, ClassSession.capacity, ClassSession.start_at, ClassSession.end_at)
    .where(
        ClassSession.booking_type_id == bindparam("type_id"),
        ClassSession.provider_id == bindparam("provider_id"),
        ClassSession.start_at == bindparam("start"),
    )
    .with_for_update()
)
_SEATS_TAKEN = prebuilt(
    select(func.count(Booking.id)).where(
        Booking.session_id == bindparam("session_id"),
        Booking.status != "cancelled",
        Booking.id != bindparam("exclude"),
    )
)
_NEW_SESSION = insert(ClassSession)  # once per session, not per seat: not worth keeping


def seats_taken(session: Session, session_id: int, exclude_booking_id: int | None = None) -> int:
    """How many live (not cancelled) attendees the session has (leaving one booking out)."""
    params = {"session_id": session_id, "exclude": exclude_booking_id or 0}
    return int(statements(session).execute(_SEATS_TAKEN, params).scalar() or 0)


def take_seat(
    session: Session,
    type_rules: TypeRules,
    provider_id: int | None,
    start: datetime,
    *,
    now: datetime,
    on_grid: bool,
    outside_hours: bool = False,
    exclude_booking_id: int | None = None,
) -> tuple[Claim, int]:
    """Lock and return a seat in the class session at ``start`` (opening it if needed).

    Returns the claim (provider and times; an existing session keeps its own
    end) and the session id; the caller inserts the booking with that
    ``session_id`` in the same transaction. ``provider_id`` None takes the first
    provider whose session has a seat (or who is free to open one). Refuses
    with :class:`SessionFull` (with the next sessions that have seats) when
    every seat is taken, else as :func:`~.checks.claim_provider`.
    ``exclude_booking_id``: an attendee moving seats, whose old seat is left out.
    """
    candidates = (provider_id,) if provider_id is not None else type_rules.provider_ids
    if provider_id is not None and provider_id not in type_rules.provider_ids:
        raise ValidationError({"provider_id": _("That provider does not offer this booking type.")})
    if not candidates:
        raise ValidationError({"provider_id": _("Nobody offers this booking type yet.")})
    run = statements(session)
    sqlite = run.dialect.name == "sqlite"
    full = False
    refusal: CareOpsError | None = None
    for candidate in candidates:
        if not sqlite:
            lock_provider(session, candidate)  # the first lock, as every booking write
        params = {"type_id": type_rules.booking_type_id, "provider_id": candidate, "start": start}
        found = session.execute(_FIND_SESSION, params).first()
        taken = 0 if found is None else seats_taken(session, found.id, exclude_booking_id)
        if found is not None and taken >= found.capacity:
            full = True
            continue
        try:
            claim = claim_provider(
                session,
                type_rules,
                candidate,
                start,
                zone=type_rules.zone,
                now=now,
                on_grid=on_grid,
                outside_hours=outside_hours,
                exclude_booking_id=exclude_booking_id,
                exclude_session_id=found.id if found is not None else None,
            )
        except CareOpsError as exc:
            if len(candidates) == 1:
                raise
            refusal = exc
            continue
        if found is not None:
            return dataclasses.replace(claim, end=found.end_at), int(found.id)
        session_id = insert_row(
            run,
            _NEW_SESSION,
            {
                "booking_type_id": type_rules.booking_type_id,
                "provider_id": candidate,
                "start_at": claim.start,
                "end_at": claim.end,
                "capacity": type_rules.capacity,
                "created_at": now,
            },
        )
        return claim, session_id
    if full or refusal is None:
        later = next_sessions(session, type_rules.booking_type_id, start, provider_id, now=now)
        raise SessionFull(start, [slot.start_utc for slot in later])
    raise refusal


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenSession:
    """A session of a class as the slot lists see it."""

    session_id: int
    provider_id: int
    start: datetime
    end: datetime
    capacity: int
    taken: int

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - self.taken)


_SESSIONS_BETWEEN = (
    select(
        ClassSession.id,
        ClassSession.provider_id,
        ClassSession.start_at,
        ClassSession.end_at,
        ClassSession.capacity,
        select(func.count(Booking.id))
        .where(Booking.session_id == ClassSession.id, Booking.status != "cancelled")
        .scalar_subquery(),
    )
    .where(
        ClassSession.booking_type_id == bindparam("type_id"),
        ClassSession.provider_id.in_(bindparam("providers", expanding=True)),
        ClassSession.start_at >= bindparam("starts_from"),
        ClassSession.start_at < bindparam("starts_before"),
    )
    .order_by(ClassSession.start_at, ClassSession.provider_id)
)


def sessions_between(
    session: Session,
    booking_type_id: int,
    provider_ids: tuple[int, ...],
    first: datetime,
    last: datetime,
) -> list[OpenSession]:
    """The type's sessions starting in ``[first, last)`` for these providers, with seats taken."""
    if not provider_ids:
        return []
    params = {
        "type_id": booking_type_id,
        "providers": list(provider_ids),
        "starts_from": first,
        "starts_before": last,
    }
    return [
        OpenSession(sid, pid, start, end, cap, int(taken or 0))
        for sid, pid, start, end, cap, taken in session.execute(_SESSIONS_BETWEEN, params)
    ]


def class_slots(
    type_rules: TypeRules,
    free: list[tuple[datetime, int]],
    sessions: list[OpenSession],
    now: datetime,
) -> list[tuple[datetime, int, int]]:
    """Merge free starts (where a new session could open) with sessions that have seats.

    Returns ``(start, provider id, seats left)`` by start; a start where a
    provider's session already has attendees offers that session (classes fill
    before a new one opens), a full one is not offered, and the booking page's
    notice and horizon hold for sessions too.
    """
    rules = type_rules.rules
    by_key = {(s.start, s.provider_id): s for s in sessions}
    chosen: dict[datetime, tuple[int, int]] = {}
    for s in sessions:
        if s.taken and s.seats_left and av.policy_refusal(s.start, now, rules) is None:
            chosen.setdefault(s.start, (s.provider_id, s.seats_left))
    for start, pid in free:
        if start in chosen:
            continue
        existing = by_key.get((start, pid))
        seats = existing.seats_left if existing is not None else type_rules.capacity
        if seats:
            chosen[start] = (pid, seats)
    return [(start, pid, seats) for start, (pid, seats) in sorted(chosen.items())]


@read_only
def next_sessions(
    session: Session,
    booking_type_id: int,
    after: datetime,
    provider_id: int | None = None,
    *,
    now: datetime | None = None,
    limit: int = NEXT_SESSIONS,
) -> list[Slot]:
    """Up to ``limit`` bookable class times after ``after`` (within four weeks), with seats left."""
    from careops_desktop.core.services.slots import slots_for_day  # the page's own list

    now = aware_now(now)
    type_rules = load_type_rules(session, booking_type_id, active_only=False)
    zone = type_rules.zone
    day = av.local_date(after, zone)
    found: list[Slot] = []
    for _day in range(NEXT_SESSIONS_DAYS):
        try:
            listed = slots_for_day(session, booking_type_id, day, provider_id, now).slots
        except (NotFound, ValidationError):
            return found
        found.extend(slot for slot in listed if slot.start_utc > after)
        if len(found) >= limit:
            break
        day = date.fromordinal(day.toordinal() + 1)
    return found[:limit]


@dataclass(frozen=True)
class Attendee:
    """One seat: the attendee's booking."""

    booking_id: int
    contact_id: int
    name: str
    email: str | None
    phone: str | None
    status: str
    version: int


@dataclass(frozen=True)
class SessionView:
    """A class session with its attendees (cancelled ones left out), for the desk."""

    session_id: int
    booking_type_id: int
    type_name: str
    provider_id: int
    provider_name: str
    start: datetime
    end: datetime
    capacity: int
    attendees: tuple[Attendee, ...]

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - len(self.attendees))


def view_session(session: Session, session_id: int) -> SessionView:
    """The session and its live attendees by name; :class:`NotFound` if there is none."""
    row = session.execute(
        select(ClassSession, BookingType.name, Provider.name)
        .join(BookingType, BookingType.id == ClassSession.booking_type_id)
        .join(Provider, Provider.id == ClassSession.provider_id)
        .where(ClassSession.id == session_id)
    ).first()
    if row is None:
        raise NotFound("class session", session_id)
    sitting, type_name, provider_name = row
    people = session.execute(
        select(
            Booking.id,
            Booking.contact_id,
            Booking.customer_name,
            Booking.customer_email,
            Booking.customer_phone,
            Booking.status,
            Booking.version,
        )
        .where(Booking.session_id == session_id, Booking.status != "cancelled")
        .order_by(Booking.customer_name, Booking.id)
    )
    return SessionView(
        sitting.id,
        sitting.booking_type_id,
        type_name,
        sitting.provider_id,
        provider_name,
        sitting.start_at,
        sitting.end_at,
        sitting.capacity,
        tuple(Attendee(*p) for p in people),
    )


@read_only
def get_session(session: Session, actor: Actor, session_id: int) -> SessionView:
    """The session and its attendees; needs MANAGE_BOOKINGS."""
    require(actor, Permission.MANAGE_BOOKINGS)
    return view_session(session, session_id)


@read_only
def session_of_booking(session: Session, actor: Actor, booking_id: int) -> int | None:
    """The class session a booking is a seat in, or None; needs MANAGE_BOOKINGS."""
    require(actor, Permission.MANAGE_BOOKINGS)
    found = session.scalar(select(Booking.session_id).where(Booking.id == booking_id))
    return int(found) if found is not None else None


@dataclass(frozen=True)
class SessionFill:
    """One session in the reports: attendees against capacity."""

    session_id: int
    type_name: str
    provider_name: str
    start: datetime
    attendees: int
    arrived: int
    no_shows: int
    capacity: int

    @property
    def fill_rate(self) -> float:
        """Attendees over capacity, 0.0 to 1.0."""
        return self.attendees / self.capacity if self.capacity else 0.0


@read_only
def session_fill(session: Session, first: datetime, last: datetime) -> list[SessionFill]:
    """Every class session starting in ``[first, last)``: attendees, arrivals, no-shows, fill."""
    live = Booking.status.in_(_LIVE)
    rows = session.execute(
        select(
            ClassSession.id,
            BookingType.name,
            Provider.name,
            ClassSession.start_at,
            func.count(Booking.id).filter(live),
            func.count(Booking.id).filter(Booking.status.in_(("arrived", "completed"))),
            func.count(Booking.id).filter(Booking.status == "no_show"),
            ClassSession.capacity,
        )
        .join(BookingType, BookingType.id == ClassSession.booking_type_id)
        .join(Provider, Provider.id == ClassSession.provider_id)
        .outerjoin(Booking, Booking.session_id == ClassSession.id)
        .where(ClassSession.start_at >= first, ClassSession.start_at < last)
        .group_by(ClassSession.id, BookingType.name, Provider.name)
        .order_by(ClassSession.start_at, ClassSession.id)
    )
    return [SessionFill(*(r[:4]), int(r[4]), int(r[5]), int(r[6]), int(r[7])) for r in rows]


# -- writing -------------------------------------------------------------------------------


def set_capacity(session: Session, actor: Actor, booking_type_id: int, capacity: int) -> None:
    """Set a booking type's seats per session (1: one-to-one); needs MANAGE_SETTINGS.

    Sessions already open keep the capacity they were opened with.
    """
    require(actor, Permission.MANAGE_SETTINGS)
    if not isinstance(capacity, int) or isinstance(capacity, bool):
        raise ValidationError({"capacity": _("Enter a whole number.")})
    if not 1 <= capacity <= CAPACITY_MAX:
        raise ValidationError(
            {"capacity": _("Enter a number of seats from 1 to {limit}.").format(limit=CAPACITY_MAX)}
        )
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        raise NotFound("booking type", booking_type_id)
    before = booking_type.capacity
    if before == capacity:
        return
    booking_type.capacity = capacity
    session.flush()
    audit.record(
        session, actor, "update", "booking_type", booking_type_id, {"capacity": [before, capacity]}
    )
    events.record(session, events.SettingsChanged("booking_types"))


def seat_freed(session: Session, session_id: int, booking_id: int, now: datetime) -> None:
    """A seat of class session ``session_id`` is free again (booking ``booking_id`` left it).

    The one call point for whoever waits for a seat (the waitlist); today it
    passes on to :func:`~careops_desktop.core.services.answers.freed_time.time_freed`.
    """
    del session_id
    freed_time.time_freed(session, booking_id, now)


def seat_back(
    session: Session,
    booking: Booking,
    type_rules: TypeRules,
    provider_id: int,
    start: datetime,
) -> int | None:
    """The session at ``start`` for an attendee put back there (undo, restore), or None
    when it is full; opened again if there is none. The provider is already locked."""
    params = {"type_id": booking.booking_type_id, "provider_id": provider_id, "start": start}
    run = statements(session)
    found = session.execute(_FIND_SESSION, params).first()
    if found is None:
        return insert_row(
            run,
            _NEW_SESSION,
            {
                "booking_type_id": booking.booking_type_id,
                "provider_id": provider_id,
                "start_at": start,
                "end_at": start + type_rules.rules.duration,
                "capacity": type_rules.capacity,
                "created_at": datetime.now(UTC),
            },
        )
    if seats_taken(session, found.id, booking.id) >= found.capacity:
        return None
    return int(found.id)


def _lock_session(session: Session, session_id: int) -> ClassSession:
    found = session.scalars(
        select(ClassSession).where(ClassSession.id == session_id).with_for_update()
    ).first()
    if found is None:
        raise NotFound("class session", session_id)
    return found


def move_session(
    session: Session,
    actor: Actor,
    session_id: int,
    new_start: datetime,
    provider_id: int | None = None,
    now: datetime | None = None,
    *,
    outside_hours: bool = False,
    notify: bool = True,
) -> SessionView:
    """Move a class session and every attendee to ``new_start`` (and ``provider_id``); one
    transaction, each attendee told once (unless ``notify`` is False).

    The same checks as any move (not in the past, hours, closures and blocked
    time unless ``outside_hours``, no overlap with the provider's other
    bookings; the session's own seats excluded). Refused when someone in it has
    already arrived or been marked, or another session of the class starts then.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    if not isinstance(new_start, datetime) or new_start.tzinfo is None:
        raise ValidationError({"start": _("Choose a time (with its time zone).")})
    new_start = new_start.astimezone(UTC)
    current = session.get(ClassSession, session_id)
    if current is None:
        raise NotFound("class session", session_id)
    target = current.provider_id if provider_id is None else provider_id
    if statements(session).dialect.name != "sqlite":
        # both providers, in the business's order: the order every booking write locks in
        ordered = session.execute(
            select(Provider.id)
            .where(Provider.id.in_({current.provider_id, target}))
            .order_by(Provider.sort_order, Provider.id)
        ).scalars()
        for pid in list(ordered):
            lock_provider(session, pid)
    sitting = _lock_session(session, session_id)
    people = list(
        session.scalars(
            select(Booking)
            .where(Booking.session_id == session_id, Booking.status != "cancelled")
            .with_for_update()
        )
    )
    if any(p.status != "confirmed" for p in people):
        raise PolicyRefused(
            _("Someone in this session has already arrived or been marked, so it cannot be moved.")
        )
    type_rules = load_type_rules(session, sitting.booking_type_id, active_only=False)
    if target == sitting.provider_id and new_start == sitting.start_at:
        return view_session(session, session_id)
    clash = session.scalar(
        select(ClassSession.id).where(
            ClassSession.booking_type_id == sitting.booking_type_id,
            ClassSession.provider_id == target,
            ClassSession.start_at == new_start,
            ClassSession.id != session_id,
        )
    )
    if clash is not None:
        raise ValidationError(
            {"start": _("Another session of this class already starts then. Choose another time.")}
        )
    check_policy(new_start, now, type_rules, public=False)
    length = sitting.end_at - sitting.start_at
    rules = dataclasses.replace(type_rules.rules, duration=length)
    claim = claim_provider(
        session,
        dataclasses.replace(type_rules, rules=rules),
        target,
        new_start,
        zone=type_rules.zone,
        now=now,
        on_grid=False,
        outside_hours=outside_hours,
        exclude_session_id=session_id,
    )
    old_start, old_provider = sitting.start_at, sitting.provider_id
    sitting.start_at, sitting.end_at, sitting.provider_id = claim.start, claim.end, target
    for booking in people:
        booking.start_at, booking.end_at, booking.provider_id = claim.start, claim.end, target
        booking.reminder_sent_at = None
        booking.customer_confirmed_at = None
        booking.updated_at = now
    session.flush()
    ids = [b.id for b in people]
    if ids:
        session.execute(delete(ReminderSend).where(ReminderSend.booking_id.in_(ids)))
    for booking in people:
        forms.update_due_dates_for_booking(session, booking.id, now)
        if notify:
            out = booking_messages.outgoing(session, booking, type_rules.zone)
            booking_messages.send_rescheduled(session, out)
        calendar_sync.enqueue_booking_change(session, booking.id, "moved", now=now)
        for pid in {old_provider, target}:
            events.record(session, events.BookingChanged(booking.id, pid, "rescheduled", "desk"))
    audit.record(
        session,
        actor,
        "reschedule",
        "class_session",
        session_id,
        {
            "from": old_start.isoformat(),
            "to": claim.start.isoformat(),
            "from_provider_id": old_provider,
            "provider_id": target,
            "attendees": ids,
            "customers_told": notify,
        },
    )
    return view_session(session, session_id)


def move_session_of(
    session: Session,
    actor: Actor,
    booking_id: int,
    new_start: datetime,
    provider_id: int | None = None,
    now: datetime | None = None,
    *,
    outside_hours: bool = False,
    notify: bool = True,
) -> BookingView:
    """:func:`move_session` for the session booking ``booking_id`` is a seat in (the
    calendar's class block); returns that booking as it is now. :class:`ValidationError`
    for a booking that is not a class seat."""
    require(actor, Permission.MANAGE_BOOKINGS)
    session_id = session.scalar(select(Booking.session_id).where(Booking.id == booking_id))
    if session_id is None:
        raise ValidationError({"booking_id": _("This booking is not a seat in a class.")})
    move_session(
        session,
        actor,
        int(session_id),
        new_start,
        provider_id,
        now,
        outside_hours=outside_hours,
        notify=notify,
    )
    return view_booking(session, booking_id)


def describe_seats(seats_left: int) -> str:
    """``"3 seats left"`` / ``"1 seat left"``: the words the booking page shows."""
    return ngettext("{count} seat left", "{count} seats left", seats_left).format(
        count=number_text(seats_left)
    )
