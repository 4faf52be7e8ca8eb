"""Booking types: the services customers book, who offers them, forms and stock they use.

The slug (the booking page's address for a type) is made from the name once
and kept when the name changes, so links already sent keep working.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    BookingType,
    BookingTypeStock,
    Form,
    InventoryItem,
    Provider,
    booking_type_forms,
    booking_type_providers,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit

NAME_MAX = 200
LOCATION_MAX = 200
DESCRIPTION_MAX = 5000
SLUG_MAX = 60
DURATION_RANGE = (5, 24 * 60)
BUFFER_RANGE = (0, 240)
PRICE_MAX = 100_000_000
STOCK_MAX = 1000

FIELDS = (
    "name",
    "duration_minutes",
    "location",
    "description",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "price_minor",
    "sort_order",
    "provider_ids",
    "form_ids",
    "stock_usage",
)


@dataclass(frozen=True)
class BookingTypeView:
    id: int
    name: str
    slug: str
    duration_minutes: int
    location: str
    description: str
    buffer_before_minutes: int
    buffer_after_minutes: int
    price_minor: int | None
    is_active: bool
    sort_order: int
    provider_ids: tuple[int, ...]
    form_ids: tuple[int, ...]
    stock_usage: tuple[tuple[int, int], ...]  # (inventory item id, quantity per booking)
    forms_per: str = "visit"  # in a recurring series: forms with every "visit" or once per "series"
    capacity: int = 1  # seats per session; more than 1 makes it a class (``classes``)


def slugify(name: str) -> str:
    """``"Deep-tissue Massage (60′)"`` → ``"deep-tissue-massage-60"``; never empty."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_MAX].strip("-")
    return slug or "booking"


