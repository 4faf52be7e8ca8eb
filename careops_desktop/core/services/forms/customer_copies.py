"""Intake forms sent with bookings: the customer's copy, from link to answers.

Definitions live in :mod:`definitions` (other areas call them through the
``forms`` package). Attached to a booking type, a form is sent
with every booking of that type: :func:`create_submissions_for_booking` makes
one pending submission per active attached form, each with its own secret
token (the customer's link) and a due time. The customer fills it in by token
(:func:`get_form_by_token`, :func:`submit_by_token`); a job marks unanswered
ones overdue (:func:`mark_overdue`). An overdue form can still be completed:
the customer is never blocked from answering. Staff reading, searching and
reminders live in :mod:`submissions`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import forget, insert_row, read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Booking,
    Business,
    Form,
    FormSubmission,
    booking_type_forms,
    utcnow,
)
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import BusinessSettings, business_settings, get_business
from careops_desktop.core.services.contacts.fields import (
    default_region,
    normalize_email,
    normalize_phone,
)
from careops_desktop.core.services.forms.definitions import (
    load_form,
)
from careops_desktop.core.services.forms.fields import FormField, field_from_json, validate_answers
from careops_desktop.core.statement_runner import prebuilt
from careops_desktop.core.tokens import new_token

TOKEN_MAX = 64
FORM_PAGE = Actor.system("Form page")


@dataclass(frozen=True)
class SubmissionLink:
    """A submission just created for a booking: the token makes the customer's link."""

    submission_id: int
    token: str
    form_name: str


@dataclass(frozen=True)
class FormToFill:
    """What the customer's form page shows; completed and overdue ones stay viewable."""

    submission_id: int
    form_name: str
    description: str
    fields: tuple[FormField, ...]
    business_name: str
    status: str
    due_at: datetime | None
    submitted_at: datetime | None
    answers: Mapping[str, str]

    @property
    def can_submit(self) -> bool:
        return self.status != "completed"


def _due_at(business: Business | BusinessSettings, start_at: datetime, now: datetime) -> datetime:
    due = start_at - timedelta(hours=business.form_due_hours_before)
    return max(due, now)


def create_submissions_for_booking(
    session: Session, booking_id: int, now: datetime | None = None
) -> list[SubmissionLink]:
    """Make one pending submission per active form attached to the booking's type.

    Due ``business.form_due_hours_before`` hours before the start, never before
    ``now``. Forms the booking already has a submission for are skipped, so a
    second call creates nothing and returns an empty list (no link is sent
    twice). Sets ``booking.forms_sent`` when the booking has any submission.
    Runs in the caller's transaction (the booking's).
    """
    now = now or utcnow()
    run = statements(session)
    booking = run.execute(_BOOKING_FOR_FORMS, {"booking_id": booking_id}).first()
    if booking is None:
        raise NotFound("booking", booking_id)
    already = set(run.execute(_FORMS_SENT, {"booking_id": booking_id}).scalars())
    forms = [f for f in forms_for_type(session, booking.booking_type_id) if f[0] not in already]
    links = add_submissions(session, booking_id, booking.contact_id, booking.start_at, forms, now)
    if (links or already) and not booking.forms_sent:
        run.execute(_MARK_FORMS_SENT, {"booking_id": booking_id})
        forget(session, Booking, booking_id)
    return links


def forms_for_type(session: Session, booking_type_id: int) -> list[tuple[int, str]]:
    """``(form id, name)`` of the active forms a booking of this type sends, by id."""
    rows = statements(session).execute(_FORMS_OF_TYPE, {"type_id": booking_type_id})
    return [(int(form_id), str(name)) for form_id, name in rows]


def add_submissions(
    session: Session,
    booking_id: int,
    contact_id: int,
    start_at: datetime,
    forms: Sequence[tuple[int, str]],
    now: datetime,
) -> list[SubmissionLink]:
    """One pending submission per ``(form id, name)`` for the booking, due as the business says.

    No checks: :func:`create_submissions_for_booking` (any booking) and the
    booking flow (a booking it has just written) decide which forms to send.
    """
    run = statements(session)
    due = _due_at(business_settings(session), start_at, now)
    links: list[SubmissionLink] = []
    for form_id, form_name in forms:
        token = new_token()
        submission = {
            "form_id": form_id,
            "booking_id": booking_id,
            "contact_id": contact_id,
            "token": token,
            "data": {},
            "status": "pending",
            "due_at": due,
            "created_at": now,
        }
        submission_id = insert_row(run, _NEW_SUBMISSION, submission)
        links.append(SubmissionLink(submission_id, token, form_name))
        events.record(session, events.FormChanged(form_id, submission_id, "sent"))
    return links


