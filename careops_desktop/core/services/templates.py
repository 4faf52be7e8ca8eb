"""Message templates and automation switches, stored in ``business.automations``.

Templates have ``{placeholder}`` slots. :func:`render` fills them in one pass:
values (customer text included) are inserted as they are and never read as
templates themselves; an unknown placeholder stays visible so a person notices.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import business_settings, get_business

PLACEHOLDERS = frozenset(
    {
        "contact_name",
        "booking_time",
        "business_name",
        "manage_link",
        "form_link",
        "booking_type",
        "provider_name",
        "item_name",
        "quantity",
        "booking_link",
        "rebook_link",
        "business_phone",
        "series_dates",
        "series_changes",
        "claim_link",
        "offer_until",
    }
)
SUBJECT_MAX = 300
BODY_MAX = 20_000
_SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

DEFAULTS: dict[str, tuple[str, str]] = {
    "welcome": (
        "Thank you for contacting {business_name}",
        "Hello {contact_name},\n\nThank you for getting in touch with {business_name}. "
        "We have your message and will reply soon.\n\n{business_name}",
    ),
    "confirmation": (
        "Your booking with {business_name}: {booking_type} on {booking_time}",
        "Hello {contact_name},\n\nYour {booking_type} with {provider_name} is booked for "
        "{booking_time}.\n\nTo change or cancel it, open:\n{manage_link}\n\n{business_name}",
    ),
    "reminder": (
        "Reminder: {booking_type} on {booking_time}",
        "Hello {contact_name},\n\nThis is a reminder of your {booking_type} with "
        "{provider_name} on {booking_time}.\n\nReply C to confirm or X to cancel. "
        "To change it, open:\n{manage_link}\n\n{business_name}",
    ),
    "form_link": (
        "Please fill in your form before {booking_time}",
        "Hello {contact_name},\n\nBefore your {booking_type} on {booking_time}, please fill "
        "in this form:\n{form_link}\n\n{business_name}",
    ),
    "form_reminder": (
        "Reminder: your form for {booking_time}",
        "Hello {contact_name},\n\nWe have not yet received your form for your {booking_type} "
        "on {booking_time}. Please fill it in here:\n{form_link}\n\n{business_name}",
    ),
    "low_stock": (
        "Low stock: {item_name}",
        "{item_name} is running low: {quantity} left.\n\n{business_name}",
    ),
    "cancellation": (
        "Your booking on {booking_time} is cancelled",
        "Hello {contact_name},\n\nYour {booking_type} on {booking_time} has been cancelled."
        "\n\nTo book again, open:\n{manage_link}\n\n{business_name}",
    ),
    "reschedule": (
        "Your booking has moved to {booking_time}",
        "Hello {contact_name},\n\nYour {booking_type} with {provider_name} is now on "
        "{booking_time}.\n\nTo change or cancel it, open:\n{manage_link}\n\n{business_name}",
    ),
    # answers to a customer's reply to a reminder (issue 19): short, one per reply
    "reply_confirmed": (
        "Your {booking_type} on {booking_time} is confirmed",
        "Thank you, {contact_name}: your {booking_type} on {booking_time} is confirmed. "
        "See you then.\n\n{business_name}",
    ),
    "reply_cancelled": (
        "Your {booking_type} on {booking_time} is cancelled",
        "Your {booking_type} on {booking_time} is cancelled, as you asked. To book again, "
        "open:\n{booking_link}\n\n{business_name}",
    ),
    "reply_call_us": (
        "Please call us about your {booking_type} on {booking_time}",
        "It is too close to your {booking_type} on {booking_time} to cancel by reply. "
        "Please call us on {business_phone}.\n\n{business_name}",
    ),
    # follow-ups (off by default)
    "followup_no_show": (
        "We missed you, {contact_name}",
        "Hello {contact_name},\n\nWe missed you at your {booking_type} on {booking_time}. "
        "Book again whenever it suits you:\n{booking_link}\n\n{business_name}",
    ),
    "followup_rebook": (
        "Book your next {booking_type}",
        "Hello {contact_name},\n\nIt is time to book your next {booking_type}. Choose a "
        "time here:\n{rebook_link}\n\n{business_name}",
    ),
    "series_confirmation": (
        "Your {booking_type} visits with {business_name}",
        "Hello {contact_name},\n\nYour {booking_type} visits with {provider_name} are booked "
        "for these times:\n{series_dates}\n\nTo change or cancel the first one, open:\n"
        "{manage_link}\n\n{business_name}",
    ),
    "series_changes": (
        "Changes to your {booking_type} visits",
        "Hello {contact_name},\n\nThese {booking_type} visits have changed:\n"
        "{series_changes}\n\nTo see your next visit, open:\n{manage_link}\n\n{business_name}",
    ),
    # the waitlist (issue 18): a time has freed up; the first to claim it books it
    "waitlist_offer": (
        "A time has freed up: {booking_type} on {booking_time}",
        "Hello {contact_name},\n\nA time you were waiting for has freed up: {booking_type} "
        "with {provider_name} on {booking_time}.\n\nTo book it, open this link before "
        "{offer_until}. The first person to claim it gets it:\n{claim_link}\n\n"
        "If it does not suit you, do nothing: we will offer it to the next person "
        "waiting.\n\n{business_name}",
    ),
}
TEMPLATE_KEYS = tuple(DEFAULTS)


@dataclass(frozen=True)
class Template:
    key: str
    subject: str
    body: str
    is_default: bool


def _stored(session: Session) -> dict[str, Any]:
    stored = business_settings(session).automations.get("templates")
    return stored if isinstance(stored, dict) else {}


@read_only
def get_template(session: Session, key: str) -> Template:
    """The template ``key`` as the business has it (its own text, or the default)."""
    if key not in DEFAULTS:
        raise NotFound("template", key)
    override = _stored(session).get(key)
    if isinstance(override, dict) and "subject" in override and "body" in override:
        return Template(key, str(override["subject"]), str(override["body"]), False)
    subject, body = DEFAULTS[key]
    return Template(key, subject, body, True)


@read_only
def list_templates(session: Session) -> list[Template]:
    """Every template in a fixed order."""
    return [get_template(session, key) for key in TEMPLATE_KEYS]


def fill(text: str, context: Mapping[str, object], *, one_line: bool = False) -> str:
    """Replace ``{name}`` slots with ``context`` values in one pass; others stay as written.

    With ``one_line`` (subjects), line breaks inside values become spaces, so a
    customer's name can never add a header line.
    """

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in context:
            return match.group(0)
        value = str(context[name])
        if one_line:
            value = " ".join(value.splitlines())
        return value

    return _SLOT.sub(substitute, text)


def placeholders_in(text: str) -> set[str]:
    """The names of the ``{placeholder}`` slots written in ``text``, known or not."""
    return {m.group(1) for m in _SLOT.finditer(text)}


def render(session: Session, key: str, context: Mapping[str, object]) -> tuple[str, str]:
    """``(subject, body)`` of template ``key`` filled from ``context``.

    ``business_name`` and ``business_phone`` (else its email) are filled from the business
    unless the context gives them.
    """
    template = get_template(session, key)
    business = business_settings(session)
    values: dict[str, object] = {"business_name": business.name}
    values["business_phone"] = business.phone or business.contact_email
    values.update(context)
    return fill(template.subject, values, one_line=True), fill(template.body, values)


# placeholders whose values the app builds as links (never customer text)
LINK_PLACEHOLDERS = frozenset(
    {"manage_link", "form_link", "booking_link", "rebook_link", "claim_link"}
)
# a web address as the email's HTML part finds it (integrations/email_out.py uses the same)
_URL = re.compile(r"https?://[^\s<>\"']+")
_URL_TAIL = ".,;:!?)]}"


@dataclass(frozen=True)
class RenderedMessage:
    """A filled template, and the only addresses its HTML part may make clickable."""

    subject: str
    body: str
    links: tuple[str, ...]


def template_links(text: str, context: Mapping[str, object]) -> tuple[str, ...]:
    """The links a template may show as links: those the business wrote in ``text`` itself
    (outside any ``{placeholder}``) and the app-built link values in ``context``.

    A value a customer typed is never among them, so it can only ever be text.
    """
    found: list[str] = []
    for literal in _SLOT.split(text)[::2]:  # split keeps slot names at the odd places
        found.extend(m.group(0).rstrip(_URL_TAIL) for m in _URL.finditer(literal))
    for name in sorted(LINK_PLACEHOLDERS):
        value = context.get(name)
        if isinstance(value, str) and _URL.fullmatch(value):
            found.append(value)
    return tuple(dict.fromkeys(link for link in found if link))


def render_message(session: Session, key: str, context: Mapping[str, object]) -> RenderedMessage:
    """:func:`render`, with the links the email may make clickable (see :func:`template_links`)."""
    template = get_template(session, key)
    business = business_settings(session)
    values: dict[str, object] = {"business_name": business.name}
    values["business_phone"] = business.phone or business.contact_email
    values.update(context)
    return RenderedMessage(
        fill(template.subject, values, one_line=True),
        fill(template.body, values),
        template_links(template.body, context),
    )


def _check_text(subject: str, body: str) -> None:
    errors: dict[str, str] = {}
    if not subject.strip():
        errors["subject"] = "Enter a subject."
    elif len(subject) > SUBJECT_MAX:
        errors["subject"] = f"The subject is longer than {SUBJECT_MAX} characters."
    elif "\n" in subject or "\r" in subject:
        errors["subject"] = "A subject is one line."
    if not body.strip():
        errors["body"] = "Enter the message text."
    elif len(body) > BODY_MAX:
        errors["body"] = f"The text is longer than {BODY_MAX} characters."
    for field, text in (("subject", subject), ("body", body)):
        unknown = sorted({m.group(1) for m in _SLOT.finditer(text)} - PLACEHOLDERS)
        if unknown and field not in errors:
            names = ", ".join("{" + name + "}" for name in unknown)
            errors[field] = f"Unknown placeholder {names}. Known: " + ", ".join(
                "{" + name + "}" for name in sorted(PLACEHOLDERS)
            )
    if errors:
        raise ValidationError(errors)


def set_template(session: Session, actor: Actor, key: str, subject: str, body: str) -> Template:
    """Store the business's own text for template ``key``; placeholders are checked."""
    require(actor, Permission.MANAGE_SETTINGS)
    if key not in DEFAULTS:
        raise NotFound("template", key)
    _check_text(subject, body)
    business = get_business(session)
    automations = dict(business.automations or {})
    stored = dict(automations.get("templates") or {})
    stored[key] = {"subject": subject.strip(), "body": body}
    automations["templates"] = stored
    business.automations = automations
    audit.record(session, actor, "update", "template", business.id, {"template": key})
    events.record(session, events.SettingsChanged("automations"))
    return get_template(session, key)


