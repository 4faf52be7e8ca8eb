"""Rows for the messaging tests, written straight through the models (a real SQLite file)."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from careops_desktop.core.models import (
    Booking,
    BookingType,
    Business,
    Contact,
    Conversation,
    Provider,
)

_tokens = itertools.count(1)


def make_business(
    session: Session,
    *,
    name: str = "Harbour Physio",
    email: str = "desk@harbour-physio.example.org",
    timezone: str = "Europe/London",
    automations: dict[str, object] | None = None,
) -> Business:
    business = Business(
        name=name,
        timezone=timezone,
        contact_email=email,
        address="1 Quay Street, Bristol",
        calendar_feed_secret="feed-secret",
        automations=automations or {},
        is_active=True,
    )
    session.add(business)
    session.flush()
    return business


def make_contact(
    session: Session,
    *,
    name: str = "Ada Lovelace",
    email: str | None = "ada@example.com",
    phone: str | None = None,
    notes: str = "",
) -> Contact:
    contact = Contact(name=name, email=email, phone=phone, notes=notes)
    session.add(contact)
    session.flush()
    return contact


def make_booking(
    session: Session,
    *,
    start: datetime,
    minutes: int = 45,
    contact: Contact | None = None,
    status: str = "confirmed",
    notes: str = "",
    type_name: str = "Initial assessment",
    provider_name: str = "Dr Grace Hopper",
) -> Booking:
    """A booking with its own provider and booking type (and contact unless given)."""
    n = next(_tokens)
    provider = Provider(name=provider_name)
    booking_type = BookingType(
        name=type_name, slug=f"type-{n}", duration_minutes=minutes, location="Room 2"
    )
    session.add_all([provider, booking_type])
    if contact is None:
        contact = make_contact(session)
    session.flush()
    booking = Booking(
        contact_id=contact.id,
        booking_type_id=booking_type.id,
        provider_id=provider.id,
        start_at=start,
        end_at=start + timedelta(minutes=minutes),
        status=status,
        notes=notes,
        manage_token=f"manage-token-{n:04d}",
        created_at=start - timedelta(days=3),
        updated_at=start - timedelta(days=3),
    )
    session.add(booking)
    session.flush()
    return booking


def make_conversation(session: Session, contact: Contact, subject: str = "") -> Conversation:
    conversation = Conversation(contact_id=contact.id, subject=subject)
    session.add(conversation)
    session.flush()
    return conversation
