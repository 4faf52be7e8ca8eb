"""The messages a booking sends: welcome, confirmation, form links, moved, cancelled.

Each is an outbox row written in the booking's transaction (nothing leaves
without a row first). A booking's messages go to the details captured with
that booking (``bookings.customer_*``), never to whatever its contact holds
later: email when it has an address, else SMS to its phone, else nothing.
Bodies come from the business's editable templates; customer text is inserted
as plain text, and only the app's links and the template's own links are
listed as clickable (``templates.render_message``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.models import Booking, BookingType, Contact, Provider
from careops_desktop.core.services import outbox, templates
from careops_desktop.core.services.bookings.views import booking_time_text
from careops_desktop.core.services.business import public_base_url
from careops_desktop.core.services.contacts.records import ContactView
from careops_desktop.core.services.forms.customer_copies import SubmissionLink


@dataclass(frozen=True)
class Recipient:
    channel: str  # email | sms
    address: str


@dataclass(frozen=True)
class Customer:
    """Who a booking's messages are for: the name, email and phone captured with it."""

    name: str
    email: str | None
    phone: str | None


def recipient_for(contact: Contact | ContactView | Customer) -> Recipient | None:
    """Where to reach someone: their email, else their phone by SMS, else nowhere."""
    if contact.email:
        return Recipient("email", contact.email)
    if contact.phone:
        return Recipient("sms", contact.phone)
    return None


def customer_of(session: Session, booking: Booking) -> Customer:
    """The details captured with ``booking``.

    Only a booking written without them (rows older than migration 0008 are
    filled by it; test or import rows) falls back to its contact's.
    """
    if booking.customer_email or booking.customer_phone:
        return Customer(booking.customer_name, booking.customer_email, booking.customer_phone)
    contact = session.get(Contact, booking.contact_id)
    if contact is None:
        return Customer(booking.customer_name, None, None)
    return Customer(booking.customer_name or contact.name, contact.email, contact.phone)


def manage_link(base_url: str, token: str) -> str:
    """The customer's manage link for a booking token, under the page's base URL."""
    return f"{base_url}/manage/{token}"


def form_link(base_url: str, token: str) -> str:
    """The customer's link to one form submission, under the page's base URL."""
    return f"{base_url}/forms/{token}"


@dataclass(frozen=True)
class Outgoing:
    """What a booking's messages need, gathered once per transaction."""

    booking_id: int
    base_url: str
    recipient: Recipient | None
    automations: templates.Automations
    context: dict[str, object]  # the template placeholders the booking fills


def outgoing(session: Session, booking: Booking, zone: ZoneInfo) -> Outgoing:
    """Gather the booking's address, the switches and the placeholders for ``booking``."""
    customer = customer_of(session, booking)
    booking_type = session.get(BookingType, booking.booking_type_id)
    provider = session.get(Provider, booking.provider_id)
    return outgoing_for(
        session,
        booking.id,
        booking.manage_token,
        booking.start_at,
        zone,
        customer=customer,
        type_name=booking_type.name if booking_type else "",
        provider_name=provider.name if provider else "",
    )


def outgoing_for(
    session: Session,
    booking_id: int,
    manage_token: str,
    start: datetime,
    zone: ZoneInfo,
    *,
    customer: Customer | None,
    type_name: str,
    provider_name: str,
) -> Outgoing:
    """:func:`outgoing` from what the caller already holds (a booking being written)."""
    base_url = public_base_url(session)
    return Outgoing(
        booking_id=booking_id,
        base_url=base_url,
        recipient=recipient_for(customer) if customer else None,
        automations=templates.get_automations(session),
        context={
            "contact_name": customer.name if customer else "",
            "booking_time": templates.Localized(booking_time_text, start, zone),
            "booking_type": type_name,
            "provider_name": provider_name,
            "manage_link": manage_link(base_url, manage_token),
        },
    )


def _send(
    session: Session,
    out: Outgoing,
    key: str,
    *,
    with_ics: bool,
    **extra: object,
) -> int | None:
    target = out.recipient
    if target is None:
        return None
    rendered = templates.render_message(
        session, key, {**out.context, **extra}, booking_id=out.booking_id
    )
    attachments: tuple[dict[str, Any], ...] = ()
    if with_ics and target.channel == "email":
        attachments = ({"kind": "booking_ics", "booking_id": out.booking_id},)
    return outbox.enqueue(
        session,
        channel=target.channel,
        recipient=target.address,
        subject=rendered.subject if target.channel == "email" else "",
        body=rendered.body,
        kind=key,
        booking_id=out.booking_id,
        attachments=attachments,
        links=rendered.links,
    )


def send_welcome(session: Session, out: Outgoing) -> int | None:
    """The welcome message to a new contact, when the welcome automation is on."""
    if not out.automations.welcome:
        return None
    return _send(session, out, "welcome", with_ics=False)


def welcome_text(session: Session, out: Outgoing) -> str:
    """The welcome template's body for the contact's conversation (a system message)."""
    _subject, body = templates.render(session, "welcome", out.context, booking_id=out.booking_id)
    return body


def send_confirmation(session: Session, out: Outgoing) -> int | None:
    """The confirmation with the booking's ``.ics``, when the confirmation automation is on."""
    if not out.automations.confirmation:
        return None
    return _send(session, out, "confirmation", with_ics=True)


def send_form_links(session: Session, out: Outgoing, links: Sequence[SubmissionLink]) -> list[int]:
    """One message per form the customer should fill in before the booking (always sent)."""
    sent: list[int] = []
    for link in links:
        outbox_id = _send(
            session, out, "form_link", with_ics=False, form_link=form_link(out.base_url, link.token)
        )
        if outbox_id is not None:
            sent.append(outbox_id)
    return sent


def send_rescheduled(session: Session, out: Outgoing) -> int | None:
    """Tell the customer the new time (with the updated ``.ics``), when confirmations are on."""
    if not out.automations.confirmation:
        return None
    return _send(session, out, "reschedule", with_ics=True)


def send_cancelled(session: Session, out: Outgoing) -> int | None:
    """Tell the customer the booking is cancelled (the link leads to the booking page)."""
    if not out.automations.confirmation:
        return None
    return _send(session, out, "cancellation", with_ics=False, manage_link=out.base_url)


def send_series_message(session: Session, out: Outgoing, key: str, **extra: object) -> int | None:
    """One message for a whole series (``series_confirmation`` or ``series_changes``),
    with ``extra`` placeholders (the list of dates or changes), when confirmations are on."""
    if not out.automations.confirmation:
        return None
    return _send(session, out, key, with_ics=False, **extra)
