"""Checking and normalising contact fields: email addresses, phone numbers, regions.

Used by contacts, incoming messages and the booking page alike, so an address
is stored the same way whichever door it came in by.
"""

from __future__ import annotations

import functools
from pathlib import Path
from zoneinfo import TZPATH

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Business

FALLBACK_REGION = "GB"


def normalize_email(value: str) -> str:
    """``value`` as a lower-cased valid address, or :class:`ValidationError` on ``email``.

    Deliverability (DNS) is not checked: the desk works offline.
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({"email": _("Enter an email address.")})
    if len(text) > 320:
        raise ValidationError({"email": _("The email address is too long.")})
    valid, answer = _checked_email(text)
    if not valid:
        raise ValidationError(
            {"email": _("This email address is not valid: {reason}").format(reason=answer)}
        )
    return answer


@functools.lru_cache(maxsize=4096)
def _checked_email(text: str) -> tuple[bool, str]:
    """``(True, normalised address)`` or ``(False, why not)``; remembered, as a booking
    checks the same address twice (the page's details, then the contact)."""
    from email_validator import EmailNotValidError, validate_email  # lazy: start-up

    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return False, str(exc)
    return True, result.normalized.lower()


def normalize_phone(value: str, region: str = FALLBACK_REGION) -> str:
    """``value`` in E.164 (``+447700900123``), or :class:`ValidationError` on ``phone``.

    A number without ``+`` is read as a number of ``region`` (ISO country code).
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError({"phone": _("Enter a phone number.")})
    if len(text) > 40:
        raise ValidationError({"phone": _("The phone number is too long.")})
    import phonenumbers  # lazy: start-up

    region = (region or FALLBACK_REGION).upper()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError({"phone": _("This is not a phone number.")}) from None
    # valid for the default region means valid (half the work: imports check thousands)
    valid = phonenumbers.is_valid_number_for_region(number, region)
    if not valid and not phonenumbers.is_valid_number(number):
        raise ValidationError(
            {"phone": _("This phone number is not valid; include the country code, e.g. +44.")}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.cache
def _zone_countries() -> dict[str, str]:
    """Zone name → ISO country code, from the system's ``zone.tab`` (empty if absent)."""
    mapping: dict[str, str] = {}
    for folder in TZPATH:
        path = Path(folder) / "zone.tab"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                mapping[parts[2]] = parts[0]
        break
    return mapping


def region_for_timezone(zone: str) -> str:
    """A phone region guessed from a time zone: Europe/London → GB, America/* → US."""
    country = _zone_countries().get(zone)
    if country:
        return country
    if zone.startswith("America/"):
        return "US"
    if zone.startswith("Australia/"):
        return "AU"
    return FALLBACK_REGION


def default_region(session: Session) -> str:
    """The phone region of the business (from its time zone)."""
    zone = session.scalar(select(Business.timezone).order_by(Business.id).limit(1))
    return region_for_timezone(zone or "")
