"""The Forms tab's data: the submissions list (lazy), form definitions and saving a form."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import forms
from careops_desktop.core.services.forms import (
    FormField,
    FormView,
    SubmissionDetail,
    SubmissionFilter,
    SubmissionRow,
)
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_datetime

STATUS_WORDS = {"pending": "Pending", "overdue": "Overdue", "completed": "Answered"}
TYPE_WORDS = {
    "text": "Short text",
    "textarea": "Long text",
    "email": "Email",
    "phone": "Phone",
    "date": "Date",
    "number": "Number",
    "select": "Choice",
    "checkbox": "Tick box",
}
_FIELD_ERROR = re.compile(r"^fields\[(\d+)\](?:\.(\w+))?$")


class SubmissionSource:
    """``fetch_ids``/``fetch_rows``: the ids of every submission ``list_submissions`` would
    list, newest first, then the rows of each block drawn (database worker)."""

    def __init__(self, actor: Actor) -> None:
        self._actor = actor

    def fetch_ids(
        self, session: Session, flt: SubmissionFilter | None, _sort: str | None, _desc: bool
    ) -> Sequence[int]:
        flt = flt or SubmissionFilter()
        return forms.ids(session, self._actor, flt)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> Mapping[int, SubmissionRow]:
        return forms.rows_by_id(session, self._actor, ids)


def submission_columns(zone_of: Callable[[], ZoneInfo]) -> list[Column]:
    def when(value: object) -> str:
        return fmt_datetime(value, zone_of())  # type: ignore[arg-type]

    return [
        Column("form_name", "Form"),
        Column("contact_name", "Contact"),
        Column("booking_start_at", "Appointment", format=when),
        Column("status", "Status", format=lambda value: STATUS_WORDS.get(value, value)),
        Column("due_at", "Due", format=when),
        Column("submitted_at", "Answered", format=when),
    ]


def submission_style(row: SubmissionRow) -> RowStyle:
    if row.status == "overdue":
        return RowStyle(foreground="#b91c1c")
    if row.status == "pending":
        return RowStyle(bold=True)
    return RowStyle()


def submission_text(detail: SubmissionDetail, zone: ZoneInfo) -> str:
    """The whole submission as plain text: who, when, then each question and answer."""
    row = detail.row
    lines = [
        f"{row.form_name} — {row.contact_name}",
        f"Status: {STATUS_WORDS.get(row.status, row.status)}",
    ]
    if row.booking_start_at:
        lines.append(f"Appointment: {fmt_datetime(row.booking_start_at, zone)}")
    if row.due_at:
        lines.append(f"Due: {fmt_datetime(row.due_at, zone)}")
    if row.submitted_at:
        lines.append(f"Answered: {fmt_datetime(row.submitted_at, zone)}")
    lines.append("")
    if row.status != "completed":
        lines.append("Not answered yet.")
    for answer in detail.answers:
        label = answer.label if answer.label.endswith(("?", ":")) else f"{answer.label}:"
        value = answer.value
        if answer.type == "checkbox":
            value = "Yes" if value.strip().lower() in ("true", "yes", "on", "1") else "No"
        lines.append(label)
        lines.append(f"    {value}" if value else "    (no answer)")
    return "\n".join(lines)


def field_columns() -> list[Column]:
    return [
        Column("key", "Key"),
        Column("label", "Question"),
        Column("type", "Type", format=lambda value: TYPE_WORDS.get(value, value)),
        Column("required", "Required"),
        Column("options", "Options", format=lambda value: ", ".join(value)),
    ]


def form_columns() -> list[Column]:
    return [
        Column("name", "Form"),
        Column("fields", "Questions", format=lambda value: str(len(value))),
        Column("booking_type_ids", "Sent for", format=lambda v: f"{len(v)} booking types"),
        Column("submission_count", "Copies sent"),
        Column("is_active", "In use"),
    ]


def field_error_text(key: str, message: str, fields: Sequence[FormField]) -> str:
    """``fields[2].key`` → ``Question 3 (“Phone”), key: …`` for the editor's banner."""
    match = _FIELD_ERROR.match(key)
    if not match:
        return message if key in ("__all__", "fields") else f"{key}: {message}"
    index = int(match.group(1))
    part = match.group(2)
    label = fields[index].label if index < len(fields) else ""
    where = f"Question {index + 1}" + (f" (“{label}”)" if label else "")
    return f"{where}, {part}: {message}" if part else f"{where}: {message}"


def save_form(
    session: Session,
    actor: Actor,
    form_id: int | None,
    *,
    name: str,
    description: str,
    fields: Sequence[FormField],
    is_active: bool,
    booking_type_ids: Sequence[int],
) -> FormView:
    """Create or update a form and which booking types send it, in ONE transaction."""
    if form_id is None:
        view = forms.create_form(
            session, actor, name=name, fields=fields, description=description, is_active=is_active
        )
    else:
        view = forms.update_form(
            session,
            actor,
            form_id,
            name=name,
            description=description,
            fields=fields,
            is_active=is_active,
        )
    wanted = set(booking_type_ids)
    for type_id in wanted - set(view.booking_type_ids):
        forms.attach_form(session, actor, type_id, view.id)
    for type_id in set(view.booking_type_ids) - wanted:
        forms.detach_form(session, actor, type_id, view.id)
    return forms.get_form(session, actor, view.id)
