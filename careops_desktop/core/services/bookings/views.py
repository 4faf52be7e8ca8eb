"""Reading bookings: one booking, the Bookings tab's list, the week calendar, manage links.

Plain frozen views only; the writes live in ``flow`` (new bookings) and
``changes`` (reschedule, cancel, complete, no-show). Other areas call all of them
through the ``bookings`` package.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import day_and_time
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    BOOKING_STATUSES,
    Booking,
    BookingType,
    Business,
    Contact,
    Provider,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.bookings.overlaps import longest_span
from careops_desktop.core.services.id_blocks import id_blocks, read_ids
from careops_desktop.core.tokens import tokens_equal

TOKEN_MAX = 64

ViewSelect = Select[Booking, str, str | None, str | None, str, str]
SelectT = TypeVar("SelectT", bound=Select[Any])


@dataclass(frozen=True)
class BookingView:
    """A booking as every screen shows it; times are aware UTC.

    ``customer_cancel_until`` is the last moment the customer may cancel or
    move it from the manage link (the start minus the cancellation cutoff).
    """

    id: int
    status: str
    source: str
    start: datetime
    end: datetime
    contact_id: int
    contact_name: str
    contact_email: str | None
    contact_phone: str | None
    booking_type_id: int
    booking_type_name: str
    provider_id: int
    provider_name: str
    location: str
    notes: str
    forms_sent: bool
    created_at: datetime
    cancelled_at: datetime | None
    cancel_reason: str
    customer_cancel_until: datetime
    # the details captured with the booking (what the customer typed; the manage page shows
    # these, and the booking's messages go there), not what the contact holds now
    customer_name: str = ""
    customer_email: str | None = None
    customer_phone: str | None = None
    version: int = 0  # +1 on every change; an edit passes it back (core/edit_conflicts.py)
    arrived_at: datetime | None = None  # when the desk marked the customer arrived
    customer_confirmed_at: datetime | None = None  # the customer answered a reminder "yes"
    series_id: int | None = None  # a visit of this recurring series (bookings.series)
    session_id: int | None = None  # a seat in this class session (``bookings.classes``)


def booking_time_text(start: datetime, zone: ZoneInfo) -> str:
    """How messages name a booking's time: ``Wednesday 10 June 2026 at 10:00 (Europe/London)``.

    A time the clock shows twice carries its mark: ``… at 01:30 UTC+11 (Australia/Lord_Howe)``.
    """
    return f"{day_and_time(start, zone)} ({zone.key})"


def _view_select() -> ViewSelect:
    return (
        select(
            Booking,
            Contact.name,
            Contact.email,
            Contact.phone,
            BookingType.name,
            Provider.name,
        )
        .join(Contact, Contact.id == Booking.contact_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Provider, Provider.id == Booking.provider_id)
    )


def _cutoff(session: Session) -> timedelta:
    hours = session.scalar(
        select(Business.cancellation_cutoff_hours).order_by(Business.id).limit(1)
    )
    return timedelta(hours=max(0, hours or 0))


def _captured(
    booking: Booking, name: str, email: str | None, phone: str | None
) -> tuple[str, str | None, str | None]:
    """The booking's captured details; a row written without them shows its contact's."""
    if booking.customer_email or booking.customer_phone:
        return booking.customer_name, booking.customer_email, booking.customer_phone
    return booking.customer_name or name, email, phone


def _views(session: Session, query: ViewSelect) -> list[BookingView]:
    cutoff = _cutoff(session)
    found = []
    for booking, c_name, c_email, c_phone, t_name, p_name in session.execute(query):
        captured = _captured(booking, c_name, c_email, c_phone)
        found.append(
            BookingView(
                id=booking.id,
                status=booking.status,
                source=booking.source,
                start=booking.start_at,
                end=booking.end_at,
                contact_id=booking.contact_id,
                contact_name=c_name,
                contact_email=c_email,
                contact_phone=c_phone,
                booking_type_id=booking.booking_type_id,
                booking_type_name=t_name,
                provider_id=booking.provider_id,
                provider_name=p_name,
                location=booking.location,
                notes=booking.notes,
                forms_sent=booking.forms_sent,
                created_at=booking.created_at,
                cancelled_at=booking.cancelled_at,
                cancel_reason=booking.cancel_reason,
                customer_cancel_until=booking.start_at - cutoff,
                customer_name=captured[0],
                customer_email=captured[1],
                customer_phone=captured[2],
                version=booking.version,
                arrived_at=booking.arrived_at,
                customer_confirmed_at=booking.customer_confirmed_at,
                series_id=booking.series_id,
                session_id=booking.session_id,
            )
        )
    return found


def view_booking(session: Session, booking_id: int) -> BookingView:
    """The view of one booking, for services (no permission check); :class:`NotFound` if none."""
    found = _views(session, _view_select().where(Booking.id == booking_id))
    if not found:
        raise NotFound("booking", booking_id)
    return found[0]


@read_only
def get_booking(session: Session, actor: Actor, booking_id: int) -> BookingView:
    """One booking; needs MANAGE_BOOKINGS."""
    require(actor, Permission.MANAGE_BOOKINGS)
    return view_booking(session, booking_id)


def booking_id_for_token(session: Session, token: object) -> int:
    """The booking a manage token belongs to; :class:`NotFound` for anything else.

    The lookup goes through the unique token index (tokens are 192 random
    bits, so the index reveals nothing guessable); the match is then confirmed
    with a constant-time comparison.
    """
    if not isinstance(token, str) or not token or len(token) > TOKEN_MAX:
        raise NotFound("booking", "unknown link")
    row = session.execute(
        select(Booking.id, Booking.manage_token).where(Booking.manage_token == token)
    ).first()
    if row is None or not tokens_equal(token, row[1]):
        raise NotFound("booking", "unknown link")
    return int(row[0])


@read_only
def get_booking_by_token(session: Session, token: str) -> BookingView:
    """The booking behind a customer's manage link; :class:`NotFound` for a bad token."""
    return view_booking(session, booking_id_for_token(session, token))