_BOOKING_FOR_FORMS = prebuilt(
    select(Booking.booking_type_id, Booking.contact_id, Booking.start_at, Booking.forms_sent).where(
        Booking.id == bindparam("booking_id")
    )
)
_FORMS_SENT = prebuilt(
    select(FormSubmission.form_id).where(FormSubmission.booking_id == bindparam("booking_id"))
)
_FORMS_OF_TYPE = prebuilt(
    select(Form.id, Form.name)
    .join(booking_type_forms, booking_type_forms.c.form_id == Form.id)
    .where(booking_type_forms.c.booking_type_id == bindparam("type_id"), Form.is_active.is_(True))
    .order_by(Form.id)
)
_NEW_SUBMISSION = prebuilt(insert(FormSubmission))
_MARK_FORMS_SENT = prebuilt(
    update(Booking).where(Booking.id == bindparam("booking_id")).values(forms_sent=True)
)


def update_due_dates_for_booking(
    session: Session, booking_id: int, now: datetime | None = None
) -> int:
    """After a reschedule: move the due time of the booking's unanswered forms.

    An overdue form whose new due time is in the future is pending again.
    Returns how many submissions changed.
    """
    now = now or utcnow()
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound("booking", booking_id)
    due = _due_at(get_business(session), booking.start_at, now)
    open_ones = session.scalars(
        select(FormSubmission).where(
            FormSubmission.booking_id == booking_id,
            FormSubmission.status.in_(("pending", "overdue")),
        )
    ).all()
    for submission in open_ones:
        submission.due_at = due
        submission.status = "overdue" if due <= now else "pending"
        submission.reminded_at = None
        events.record(session, events.FormChanged(submission.form_id, submission.id, "updated"))
    session.flush()
    return len(open_ones)


def withdraw_for_booking(session: Session, booking_id: int) -> int:
    """After a cancellation: delete the booking's unanswered submissions (nothing is lost).

    Answered ones are kept. Their links then lead to "not found". Returns how
    many were withdrawn.
    """
    rows = session.execute(
        select(FormSubmission.id, FormSubmission.form_id).where(
            FormSubmission.booking_id == booking_id,
            FormSubmission.status.in_(("pending", "overdue")),
        )
    ).all()
    if rows:
        session.execute(delete(FormSubmission).where(FormSubmission.id.in_([r[0] for r in rows])))
        for submission_id, form_id in rows:
            events.record(session, events.FormChanged(form_id, submission_id, "withdrawn"))
    return len(rows)


def _by_token(session: Session, token: str, *, for_update: bool = False) -> FormSubmission:
    """The submission behind ``token`` (row locked on PostgreSQL when ``for_update``)."""
    if not isinstance(token, str) or not token or len(token) > TOKEN_MAX:
        raise NotFound("form link", "unknown")
    query = select(FormSubmission).where(FormSubmission.token == token)
    if for_update:
        query = query.with_for_update()
    submission = session.scalars(query).first()
    if submission is None:
        raise NotFound("form link", "unknown")
    return submission


@read_only
def get_form_by_token(session: Session, token: str) -> FormToFill:
    """The form behind a customer's link, with its status; :class:`NotFound` for a bad token."""
    submission = _by_token(session, token)
    form = load_form(session, submission.form_id)
    business_name = session.scalar(select(Business.name).order_by(Business.id).limit(1)) or ""
    return FormToFill(
        submission_id=submission.id,
        form_name=form.name,
        description=form.description,
        fields=tuple(field_from_json(f) for f in form.fields),
        business_name=business_name,
        status=submission.status,
        due_at=submission.due_at,
        submitted_at=submission.submitted_at,
        answers=dict(submission.data or {}),
    )


def submit_by_token(
    session: Session, token: str, data: Mapping[str, Any], now: datetime | None = None
) -> FormToFill:
    """Store the customer's answers and complete the form (pending or overdue alike).

    Answers are checked against the definition (see
    :func:`form_fields.validate_answers`); unknown keys are dropped. A form
    already completed is refused with a :class:`ValidationError`, as is a bad
    answer (one message per field). Returns the form as it now stands.
    """
    now = now or utcnow()
    submission = _by_token(session, token, for_update=True)
    if submission.status == "completed":
        raise ValidationError(
            {
                "__all__": _(
                    "This form has already been sent in. Thank you! "
                    "If something needs changing, please contact us."
                )
            }
        )
    if not isinstance(data, Mapping):
        raise ValidationError({"__all__": _("The answers could not be read.")})
    form = load_form(session, submission.form_id)
    fields = [field_from_json(f) for f in form.fields]
    region = default_region(session)
    answers = validate_answers(
        fields,
        data,
        email_cleaner=normalize_email,
        phone_cleaner=lambda value: normalize_phone(value, region),
    )
    submission.data = answers
    submission.status = "completed"
    submission.submitted_at = now
    session.flush()
    details = {"form_id": form.id, "booking_id": submission.booking_id}
    audit.record(session, FORM_PAGE, "submit", "form_submission", submission.id, details)
    events.record(session, events.FormChanged(form.id, submission.id, "completed"))
    return get_form_by_token(session, token)


def mark_overdue(session: Session, now: datetime | None = None) -> int:
    """Mark every pending submission whose due time has come as overdue; returns how many."""
    now = now or utcnow()
    result = session.execute(
        update(FormSubmission)
        .where(FormSubmission.status == "pending", FormSubmission.due_at <= now)
        .values(status="overdue")
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        events.record(session, events.FormChanged(None, None, "overdue"))
    return count
