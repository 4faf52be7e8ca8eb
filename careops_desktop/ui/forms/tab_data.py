"""The Forms tab's data: the submissions list (lazy), form definitions and saving a form."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale
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
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_datetime

CONTEXT = "FormsTab"
STATUS_WORDS = {
    "pending": QT_TRANSLATE_NOOP("FormsTab", "Pending"),
    "overdue": QT_TRANSLATE_NOOP("FormsTab", "Overdue"),
    "completed": QT_TRANSLATE_NOOP("FormsTab", "Answered"),
}
TYPE_WORDS = {
    "text": QT_TRANSLATE_NOOP("FormsTab", "Short text"),
    "textarea": QT_TRANSLATE_NOOP("FormsTab", "Long text"),
    "email": QT_TRANSLATE_NOOP("FormsTab", "Email"),
    "phone": QT_TRANSLATE_NOOP("FormsTab", "Phone"),
    "date": QT_TRANSLATE_NOOP("FormsTab", "Date"),
    "number": QT_TRANSLATE_NOOP("FormsTab", "Number"),
    "select": QT_TRANSLATE_NOOP("FormsTab", "Choice"),
    "checkbox": QT_TRANSLATE_NOOP("FormsTab", "Tick box"),
}


def status_words(status: str) -> str:
    """A submission's status in the window's language."""
    words = STATUS_WORDS.get(status)
    return translate(CONTEXT, words) if words else status


def type_words(kind: str) -> str:
    """A question's type in the window's language."""
    words = TYPE_WORDS.get(kind)
    return translate(CONTEXT, words) if words else kind


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
        Column("form_name", translate("FormsTab", "Form")),
        Column("contact_name", translate("FormsTab", "Contact")),
        Column("booking_start_at", translate("FormsTab", "Appointment"), format=when),
        Column("status", translate("FormsTab", "Status"), format=status_words),
        Column("due_at", translate("FormsTab", "Due"), format=when),
        Column("submitted_at", translate("FormsTab", "Answered"), format=when),
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
        translate("FormsTab", "{form} — {contact}").format(
            form=row.form_name, contact=row.contact_name
        ),
        translate("FormsTab", "Status: {status}").format(status=status_words(row.status)),
    ]
    if row.booking_start_at:
        lines.append(
            translate("FormsTab", "Appointment: {when}").format(
                when=fmt_datetime(row.booking_start_at, zone)
            )
        )
    if row.due_at:
        lines.append(
            translate("FormsTab", "Due: {when}").format(when=fmt_datetime(row.due_at, zone))
        )
    if row.submitted_at:
        lines.append(
            translate("FormsTab", "Answered: {when}").format(
                when=fmt_datetime(row.submitted_at, zone)
            )
        )
    lines.append("")
    if row.status != "completed":
        lines.append(translate("FormsTab", "Not answered yet."))
    for answer in detail.answers:
        label = answer.label if answer.label.endswith(("?", ":")) else f"{answer.label}:"
        value = answer.value
        if answer.type == "checkbox":
            ticked = value.strip().lower() in ("true", "yes", "on", "1")
            value = translate("FormsTab", "Yes") if ticked else translate("FormsTab", "No")
        lines.append(label)
        lines.append(f"    {value}" if value else "    " + translate("FormsTab", "(no answer)"))
    return "\n".join(lines)


def field_columns() -> list[Column]:
    return [
        Column("key", translate("FormsTab", "Key")),
        Column("label", translate("FormsTab", "Question")),
        Column("type", translate("FormsTab", "Type"), format=type_words),
        Column("required", translate("FormsTab", "Required"), format=_yes_no),
        Column("options", translate("FormsTab", "Options"), format=lambda value: ", ".join(value)),
    ]


def form_columns() -> list[Column]:
    return [
        Column("name", translate("FormsTab", "Form")),
        Column(
            "fields",
            translate("FormsTab", "Questions"),
            format=lambda value: QLocale().toString(len(value)),
        ),
        Column(
            "booking_type_ids",
            translate("FormsTab", "Booking types"),
            format=lambda value: QLocale().toString(len(value)),
        ),
        Column(
            "submission_count",
            translate("FormsTab", "Copies sent"),
            format=lambda value: QLocale().toString(int(value)),
        ),
        Column("is_active", translate("FormsTab", "In use"), format=_yes_no),
    ]


def _yes_no(value: object) -> str:
    return translate("FormsTab", "Yes") if value else translate("FormsTab", "No")


def field_error_text(key: str, message: str, fields: Sequence[FormField]) -> str:
    """``fields[2].key`` → ``Question 3 (“Phone”), key: …`` for the editor's banner."""
    match = _FIELD_ERROR.match(key)
    if not match:
        if key in ("__all__", "fields"):
            return message
        return translate("FormsTab", "{field}: {message}").format(field=key, message=message)
    index = int(match.group(1))
    part = match.group(2)
    label = fields[index].label if index < len(fields) else ""
    where = (
        translate("FormsTab", "Question {number} (“{label}”)").format(number=index + 1, label=label)
        if label
        else translate("FormsTab", "Question {number}").format(number=index + 1)
    )
    if part:
        return translate("FormsTab", "{question}, {part}: {message}").format(
            question=where, part=part, message=message
        )
    return translate("FormsTab", "{question}: {message}").format(question=where, message=message)


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