# -- lists -------------------------------------------------------------------------------

ORDERS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "start": (Booking.start_at.asc(), Booking.id.asc()),
    "-start": (Booking.start_at.desc(), Booking.id.desc()),
    "created": (Booking.created_at.asc(), Booking.id.asc()),
    "-created": (Booking.created_at.desc(), Booking.id.desc()),
    "contact": (Contact.name.asc(), Booking.start_at.asc(), Booking.id.asc()),
    "-contact": (Contact.name.desc(), Booking.start_at.desc(), Booking.id.desc()),
}


@dataclass(frozen=True)
class BookingFilter:
    """Which bookings a list shows: starting in ``[start, end)``, with this status (one
    or several), type, provider and contact, and ``search`` in the contact's name,
    email or phone, the type or the provider (case-insensitive substring).

    ``list_bookings``, ``count_bookings`` and ``ids`` all take one, so a filter is
    said once and the three always agree.
    """

    start: datetime | None = None
    end: datetime | None = None
    status: str | Sequence[str] | None = None
    booking_type_id: int | None = None
    provider_id: int | None = None
    contact_id: int | None = None
    search: str = ""

    def clauses(self) -> list[ColumnElement[bool]]:
        """The WHERE clauses; :class:`ValidationError` on ``status`` for an unknown status."""
        clauses: list[ColumnElement[bool]] = []
        if self.start is not None:
            clauses.append(Booking.start_at >= self.start)
        if self.end is not None:
            clauses.append(Booking.start_at < self.end)
        if self.status:
            wanted = [self.status] if isinstance(self.status, str) else list(self.status)
            unknown = [s for s in wanted if s not in BOOKING_STATUSES]
            if unknown:
                raise ValidationError(
                    {"status": _("Unknown status {status}.").format(status=f"{unknown[0]!r}")}
                )
            clauses.append(Booking.status.in_(wanted))
        if self.booking_type_id is not None:
            clauses.append(Booking.booking_type_id == self.booking_type_id)
        if self.provider_id is not None:
            clauses.append(Booking.provider_id == self.provider_id)
        if self.contact_id is not None:
            clauses.append(Booking.contact_id == self.contact_id)
        words = (self.search or "").strip()
        if words:
            clauses.append(
                or_(
                    Contact.name.icontains(words, autoescape=True),
                    Contact.email.icontains(words, autoescape=True),
                    Contact.phone.contains(words, autoescape=True),
                    BookingType.name.icontains(words, autoescape=True),
                    Provider.name.icontains(words, autoescape=True),
                )
            )
        return clauses


EVERY_BOOKING = BookingFilter()