def reset_template(session: Session, actor: Actor, key: str) -> Template:
    """Go back to the default text of template ``key``."""
    require(actor, Permission.MANAGE_SETTINGS)
    if key not in DEFAULTS:
        raise NotFound("template", key)
    business = get_business(session)
    automations = dict(business.automations or {})
    stored = dict(automations.get("templates") or {})
    if stored.pop(key, None) is not None:
        automations["templates"] = stored
        business.automations = automations
        audit.record(session, actor, "reset", "template", business.id, {"template": key})
        events.record(session, events.SettingsChanged("automations"))
    return get_template(session, key)


# -- automation switches ---------------------------------------------------------------------

SWITCHES = (
    "welcome",
    "confirmation",
    "reminder",
    "form_reminder",
    "low_stock",
    "reply_answers",
    "followup_no_show",
    "followup_rebook",
)
REMINDER_HOURS_RANGE = (1, 168)
RETRY_HOURS_RANGE = (1, 168)  # how long the outbox keeps trying a message (outbox.retry_window)


@dataclass(frozen=True)
class Automations:
    """Which automatic messages are sent: all but the follow-ups by default; reminders 24 h ahead.

    ``retry_hours``: how long a message that cannot be sent is retried (every message,
    automatic or typed) before it is failed for good; a day by default.
    """

    welcome: bool = True
    confirmation: bool = True
    reminder: bool = True
    form_reminder: bool = True
    low_stock: bool = True
    reminder_hours: int = 24
    retry_hours: int = 24
    # issue 19: yes/no replies to reminders are acted on; follow-ups are off until chosen
    reply_answers: bool = True
    followup_no_show: bool = False
    followup_rebook: bool = False


