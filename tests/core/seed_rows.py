"""Plain ORM rows for the forms, inventory and dashboard tests (no services involved)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Booking,
    BookingType,
    Business,
    Contact,
    Provider,
    Staff,
    User,
)
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.tokens import new_token


def add_business(session: Session, *, timezone: str = "Europe/London", **extra: object) -> int:
    business = Business(name="Bright Smile Clinic", timezone=timezone, automations={}, **extra)
    session.add(business)
    session.flush()
    return business.id


def add_contact(session: Session, name: str = "Ada Lovelace", email: str | None = None) -> int:
    contact = Contact(name=name, email=email or f"{name.split()[0].lower()}@example.com")
    session.add(contact)
    session.flush()
    return contact.id


def add_provider(session: Session, name: str = "Dr Grace Hopper") -> int:
    provider = Provider(name=name)
    session.add(provider)
    session.flush()
    return provider.id


def add_booking_type(session: Session, name: str = "Check-up", minutes: int = 30) -> int:
    slug = name.lower().replace(" ", "-") + "-" + new_token()[:6].lower()
    booking_type = BookingType(name=name, slug=slug, duration_minutes=minutes)
    session.add(booking_type)
    session.flush()
    return booking_type.id


def add_booking(
    session: Session,
    *,
    contact_id: int,
    booking_type_id: int,
    provider_id: int,
    start: datetime,
    minutes: int = 30,
    status: str = "confirmed",
    created_at: datetime | None = None,
) -> int:
    booking = Booking(
        contact_id=contact_id,
        booking_type_id=booking_type_id,
        provider_id=provider_id,
        start_at=start,
        end_at=start + timedelta(minutes=minutes),
        status=status,
        manage_token=new_token(),
    )
    if created_at is not None:
        booking.created_at = created_at
    session.add(booking)
    session.flush()
    return booking.id


def book_in(db: Database, world: Mapping[str, int], start: datetime, **extra: Any) -> int:
    """One booking for ``world``'s "contact", "type" and "provider" at ``start``, written in
    its own transaction (``extra`` as :func:`add_booking` takes it)."""
    with db.write_session() as s:
        return add_booking(
            s,
            contact_id=world["contact"],
            booking_type_id=world["type"],
            provider_id=world["provider"],
            start=start,
            **extra,
        )


def add_staff_actor(
    session: Session, role: str = "staff", email: str = "sam@example.com", **flags: bool
) -> Actor:
    """A real user + staff row, and the Actor a sign-in would make for them."""
    # a hash-like value no export can contain by chance (a one-letter "x" matched any text)
    user = User(
        email=email,
        password_hash="$test-only$no-password$" + email,
        full_name=email.split("@")[0].title(),
    )
    session.add(user)
    session.flush()
    session.add(Staff(user_id=user.id, role=role, **flags))
    session.flush()
    return Actor(
        user_id=user.id,
        name=user.full_name,
        role=Role(role),
        permissions=permissions_for(role, **flags),
    )
