"""Contacts: the business's customers, validated, matched and merged (reads: ``views``).

Emails are stored lower-cased, phone numbers in E.164. Names and notes are
stored exactly as typed (trimmed): customer text is shown as plain text
everywhere, never interpreted here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import insert_row, read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import SHIPPED, _, normalise
from careops_desktop.core.models import (
    Booking,
    Contact,
    Conversation,
    FormSubmission,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.contacts.fields import (
    default_region,
    normalize_email,
    normalize_phone,
)
from careops_desktop.core.services.contacts.person_names import check_person_name, same_name
from careops_desktop.core.services.mail_addresses import check_deliverable
from careops_desktop.core.statement_runner import prebuilt

NOTES_MAX = 20_000


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    email: str | None
    phone: str | None
    notes: str
    last_contacted_at: datetime | None
    created_at: datetime
    duplicate_of_id: int | None = None  # "possible duplicate of" this contact (booking page)
    no_marketing: bool = False  # asked not to be contacted with follow-ups (issue 19)
    language: str | None = None  # messages to them in this language; None: the business's


def view_of(contact: Any) -> ContactView:
    """A plain copy of a contact (an ORM row, or a Core row of the contact's columns)."""
    return ContactView(
        contact.id,
        contact.name,
        contact.email,
        contact.phone,
        contact.notes,
        contact.last_contacted_at,
        contact.created_at,
        contact.duplicate_of_id,
        bool(getattr(contact, "no_marketing", False)),
        getattr(contact, "language", None),
    )


# -- create and update -------------------------------------------------------------------------


def _clean(
    session: Session,
    name: str,
    email: str,
    phone: str,
    notes: str,
    *,
    stored: Contact | None = None,
) -> tuple[str, str | None, str | None, str]:
    """Check every field; raises one :class:`ValidationError` naming all bad fields.

    With ``stored``, an email or phone equal to the stored one is kept unchecked:
    a number that older rules let in (an import, the demo's fictional numbers)
    must not block editing the rest of the contact.
    """
    errors: dict[str, str] = {}
    clean_name = (name or "").strip()
    if stored is None or clean_name != stored.name:  # an older, longer name can stay as it is
        try:
            clean_name = check_person_name(name, empty=_("Enter the contact's name."))
        except ValidationError as exc:
            errors.update(exc.fields)
    clean_email: str | None = None
    clean_phone: str | None = None
    if stored is not None and stored.email and email == stored.email:
        clean_email = stored.email
    elif (email or "").strip():
        try:
            clean_email = normalize_email(email)
            check_deliverable(session, clean_email, desk=True)
        except ValidationError as exc:
            errors.update(exc.fields)
    if stored is not None and stored.phone and phone == stored.phone:
        clean_phone = stored.phone
    elif (phone or "").strip():
        try:
            clean_phone = normalize_phone(phone, default_region(session))
        except ValidationError as exc:
            errors.update(exc.fields)
    if not (email or "").strip() and not (phone or "").strip():
        errors["email"] = _("Enter an email address or a phone number.")
    if len(notes or "") > NOTES_MAX:
        errors["notes"] = _("The notes are longer than {limit} characters.").format(limit=NOTES_MAX)
    if errors:
        raise ValidationError(errors)
    return clean_name, clean_email, clean_phone, notes or ""


_WHO = ("name", "email", "phone")  # the fields a contact's bookings follow


def _clean_language(language: str) -> str | None:
    """A shipped language tag, None for "the business's", or :class:`ValidationError`."""
    if not language.strip():
        return None
    known = normalise(language)
    if known is None or known not in SHIPPED:
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    return known


def load_contact(session: Session, contact_id: int) -> Contact:
    """The contact row (ORM, for changing it); :class:`NotFound` when there is none."""
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
    language: str | None = None,
) -> ContactView:
    """Change a contact; ``None`` leaves a field as it is, ``""`` clears email or phone.

    ``language`` (``de``, ``es``, ``en``) is the language of every message to them; ``""``
    means the business's language. An unknown language is refused in words.

    The desk is changing who this person is: the contact's confirmed bookings
    that were made with the old name, email or phone follow the change (their
    messages go to the new address). Bookings made with other details keep them.
    """
    require(actor, Permission.MANAGE_CONTACTS)
    contact = load_contact(session, contact_id)
    clean_name, clean_email, clean_phone, clean_notes = _clean(
        session,
        contact.name if name is None else name,
        (contact.email or "") if email is None else email,
        (contact.phone or "") if phone is None else phone,
        contact.notes if notes is None else notes,
        stored=contact,
    )
    new: dict[str, Any] = {
        "name": clean_name,
        "email": clean_email,
        "phone": clean_phone,
        "notes": clean_notes,
    }
    if language is not None:
        new["language"] = _clean_language(language)
    changed = [field for field, value in new.items() if getattr(contact, field) != value]
    _follow_on_bookings(session, contact, {f: new[f] for f in changed if f in _WHO})
    for field in changed:
        setattr(contact, field, new[field])
    if changed:
        session.flush()
        audit.record(session, actor, "update", "contact", contact.id, {"fields": changed})
        events.record(session, events.ContactChanged(contact.id, "updated"))
    return view_of(contact)


def _follow_on_bookings(session: Session, contact: Contact, changes: dict[str, Any]) -> None:
    """Carry the desk's change of a contact to its confirmed bookings made with the old value."""
    for field, value in changes.items():
        column = getattr(Booking, f"customer_{field}")
        old = getattr(contact, field)
        session.execute(
            update(Booking)
            .where(
                Booking.contact_id == contact.id,
                Booking.status.in_(("confirmed", "arrived")),
                column == old if old is not None else column.is_(None),
            )
            .values({column: value if value is not None or field != "name" else ""})
            .execution_options(synchronize_session=False)
        )