@read_only
def get_automations(session: Session) -> Automations:
    """The business's automation switches."""
    stored = business_settings(session).automations or {}
    values: dict[str, Any] = {}
    for name in SWITCHES:
        entry = stored.get(name)
        if isinstance(entry, dict) and isinstance(entry.get("enabled"), bool):
            values[name] = entry["enabled"]
    for name in ("reminder_hours", "retry_hours"):
        hours = stored.get(name)
        if isinstance(hours, int) and not isinstance(hours, bool):
            values[name] = hours
    return Automations(**values)


def set_automations(session: Session, actor: Actor, **changes: Any) -> Automations:
    """Turn automations on or off, set ``reminder_hours`` (1–168) and ``retry_hours`` (1–168)."""
    require(actor, Permission.MANAGE_SETTINGS)
    errors: dict[str, str] = {}
    for name, value in changes.items():
        if name in SWITCHES:
            if not isinstance(value, bool):
                errors[name] = "Choose on or off."
        elif name in ("reminder_hours", "retry_hours"):
            low, high = REMINDER_HOURS_RANGE if name == "reminder_hours" else RETRY_HOURS_RANGE
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                errors[name] = f"Enter a whole number of hours from {low} to {high}."
        else:
            errors[name] = "There is no such automation."
    if errors:
        raise ValidationError(errors)
    business = get_business(session)
    automations = dict(business.automations or {})
    for name, value in changes.items():
        if name in ("reminder_hours", "retry_hours"):
            automations[name] = value
        else:
            entry = dict(automations.get(name) or {})
            entry["enabled"] = value
            automations[name] = entry
    business.automations = automations
    audit.record(session, actor, "update", "automations", business.id, {"fields": sorted(changes)})
    events.record(session, events.SettingsChanged("automations"))
    return get_automations(session)
