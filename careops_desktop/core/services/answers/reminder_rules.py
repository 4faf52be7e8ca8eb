"""Each booking type's reminders: a list of (channel, hours before the visit).

A type without a list of its own has the standard reminder: one, at the hours set in
Settings → Automations, by the customer's usual channel (email, else text). Saving a
type's list keeps the rules that did not change (same channel and hours) under their
ids, so a reminder already sent under one is never sent again; a changed time is a
new reminder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    REMINDER_CHANNELS,
    STANDARD_RULE,
    BookingType,
    ReminderRule,
    TypeAutomation,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, templates

HOURS_RANGE = (1, 336)  # up to two weeks before
REBOOK_DAYS_RANGE = (1, 730)
DEFAULT_REBOOK_DAYS = 28
MAX_RULES = 5


@dataclass(frozen=True)
class Rule:
    """One reminder: ``key`` is the rule id (``STANDARD_RULE`` for the standard one);
    ``channel`` None means the customer's usual channel."""

    key: int
    channel: str | None
    hours_before: int


@dataclass(frozen=True)
class TypeReminders:
    booking_type_id: int
    name: str
    is_active: bool
    own: bool  # False: the standard reminder
    rules: tuple[Rule, ...]
    rebook_after_days: int


def _settings(session: Session, type_ids: Iterable[int]) -> dict[int, TypeAutomation]:
    ids = list(type_ids)
    if not ids:
        return {}
    rows = session.scalars(select(TypeAutomation).where(TypeAutomation.booking_type_id.in_(ids)))
    return {row.booking_type_id: row for row in rows}


def rules_for_types(session: Session, type_ids: Iterable[int]) -> dict[int, tuple[Rule, ...]]:
    """The reminders each type has now (the standard one for types without a list)."""
    ids = sorted(set(type_ids))
    settings = _settings(session, ids)
    automations = templates.get_automations(session)
    standard = (Rule(STANDARD_RULE, None, automations.reminder_hours),)
    own: dict[int, list[Rule]] = {i: [] for i in ids if i in settings and settings[i].own_reminders}
    if own:
        rows = session.execute(
            select(
                ReminderRule.id,
                ReminderRule.booking_type_id,
                ReminderRule.channel,
                ReminderRule.hours_before,
            )
            .where(ReminderRule.booking_type_id.in_(list(own)))
            .order_by(ReminderRule.hours_before.desc(), ReminderRule.id)
        ).all()
        for rule_id, type_id, channel, hours in rows:
            own[type_id].append(Rule(rule_id, channel, hours))
    return {i: tuple(own[i]) if i in own else standard for i in ids}


@read_only
def list_type_reminders(session: Session) -> list[TypeReminders]:
    """Every booking type (active first, in the page's order) with its reminders."""
    types = session.execute(
        select(BookingType.id, BookingType.name, BookingType.is_active).order_by(
            BookingType.is_active.desc(), BookingType.sort_order, BookingType.name, BookingType.id
        )
    ).all()
    ids = [t.id for t in types]
    rules = rules_for_types(session, ids)
    settings = _settings(session, ids)
    result = []
    for type_id, name, active in types:
        row = settings.get(type_id)
        result.append(
            TypeReminders(
                type_id,
                name,
                bool(active),
                bool(row and row.own_reminders),
                rules[type_id],
                row.rebook_after_days if row else DEFAULT_REBOOK_DAYS,
            )
        )
    return result


def rebook_days(session: Session, type_id: int) -> int:
    """Days after a completed visit of type ``type_id`` that "Book your next visit" goes."""
    row = session.get(TypeAutomation, type_id)
    return row.rebook_after_days if row else DEFAULT_REBOOK_DAYS


def check_rules(rules: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The rules as given, checked: a ``ValidationError`` names what is wrong, in words."""
    low, high = HOURS_RANGE
    cleaned: list[tuple[str, int]] = []
    for channel, hours in rules:
        if channel not in REMINDER_CHANNELS:
            raise ValidationError({"rules": _("Choose email or text message for each reminder.")})
        if isinstance(hours, bool) or not isinstance(hours, int) or not low <= hours <= high:
            raise ValidationError(
                {
                    "rules": _(
                        "Enter a whole number of hours from {low} to {high} for each reminder."
                    ).format(low=low, high=high)
                }
            )
        if (channel, hours) in cleaned:
            raise ValidationError({"rules": _("Two reminders have the same channel and time.")})
        cleaned.append((channel, hours))
    if len(cleaned) > MAX_RULES:
        raise ValidationError(
            {
                "rules": _("A booking type can have at most {limit} reminders.").format(
                    limit=MAX_RULES
                )
            }
        )
    return cleaned


def set_type_reminders(
    session: Session,
    actor: Actor,
    booking_type_id: int,
    rules: Sequence[tuple[str, int]],
    rebook_after_days: int = DEFAULT_REBOOK_DAYS,
) -> TypeReminders:
    """Give a booking type its own reminder list (possibly empty) and its rebook delay."""
    require(actor, Permission.MANAGE_SETTINGS)
    if session.get(BookingType, booking_type_id) is None:
        raise NotFound("booking type", booking_type_id)
    wanted = check_rules(rules)
    low, high = REBOOK_DAYS_RANGE
    days = rebook_after_days
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= high:
        raise ValidationError(
            {
                "rebook_after_days": _("Enter a whole number of days from {low} to {high}.").format(
                    low=low, high=high
                )
            }
        )
    row = session.get(TypeAutomation, booking_type_id)
    if row is None:
        row = TypeAutomation(booking_type_id=booking_type_id)
        session.add(row)
    row.own_reminders = True
    row.rebook_after_days = days
    existing = {
        (r.channel, r.hours_before): r.id
        for r in session.scalars(
            select(ReminderRule).where(ReminderRule.booking_type_id == booking_type_id)
        )
    }
    gone = [rule_id for key, rule_id in existing.items() if key not in wanted]
    if gone:
        session.execute(delete(ReminderRule).where(ReminderRule.id.in_(gone)))
    for channel, hours in wanted:
        if (channel, hours) not in existing:
            session.add(
                ReminderRule(booking_type_id=booking_type_id, channel=channel, hours_before=hours)
            )
    session.flush()
    audit.record(
        session,
        actor,
        "update",
        "reminder_rules",
        booking_type_id,
        {"rules": [f"{c} {h}h" for c, h in wanted], "rebook_after_days": days},
    )
    events.record(session, events.SettingsChanged("automations"))
    return next(t for t in list_type_reminders(session) if t.booking_type_id == booking_type_id)
