"""Making a booking: from the desk or the booking page, in one transaction.

Everything a booking brings happens in the caller's one transaction, so it
all lands or none of it does: the contact (found or created), for a new
contact a conversation with a welcome message, the provider lock and overlap
check, the booking, its stock movements, its form submissions, the outbox rows
(confirmation with the ``.ics``, form links, welcome), the audit row, and the
:class:`BookingChanged` event published after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events, time_bounds
from careops_desktop.core.db import forget, insert_row, statements
from careops_desktop.core.errors import NotActive, NotFound, ValidationError
from careops_desktop.core.i18n import SHIPPED, _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import Booking, Contact
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import (
    audit,
)
from careops_desktop.core.services.bookings import classes
from careops_desktop.core.services.bookings import messages as booking_messages
from careops_desktop.core.services.bookings.checks import Claim, check_policy, claim_provider
from careops_desktop.core.services.business import business_settings
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.contacts import records as contacts
from careops_desktop.core.services.contacts.records import ContactView, view_of
from careops_desktop.core.services.contacts.visitor_details import check_visitor_details
from careops_desktop.core.services.forms import customer_copies as forms
from careops_desktop.core.services.forms.customer_copies import SubmissionLink
from careops_desktop.core.services.inbox import conversations as inbox
from careops_desktop.core.services.inventory import stock as inventory
from careops_desktop.core.services.slots import TypeRules, load_type_rules
from careops_desktop.core.statement_runner import prebuilt
from careops_desktop.core.time_bounds import aware_now
from careops_desktop.core.tokens import new_token

BOOKING_PAGE = Actor.system("Booking page")
_SET_LANGUAGE = prebuilt(
    update(Contact)
    .where(Contact.id == bindparam("contact_id"))
    .values(language=bindparam("language"))
)
NOTES_MAX = 4000


@dataclass(frozen=True)
class BookingReceipt:
    """What the customer (or the desk) is told once a booking is made."""

    booking_id: int
    manage_token: str
    manage_link: str
    start: datetime
    end: datetime
    timezone: str
    provider_id: int
    provider_name: str
    booking_type_id: int
    booking_type_name: str
    location: str
    contact_id: int
    contact_created: bool
    form_links: tuple[SubmissionLink, ...]


@dataclass(frozen=True)
class SeriesPart:
    """A booking written as one visit of a recurring series.

    ``send_messages`` False: the series sends one confirmation for every visit
    instead of one each; ``with_forms`` False: this visit gets no forms (the type
    sends them once per series).
    """

    series_id: int
    send_messages: bool = False
    with_forms: bool = True


def aware_start(start: datetime) -> datetime:
    """``start`` in UTC; :class:`ValidationError` on ``start`` for a time without a zone
    or outside the span the app reasons about (:mod:`~careops_desktop.core.time_bounds`)."""
    if not isinstance(start, datetime) or start.tzinfo is None:
        raise ValidationError({"start": _("Choose a time (with its time zone).")})
    if not time_bounds.instant_in_range(start):
        raise ValidationError({"start": _(time_bounds.OUT_OF_RANGE)})
    return start.astimezone(UTC)


def check_free_text(value: object, field: str, limit: int) -> str:
    """Customer or staff text kept exactly as typed, within ``limit`` characters.

    A NUL character is refused (PostgreSQL cannot store one, and no keyboard
    types it), so the text behaves the same on every database.
    """
    if not isinstance(value, str):
        raise ValidationError({field: _("This must be text.")})
    if len(value) > limit:
        raise ValidationError(
            {field: _("This is longer than {limit} characters.").format(limit=number_text(limit))}
        )
    if "\x00" in value:
        raise ValidationError({field: _("This contains a character that cannot be stored (NUL).")})
    return value


def _check_notes(notes: object) -> str:
    return check_free_text(notes, "notes", NOTES_MAX)


def _check_customer(
    session: Session, name: str, email: str, phone: str, notes: str
) -> booking_messages.Customer:
    """Every field problem of the booking page's details form at once; else the clean
    name, email and phone (the details the booking keeps and its messages go to)."""
    found = check_visitor_details(
        session,
        name,
        email,
        phone,
        desk=False,
        name_missing=_("Please enter your name."),
        reach_missing=_("Please give an email address or a phone number."),
    )
    errors = found.errors
    try:
        _check_notes(notes)
    except ValidationError as exc:
        errors.update(exc.fields)
    if errors or found.name is None:
        raise ValidationError(errors)
    return booking_messages.Customer(found.name, found.email, found.phone)


_NEW_BOOKING = prebuilt(insert(Booking))
_CONTACTED = prebuilt(
    update(Contact)
    .where(Contact.id == bindparam("contact_id"))
    .values(last_contacted_at=bindparam("now"))
)
_CONTACT = prebuilt(select(*Contact.__table__.c).where(Contact.id == bindparam("contact_id")))


def _create(
    session: Session,
    actor: Actor,
    *,
    contact: ContactView,
    contact_created: bool,
    customer: booking_messages.Customer,
    type_rules: TypeRules,
    claim: Claim,
    notes: str,
    source: events.BookingSource,
    now: datetime,
    series: SeriesPart | None = None,
    session_id: int | None = None,
) -> BookingReceipt:
    """Insert the booking (the provider is locked and free) and everything that comes with it.

    Written with prebuilt Core statements (see ``db.statements``): one booking
    is about twenty short statements and one commit.
    """
    run = statements(session)
    zone = type_rules.zone
    manage_token = new_token()
    to_fill = forms.forms_for_type(session, type_rules.booking_type_id)
    if series is not None and not series.with_forms:
        to_fill = []
    booking_id = insert_row(
        run,
        _NEW_BOOKING,
        {
            "contact_id": contact.id,
            "booking_type_id": type_rules.booking_type_id,
            "provider_id": claim.provider_id,
            "start_at": claim.start,
            "end_at": claim.end,
            "location": type_rules.location,
            "status": "confirmed",
            "source": source,
            "notes": notes,
            "customer_name": customer.name,
            "customer_email": customer.email,
            "customer_phone": customer.phone,
            "manage_token": manage_token,
            "forms_sent": bool(to_fill),
            "created_by_user_id": actor.user_id,
            "created_at": now,
            "updated_at": now,
            "series_id": series.series_id if series else None,
            "session_id": session_id,
        },
    )
    out = booking_messages.outgoing_for(
        session,
        booking_id,
        manage_token,
        claim.start,
        zone,
        customer=customer,
        type_name=type_rules.name,
        provider_name=claim.provider_name,
    )
    if contact_created:
        welcome = booking_messages.welcome_text(session, out)
        inbox.new_conversation(session, contact.id, note=welcome, now=now)
        booking_messages.send_welcome(session, out)
    # a booking written just now holds no stock and has no forms yet: no need to ask
    inventory.take_stock_for(session, actor, booking_id, type_rules.booking_type_id, now)
    links = forms.add_submissions(session, booking_id, contact.id, claim.start, to_fill, now)
    if series is None or series.send_messages:
        booking_messages.send_confirmation(session, out)
    if series is None or series.send_messages or series.with_forms:
        booking_messages.send_form_links(session, out, links)
    calendar_sync.enqueue_booking_change(session, booking_id, "created", now=now)
    run.execute(_CONTACTED, {"contact_id": contact.id, "now": now})
    forget(session, Contact, contact.id)
    audit.record(
        session,
        actor,
        "create",
        "booking",
        booking_id,
        {
            "source": source,
            "provider_id": claim.provider_id,
            "booking_type_id": type_rules.booking_type_id,
            "start": claim.start.isoformat(),
        },
    )
    event = events.BookingChanged(booking_id, claim.provider_id, "created", source)
    events.record(session, event)
    return BookingReceipt(
        booking_id=booking_id,
        manage_token=manage_token,
        manage_link=booking_messages.manage_link(out.base_url, manage_token),
        start=claim.start,
        end=claim.end,
        timezone=zone.key,
        provider_id=claim.provider_id,
        provider_name=claim.provider_name,
        booking_type_id=type_rules.booking_type_id,
        booking_type_name=type_rules.name,
        location=type_rules.location,
        contact_id=contact.id,
        contact_created=contact_created,
        form_links=tuple(links),
    )


def book_public(
    session: Session,
    *,
    booking_type_id: int,
    provider_id: int | None,
    start_utc: datetime,
    name: str,
    email: str = "",
    phone: str = "",
    notes: str = "",
    now: datetime | None = None,
    language: str | None = None,
) -> BookingReceipt:
    """A customer books on the booking page; one transaction (see the module docstring).

    Refuses with :class:`NotActive` when the business is not active,
    :class:`ValidationError` on the details (name; email or phone; notes) or a
    time not on the page's slot grid, :class:`PolicyRefused` for too little
    notice or too far ahead, :class:`NotFound` for an unknown or inactive
    type, and :class:`SlotTaken` (with the nearest free starts) when the time
    was taken meanwhile. ``provider_id`` None books the first free provider.
    A class (capacity > 1) takes a seat in the session at that time
    (``classes.take_seat``), :class:`SessionFull` when none is left.

    No existing contact is changed (``contacts.find_or_create_contact``); the
    booking keeps the name, email and phone typed here, and its messages go there.
    ``language`` (a shipped tag: the page's language) becomes the contact's language.
    """
    now = aware_now(now)
    if not business_settings(session).is_active:
        raise NotActive()
    type_rules = load_type_rules(session, booking_type_id, active_only=True)
    customer = _check_customer(session, name, email, phone, notes)
    start_utc = aware_start(start_utc)
    check_policy(start_utc, now, type_rules, public=True)
    zone = type_rules.zone
    session_id = None
    if type_rules.capacity > 1:
        claim, session_id = classes.take_seat(
            session, type_rules, provider_id, start_utc, now=now, on_grid=True
        )
    else:
        claim = claim_provider(
            session, type_rules, provider_id, start_utc, zone=zone, now=now, on_grid=True
        )
    contact, created = contacts.find_or_create_contact(
        session, BOOKING_PAGE, name=name.strip(), email=email.strip(), phone=phone.strip()
    )
    if language in SHIPPED and language != contact.language:  # they read the page in it
        statements(session).execute(_SET_LANGUAGE, {"contact_id": contact.id, "language": language})
        contact = replace(contact, language=language)
    return _create(
        session,
        BOOKING_PAGE,
        contact=contact,
        contact_created=created,
        customer=customer,
        type_rules=type_rules,
        claim=claim,
        notes=notes,
        source="web",
        now=now,
        session_id=session_id,
    )


def book_desk(
    session: Session,
    actor: Actor,
    *,
    contact_id: int,
    booking_type_id: int,
    provider_id: int | None,
    start_utc: datetime,
    notes: str = "",
    now: datetime | None = None,
    outside_hours: bool = False,
    series: SeriesPart | None = None,
) -> BookingReceipt:
    """Staff book an existing contact; needs MANAGE_BOOKINGS. One transaction.

    The desk is not held to the booking page's notice, horizon or slot grid,
    only to "not in the past", the provider's hours, closures and blocked time
    (unless ``outside_hours``: book anyway) and, always, no overlap. Refusals as
    :func:`book_public`, plus :class:`TimeBlocked` over blocked time,
    :class:`PermissionDenied` and :class:`NotFound` for an unknown contact.
    ``series``: the booking is a visit of that series (``bookings.series``).
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    found = statements(session).execute(_CONTACT, {"contact_id": contact_id}).first()
    if found is None:
        raise NotFound("contact", contact_id)
    type_rules = load_type_rules(session, booking_type_id, active_only=True)
    notes = _check_notes(notes)
    start_utc = aware_start(start_utc)
    check_policy(start_utc, now, type_rules, public=False)
    zone = type_rules.zone
    session_id = None
    if type_rules.capacity > 1:
        claim, session_id = classes.take_seat(
            session,
            type_rules,
            provider_id,
            start_utc,
            now=now,
            on_grid=False,
            outside_hours=outside_hours,
        )
    else:
        claim = claim_provider(
            session,
            type_rules,
            provider_id,
            start_utc,
            zone=zone,
            now=now,
            on_grid=False,
            outside_hours=outside_hours,
        )
    contact = view_of(found)
    return _create(
        session,
        actor,
        contact=contact,
        contact_created=False,
        customer=booking_messages.Customer(contact.name, contact.email, contact.phone),
        type_rules=type_rules,
        claim=claim,
        notes=notes,
        source="desk",
        now=now,
        series=series,
        session_id=session_id,
    )
