"""iCalendar (RFC 5545) events for bookings, and feeds of them.

A booking becomes one VEVENT with a UID that never changes
(``booking-<id>@<domain>``), a SEQUENCE that grows with every change of the
booking, times in UTC, the business as ORGANIZER and the place as LOCATION.
Customer notes (the booking's and the contact's) are never put in an event:
an invitation travels through mail servers and a feed is read by phones.

``load_booking(session, id)`` reads what an event needs into a frozen
:class:`CalendarBooking`; ``booking_invitation`` renders the ``.ics``
attached to a booking email (METHOD:REQUEST, or CANCEL for a cancelled
booking); ``calendar_feed`` renders a subscription feed for staff calendars.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vCalAddress, vText
from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound
from careops_desktop.core.i18n import _, normalise, use_language
from careops_desktop.core.models import Booking, BookingType, Business, Contact, Provider
from careops_desktop.core.services.bookings import booking_time_text
from careops_desktop.core.services.templates import business_language

PRODID = "-//CareOps Desktop//Bookings//EN"
Audience = Literal["customer", "staff"]


@dataclass(frozen=True)
class CalendarBooking:
    """What a calendar event says about one booking (no private notes)."""

    id: int
    start_at: datetime
    end_at: datetime
    status: str
    booking_type: str
    provider: str
    location: str
    contact_name: str
    contact_email: str
    created_at: datetime
    updated_at: datetime
    business_name: str
    business_email: str
    manage_token: str = ""
    timezone: str = ""  # the business's zone: the description names the local time in it
    language: str = ""  # the customer's (else the business's): the invitation is written in it


def calendar_domain(business_email: str) -> str:
    """The domain used in UIDs: the business email's domain, else ``careops.invalid``."""
    _, _, domain = business_email.rpartition("@")
    domain = domain.strip().lower()
    return domain if domain and "." in domain and " " not in domain else "careops.invalid"


def event_uid(booking_id: int, domain: str) -> str:
    """The stable UID of a booking's event."""
    return f"booking-{booking_id}@{domain}"


def sequence_of(booking: CalendarBooking) -> int:
    """A SEQUENCE that grows with each change: whole seconds between creation and last update.

    Bookings keep no revision counter; ``updated_at`` moves forward on every
    change, so this number does too, and stays the same when nothing changed.
    """
    return max(0, int((booking.updated_at - booking.created_at).total_seconds()))


@read_only
def load_booking(session: Session, booking_id: int) -> CalendarBooking:
    """Read one booking for an event; :class:`NotFound` if it does not exist."""
    rows = _query(session, Booking.id == booking_id)
    if not rows:
        raise NotFound("booking", booking_id)
    return rows[0]


@read_only
def load_upcoming(
    session: Session, now: datetime, days: int = 90, past_days: int = 7
) -> list[CalendarBooking]:
    """Bookings from ``past_days`` ago to ``days`` ahead (cancelled ones included)."""
    return _query(
        session,
        Booking.start_at >= now - timedelta(days=past_days),
        Booking.start_at < now + timedelta(days=days),
    )


def _query(session: Session, *where: object) -> list[CalendarBooking]:
    business = session.scalars(select(Business).order_by(Business.id).limit(1)).first()
    business_name = business.name if business else ""
    business_email = business.contact_email if business else ""
    default_location = business.address if business else ""
    fallback_language = business_language(session) if business else ""
    query = (
        select(Booking, BookingType.name, BookingType.location, Provider.name, Contact)
        .join(BookingType, Booking.booking_type_id == BookingType.id)
        .join(Provider, Booking.provider_id == Provider.id)
        .join(Contact, Booking.contact_id == Contact.id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Booking.start_at, Booking.id)
    )
    result = []
    for booking, type_name, type_location, provider_name, contact in session.execute(query):
        # the details captured with the booking, not what the contact holds now (issue 13)
        captured = bool(booking.customer_email or booking.customer_phone)
        name = booking.customer_name if captured else (booking.customer_name or contact.name)
        email = booking.customer_email if captured else contact.email
        result.append(
            CalendarBooking(
                id=booking.id,
                start_at=booking.start_at,
                end_at=booking.end_at,
                status=booking.status,
                booking_type=type_name,
                provider=provider_name,
                location=booking.location or type_location or default_location,
                contact_name=name,
                contact_email=email or "",
                created_at=booking.created_at,
                updated_at=booking.updated_at,
                business_name=business_name,
                business_email=business_email,
                manage_token=booking.manage_token,
                timezone=business.timezone if business else "",
                language=normalise(contact.language) or fallback_language,
            )
        )
    return result


