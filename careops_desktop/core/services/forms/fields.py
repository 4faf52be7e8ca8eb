"""Form fields: checking a form's definition, and checking a customer's answers against it.

Pure functions, no database: :mod:`careops_desktop.core.services.forms.customer_copies` calls
them before it stores a definition or a submission. Every refusal is a
:class:`ValidationError` whose keys name the field (``fields[2].key`` for a
definition, the field's own key for an answer).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import FIELD_TYPES

MAX_FIELDS = 50
MAX_OPTIONS = 100
KEY_MAX = 40
LABEL_MAX = 200
OPTION_MAX = 200
ANSWER_MAX = 5_000
NUMBER_MAX = 30

KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
NUMBER_PATTERN = re.compile(r"[-+]?\d+(\.\d+)?")
CHECKED = frozenset({"yes", "on", "true", "1", "checked"})
UNCHECKED = frozenset({"", "no", "off", "false", "0"})


@dataclass(frozen=True)
class FormField:
    """One question of a form. ``options`` is used by ``select`` fields only."""

    key: str
    label: str
    type: str = "text"
    required: bool = False
    options: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The shape stored in ``forms.fields``."""
        return {
            "key": self.key,
            "label": self.label,
            "type": self.type,
            "required": self.required,
            "options": list(self.options),
        }


def field_from_json(raw: Mapping[str, Any]) -> FormField:
    """A stored field back as a :class:`FormField` (trusting what was validated on save)."""
    return FormField(
        key=str(raw.get("key", "")),
        label=str(raw.get("label", "")),
        type=str(raw.get("type", "text")),
        required=bool(raw.get("required", False)),
        options=tuple(str(o) for o in raw.get("options") or ()),
    )


def _as_mapping(item: FormField | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(item, FormField):
        return item.as_json()
    return item


def _check_options(raw: Any, where: str, errors: dict[str, str]) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple) or not raw:
        errors[f"{where}.options"] = _("A choice list needs at least one option.")
        return ()
    if len(raw) > MAX_OPTIONS:
        errors[f"{where}.options"] = _("A choice list can have at most {limit} options.").format(
            limit=MAX_OPTIONS
        )
        return ()
    options: list[str] = []
    for option in raw:
        text = option.strip() if isinstance(option, str) else ""
        if not text:
            errors[f"{where}.options"] = _("Every option needs some text.")
            return ()
        if len(text) > OPTION_MAX:
            errors[f"{where}.options"] = _("An option is longer than {limit} characters.").format(
                limit=OPTION_MAX
            )
            return ()
        if text in options:
            errors[f"{where}.options"] = _("The option “{option}” is listed twice.").format(
                option=text
            )
            return ()
        options.append(text)
    return tuple(options)


def validate_definition(fields: Sequence[FormField | Mapping[str, Any]]) -> list[FormField]:
    """Check a form's fields and return them cleaned (labels and options stripped).

    Rules: 1 to 50 fields; each key unique and slug-like (a lower-case letter,
    then letters, digits or ``_``, at most 40); a non-empty label of at most
    200 characters; a type from ``FIELD_TYPES``; ``select`` needs options.
    Raises :class:`ValidationError` listing every problem found.
    """
    if isinstance(fields, str | bytes) or not isinstance(fields, Sequence):
        raise ValidationError({"fields": _("The fields must be a list.")})
    if not fields:
        raise ValidationError({"fields": _("Add at least one field to the form.")})
    if len(fields) > MAX_FIELDS:
        raise ValidationError(
            {"fields": _("A form can have at most {limit} fields.").format(limit=MAX_FIELDS)}
        )
    errors: dict[str, str] = {}
    cleaned: list[FormField] = []
    seen: set[str] = set()
    for index, item in enumerate(fields):
        where = f"fields[{index}]"
        if not isinstance(item, FormField | Mapping):
            errors[where] = _("Each field must be a question with a key, a label and a type.")
            continue
        raw = _as_mapping(item)
        key = raw.get("key")
        key = key.strip() if isinstance(key, str) else ""
        if not key:
            errors[f"{where}.key"] = _("Give the field a key.")
        elif len(key) > KEY_MAX or not KEY_PATTERN.fullmatch(key):
            errors[f"{where}.key"] = _(
                "Use a short key of lower-case letters, digits and _, starting with a letter "
                "(at most {limit} characters)."
            ).format(limit=KEY_MAX)
        elif key in seen:
            errors[f"{where}.key"] = _("The key “{key}” is used by another field.").format(key=key)
        seen.add(key)
        label = raw.get("label")
        label = label.strip() if isinstance(label, str) else ""
        if not label:
            errors[f"{where}.label"] = _("Give the field a label.")
        elif len(label) > LABEL_MAX:
            errors[f"{where}.label"] = _("The label is longer than {limit} characters.").format(
                limit=LABEL_MAX
            )
        kind = raw.get("type", "text")
        if kind not in FIELD_TYPES:
            errors[f"{where}.type"] = _("Choose one of: {choices}.").format(
                choices=", ".join(FIELD_TYPES)
            )
        options: tuple[str, ...] = ()
        if kind == "select":
            options = _check_options(raw.get("options"), where, errors)
        required = raw.get("required", False)
        if not isinstance(required, bool):
            errors[f"{where}.required"] = _("Required must be yes or no.")
        cleaned.append(FormField(key, label, str(kind), required is True, options))
    if errors:
        raise ValidationError(errors)
    return cleaned