def _unique_slug(session: Session, name: str) -> str:
    base = slugify(name)
    taken = set(
        session.scalars(
            select(BookingType.slug).where(
                (BookingType.slug == base) | BookingType.slug.startswith(base + "-")
            )
        )
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _view(session: Session, t: BookingType) -> BookingTypeView:
    providers = session.scalars(
        select(booking_type_providers.c.provider_id)
        .where(booking_type_providers.c.booking_type_id == t.id)
        .order_by(booking_type_providers.c.provider_id)
    )
    forms = session.scalars(
        select(booking_type_forms.c.form_id)
        .where(booking_type_forms.c.booking_type_id == t.id)
        .order_by(booking_type_forms.c.form_id)
    )
    stock = session.execute(
        select(BookingTypeStock.item_id, BookingTypeStock.quantity)
        .where(BookingTypeStock.booking_type_id == t.id)
        .order_by(BookingTypeStock.item_id)
    )
    return BookingTypeView(
        t.id,
        t.name,
        t.slug,
        t.duration_minutes,
        t.location,
        t.description,
        t.buffer_before_minutes,
        t.buffer_after_minutes,
        t.price_minor,
        t.is_active,
        t.sort_order,
        tuple(providers),
        tuple(forms),
        tuple((int(i), int(q)) for i, q in stock),
        forms_per=t.forms_per or "visit",
        capacity=t.capacity or 1,
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_number(errors: dict[str, str], field: str, value: Any, low: int, high: int) -> None:
    if not _is_int(value):
        errors[field] = _("Enter a whole number.")
    elif not low <= value <= high:
        errors[field] = _("Enter a number from {low} to {high}.").format(low=low, high=high)


def _existing(session: Session, model: Any, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    return set(session.scalars(select(model.id).where(model.id.in_(ids))))


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """Check every field of a booking type; one :class:`ValidationError` names all problems."""
    errors: dict[str, str] = {}
    name = (values["name"] or "").strip() if isinstance(values["name"], str) else ""
    if not name:
        errors["name"] = _("Give the booking type a name.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    _check_number(errors, "duration_minutes", values["duration_minutes"], *DURATION_RANGE)
    _check_number(errors, "buffer_before_minutes", values["buffer_before_minutes"], *BUFFER_RANGE)
    _check_number(errors, "buffer_after_minutes", values["buffer_after_minutes"], *BUFFER_RANGE)
    if values["price_minor"] is not None:
        _check_number(errors, "price_minor", values["price_minor"], 0, PRICE_MAX)
    if not _is_int(values["sort_order"]):
        errors["sort_order"] = _("Enter a whole number.")
    location = str(values["location"] or "").strip()
    if len(location) > LOCATION_MAX:
        errors["location"] = _("The location is longer than {limit} characters.").format(
            limit=LOCATION_MAX
        )
    description = str(values["description"] or "")
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = _("The description is longer than {limit} characters.").format(
            limit=DESCRIPTION_MAX
        )
    provider_ids = list(values["provider_ids"])
    if not all(_is_int(i) for i in provider_ids):
        errors["provider_ids"] = _("Choose providers from the list.")
        provider_ids = []
    elif missing := set(provider_ids) - _existing(session, Provider, provider_ids):
        errors["provider_ids"] = _("No provider with id {id}.").format(id=min(missing))
    form_ids = list(values["form_ids"])
    if not all(_is_int(i) for i in form_ids):
        errors["form_ids"] = _("Choose forms from the list.")
        form_ids = []
    elif missing := set(form_ids) - _existing(session, Form, form_ids):
        errors["form_ids"] = _("No form with id {id}.").format(id=min(missing))
    stock: dict[int, int] = {}
    for pair in values["stock_usage"]:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            errors["stock_usage"] = _("Give each item as (item, quantity).")
            break
        item_id, quantity = pair
        if not _is_int(item_id) or not _is_int(quantity) or not 1 <= quantity <= STOCK_MAX:
            errors["stock_usage"] = _("Each item needs a quantity from 1 to {limit}.").format(
                limit=STOCK_MAX
            )
            break
        if item_id in stock:
            errors["stock_usage"] = _("An item is listed twice.")
            break
        stock[item_id] = quantity
    if "stock_usage" not in errors and (
        missing := set(stock) - _existing(session, InventoryItem, list(stock))
    ):
        errors["stock_usage"] = _("No inventory item with id {id}.").format(id=min(missing))
    if errors:
        raise ValidationError(errors)
    clean = dict(values)
    clean.update(
        name=name,
        location=location,
        description=description,
        provider_ids=sorted(set(provider_ids)),
        form_ids=sorted(set(form_ids)),
        stock_usage=sorted(stock.items()),
    )
    return clean


def _write_links(session: Session, type_id: int, clean: dict[str, Any]) -> None:
    session.execute(
        delete(booking_type_providers).where(booking_type_providers.c.booking_type_id == type_id)
    )
    session.execute(
        delete(booking_type_forms).where(booking_type_forms.c.booking_type_id == type_id)
    )
    session.execute(delete(BookingTypeStock).where(BookingTypeStock.booking_type_id == type_id))
    if clean["provider_ids"]:
        session.execute(
            insert(booking_type_providers),
            [{"booking_type_id": type_id, "provider_id": p} for p in clean["provider_ids"]],
        )
    if clean["form_ids"]:
        session.execute(
            insert(booking_type_forms),
            [{"booking_type_id": type_id, "form_id": f} for f in clean["form_ids"]],
        )
    for item_id, quantity in clean["stock_usage"]:
        session.add(BookingTypeStock(booking_type_id=type_id, item_id=item_id, quantity=quantity))
    session.flush()


_COLUMNS = FIELDS[:8]


def create_booking_type(
    session: Session,
    actor: Actor,
    *,
    name: str,
    duration_minutes: int,
    location: str = "",
    description: str = "",
    buffer_before_minutes: int = 0,
    buffer_after_minutes: int = 0,
    price_minor: int | None = None,
    sort_order: int = 0,
    provider_ids: Iterable[int] = (),
    form_ids: Iterable[int] = (),
    stock_usage: Iterable[tuple[int, int]] = (),
) -> BookingTypeView:
    """Add a booking type; the slug is made from the name (unique)."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean = _clean(
        session,
        {
            "name": name,
            "duration_minutes": duration_minutes,
            "location": location,
            "description": description,
            "buffer_before_minutes": buffer_before_minutes,
            "buffer_after_minutes": buffer_after_minutes,
            "price_minor": price_minor,
            "sort_order": sort_order,
            "provider_ids": list(provider_ids),
            "form_ids": list(form_ids),
            "stock_usage": list(stock_usage),
        },
    )
    booking_type = BookingType(
        slug=_unique_slug(session, clean["name"]), **{f: clean[f] for f in _COLUMNS}
    )
    session.add(booking_type)
    session.flush()
    _write_links(session, booking_type.id, clean)
    audit.record(session, actor, "create", "booking_type", booking_type.id)
    events.record(session, events.SettingsChanged("booking_types"))
    return _view(session, booking_type)


def update_booking_type(
    session: Session, actor: Actor, booking_type_id: int, **changes: Any
) -> BookingTypeView:
    """Change any of :data:`FIELDS` (``price_minor=None`` clears the price); the slug stays."""
    require(actor, Permission.MANAGE_SETTINGS)
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        raise NotFound("booking type", booking_type_id)
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ValidationError({f: _("This field cannot be changed here.") for f in unknown})
    current = _view(session, booking_type)
    values: dict[str, Any] = {f: getattr(current, f) for f in FIELDS}
    values.update({k: list(v) if k in FIELDS[8:] else v for k, v in changes.items()})
    clean = _clean(session, values)
    changed = [f for f in _COLUMNS if getattr(booking_type, f) != clean[f]]
    for field in changed:
        setattr(booking_type, field, clean[field])
    links = [f for f in FIELDS[8:] if list(getattr(current, f)) != list(clean[f])]
    if links:
        _write_links(session, booking_type.id, clean)
    if changed or links:
        session.flush()
        audit.record(
            session, actor, "update", "booking_type", booking_type.id, {"fields": changed + links}
        )
        events.record(session, events.SettingsChanged("booking_types"))
    return _view(session, booking_type)


def set_booking_type_active(
    session: Session, actor: Actor, booking_type_id: int, active: bool
) -> None:
    """Offer (or stop offering) a booking type; existing bookings stay."""
    require(actor, Permission.MANAGE_SETTINGS)
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        raise NotFound("booking type", booking_type_id)
    if booking_type.is_active != active:
        booking_type.is_active = active
        action = "reactivate" if active else "deactivate"
        audit.record(session, actor, action, "booking_type", booking_type.id)
        events.record(session, events.SettingsChanged("booking_types"))


def deactivate_booking_type(session: Session, actor: Actor, booking_type_id: int) -> None:
    """Stop offering a booking type."""
    set_booking_type_active(session, actor, booking_type_id, False)


@read_only
def list_booking_types(session: Session, include_inactive: bool = False) -> list[BookingTypeView]:
    """Booking types in display order (public: the booking page lists the active ones)."""
    query = select(BookingType).order_by(BookingType.sort_order, BookingType.name, BookingType.id)
    if not include_inactive:
        query = query.where(BookingType.is_active.is_(True))
    return [_view(session, t) for t in session.scalars(query)]


@read_only
def get_booking_type(session: Session, booking_type_id: int) -> BookingTypeView:
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        raise NotFound("booking type", booking_type_id)
    return _view(session, booking_type)


@read_only
def get_booking_type_by_slug(session: Session, slug: str) -> BookingTypeView:
    """The booking type at ``slug`` (exact, lower-case); :class:`NotFound` otherwise."""
    booking_type = session.scalar(
        select(BookingType).where(BookingType.slug == func.lower(slug[: SLUG_MAX + 20]))
    )
    if booking_type is None:
        raise NotFound("booking type", slug[:80])
    return _view(session, booking_type)
