"""Message templates and automation switches, stored in ``business.automations``.

Templates have ``{placeholder}`` slots. :func:`render` fills them in one pass:
values (customer text included) are inserted as they are and never read as
templates themselves; an unknown placeholder stays visible so a person notices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import N_, SHIPPED, SOURCE, _, normalise, use_language
from careops_desktop.core.i18n.languages import language_of_locale
from careops_desktop.core.models import Booking, Contact
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import (
    business_settings,
    get_business,
    locale_of,
)

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
        N_("Thank you for contacting {business_name}"),
        N_(
            "Hello {contact_name},\n\nThank you for getting in touch with {business_name}. "
            "We have your message and will reply soon.\n\n{business_name}"
        ),
    ),
    "confirmation": (
        N_("Your booking with {business_name}: {booking_type} on {booking_time}"),
        N_(
            "Hello {contact_name},\n\nYour {booking_type} with {provider_name} is booked for "
            "{booking_time}.\n\nTo change or cancel it, open:\n{manage_link}\n\n{business_name}"
        ),
    ),
    "reminder": (
        N_("Reminder: {booking_type} on {booking_time}"),
        # Translators: keep "C" and "X": the reply parser reads them in every language
        # (answers/reply_words.py), besides the language's own words for yes and no.
        N_(
            "Hello {contact_name},\n\nThis is a reminder of your {booking_type} with "
            "{provider_name} on {booking_time}.\n\nReply C to confirm or X to cancel. "
            "To change it, open:\n{manage_link}\n\n{business_name}"
        ),
    ),
    "form_link": (
        N_("Please fill in your form before {booking_time}"),
        N_(
            "Hello {contact_name},\n\nBefore your {booking_type} on {booking_time}, please fill "
            "in this form:\n{form_link}\n\n{business_name}"
        ),
    ),
    "form_reminder": (
        N_("Reminder: your form for {booking_time}"),
        N_(
            "Hello {contact_name},\n\nWe have not yet received your form for your {booking_type} "
            "on {booking_time}. Please fill it in here:\n{form_link}\n\n{business_name}"
        ),
    ),
    "low_stock": (
        N_("Low stock: {item_name}"),
        N_("{item_name} is running low: {quantity} left.\n\n{business_name}"),
    ),
    "cancellation": (
        N_("Your booking on {booking_time} is cancelled"),
        N_(
            "Hello {contact_name},\n\nYour {booking_type} on {booking_time} has been cancelled."
            "\n\nTo book again, open:\n{manage_link}\n\n{business_name}"
        ),
    ),
    "reschedule": (
        N_("Your booking has moved to {booking_time}"),
        N_(
            "Hello {contact_name},\n\nYour {booking_type} with {provider_name} is now on "
            "{booking_time}.\n\nTo change or cancel it, open:\n{manage_link}\n\n{business_name}"
        ),
    ),
    # answers to a customer's reply to a reminder (issue 19): short, one per reply
    "reply_confirmed": (
        N_("Your {booking_type} on {booking_time} is confirmed"),
        N_(
            "Thank you, {contact_name}: your {booking_type} on {booking_time} is confirmed. "
            "See you then.\n\n{business_name}"
        ),
    ),
    "reply_cancelled": (
        N_("Your {booking_type} on {booking_time} is cancelled"),
        N_(
            "Your {booking_type} on {booking_time} is cancelled, as you asked. To book again, "
            "open:\n{booking_link}\n\n{business_name}"
        ),
    ),
    "reply_call_us": (
        N_("Please call us about your {booking_type} on {booking_time}"),
        N_(
            "It is too close to your {booking_type} on {booking_time} to cancel by reply. "
            "Please call us on {business_phone}.\n\n{business_name}"
        ),
    ),
    # follow-ups (off by default)
    "followup_no_show": (
        N_("We missed you, {contact_name}"),
        N_(
            "Hello {contact_name},\n\nWe missed you at your {booking_type} on {booking_time}. "
            "Book again whenever it suits you:\n{booking_link}\n\n{business_name}"
        ),
    ),
    "followup_rebook": (
        N_("Book your next {booking_type}"),
        N_(
            "Hello {contact_name},\n\nIt is time to book your next {booking_type}. Choose a "
            "time here:\n{rebook_link}\n\n{business_name}"
        ),
    ),
    "series_confirmation": (
        N_("Your {booking_type} visits with {business_name}"),
        N_(
            "Hello {contact_name},\n\nYour {booking_type} visits with {provider_name} are booked:"
            "\n{series_dates}\n\nTo change or cancel the first one, open:\n"
            "{manage_link}\n\n{business_name}"
        ),
    ),
    "series_changes": (
        N_("Changes to your {booking_type} visits"),
        N_(
            "Hello {contact_name},\n\nThese {booking_type} visits have changed:\n"
            "{series_changes}\n\nTo see your next visit, open:\n{manage_link}\n\n{business_name}"
        ),
    ),
    # the waitlist (issue 18): a time has freed up; the first to claim it books it
    "waitlist_offer": (
        N_("A time has freed up: {booking_type} on {booking_time}"),
        N_(
            "Hello {contact_name},\n\nA time you were waiting for is free: {booking_type} with "
            "{provider_name} on {booking_time}.\n\nThe first to open this link before "
            "{offer_until} gets it:\n{claim_link}\n\nNot for you? Do nothing.\n\n{business_name}"
        ),
    ),
}
TEMPLATE_KEYS = tuple(DEFAULTS)


@dataclass(frozen=True)
class Template:
    key: str
    subject: str
    body: str
    is_default: bool
    language: str = SOURCE


# -- languages: the business's, a contact's ----------------------------------------------------

BY_LANGUAGE = "templates_by_language"  # automations[BY_LANGUAGE][language][key] = {subject, body}
LEGACY = "templates"  # automations[LEGACY][key]: the business language's text, as stored before


@read_only
def business_language(session: Session) -> str:
    """The language the business writes in: its locale's language if shipped, else English.

    Staff-facing messages (low stock) use it, and so does every contact without a language.
    """
    return language_of_locale(locale_of(business_settings(session)))


def message_language(
    session: Session,
    *,
    contact_id: int | None = None,
    booking_id: int | None = None,
    address: str | None = None,
) -> str:
    """The language of a message to a contact: the contact's own (``Contact.language``), else
    the business's (:func:`business_language`).

    The contact is ``contact_id``, else ``booking_id``'s contact, else the contact whose
    email or phone is ``address`` (a waitlist entry keeps no contact).
    """
    language: str | None = None
    if contact_id is None and booking_id is not None:
        booking = session.get(Booking, booking_id)
        contact_id = booking.contact_id if booking is not None else None
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        language = contact.language if contact is not None else None
    elif address:
        language = session.execute(
            select(Contact.language)
            .where(or_(Contact.email == address, Contact.phone == address))
            .where(Contact.language.is_not(None))
            .order_by(Contact.id)
            .limit(1)
        ).scalar()
    return normalise(language) or business_language(session)


class Localized:
    """A placeholder value written when the message is filled, in the message's language.

    ``Localized(booking_time_text, start, zone)`` gives ``{booking_time}`` in the reader's
    date format; ``str()`` makes the text in the current language.
    """

    __slots__ = ("_args", "_make")

    def __init__(self, make: Callable[..., object], *args: object) -> None:
        self._make = make
        self._args = args

    def __str__(self) -> str:
        return str(self._make(*self._args))

    def __repr__(self) -> str:
        return f"Localized({self})"


def _language(language: str | None) -> str:
    chosen = normalise(language)
    if language is not None and chosen is None:
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    return chosen or SOURCE


def _section(stored: Any, name: str) -> dict[str, Any]:
    value = stored.get(name) if isinstance(stored, dict) else None
    return value if isinstance(value, dict) else {}


def _override(session: Session, key: str, language: str) -> dict[str, Any] | None:
    automations = business_settings(session).automations or {}
    found = _section(_section(automations, BY_LANGUAGE), language).get(key)
    if found is None and language == business_language(session):
        found = _section(automations, LEGACY).get(key)  # before issue 22
    if isinstance(found, dict) and "subject" in found and "body" in found:
        return found
    return None


def default_template(key: str, language: str) -> Template:
    """The shipped text of template ``key`` in ``language``."""
    subject, body = DEFAULTS[key]
    with use_language(language):
        return Template(key, _(subject), _(body), True, language)


@read_only
def get_template(session: Session, key: str, language: str | None = None) -> Template:
    """The template ``key`` in ``language`` (default: the business's) as the business has it:
    its own text for that language, else the shipped translation of the default."""
    if key not in DEFAULTS:
        raise NotFound("template", key)
    chosen = _language(language) if language is not None else business_language(session)
    override = _override(session, key, chosen)
    if override is not None:
        return Template(key, str(override["subject"]), str(override["body"]), False, chosen)
    return default_template(key, chosen)


@read_only
def list_templates(session: Session, language: str | None = None) -> list[Template]:
    """Every template in ``language`` (default: the business's), in a fixed order."""
    return [get_template(session, key, language) for key in TEMPLATE_KEYS]


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


def render(
    session: Session,
    key: str,
    context: Mapping[str, object],
    *,
    language: str | None = None,
    contact_id: int | None = None,
    booking_id: int | None = None,
) -> tuple[str, str]:
    """``(subject, body)`` of template ``key`` filled: see :func:`render_message`."""
    rendered = render_message(
        session, key, context, language=language, contact_id=contact_id, booking_id=booking_id
    )
    return rendered.subject, rendered.body


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


def render_message(
    session: Session,
    key: str,
    context: Mapping[str, object],
    *,
    language: str | None = None,
    contact_id: int | None = None,
    booking_id: int | None = None,
    address: str | None = None,
) -> RenderedMessage:
    """Template ``key`` filled from ``context``, with the links the email may make clickable
    (see :func:`template_links`).

    Written in ``language``, else the language of the contact (``contact_id``, else
    ``booking_id``'s contact, else the contact at ``address``), else the business's
    (:func:`message_language`). Filled inside that language, so :class:`Localized` values
    (``{booking_time}``) come out in its formats. ``business_name`` and ``business_phone``
    (else its email) are filled from the business unless the context gives them.
    """
    if language is None:
        language = message_language(
            session, contact_id=contact_id, booking_id=booking_id, address=address
        )
    template = get_template(session, key, language)
    business = business_settings(session)
    values: dict[str, object] = {"business_name": business.name}
    values["business_phone"] = business.phone or business.contact_email
    values.update(context)
    with use_language(template.language):
        return RenderedMessage(
            fill(template.subject, values, one_line=True),
            fill(template.body, values),
            template_links(template.body, context),
        )


def _check_text(subject: str, body: str) -> None:
    errors: dict[str, str] = {}
    if not subject.strip():
        errors["subject"] = _("Enter a subject.")
    elif len(subject) > SUBJECT_MAX:
        errors["subject"] = _("The subject is longer than {limit} characters.").format(
            limit=SUBJECT_MAX
        )
    elif "\n" in subject or "\r" in subject:
        errors["subject"] = _("A subject is one line.")
    if not body.strip():
        errors["body"] = _("Enter the message text.")
    elif len(body) > BODY_MAX:
        errors["body"] = _("The text is longer than {limit} characters.").format(limit=BODY_MAX)
    for field, text in (("subject", subject), ("body", body)):
        unknown = sorted({m.group(1) for m in _SLOT.finditer(text)} - PLACEHOLDERS)
        if unknown and field not in errors:
            errors[field] = _("Unknown placeholder {names}. Known: {known}").format(
                names=", ".join("{" + name + "}" for name in unknown),
                known=", ".join("{" + name + "}" for name in sorted(PLACEHOLDERS)),
            )
    if errors:
        raise ValidationError(errors)


def _edit_language(session: Session, language: str | None) -> str:
    if language is None:
        return business_language(session)
    chosen = _language(language)
    if chosen not in SHIPPED:
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    return chosen


def set_template(
    session: Session,
    actor: Actor,
    key: str,
    subject: str,
    body: str,
    language: str | None = None,
) -> Template:
    """Store the business's own text for template ``key`` in ``language`` (default: the
    business's); placeholders are checked. Other languages keep their own texts."""
    require(actor, Permission.MANAGE_SETTINGS)
    if key not in DEFAULTS:
        raise NotFound("template", key)
    chosen = _edit_language(session, language)
    _check_text(subject, body)
    business = get_business(session)
    automations = dict(business.automations or {})
    by_language = dict(_section(automations, BY_LANGUAGE))
    stored = dict(_section(by_language, chosen))
    stored[key] = {"subject": subject.strip(), "body": body}
    by_language[chosen] = stored
    automations[BY_LANGUAGE] = by_language
    business.automations = automations
    audit.record(
        session, actor, "update", "template", business.id, {"template": key, "language": chosen}
    )
    events.record(session, events.SettingsChanged("automations"))
    return get_template(session, key, chosen)


def reset_template(
    session: Session, actor: Actor, key: str, language: str | None = None
) -> Template:
    """Go back to the shipped text of template ``key`` in ``language`` (default: the business's)."""
    require(actor, Permission.MANAGE_SETTINGS)
    if key not in DEFAULTS:
        raise NotFound("template", key)
    chosen = _edit_language(session, language)
    business = get_business(session)
    automations = dict(business.automations or {})
    by_language = dict(_section(automations, BY_LANGUAGE))
    stored = dict(_section(by_language, chosen))
    removed = stored.pop(key, None) is not None
    by_language[chosen] = stored
    automations[BY_LANGUAGE] = by_language
    if chosen == business_language(session):  # the text stored before issue 22 goes too
        legacy = dict(_section(automations, LEGACY))
        removed = legacy.pop(key, None) is not None or removed
        automations[LEGACY] = legacy
    if removed:
        business.automations = automations
        audit.record(
            session, actor, "reset", "template", business.id, {"template": key, "language": chosen}
        )
        events.record(session, events.SettingsChanged("automations"))
    return get_template(session, key, chosen)


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
                errors[name] = _("Choose on or off.")
        elif name in ("reminder_hours", "retry_hours"):
            low, high = REMINDER_HOURS_RANGE if name == "reminder_hours" else RETRY_HOURS_RANGE
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                errors[name] = _("Enter a whole number of hours from {low} to {high}.").format(
                    low=low, high=high
                )
        else:
            errors[name] = _("There is no such automation.")
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