def find_or_create_contact(
    session: Session, actor: Actor, *, name: str, email: str = "", phone: str = ""
) -> tuple[ContactView, bool]:
    """The contact a booking-page visitor is, or a new one; ``(view, created)``.

    An existing contact is joined only when the typed email equals its email
    (normalised) and the typed name is the same name (case and spacing aside);
    it is never changed. Every other likeness (the same phone, the same email
    under another name) makes a new contact marked "possible duplicate of" the
    look-alike, for the desk to check and merge. Nobody can take over, or read,
    a contact by typing its phone number or its email.
    """
    require(actor, Permission.MANAGE_CONTACTS)
    clean_name, clean_email, clean_phone, _ = _clean(session, name, email, phone, "")
    run = statements(session)
    alike = None
    if clean_email:
        same_email = run.execute(_BY_EMAIL, {"email": clean_email}).all()
        for found in same_email:
            if same_name(found.name, clean_name):
                return view_of(found), False
        alike = same_email[0] if same_email else None
    if alike is None and clean_phone:
        alike = run.execute(_BY_PHONE, {"phone": clean_phone}).first()
    created = utcnow()
    duplicate_of: int | None = alike.id if alike is not None else None
    row = {
        "name": clean_name,
        "email": clean_email,
        "phone": clean_phone,
        "notes": "",
        "duplicate_of_id": duplicate_of,
    }
    contact_id = insert_row(run, _NEW_CONTACT, {**row, "created_at": created})
    details = {"possible_duplicate_of": duplicate_of} if duplicate_of is not None else None
    audit.record(session, actor, "create", "contact", contact_id, details)
    events.record(session, events.ContactChanged(contact_id, "created"))
    view = ContactView(
        contact_id, clean_name, clean_email, clean_phone, "", None, created, duplicate_of
    )
    return view, True


_CONTACT_COLUMNS = tuple(Contact.__table__.c)
_BY_EMAIL = prebuilt(
    select(*_CONTACT_COLUMNS)
    .where(Contact.email == bindparam("email"))
    .order_by(Contact.id)
    .limit(50)
)
_BY_PHONE = prebuilt(
    select(*_CONTACT_COLUMNS)
    .where(Contact.phone == bindparam("phone"))
    .order_by(Contact.id)
    .limit(1)
)
_NEW_CONTACT = prebuilt(insert(Contact))


def clear_duplicate_mark(session: Session, actor: Actor, contact_id: int) -> ContactView:
    """The desk checked a "possible duplicate" and it is somebody else: the mark goes."""
    require(actor, Permission.MANAGE_CONTACTS)
    contact = load_contact(session, contact_id)
    if contact.duplicate_of_id is not None:
        was = contact.duplicate_of_id
        contact.duplicate_of_id = None
        session.flush()
        audit.record(session, actor, "not_duplicate", "contact", contact_id, {"of": was})
        events.record(session, events.ContactChanged(contact_id, "updated"))
    return view_of(contact)


@read_only
def count_possible_duplicates(session: Session, actor: Actor) -> int:
    """How many contacts are marked "possible duplicate" (the dashboard's alert)."""
    require(actor, Permission.MANAGE_CONTACTS)
    query = select(func.count(Contact.id)).where(Contact.duplicate_of_id.is_not(None))
    return int(session.scalar(query) or 0)


def merge_contacts(session: Session, actor: Actor, keep_id: int, merge_id: int) -> ContactView:
    """Fold contact ``merge_id`` into ``keep_id`` and delete it.

    Bookings, conversations and form submissions move to the kept contact; its
    empty email, phone and notes are filled from the other; notes of both are kept.
    Bookings keep the details they were made with. A "possible duplicate" mark
    between the two is cleared; marks pointing at the merged contact move to the kept one.
    """
    require(actor, Permission.MANAGE_CONTACTS)
    if keep_id == merge_id:
        raise ValidationError({"merge_id": _("Choose two different contacts to merge.")})
    keep = load_contact(session, keep_id)
    other = load_contact(session, merge_id)
    for model in (Booking, Conversation, FormSubmission):
        session.execute(
            update(model)
            .where(model.contact_id == merge_id)
            .values(contact_id=keep_id)
            .execution_options(synchronize_session=False)
        )
    filled = []
    if not keep.email and other.email:
        keep.email = other.email
        filled.append("email")
    if not keep.phone and other.phone:
        keep.phone = other.phone
        filled.append("phone")
    if other.notes.strip():
        keep.notes = f"{keep.notes}\n\n{other.notes}" if keep.notes.strip() else other.notes
        filled.append("notes")
    if other.last_contacted_at and (
        keep.last_contacted_at is None or other.last_contacted_at > keep.last_contacted_at
    ):
        keep.last_contacted_at = other.last_contacted_at
    keep.created_at = min(keep.created_at, other.created_at)
    if keep.duplicate_of_id == merge_id:
        keep.duplicate_of_id = None
    elif keep.duplicate_of_id is None and other.duplicate_of_id not in (None, keep_id):
        keep.duplicate_of_id = other.duplicate_of_id
    session.flush()
    session.execute(
        update(Contact)
        .where(Contact.duplicate_of_id == merge_id, Contact.id != keep_id)
        .values(duplicate_of_id=keep_id)
        .execution_options(synchronize_session=False)
    )
    session.delete(other)
    session.flush()
    audit.record(
        session, actor, "merge", "contact", keep_id, {"merged_id": merge_id, "filled": filled}
    )
    events.record(session, events.ContactChanged(keep_id, "merged"))
    events.record(session, events.ContactChanged(merge_id, "deleted"))
    return view_of(keep)
