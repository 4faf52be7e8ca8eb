"""Submitted and outstanding intake forms as staff see them, and reminders for the jobs.

Reading submissions needs MANAGE_BOOKINGS, MANAGE_CONTACTS or MANAGE_SETTINGS
(answers can hold personal details). Lists are newest first, searched and
paged in SQL. ``submissions_due_for_reminder`` and ``mark_reminded`` serve the
messaging jobs and take no actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Booking, Contact, Form, FormSubmission
from careops_desktop.core.permissions import Actor, Permission, require_any
from careops_desktop.core.services.forms.fields import FormField, field_from_json
from careops_desktop.core.services.id_blocks import id_blocks, read_ids

STATUSES = ("pending", "completed", "overdue")
SEARCH_MAX = 200
LIMIT_MAX = 1_000
READ_PERMISSIONS = (
    Permission.MANAGE_BOOKINGS,
    Permission.MANAGE_CONTACTS,
    Permission.MANAGE_SETTINGS,
)


@dataclass(frozen=True)
class SubmissionRow:
    """One line of the Forms tab's submissions list."""

    id: int
    form_id: int
    form_name: str
    contact_id: int | None
    contact_name: str
    contact_email: str
    booking_id: int | None
    booking_start_at: datetime | None
    status: str
    due_at: datetime | None
    submitted_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class Answer:
    """One answered question; ``label`` is the field's current label (or its key if removed)."""

    key: str
    label: str
    type: str
    value: str


@dataclass(frozen=True)
class SubmissionDetail:
    """A submission with its answers in the order of the form's fields."""

    row: SubmissionRow
    fields: tuple[FormField, ...]
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class ReminderDue:
    """A pending form whose due time is near and which has not been reminded yet."""

    submission_id: int
    token: str
    form_name: str
    booking_id: int | None
    contact_id: int | None
    contact_name: str
    contact_email: str | None
    contact_phone: str | None
    due_at: datetime


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(
    query: Select[Any],
    *,
    status: str | None,
    form_id: int | None,
    contact_id: int | None,
    search: str | None,
) -> Select[Any]:
    if status is not None:
        if status not in STATUSES:
            raise ValidationError({"status": _("Choose pending, completed or overdue.")})
        query = query.where(FormSubmission.status == status)
    if form_id is not None:
        query = query.where(FormSubmission.form_id == form_id)
    if contact_id is not None:
        query = query.where(FormSubmission.contact_id == contact_id)
    if search and search.strip():
        pattern = _like(search.strip()[:SEARCH_MAX].lower())
        # matching contacts and forms are found once, then submissions by their indexed ids
        contacts = select(Contact.id).where(
            or_(
                func.lower(Contact.name).like(pattern, escape="\\"),
                func.lower(Contact.email).like(pattern, escape="\\"),
            )
        )
        matching_forms = select(Form.id).where(func.lower(Form.name).like(pattern, escape="\\"))
        query = query.where(
            or_(
                FormSubmission.contact_id.in_(contacts),
                FormSubmission.form_id.in_(matching_forms),
            )
        )
    return query


def _base(columns: Iterable[Any]) -> Select[Any]:
    return (
        select(*columns)
        .select_from(FormSubmission)
        .join(Form, Form.id == FormSubmission.form_id)
        .outerjoin(Contact, Contact.id == FormSubmission.contact_id)
        .outerjoin(Booking, Booking.id == FormSubmission.booking_id)
    )


_ROW_COLUMNS = (
    FormSubmission.id,
    FormSubmission.form_id,
    Form.name,
    FormSubmission.contact_id,
    Contact.name,
    Contact.email,
    FormSubmission.booking_id,
    Booking.start_at,
    FormSubmission.status,
    FormSubmission.due_at,
    FormSubmission.submitted_at,
    FormSubmission.created_at,
)


def _row(values: Any) -> SubmissionRow:
    v = tuple(values)
    return SubmissionRow(
        id=v[0],
        form_id=v[1],
        form_name=v[2],
        contact_id=v[3],
        contact_name=v[4] or "",
        contact_email=v[5] or "",
        booking_id=v[6],
        booking_start_at=v[7],
        status=v[8],
        due_at=v[9],
        submitted_at=v[10],
        created_at=v[11],
    )