def booking_event(
    booking: CalendarBooking,
    *,
    now: datetime,
    audience: Audience = "customer",
    manage_url: str = "",
) -> Event:
    """One VEVENT for ``booking``: for the customer (invitation, in the customer's language)
    or for staff (feed, in the current language)."""
    if audience == "customer" and booking.language:
        with use_language(booking.language):
            return _event(booking, now=now, audience=audience, manage_url=manage_url)
    return _event(booking, now=now, audience=audience, manage_url=manage_url)


def _event(
    booking: CalendarBooking, *, now: datetime, audience: Audience, manage_url: str
) -> Event:
    domain = calendar_domain(booking.business_email)
    event = Event()
    event.add("uid", event_uid(booking.id, domain))
    event.add("sequence", sequence_of(booking))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("created", booking.created_at.astimezone(UTC))
    event.add("last-modified", booking.updated_at.astimezone(UTC))
    event.add("dtstart", booking.start_at.astimezone(UTC))
    event.add("dtend", booking.end_at.astimezone(UTC))
    cancelled = booking.status == "cancelled"
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    if audience == "customer":
        summary = _("{booking_type} with {provider}").format(
            booking_type=booking.booking_type, provider=booking.provider
        )
        if booking.business_name:
            summary += f" — {booking.business_name}"
    else:
        summary = f"{booking.booking_type}: {booking.contact_name} ({booking.provider})"
    event.add("summary", _one_line(summary))
    if booking.location:
        event.add("location", _one_line(booking.location))
    lines = [
        _("{booking_type} with {provider}.").format(
            booking_type=booking.booking_type, provider=booking.provider
        )
    ]
    zone = _zone(booking.timezone)
    if zone is not None:
        # a local time the clock shows twice carries its mark (01:30 UTC+11)
        when = booking_time_text(booking.start_at, zone)
        lines.append(_("When: {when}").format(when=when))
    if manage_url:
        lines.append(_("Change or cancel: {link}").format(link=manage_url))
    event.add("description", "\n".join(lines))
    if booking.business_email:
        organizer = vCalAddress(f"mailto:{booking.business_email}")
        organizer.params["cn"] = vText(_one_line(booking.business_name or booking.business_email))
        event.add("organizer", organizer)
    if booking.contact_email:
        attendee = vCalAddress(f"mailto:{booking.contact_email}")
        attendee.params["cn"] = vText(_one_line(booking.contact_name))
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("DECLINED" if cancelled else "ACCEPTED")
        event.add("attendee", attendee)
    return event


def _calendar(method: str | None, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", _one_line(name))
    return calendar


def booking_invitation(booking: CalendarBooking, *, now: datetime, manage_url: str = "") -> str:
    """The ``.ics`` text attached to a booking email (METHOD:REQUEST, CANCEL once cancelled)."""
    method = "CANCEL" if booking.status == "cancelled" else "REQUEST"
    calendar = _calendar(method, "")
    calendar.add_component(booking_event(booking, now=now, manage_url=manage_url))
    return str(calendar.to_ical().decode("utf-8"))


def invitation_method(booking: CalendarBooking) -> str:
    """The iTIP method of :func:`booking_invitation` (for the MIME ``method`` parameter)."""
    return "CANCEL" if booking.status == "cancelled" else "REQUEST"


def calendar_feed(
    bookings: Iterable[CalendarBooking], *, now: datetime, name: str = "Bookings"
) -> str:
    """A subscription feed (METHOD:PUBLISH) of ``bookings`` for staff calendar apps."""
    calendar = _calendar("PUBLISH", name)
    for booking in bookings:
        calendar.add_component(booking_event(booking, now=now, audience="staff"))
    return str(calendar.to_ical().decode("utf-8"))


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


# Format characters that are part of what a person wrote: the zero-width joiner and
# non-joiner (👩🏽‍⚕️, Persian and Indic words) and emoji tag characters (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
_KEPT_FORMAT = frozenset({"\u200c", "\u200d"})


def _kept(c: str) -> bool:
    return c.isprintable() or c in _KEPT_FORMAT or "\U000e0020" <= c <= "\U000e007f"


def _one_line(text: str) -> str:
    """Collapse line breaks and control characters (single-line properties).

    Joiners and emoji tags stay: they are part of the text as written, not controls.
    """
    return " ".join("".join(c if _kept(c) else " " for c in text).split())