def _joined_for(query: SelectT, *, search: str, order: str | None = None) -> SelectT:
    """``query`` (over bookings alone) with the joins a filter's ``search`` and the
    ``order`` (see ORDERS) need, and no others.

    Contact, type and provider are NOT NULL foreign keys, so joining them never
    drops a booking: the count and the id list stay those of :func:`list_bookings`.
    """
    searching = bool((search or "").strip())
    if searching or (order or "").lstrip("-") == "contact":
        query = query.join(Contact, Contact.id == Booking.contact_id)
    if searching:
        query = query.join(BookingType, BookingType.id == Booking.booking_type_id).join(
            Provider, Provider.id == Booking.provider_id
        )
    return query


def _check_order(order: str) -> None:
    if order not in ORDERS:
        raise ValidationError({"order": _("Unknown order {order}.").format(order=f"{order!r}")})


@read_only
def list_bookings(
    session: Session,
    actor: Actor,
    flt: BookingFilter = EVERY_BOOKING,
    *,
    order: str = "start",
    limit: int = 200,
    offset: int = 0,
) -> list[BookingView]:
    """Bookings matching ``flt``, in ``order`` (see ORDERS), one page. Needs MANAGE_BOOKINGS."""
    require(actor, Permission.MANAGE_BOOKINGS)
    _check_order(order)
    query = (
        _view_select()
        .where(*flt.clauses())
        .order_by(*ORDERS[order])
        .limit(max(0, min(limit, 5000)))
        .offset(max(0, offset))
    )
    return _views(session, query)


@read_only
def count_bookings(session: Session, actor: Actor, flt: BookingFilter = EVERY_BOOKING) -> int:
    """How many bookings :func:`list_bookings` would give with ``flt`` and no limit."""
    require(actor, Permission.MANAGE_BOOKINGS)
    clauses = flt.clauses()
    query = _joined_for(select(func.count(Booking.id)).select_from(Booking), search=flt.search)
    return int(session.scalar(query.where(*clauses)) or 0)


@read_only
def ids(
    session: Session, actor: Actor, flt: BookingFilter = EVERY_BOOKING, order: str = "start"
) -> list[int]:
    """Every booking :func:`list_bookings` lists with ``flt``, in ``order``: ids only."""
    require(actor, Permission.MANAGE_BOOKINGS)
    _check_order(order)
    clauses = flt.clauses()
    # the joins only where a search or the order needs them
    query = _joined_for(select(Booking.id), search=flt.search, order=order)
    return read_ids(session, query.where(*clauses).order_by(*ORDERS[order]))


@read_only
def rows_by_id(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, BookingView]:
    """The :class:`BookingView` of each of these bookings, by id (unknown ids left out)."""
    require(actor, Permission.MANAGE_BOOKINGS)
    found: dict[int, BookingView] = {}
    for block in id_blocks(ids):
        query = _view_select().where(Booking.id.in_(block))
        found.update((view.id, view) for view in _views(session, query))
    return found


@read_only
def bookings_in_range(
    session: Session,
    start: datetime,
    end: datetime,
    provider_ids: Sequence[int] | None = None,
    *,
    include_cancelled: bool = False,
) -> list[BookingView]:
    """Bookings that overlap ``[start, end)`` (the week calendar), by start time.

    The start is bounded on both sides (see ``booking_overlaps.conflicting_bookings``):
    bookings starting up to the longest booking type's length before ``start``,
    plus each provider's latest earlier live booking in case it is longer still.
    ``provider_ids`` None means every provider. A cancelled booking longer than
    every current booking type is not found (it occupies nothing).
    """
    span = longest_span(session)
    lower = start - span
    clauses: list[ColumnElement[bool]] = [
        Booking.start_at >= lower,
        Booking.start_at < end,
        Booking.end_at > start,
    ]
    if not include_cancelled:
        clauses.append(Booking.status != "cancelled")
    if provider_ids is not None:
        clauses.append(Booking.provider_id.in_(list(provider_ids)))
    found = {v.id: v for v in _views(session, _view_select().where(*clauses))}
    pids = (
        list(provider_ids)
        if provider_ids is not None
        else list(session.scalars(select(Provider.id)))
    )
    for pid in pids:
        # live bookings never overlap, so only the latest one can reach this far
        probe = (
            _view_select()
            .where(
                Booking.provider_id == pid,
                Booking.start_at < lower,
                Booking.status != "cancelled",
            )
            .order_by(Booking.start_at.desc())
            .limit(1)
        )
        for view in _views(session, probe):
            if view.end > start:
                found[view.id] = view
    return sorted(found.values(), key=lambda v: (v.start, v.id))
