"""Contacts: the business's customers, validated, searchable and mergeable.

Emails are stored lower-cased, phone numbers in E.164. Names and notes are
stored exactly as typed (trimmed): customer text is shown as plain text
everywhere, never interpreted here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import TZPATH

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.models import Business, Contact
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit

NAME_MAX = 200
NOTES_MAX = 20_000
FALLBACK_REGION = "GB"


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    email: str | None
    phone: str | None
    notes: str
    last_contacted_at: datetime | None
    created_at: datetime


def view_of(contact: Contact) -> ContactView:
    """A plain copy of a contact row."""
    return ContactView(
        contact.id,
        contact.name,
        contact.email,
        contact.phone,
        contact.notes,
        contact.last_contacted_at,
        contact.created_at,
    )


# -- normalising -----------------------------------------------------------------------------


def normalize_email(value: str) -> str:
    """``value`` as a lower-cased valid address, or :class:`ValidationError` on ``email``.

    Deliverability (DNS) is not checked: the desk works offline.
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({"email": "Enter an email address."})
    if len(text) > 320:
        raise ValidationError({"email": "The email address is too long."})
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError({"email": f"This email address is not valid: {exc}"}) from None
    return result.normalized.lower()


def normalize_phone(value: str, region: str = FALLBACK_REGION) -> str:
    """``value`` in E.164 (``+447700900123``), or :class:`ValidationError` on ``phone``.

    A number without ``+`` is read as a number of ``region`` (ISO country code).
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({"phone": "Enter a phone number."})
    if len(text) > 40:
        raise ValidationError({"phone": "The phone number is too long."})
    try:
        number = phonenumbers.parse(text, (region or FALLBACK_REGION).upper())
    except phonenumbers.NumberParseException:
        raise ValidationError({"phone": "This is not a phone number."}) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            {"phone": "This phone number is not valid; include the country code, e.g. +44."}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.cache
def _zone_countries() -> dict[str, str]:
    """Zone name → ISO country code, from the system's ``zone.tab`` (empty if absent)."""
    mapping: dict[str, str] = {}
    for folder in TZPATH:
        path = Path(folder) / "zone.tab"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                mapping[parts[2]] = parts[0]
        break
    return mapping


def region_for_timezone(zone: str) -> str:
    """A phone region guessed from a time zone: Europe/London → GB, America/* → US."""
    country = _zone_countries().get(zone)
    if country:
        return country
    if zone.startswith("America/"):
        return "US"
    if zone.startswith("Australia/"):
        return "AU"
    return FALLBACK_REGION


def default_region(session: Session) -> str:
    """The phone region of the business (from its time zone)."""
    zone = session.scalar(select(Business.timezone).order_by(Business.id).limit(1))
    return region_for_timezone(zone or "")


# -- create and update -------------------------------------------------------------------------


def _clean(
    session: Session, name: str, email: str, phone: str, notes: str
) -> tuple[str, str | None, str | None, str]:
    """Check every field; raises one :class:`ValidationError` naming all bad fields."""
    errors: dict[str, str] = {}
    clean_name = (name or "").strip()
    if not clean_name:
        errors["name"] = "Enter the contact's name."
    elif len(clean_name) > NAME_MAX:
        errors["name"] = f"The name is longer than {NAME_MAX} characters."
    clean_email: str | None = None
    clean_phone: str | None = None
    if (email or "").strip():
        try:
            clean_email = normalize_email(email)
        except ValidationError as exc:
            errors.update(exc.fields)
    if (phone or "").strip():
        try:
            clean_phone = normalize_phone(phone, default_region(session))
        except ValidationError as exc:
            errors.update(exc.fields)
    if not (email or "").strip() and not (phone or "").strip():
        errors["email"] = "Enter an email address or a phone number."
    if len(notes or "") > NOTES_MAX:
        errors["notes"] = f"The notes are longer than {NOTES_MAX} characters."
    if errors:
        raise ValidationError(errors)
    return clean_name, clean_email, clean_phone, notes or ""


