"""Contacts, read: the searchable list (``ids`` and ``rows_by_id`` for the lazy table),
counts, one contact and its detail (bookings, conversations, forms)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Booking,
    BookingType,
    Contact,
    Conversation,
    Form,
    FormSubmission,
    Provider,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.contacts.records import ContactView, load_contact, view_of
from careops_desktop.core.services.id_blocks import id_blocks, read_ids

# -- search ------------------------------------------------------------------------------------

ORDERS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "name": (func.lower(Contact.name).asc(), Contact.id.asc()),
    "-name": (func.lower(Contact.name).desc(), Contact.id.desc()),
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


@dataclass(frozen=True)
class ContactFilter:
    """Which contacts a list shows: ``text`` in the name, email or phone, and only those
    marked "possible duplicate" with ``duplicates_only``."""

    text: str = ""
    duplicates_only: bool = False


EVERY_CONTACT = ContactFilter()


@read_only
def ids(
    session: Session,
    actor: Actor,
    flt: ContactFilter = EVERY_CONTACT,
    order: str = "name",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids of the contacts matching ``flt``, in ``order`` (see ORDERS); every one, or the
    page ``limit``/``offset`` gives."""
    require(actor, Permission.MANAGE_CONTACTS)
    if order not in ORDERS:
        raise ValidationError({"order": _("Unknown order {order}.").format(order=repr(order))})
    query = select(Contact.id).order_by(*ORDERS[order])
    clause = _matches(flt.text)
    if clause is not None:
        query = query.where(clause)
    if flt.duplicates_only:
        query = query.where(Contact.duplicate_of_id.is_not(None))
    if limit is not None:
        query = query.limit(max(0, limit))
    return read_ids(session, query.offset(max(0, offset)))


@read_only
def search_contacts(
    session: Session,
    actor: Actor,
    text: str = "",
    limit: int = 200,
    offset: int = 0,
    order: str = "name",
) -> list[ContactView]:
    """Contacts matching ``text`` (as :func:`ids`), as rows, in that order."""
    found = ids(session, actor, ContactFilter(text), order, limit=limit, offset=offset)
    rows = rows_by_id(session, actor, found)
    return [rows[i] for i in found if i in rows]


@read_only
def rows_by_id(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, ContactView]:
    """The rows of these contacts, by id (ids that no longer exist are left out)."""
    require(actor, Permission.MANAGE_CONTACTS)
    found: dict[int, ContactView] = {}
    for block in id_blocks(ids):
        query = select(Contact).where(Contact.id.in_(block))
        found.update((c.id, view_of(c)) for c in session.scalars(query))
    return found


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
    return view_of(load_contact(session, contact_id))


# -- detail and merge --------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactBooking:
    id: int
    start_at: datetime
    end_at: datetime
    status: str
    booking_type: str
    provider: str


@dataclass(frozen=True)
class ContactConversation:
    id: int
    subject: str
    is_open: bool
    unread_count: int
    updated_at: datetime


@dataclass(frozen=True)
class ContactSubmission:
    id: int
    form: str
    status: str
    booking_id: int | None
    due_at: datetime | None
    submitted_at: datetime | None


@dataclass(frozen=True)
class ContactDetail:
    """A contact with their history, newest first in each list."""

    contact: ContactView
    bookings: list[ContactBooking]
    conversations: list[ContactConversation]
    submissions: list[ContactSubmission]
    duplicate_of_name: str | None = None  # the look-alike of a "possible duplicate"


@read_only
def get_contact_detail(
    session: Session, actor: Actor, contact_id: int, limit: int = 200
) -> ContactDetail:
    """The contact, their bookings, conversations and form submissions (``limit`` each)."""
    require(actor, Permission.MANAGE_CONTACTS)
    contact = load_contact(session, contact_id)
    bookings = session.execute(
        select(Booking, BookingType.name, Provider.name)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Provider, Provider.id == Booking.provider_id)
        .where(Booking.contact_id == contact_id)
        .order_by(Booking.start_at.desc(), Booking.id.desc())
        .limit(limit)
    ).all()
    conversations = session.scalars(
        select(Conversation)
        .where(Conversation.contact_id == contact_id)
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(limit)
    ).all()
    submissions = session.execute(
        select(FormSubmission, Form.name)
        .join(Form, Form.id == FormSubmission.form_id)
        .where(FormSubmission.contact_id == contact_id)
        .order_by(FormSubmission.created_at.desc(), FormSubmission.id.desc())
        .limit(limit)
    ).all()
    return ContactDetail(
        view_of(contact),
        [
            ContactBooking(b.id, b.start_at, b.end_at, b.status, type_name, provider_name)
            for b, type_name, provider_name in bookings
        ],
        [
            ContactConversation(c.id, c.subject, c.is_open, c.unread_count, c.updated_at)
            for c in conversations
        ],
        [
            ContactSubmission(s.id, form_name, s.status, s.booking_id, s.due_at, s.submitted_at)
            for s, form_name in submissions
        ],
        session.scalar(select(Contact.name).where(Contact.id == contact.duplicate_of_id))
        if contact.duplicate_of_id is not None
        else None,
    )
