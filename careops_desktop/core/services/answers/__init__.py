"""Customers answer back (issue 19): several reminders per booking type, confirm or cancel
by reply, STOP/START by text, and follow-ups after a visit.

``reply_words`` reads a reply (pure), ``reminder_rules`` keeps each type's reminders,
``reminders`` queues them exactly once, ``replies`` acts on what customers answer,
``followups`` brings customers back, ``freed_time`` is the waitlist's hook, ``flags``
says which visits are not confirmed yet. Code outside ``core/services`` imports this
package, never a module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.answers.consent import save_contact
from careops_desktop.core.services.answers.flags import (
    calendar_answer,
    desk_alerts,
    late_cancel_requests,
    reminded_ids,
    unconfirmed_soon_count,
)
from careops_desktop.core.services.answers.followups import FollowupReport, queue_followups
from careops_desktop.core.services.answers.reminder_rules import (
    HOURS_RANGE,
    MAX_RULES,
    REBOOK_DAYS_RANGE,
    Rule,
    TypeReminders,
    check_rules,
    list_type_reminders,
    set_type_reminders,
)
from careops_desktop.core.services.answers.reminders import (
    BATCH,
    REMINDERS,
    ReminderReport,
    queue_booking_reminders,
)
from careops_desktop.core.services.answers.replies import ReplyResult, record_reply
from careops_desktop.core.services.answers.reply_words import (
    booking_answer,
    carrier_keyword,
    reply_top,
)

__all__ = [
    "BATCH",
    "HOURS_RANGE",
    "MAX_RULES",
    "REBOOK_DAYS_RANGE",
    "REMINDERS",
    "FollowupReport",
    "ReminderReport",
    "ReplyResult",
    "Rule",
    "TypeReminders",
    "booking_answer",
    "calendar_answer",
    "carrier_keyword",
    "check_rules",
    "desk_alerts",
    "late_cancel_requests",
    "list_type_reminders",
    "queue_booking_reminders",
    "queue_followups",
    "record_reply",
    "reminded_ids",
    "reply_top",
    "save_contact",
    "set_type_reminders",
    "unconfirmed_soon_count",
]
