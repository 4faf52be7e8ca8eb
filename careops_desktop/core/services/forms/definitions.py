"""Intake form definitions: their fields, and which booking types send them.

A form is a list of typed fields (:mod:`form_fields`) edited in Settings
(MANAGE_SETTINGS); reading definitions is open to every signed-in person.
Attached to a booking type (``booking_type_forms``), a form is sent with every
booking of that type (:mod:`forms`). :func:`starter_form_definition` is the
"New client intake" form the setup wizard offers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import BookingType, Form, FormSubmission, booking_type_forms
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.forms.fields import (
    FormField,
    field_from_json,
    validate_definition,
)

NAME_MAX = 200
DESCRIPTION_MAX = 2_000


@dataclass(frozen=True)
class FormView:
    """A form definition as the Settings tab shows it."""

    id: int
    name: str
    description: str
    fields: tuple[FormField, ...]
    is_active: bool
    booking_type_ids: tuple[int, ...]
    submission_count: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class FormDefinition:
    """A form not yet saved: what :func:`starter_form_definition` offers."""

    name: str
    description: str
    fields: tuple[FormField, ...]


def starter_form_definition() -> FormDefinition:
    """A sensible "New client intake" form the setup wizard offers to create, in the
    current language (the form is the business's own text once created)."""
    return FormDefinition(
        name=_("New client intake"),
        description=_("A few details before your first visit, so we can look after you well."),
        fields=(
            FormField("full_name", _("Full name"), "text", required=True),
            FormField("date_of_birth", _("Date of birth"), "date"),
            FormField("email", _("Email"), "email", required=True),
            FormField("phone", _("Mobile phone"), "phone"),
            FormField("address", _("Home address"), "textarea"),
            FormField("emergency_contact", _("Emergency contact (name and phone)"), "text"),
            FormField(
                "heard_from",
                _("How did you hear about us?"),
                "select",
                options=(
                    _("Friend or family"),
                    _("Search engine"),
                    _("Social media"),
                    _("Walked by"),
                    _("Other"),
                ),
            ),
            FormField("health_notes", _("Anything we should know before your visit?"), "textarea"),
            FormField(
                "consent",
                _("I agree that my details are kept to manage my appointments."),
                "checkbox",
                required=True,
            ),
        ),
    )


def _clean_name(name: str, description: str) -> tuple[str, str]:
    errors: dict[str, str] = {}
    clean = name.strip() if isinstance(name, str) else ""
    if not clean:
        errors["name"] = _("Give the form a name.")
    elif len(clean) > NAME_MAX:
        errors["name"] = _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    text = description.strip() if isinstance(description, str) else ""
    if len(text) > DESCRIPTION_MAX:
        errors["description"] = _("The description is longer than {limit} characters.").format(
            limit=number_text(DESCRIPTION_MAX)
        )
    if errors:
        raise ValidationError(errors)
    return clean, text


def load_form(session: Session, form_id: int) -> Form:
    form = session.get(Form, form_id)
    if form is None:
        raise NotFound("form", form_id)
    return form


def _view(session: Session, form: Form) -> FormView:
    type_ids = session.scalars(
        select(booking_type_forms.c.booking_type_id)
        .where(booking_type_forms.c.form_id == form.id)
        .order_by(booking_type_forms.c.booking_type_id)
    ).all()
    count = session.scalar(
        select(func.count()).select_from(FormSubmission).where(FormSubmission.form_id == form.id)
    )
    return FormView(
        id=form.id,
        name=form.name,
        description=form.description,
        fields=tuple(field_from_json(f) for f in form.fields),
        is_active=form.is_active,
        booking_type_ids=tuple(type_ids),
        submission_count=int(count or 0),
        created_at=form.created_at,
        updated_at=form.updated_at,
    )


@read_only
def list_forms(session: Session, actor: Actor, *, include_inactive: bool = True) -> list[FormView]:
    """Every form, by name. Any signed-in person may read definitions."""
    del actor  # definitions are not private; the argument keeps the service shape
    query = select(Form).order_by(Form.name, Form.id)
    if not include_inactive:
        query = query.where(Form.is_active.is_(True))
    return [_view(session, form) for form in session.scalars(query).all()]


@read_only
def get_form(session: Session, actor: Actor, form_id: int) -> FormView:
    """One form; :class:`NotFound` if there is none with ``form_id``."""
    del actor
    return _view(session, load_form(session, form_id))


def create_form(
    session: Session,
    actor: Actor,
    *,
    name: str,
    fields: Sequence[FormField | Mapping[str, Any]],
    description: str = "",
    is_active: bool = True,
) -> FormView:
    """Save a new form after checking its name and fields (needs MANAGE_SETTINGS)."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean_name, clean_description = _clean_name(name, description)
    clean_fields = validate_definition(fields)
    form = Form(
        name=clean_name,
        description=clean_description,
        fields=[f.as_json() for f in clean_fields],
        is_active=bool(is_active),
    )
    session.add(form)
    session.flush()
    audit.record(session, actor, "create", "form", form.id, {"name": clean_name})
    events.record(session, events.FormChanged(form.id, None, "created"))
    return _view(session, form)


def update_form(
    session: Session,
    actor: Actor,
    form_id: int,
    *,
    name: str | None = None,
    description: str | None = None,
    fields: Sequence[FormField | Mapping[str, Any]] | None = None,
    is_active: bool | None = None,
) -> FormView:
    """Change a form; only the arguments given change. Existing answers are kept as they are."""
    require(actor, Permission.MANAGE_SETTINGS)
    form = load_form(session, form_id)
    clean_name, clean_description = _clean_name(
        form.name if name is None else name,
        form.description if description is None else description,
    )
    changed: list[str] = []
    if clean_name != form.name:
        form.name = clean_name
        changed.append("name")
    if clean_description != form.description:
        form.description = clean_description
        changed.append("description")
    if fields is not None:
        form.fields = [f.as_json() for f in validate_definition(fields)]
        changed.append("fields")
    if is_active is not None and bool(is_active) != form.is_active:
        form.is_active = bool(is_active)
        changed.append("is_active")
    session.flush()
    if changed:
        audit.record(session, actor, "update", "form", form.id, {"changed": changed})
        events.record(session, events.FormChanged(form.id, None, "updated"))
    return _view(session, form)


def delete_form(session: Session, actor: Actor, form_id: int) -> None:
    """Delete a form that nobody has been sent; one with submissions must be deactivated."""
    require(actor, Permission.MANAGE_SETTINGS)
    form = load_form(session, form_id)
    used = session.scalar(select(exists().where(FormSubmission.form_id == form_id)))
    if used:
        raise ValidationError(
            {
                "__all__": _(
                    "“{name}” has been sent to customers, so its answers must be "
                    "kept. Deactivate it instead of deleting it."
                ).format(name=form.name)
            }
        )
    session.execute(delete(booking_type_forms).where(booking_type_forms.c.form_id == form_id))
    session.delete(form)
    session.flush()
    audit.record(session, actor, "delete", "form", form_id, {"name": form.name})
    events.record(session, events.FormChanged(form_id, None, "deleted"))


def attach_form(session: Session, actor: Actor, booking_type_id: int, form_id: int) -> None:
    """Send ``form_id`` with every new booking of ``booking_type_id`` (no-op if already so)."""
    require(actor, Permission.MANAGE_SETTINGS)
    load_form(session, form_id)
    if session.get(BookingType, booking_type_id) is None:
        raise NotFound("booking type", booking_type_id)
    already = session.scalar(
        select(
            exists().where(
                booking_type_forms.c.booking_type_id == booking_type_id,
                booking_type_forms.c.form_id == form_id,
            )
        )
    )
    if already:
        return
    session.execute(
        insert(booking_type_forms).values(booking_type_id=booking_type_id, form_id=form_id)
    )
    details = {"booking_type_id": booking_type_id}
    audit.record(session, actor, "attach", "form", form_id, details)
    events.record(session, events.FormChanged(form_id, None, "attached"))


def detach_form(session: Session, actor: Actor, booking_type_id: int, form_id: int) -> None:
    """Stop sending ``form_id`` with ``booking_type_id``; forms already sent stay."""
    require(actor, Permission.MANAGE_SETTINGS)
    result = session.execute(
        delete(booking_type_forms).where(
            booking_type_forms.c.booking_type_id == booking_type_id,
            booking_type_forms.c.form_id == form_id,
        )
    )
    if getattr(result, "rowcount", 0):
        details = {"booking_type_id": booking_type_id}
        audit.record(session, actor, "detach", "form", form_id, details)
        events.record(session, events.FormChanged(form_id, None, "detached"))


@read_only
def forms_for_booking_type(session: Session, booking_type_id: int) -> list[FormView]:
    """The active forms a booking of ``booking_type_id`` sends, in the order they were made."""
    forms = session.scalars(
        select(Form)
        .join(booking_type_forms, booking_type_forms.c.form_id == Form.id)
        .where(booking_type_forms.c.booking_type_id == booking_type_id, Form.is_active.is_(True))
        .order_by(Form.id)
    ).all()
    return [_view(session, form) for form in forms]
