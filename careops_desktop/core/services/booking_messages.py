"""The messages a booking sends: welcome, confirmation, form links, moved, cancelled.

Each is an outbox row written in the booking's transaction (nothing leaves
without a row first). Email is used when the contact has an address, else SMS
to their phone; a contact with neither gets nothing. Bodies come from the
business's editable templates; customer text is inserted as it is (plain text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.models import Booking, BookingType, Contact, Provider
from careops_desktop.core.services import outbox, templates
from careops_desktop.core.services.booking_views import booking_time_text
from careops_desktop.core.services.business import public_base_url
from careops_desktop.core.services.forms import SubmissionLink


@dataclass(frozen=True)
class Recipient:
    channel: str  # email | sms
    address: str


def recipient_for(contact: Contact) -> Recipient | None:
    """Where to reach a contact: their email, else their phone by SMS, else nowhere."""
    if contact.email:
        return Recipient("email", contact.email)
    if contact.phone:
        return Recipient("sms", contact.phone)
    return None


def manage_link(session: Session, token: str) -> str:
    """The customer's manage link for a booking token."""
    return f"{public_base_url(session)}/manage/{token}"


def form_link(session: Session, token: str) -> str:
    """The customer's link to one form submission."""
    return f"{public_base_url(session)}/forms/{token}"


def booking_context(session: Session, booking: Booking, zone: ZoneInfo) -> dict[str, object]:
    """The template placeholders a booking fills."""
    contact = session.get(Contact, booking.contact_id)
    booking_type = session.get(BookingType, booking.booking_type_id)
    provider = session.get(Provider, booking.provider_id)
    return {
        "contact_name": contact.name if contact else "",
        "booking_time": booking_time_text(booking.start_at, zone),
        "booking_type": booking_type.name if booking_type else "",
        "provider_name": provider.name if provider else "",
        "manage_link": manage_link(session, booking.manage_token),
    }


def _send(
    session: Session,
    booking: Booking,
    key: str,
    context: dict[str, object],
    *,
    with_ics: bool,
) -> int | None:
    contact = session.get(Contact, booking.contact_id)
    target = recipient_for(contact) if contact else None
    if target is None:
        return None
    subject, body = templates.render(session, key, context)
    attachments: tuple[dict[str, Any], ...] = ()
    if with_ics and target.channel == "email":
        attachments = ({"kind": "booking_ics", "booking_id": booking.id},)
    return outbox.enqueue(
        session,
        channel=target.channel,
        recipient=target.address,
        subject=subject if target.channel == "email" else "",
        body=body,
        kind=key,
        booking_id=booking.id,
        attachments=attachments,
    )


def send_welcome(session: Session, booking: Booking, zone: ZoneInfo) -> int | None:
    """The welcome message to a new contact, when the welcome automation is on."""
    if not templates.get_automations(session).welcome:
        return None
    return _send(
        session, booking, "welcome", booking_context(session, booking, zone), with_ics=False
    )


def welcome_text(session: Session, booking: Booking, zone: ZoneInfo) -> str:
    """The welcome template's body for the contact's conversation (a system message)."""
    _subject, body = templates.render(session, "welcome", booking_context(session, booking, zone))
    return body


def send_confirmation(session: Session, booking: Booking, zone: ZoneInfo) -> int | None:
    """The confirmation with the booking's ``.ics``, when the confirmation automation is on."""
    if not templates.get_automations(session).confirmation:
        return None
    context = booking_context(session, booking, zone)
    return _send(session, booking, "confirmation", context, with_ics=True)


def send_form_links(
    session: Session, booking: Booking, links: Sequence[SubmissionLink], zone: ZoneInfo
) -> list[int]:
    """One message per form the customer should fill in before the booking."""
    sent: list[int] = []
    for link in links:
        context = booking_context(session, booking, zone)
        context["form_link"] = form_link(session, link.token)
        outbox_id = _send(session, booking, "form_link", context, with_ics=False)
        if outbox_id is not None:
            sent.append(outbox_id)
    return sent


def send_rescheduled(session: Session, booking: Booking, zone: ZoneInfo) -> int | None:
    """Tell the customer the new time (with the updated ``.ics``)."""
    if not templates.get_automations(session).confirmation:
        return None
    context = booking_context(session, booking, zone)
    return _send(session, booking, "reschedule", context, with_ics=True)


def send_cancelled(session: Session, booking: Booking, zone: ZoneInfo) -> int | None:
    """Tell the customer the booking is cancelled."""
    if not templates.get_automations(session).confirmation:
        return None
    context = booking_context(session, booking, zone)
    context["manage_link"] = public_base_url(session)
    return _send(session, booking, "cancellation", context, with_ics=False)
