"""Intake forms: their definitions, the copies customers fill in, and the answers staff read.

``definitions`` keeps forms and which booking types send them, ``fields``
checks a definition and a customer's answers, ``customer_copies`` sends forms
with bookings and takes answers by token, ``submissions`` is what staff read
(and offers the lazy table's ``ids`` and ``rows_by_id``) and what reminders
use. Code outside ``core/services`` imports this package, never a module
inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.forms.customer_copies import (
    TOKEN_MAX,
    FormToFill,
    SubmissionLink,
    add_submissions,
    create_submissions_for_booking,
    forms_for_type,
    get_form_by_token,
    mark_overdue,
    submit_by_token,
    update_due_dates_for_booking,
    withdraw_for_booking,
)
from careops_desktop.core.services.forms.definitions import (
    FormDefinition,
    FormView,
    attach_form,
    create_form,
    delete_form,
    detach_form,
    forms_for_booking_type,
    get_form,
    list_forms,
    load_form,
    starter_form_definition,
    update_form,
)
from careops_desktop.core.services.forms.fields import (
    MAX_FIELDS,
    FormField,
    field_from_json,
    validate_answers,
    validate_definition,
)
from careops_desktop.core.services.forms.submissions import (
    READ_PERMISSIONS,
    SEARCH_MAX,
    Answer,
    ReminderDue,
    SubmissionDetail,
    SubmissionFilter,
    SubmissionRow,
    count_submissions,
    get_submission,
    ids,
    list_submissions,
    mark_reminded,
    rows_by_id,
    submissions_due_for_reminder,
)

__all__ = [
    "MAX_FIELDS",
    "READ_PERMISSIONS",
    "SEARCH_MAX",
    "TOKEN_MAX",
    "Answer",
    "FormDefinition",
    "FormField",
    "FormToFill",
    "FormView",
    "ReminderDue",
    "SubmissionDetail",
    "SubmissionFilter",
    "SubmissionLink",
    "SubmissionRow",
    "add_submissions",
    "attach_form",
    "count_submissions",
    "create_form",
    "create_submissions_for_booking",
    "delete_form",
    "detach_form",
    "field_from_json",
    "forms_for_booking_type",
    "forms_for_type",
    "get_form",
    "get_form_by_token",
    "get_submission",
    "ids",
    "list_forms",
    "list_submissions",
    "load_form",
    "mark_overdue",
    "mark_reminded",
    "rows_by_id",
    "starter_form_definition",
    "submissions_due_for_reminder",
    "submit_by_token",
    "update_due_dates_for_booking",
    "update_form",
    "validate_answers",
    "validate_definition",
    "withdraw_for_booking",
]