def _load(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("contact", contact_id)
    return contact


def create_contact(
    session: Session, actor: Actor, *, name: str, email: str = "", phone: str = "", notes: str = ""
) -> ContactView:
    """Add a contact: a name and at least one of email or phone."""
    require(actor, Permission.MANAGE_CONTACTS)
    clean_name, clean_email, clean_phone, clean_notes = _clean(session, name, email, phone, notes)
    contact = Contact(name=clean_name, email=clean_email, phone=clean_phone, notes=clean_notes)
    session.add(contact)
    session.flush()
    audit.record(session, actor, "create", "contact", contact.id)
    events.record(session, events.ContactChanged(contact.id, "created"))
    return view_of(contact)


def update_contact(
    session: Session,
    actor: Actor,
    contact_id: int,
    *,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    notes: str | None = None,
) -> ContactView:
    """Change a contact; ``None`` leaves a field as it is, ``""`` clears email or phone."""
    require(actor, Permission.MANAGE_CONTACTS)
    contact = _load(session, contact_id)
    clean_name, clean_email, clean_phone, clean_notes = _clean(
        session,
        contact.name if name is None else name,
        (contact.email or "") if email is None else email,
        (contact.phone or "") if phone is None else phone,
        contact.notes if notes is None else notes,
    )
    new = {"name": clean_name, "email": clean_email, "phone": clean_phone, "notes": clean_notes}
    changed = [field for field, value in new.items() if getattr(contact, field) != value]
    for field in changed:
        setattr(contact, field, new[field])
    if changed:
        session.flush()
        audit.record(session, actor, "update", "contact", contact.id, {"fields": changed})
        events.record(session, events.ContactChanged(contact.id, "updated"))
    return view_of(contact)


def find_or_create_contact(
    session: Session, actor: Actor, *, name: str, email: str = "", phone: str = ""
) -> tuple[ContactView, bool]:
    """The contact with this email (else this phone), or a new one; ``(view, created)``.

    A phone match counts only for a contact with no email or the same email. A
    found contact gains the phone or email it lacked; its name is kept.
    """
    require(actor, Permission.MANAGE_CONTACTS)
    clean_name, clean_email, clean_phone, _ = _clean(session, name, email, phone, "")
    found: Contact | None = None
    if clean_email:
        found = session.scalars(
            select(Contact).where(Contact.email == clean_email).order_by(Contact.id).limit(1)
        ).first()
    if found is None and clean_phone:
        found = session.scalars(
            select(Contact)
            .where(Contact.phone == clean_phone)
            .where(or_(Contact.email.is_(None), Contact.email == (clean_email or "")))
            .order_by(Contact.id)
            .limit(1)
        ).first()
    if found is None:
        contact = Contact(name=clean_name, email=clean_email, phone=clean_phone, notes="")
        session.add(contact)
        session.flush()
        audit.record(session, actor, "create", "contact", contact.id)
        events.record(session, events.ContactChanged(contact.id, "created"))
        return view_of(contact), True
    filled = []
    if clean_email and not found.email:
        found.email = clean_email
        filled.append("email")
    if clean_phone and not found.phone:
        found.phone = clean_phone
        filled.append("phone")
    if filled:
        session.flush()
        audit.record(session, actor, "update", "contact", found.id, {"fields": filled})
        events.record(session, events.ContactChanged(found.id, "updated"))
    return view_of(found), False


# -- search ------------------------------------------------------------------------------------

ORDERS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "name": (Contact.name.asc(), Contact.id.asc()),
    "-name": (Contact.name.desc(), Contact.id.desc()),
    "created": (Contact.created_at.asc(), Contact.id.asc()),
    "-created": (Contact.created_at.desc(), Contact.id.desc()),
    "last_contacted": (Contact.last_contacted_at.asc(), Contact.id.asc()),
    "-last_contacted": (Contact.last_contacted_at.desc(), Contact.id.desc()),
}


def _matches(text: str) -> ColumnElement[bool] | None:
    """The WHERE clause for a search text (case-insensitive substring), ``None`` for all."""
    words = (text or "").strip()
    if not words:
        return None
    clauses: list[ColumnElement[bool]] = [
        Contact.name.icontains(words, autoescape=True),
        Contact.email.icontains(words, autoescape=True),
    ]
    digits = re.sub(r"\D", "", words)
    if len(digits) >= 3:
        clauses.append(Contact.phone.contains(digits, autoescape=True))
        if digits.startswith("0"):  # a national number typed with its trunk zero
            clauses.append(Contact.phone.contains(digits[1:], autoescape=True))
    elif words.startswith("+"):
        clauses.append(Contact.phone.contains(words, autoescape=True))
    return or_(*clauses) if clauses else false()


@read_only
def search_contact_ids(
    session: Session,
    actor: Actor,
    text: str = "",
    limit: int = 200,
    offset: int = 0,
    order: str = "name",
) -> list[int]:
    """Ids of contacts matching ``text`` in name, email or phone, in ``order`` (see ORDERS)."""
    require(actor, Permission.MANAGE_CONTACTS)
    if order not in ORDERS:
        raise ValidationError({"order": f"Unknown order {order!r}."})
    query = select(Contact.id).order_by(*ORDERS[order])
    clause = _matches(text)
    if clause is not None:
        query = query.where(clause)
    return list(session.scalars(query.limit(max(0, limit)).offset(max(0, offset))))


@read_only
def search_contacts(
    session: Session,
    actor: Actor,
    text: str = "",
    limit: int = 200,
    offset: int = 0,
    order: str = "name",
) -> list[ContactView]:
    """Contacts matching ``text`` (as :func:`search_contact_ids`), as rows."""
    ids = search_contact_ids(session, actor, text, limit, offset, order)
    return contact_rows(session, actor, ids)


@read_only
def contact_rows(session: Session, actor: Actor, ids: list[int]) -> list[ContactView]:
    """The rows for ``ids`` in the same order (ids that no longer exist are skipped)."""
    require(actor, Permission.MANAGE_CONTACTS)
    if not ids:
        return []
    by_id = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))}
    return [view_of(by_id[i]) for i in ids if i in by_id]


@read_only
def count_contacts(session: Session, actor: Actor, text: str = "") -> int:
    """How many contacts match ``text``."""
    require(actor, Permission.MANAGE_CONTACTS)
    query = select(func.count(Contact.id))
    clause = _matches(text)
    if clause is not None:
        query = query.where(clause)
    return int(session.scalar(query) or 0)


@read_only
def get_contact(session: Session, actor: Actor, contact_id: int) -> ContactView:
    """One contact; :class:`NotFound` if there is none."""
    require(actor, Permission.MANAGE_CONTACTS)
    return view_of(_load(session, contact_id))
