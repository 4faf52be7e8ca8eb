"""What each wizard page saves, as one transaction on the database worker.

Each function only calls core services (all rules and SQL live there) and re-keys a
``ValidationError`` so the page can show it at the right field: ``p0.name`` is the first
provider's name, ``t1.duration_minutes`` the second booking type's length, and so on.
Every function is safe to run again when the person goes Back and Next: rows made the
first time are updated, not made twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import (
    bookings,
    business,
    contacts,
    forms,
    inventory,
    providers,
    slots,
)
from careops_desktop.core.services.providers import HoursRange
from careops_desktop.ui.i18n import translate


def _prefixed(prefix: str, exc: ValidationError) -> ValidationError:
    return ValidationError({f"{prefix}.{key}": text for key, text in exc.fields.items()})


def save_business(
    session: Session,
    actor: Actor,
    *,
    name: str,
    timezone: str,
    contact_email: str,
    phone: str,
    address: str,
) -> business.BusinessProfile:
    """Create the business (first time) and save its profile."""
    business.ensure_business(session, name, timezone)
    return business.update_profile(
        session,
        actor,
        name=name,
        timezone=timezone,
        contact_email=contact_email,
        phone=phone,
        address=address,
    )


@dataclass(frozen=True)
class ProviderEntry:
    """One provider row of the wizard: ``provider_id`` is set once it exists."""

    provider_id: int | None
    name: str
    kind: str
    user_id: int | None
    hours: tuple[HoursRange, ...]


def save_providers(session: Session, actor: Actor, entries: Sequence[ProviderEntry]) -> list[int]:
    """Create or update each provider and replace its weekly hours; their ids in order."""
    ids: list[int] = []
    for index, entry in enumerate(entries):
        try:
            if entry.provider_id is None:
                view = providers.create_provider(
                    session, actor, name=entry.name, kind=entry.kind, user_id=entry.user_id
                )
            else:
                view = providers.update_provider(
                    session, actor, entry.provider_id, name=entry.name, kind=entry.kind
                )
            if not entry.hours:
                raise ValidationError(
                    {"hours": translate("SetupWizard", "Open on at least one day.")}
                )
            providers.set_weekly_hours(session, actor, view.id, entry.hours)
        except ValidationError as exc:
            raise _prefixed(f"p{index}", exc) from None
        ids.append(view.id)
    return ids


@dataclass(frozen=True)
class BookingTypeEntry:
    booking_type_id: int | None
    name: str
    duration_minutes: int
    price_minor: int | None


def save_booking_types(
    session: Session, actor: Actor, entries: Sequence[BookingTypeEntry], provider_ids: list[int]
) -> list[int]:
    """Create or update each booking type, offered by every provider of the wizard."""
    ids: list[int] = []
    for index, entry in enumerate(entries):
        values = {
            "name": entry.name,
            "duration_minutes": entry.duration_minutes,
            "price_minor": entry.price_minor,
            "provider_ids": list(provider_ids),
        }
        try:
            if entry.booking_type_id is None:
                view = bookings.create_booking_type(session, actor, **values)  # type: ignore[arg-type]
            else:
                view = bookings.update_booking_type(session, actor, entry.booking_type_id, **values)
        except ValidationError as exc:
            raise _prefixed(f"t{index}", exc) from None
        ids.append(view.id)
    if not ids:
        raise ValidationError(
            {"t0.name": translate("SetupWizard", "Add at least one booking type.")}
        )
    return ids


def add_starter_form(
    session: Session, actor: Actor, form_id: int | None, booking_type_ids: list[int]
) -> int:
    """Create the starter intake form (once) and send it with every booking type."""
    if form_id is None:
        definition = forms.starter_form_definition()
        form_id = forms.create_form(
            session,
            actor,
            name=definition.name,
            description=definition.description,
            fields=definition.fields,
        ).id
    for type_id in booking_type_ids:
        forms.attach_form(session, actor, type_id, form_id)
    return form_id


@dataclass(frozen=True)
class ItemEntry:
    item_id: int | None
    name: str
    unit: str
    quantity: int
    low_threshold: int


def save_items(session: Session, actor: Actor, entries: Sequence[ItemEntry]) -> list[int]:
    """Create new stock items, or update the name, unit and threshold of made ones."""
    ids: list[int] = []
    for index, entry in enumerate(entries):
        try:
            if entry.item_id is None:
                result = inventory.create_item(
                    session,
                    actor,
                    name=entry.name,
                    unit=entry.unit,
                    quantity=entry.quantity,
                    low_threshold=entry.low_threshold,
                )
                item_id = result.items[0].id
            else:
                inventory.update_item(
                    session,
                    actor,
                    entry.item_id,
                    name=entry.name,
                    unit=entry.unit,
                    low_threshold=entry.low_threshold,
                )
                item_id = entry.item_id
        except ValidationError as exc:
            raise _prefixed(f"i{index}", exc) from None
        ids.append(item_id)
    return ids


def make_test_booking(
    session: Session,
    actor: Actor,
    *,
    name: str,
    email: str,
    booking_type_id: int,
    now: datetime | None = None,
) -> str:
    """A test contact and a booking at the free slot nearest to this time tomorrow.

    Returns the booking's time in words.
    """
    contact, _created = contacts.find_or_create_contact(session, actor, name=name, email=email)
    when = (now or datetime.now(UTC)) + timedelta(days=1)
    found = slots.nearest_free_slots(session, booking_type_id, when, limit=1, now=now)
    if not found:
        raise ValidationError(
            {
                "booking": translate(
                    "SetupWizard", "No free time in the next two weeks; check the opening hours."
                )
            }
        )
    slot = found[0]
    bookings.book_desk(
        session,
        actor,
        contact_id=contact.id,
        booking_type_id=booking_type_id,
        provider_id=slot.provider_id,
        start_utc=slot.start_utc,
        notes=translate("SetupWizard", "Test booking made by the setup wizard."),
        now=now,
    )
    return translate("SetupWizard", "{when} with {provider}").format(
        when=slot.start_local_label, provider=slot.provider_name
    )