@read_only
def list_submissions(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    form_id: int | None = None,
    contact_id: int | None = None,
    search: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[SubmissionRow]:
    """Submissions newest first, filtered by status, form, contact and a search of
    contact name, contact email and form name (``limit`` capped at 1,000)."""
    require_any(actor, *READ_PERMISSIONS)
    # two steps: the page's ids from the submissions indexes alone (a broad search sorts
    # ids only), then the joined rows for those ids
    ids_query = _filtered(
        select(FormSubmission.id),
        status=status,
        form_id=form_id,
        contact_id=contact_id,
        search=search,
    )
    ids_query = ids_query.order_by(FormSubmission.id.desc())  # creation order
    ids_query = ids_query.limit(max(1, min(int(limit), LIMIT_MAX))).offset(max(0, int(offset)))
    ids = list(session.scalars(ids_query).all())
    if not ids:
        return []
    rows = session.execute(
        _base(_ROW_COLUMNS).where(FormSubmission.id.in_(ids)).order_by(FormSubmission.id.desc())
    ).all()
    return [_row(values) for values in rows]


@read_only
def count_submissions(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    form_id: int | None = None,
    contact_id: int | None = None,
    search: str | None = None,
) -> int:
    """How many submissions :func:`list_submissions` would list without paging."""
    require_any(actor, *READ_PERMISSIONS)
    base = select(func.count()).select_from(FormSubmission)  # the filters need no join
    query = _filtered(base, status=status, form_id=form_id, contact_id=contact_id, search=search)
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class SubmissionFilter:
    """Which submissions the Forms table shows: by status, form and contact, and
    ``search`` in the contact's name or email or the form's name."""

    status: str | None = None
    form_id: int | None = None
    search: str | None = None
    contact_id: int | None = None


EVERY_SUBMISSION = SubmissionFilter()
SUBMISSION_ORDERS = ("newest",)  # creation order, newest first


@read_only
def ids(
    session: Session,
    actor: Actor,
    flt: SubmissionFilter = EVERY_SUBMISSION,
    order: str = "newest",
) -> list[int]:
    """Every submission :func:`list_submissions` lists with ``flt``: ids only."""
    require_any(actor, *READ_PERMISSIONS)
    if order not in SUBMISSION_ORDERS:
        raise ValidationError({"order": _("Unknown order {order}.").format(order=repr(order))})
    query = _filtered(
        select(FormSubmission.id),
        status=flt.status,
        form_id=flt.form_id,
        contact_id=flt.contact_id,
        search=flt.search,
    )
    return read_ids(session, query.order_by(FormSubmission.id.desc()))


@read_only
def rows_by_id(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, SubmissionRow]:
    """The list rows of these submissions, by id (unknown ids left out)."""
    require_any(actor, *READ_PERMISSIONS)
    found: dict[int, SubmissionRow] = {}
    for block in id_blocks(ids):
        query = _base(_ROW_COLUMNS).where(FormSubmission.id.in_(block))
        for values in session.execute(query).all():
            row = _row(values)
            found[row.id] = row
    return found


def _answers(fields: tuple[FormField, ...], data: Mapping[str, Any]) -> tuple[Answer, ...]:
    answers = [Answer(f.key, f.label, f.type, str(data.get(f.key, ""))) for f in fields]
    known = {f.key for f in fields}
    answers += [Answer(k, k, "text", str(v)) for k, v in data.items() if k not in known]
    return tuple(answers)


@read_only
def get_submission(session: Session, actor: Actor, submission_id: int) -> SubmissionDetail:
    """One submission with its answers; :class:`NotFound` if there is none."""
    require_any(actor, *READ_PERMISSIONS)
    values = session.execute(
        _base((*_ROW_COLUMNS, Form.fields, FormSubmission.data)).where(
            FormSubmission.id == submission_id
        )
    ).first()
    if values is None:
        raise NotFound("form submission", submission_id)
    row = _row(values[: len(_ROW_COLUMNS)])
    raw_fields, data = values[len(_ROW_COLUMNS) :]
    fields = tuple(field_from_json(f) for f in raw_fields or ())
    return SubmissionDetail(row, fields, _answers(fields, data or {}))


@read_only
def submissions_due_for_reminder(
    session: Session, now: datetime, within: timedelta, limit: int = 500
) -> list[ReminderDue]:
    """Pending, never-reminded submissions due in ``(now, now + within]``, soonest first.

    Submissions of cancelled bookings are left out.
    """
    rows = session.execute(
        select(
            FormSubmission.id,
            FormSubmission.token,
            Form.name,
            FormSubmission.booking_id,
            FormSubmission.contact_id,
            Contact.name,
            Contact.email,
            Contact.phone,
            FormSubmission.due_at,
        )
        .join(Form, Form.id == FormSubmission.form_id)
        .outerjoin(Contact, Contact.id == FormSubmission.contact_id)
        .outerjoin(Booking, Booking.id == FormSubmission.booking_id)
        .where(
            FormSubmission.status == "pending",
            FormSubmission.due_at > now,
            FormSubmission.due_at <= now + within,
            FormSubmission.reminded_at.is_(None),
            or_(Booking.id.is_(None), Booking.status != "cancelled"),
        )
        .order_by(FormSubmission.due_at, FormSubmission.id)
        .limit(limit)
    ).all()
    return [
        ReminderDue(sid, token, form_name, bid, cid, name or "", email, phone, due)
        for sid, token, form_name, bid, cid, name, email, phone, due in rows
        if due is not None
    ]


def mark_reminded(session: Session, submission_ids: Iterable[int], now: datetime) -> int:
    """Note that these submissions were reminded (in the transaction that queued the reminder)."""
    ids = sorted(set(submission_ids))
    if not ids:
        return 0
    result = session.execute(
        update(FormSubmission)
        .where(FormSubmission.id.in_(ids))
        .values(reminded_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
