"""The name, email and phone a visitor typed (booking page, waitlist), checked at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services.contacts.fields import (
    default_region,
    normalize_email,
    normalize_phone,
)
from careops_desktop.core.services.contacts.person_names import check_person_name
from careops_desktop.core.services.mail_addresses import check_deliverable


@dataclass
class VisitorDetails:
    """The clean values, and every field problem found (``errors``: field → words)."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    errors: dict[str, str] = field(default_factory=dict)


def check_visitor_details(
    session: Session,
    name: str,
    email: str,
    phone: str,
    *,
    desk: bool,
    name_missing: str,
    reach_missing: str,
) -> VisitorDetails:
    """Check a typed name, email and phone together, raising nothing: every problem lands in
    ``errors`` (so a form can show them all with its own), the clean values beside them.

    An email or a phone is needed (``reach_missing`` on ``email`` when both are blank);
    the email must be deliverable (``desk``: the desk's own rule) and the phone readable in
    the business's country.
    """
    found = VisitorDetails()
    try:
        found.name = check_person_name(name, empty=name_missing)
    except ValidationError as exc:
        found.errors.update(exc.fields)
    if not (email or "").strip() and not (phone or "").strip():
        found.errors["email"] = reach_missing
    if (email or "").strip():
        try:
            found.email = normalize_email(email)
            check_deliverable(session, found.email, desk=desk)
        except ValidationError as exc:
            found.errors.update(exc.fields)
    if (phone or "").strip():
        try:
            found.phone = normalize_phone(phone, default_region(session))
        except ValidationError as exc:
            found.errors.update(exc.fields)
    return found
