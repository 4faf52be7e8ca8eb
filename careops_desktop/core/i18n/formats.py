"""Dates, times, weekdays, numbers and money as the reader's locale writes them (Babel/CLDR).

The business has a locale (a setting; by default the main language of the country its
time zone lies in: Europe/Berlin → ``de_DE``). Texts for a reader of the business's
language use it; a reader of another language gets that language's own formats
(a German customer of a Spanish salon reads ``Dienstag, 3. März 2026``).
The window formats with QLocale set from the same setting (``ui/i18n.py``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.core import get_global
from babel.languages import get_official_languages

from careops_desktop.core.i18n.languages import PSEUDO, SOURCE
from careops_desktop.core.i18n.translations import current_language

FALLBACK_LOCALE = "en_GB"
_LOCALE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,3}$")
_business_locale = FALLBACK_LOCALE


def locale_for_zone(zone_name: str | None) -> str:
    """The locale a business in time zone ``zone_name`` most likely writes in (``de_DE``).

    Unknown zones (and ``UTC``) give ``en_GB``.
    """
    territory = get_global("zone_territories").get(zone_name or "")
    if not territory or territory == "001":
        return FALLBACK_LOCALE
    for language in get_official_languages(territory, de_facto=True):
        tag = f"{language}_{territory}"
        try:
            Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
        return tag
    return FALLBACK_LOCALE


def valid_locale(tag: str | None) -> str | None:
    """``tag`` (``de_DE``, ``es-MX``) in Babel's form; None when CLDR has no such locale."""
    if not tag or len(tag) > 35 or not _LOCALE_TAG.match(tag):
        return None
    try:
        return str(Locale.parse(tag.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def set_business_locale(tag: str | None) -> str:
    """Make ``tag`` the business's locale for this process; returns what was set."""
    global _business_locale
    _business_locale = valid_locale(tag) or FALLBACK_LOCALE
    return _business_locale


def business_locale() -> str:
    """The business's locale as set for this process."""
    return _business_locale


def reader_locale(language: str | None = None) -> Locale:
    """The locale to format for a reader of ``language`` (default: the current language)."""
    business = Locale.parse(_business_locale)
    language = language or current_language()
    if language in PSEUDO:
        return business
    base = language.split("-", 1)[0]
    if base == business.language:
        return business
    for tag in (f"{base}_{business.territory}", base):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse(SOURCE)


def date_text(value: date | datetime, length: str = "full", *, language: str | None = None) -> str:
    """``value``'s date as the reader writes it (``full`` names the weekday)."""
    if isinstance(value, datetime):
        value = value.date()
    return babel_dates.format_date(value, format=length, locale=reader_locale(language))


def time_text(value: time | datetime, *, language: str | None = None) -> str:
    """A wall-clock time, 24-hour or am/pm as the reader's locale has it (no zone conversion)."""
    if isinstance(value, datetime):
        value = value.time()
    written = babel_dates.format_time(value, format="short", locale=reader_locale(language))
    # CLDR puts a narrow no-break space before "am"/"pm"; a text message with it is sent as
    # UCS-2 (70 characters a part instead of 160), so times use a plain space
    return written.replace("\u202f", " ")


def date_and_time_text(
    value: datetime, length: str = "full", *, language: str | None = None
) -> str:
    """Date and time in one phrase as the reader's locale joins them (no zone conversion)."""
    locale = reader_locale(language)
    pattern = locale.datetime_formats.get(length) or locale.datetime_formats["medium"]
    clock = time_text(value, language=language)
    return str(pattern).format(clock, date_text(value, length, language=language))


def weekday_text(value: date | int, width: str = "wide", *, language: str | None = None) -> str:
    """A weekday's name (``value`` a date, or 0 = Monday … 6 = Sunday)."""
    index = value.weekday() if isinstance(value, date) else int(value)
    names = reader_locale(language).days["format"][width]
    return str(names[index])


def month_text(month: int, width: str = "wide", *, language: str | None = None) -> str:
    """A month's name (1 = January)."""
    return str(reader_locale(language).months["format"][width][month])


def number_text(value: int | float | Decimal, *, language: str | None = None) -> str:
    """A number with the reader's digit grouping and decimal mark (``1.234,5`` in German)."""
    return babel_numbers.format_decimal(value, locale=reader_locale(language))


def money_text(minor: int, currency: str, *, language: str | None = None) -> str:
    """An amount held in minor units (cents) as the reader writes money: ``45,00 €``, ``€45.00``."""
    digits = babel_numbers.get_currency_precision(currency)
    amount = Decimal(minor).scaleb(-digits)
    return babel_numbers.format_currency(amount, currency, locale=reader_locale(language))


def first_weekday(*, language: str | None = None) -> int:
    """The first day of the week where the reader lives: 0 = Monday … 6 = Sunday."""
    return int(reader_locale(language).first_week_day)


def uses_24_hour_clock(*, language: str | None = None) -> bool:
    """Whether the reader's locale writes times on a 24-hour clock."""
    pattern = reader_locale(language).time_formats["short"].pattern
    return "a" not in pattern