# -- answers ------------------------------------------------------------------------------


def _clean_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email  # lazy: start-up

    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise ValueError(_("Enter an email address such as name@example.com.")) from None
    return str(result.normalized).lower()


def _phone_cleaner(region: str | None) -> Callable[[str], str]:
    def clean(value: str) -> str:
        import phonenumbers  # lazy: start-up

        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValueError(
                _("Enter a valid phone number.")
                if region
                else _(
                    "Enter a valid phone number with the country code, such as +44 20 7946 0958."
                )
            )
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))

    return clean


def _clean_date(value: str) -> str:
    if not DATE_PATTERN.fullmatch(value):
        raise ValueError(_("Enter a date as YYYY-MM-DD, for example 1990-04-23."))
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(_("That date does not exist.")) from None


def _clean_number(value: str) -> str:
    if len(value) > NUMBER_MAX or not NUMBER_PATTERN.fullmatch(value):
        raise ValueError(_("Enter a number, for example 42 or 3.5."))
    if not math.isfinite(float(value)):
        raise ValueError(_("Enter a number, for example 42 or 3.5."))
    return value


def _clean_checkbox(value: str) -> str:
    lowered = value.lower()
    if lowered in CHECKED:
        return "yes"
    if lowered in UNCHECKED:
        return "no"
    raise ValueError(_("Tick the box or leave it empty."))


def validate_answers(
    fields: Sequence[FormField],
    data: Mapping[str, Any],
    *,
    phone_region: str | None = None,
    email_cleaner: Callable[[str], str] | None = None,
    phone_cleaner: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """Check ``data`` against ``fields`` and return the answers to store, keyed by field key.

    Unknown keys are dropped. Each answer is text of at most 5,000 characters,
    kept as typed apart from surrounding spaces (email and phone are stored
    normalised, a checkbox as ``yes``/``no``, a date as ``YYYY-MM-DD``). A
    required checkbox must be ticked. ``email_cleaner``/``phone_cleaner``
    replace the built-in checks (they raise ``ValueError`` or
    ``ValidationError``; the message is kept). Raises :class:`ValidationError` with one
    message per field at fault.
    """
    cleaners: dict[str, Callable[[str], str]] = {
        "email": email_cleaner or _clean_email,
        "phone": phone_cleaner or _phone_cleaner(phone_region),
        "date": _clean_date,
        "number": _clean_number,
    }
    errors: dict[str, str] = {}
    answers: dict[str, str] = {}
    for field in fields:
        raw = data.get(field.key)
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            errors[field.key] = _("The answer must be text.")
            continue
        if len(raw) > ANSWER_MAX:
            errors[field.key] = _("The answer is longer than {limit} characters.").format(
                limit=number_text(ANSWER_MAX)
            )
            continue
        value = raw.strip()
        if field.type == "checkbox":
            try:
                value = _clean_checkbox(value)
            except ValueError as exc:
                errors[field.key] = str(exc)
                continue
            if field.required and value != "yes":
                errors[field.key] = _("Please tick this box to continue.")
                continue
            answers[field.key] = value
            continue
        if not value:
            if field.required:
                errors[field.key] = _("This field is required.")
            else:
                answers[field.key] = ""
            continue
        if field.type == "select":
            if value not in field.options:
                errors[field.key] = _("Choose one of the options given.")
                continue
        elif field.type in cleaners:
            try:
                value = cleaners[field.type](value)
            except ValidationError as exc:
                errors[field.key] = next(iter(exc.fields.values()), str(exc))
                continue
            except ValueError as exc:
                errors[field.key] = str(exc)
                continue
        answers[field.key] = value
    if errors:
        raise ValidationError(errors)
    return answers
