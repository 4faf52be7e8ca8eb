"""How report values look: as plain text for CSV, and for people (PDF, previews).

Values arrive typed (see ``core.services.reports.model``); these functions
are the one place that turns a kind and a value into words, so the CSV, the
PDF and the Reports tab agree.

Text for people (:func:`display_text`, :func:`date_label`, the XLSX number formats of
:func:`excel_number_format`) follows the current language and the business's locale
(``core.i18n.formats``, Babel): ``1.234,50 €`` and ``01.03.2025`` in German. CSV data
cells (:func:`csv_text`) stay machine-readable in every language: ISO dates, plain
decimals with a dot, no currency symbols, so a CSV parses the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time

from babel.numbers import format_decimal, get_currency_symbol, parse_pattern

from careops_desktop.core.clock_text import shows_twice, wall_text, zone_mark
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import (
    date_and_time_text,
    date_text,
    money_text,
    number_text,
    reader_locale,
    time_text,
)

NUMERIC_KINDS = frozenset({"int", "float", "money", "percent", "minutes", "hours"})
# a cell starting with one of these may run as a formula in a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_CHARS = frozenset(FORMULA_STARTS)


def is_numeric(kind: str) -> bool:
    """True for kinds shown right-aligned and drawn in charts."""
    return kind in NUMERIC_KINDS


def csv_text(value: object, kind: str) -> str:
    """A value as CSV text: machine-friendly (ISO dates, plain decimals, no symbols)."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, int | float):
        return f"{value / 100:.2f}"
    if kind == "percent" and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind in ("minutes", "hours", "float") and isinstance(value, int | float):
        return f"{value:.2f}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return wall_text(value, "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)


class GuardedText(dict[object, object]):
    """Text cells with formula starts defused (see :func:`guard_formula`), None as "";
    remembers up to :data:`REMEMBER` values, as names and places repeat in big tables."""

    REMEMBER = 50_000

    def __missing__(self, value: object) -> object:
        text: object = "" if value is None else value
        if type(text) is str and text[:1] in FORMULA_CHARS:
            text = "'" + text
        if type(value) is str and len(self) < self.REMEMBER:
            self[value] = text
        return text


def csv_formatter(kind: str, *, guard: bool = False) -> Callable[[object], object] | None:
    """A fast ``csv_text`` for one column kind, chosen once per column for big exports;
    None where the csv module's own conversion is already right (text, whole numbers).

    ``guard`` defuses formulas in text columns (see :func:`guard_formula`).
    """
    if kind == "text":
        return GuardedText().__getitem__ if guard else None
    if kind == "int":
        return None
    if kind == "datetime":  # "%04d..." is the text of isoformat(" ", "minutes")[:16], faster
        return lambda v: (
            "%04d-%02d-%02d %02d:%02d"  # noqa: UP031 (twice as fast as an f-string here)
            % (v.year, v.month, v.day, v.hour, v.minute)
            if isinstance(v, datetime)
            else csv_text(v, kind)
        )
    if kind == "date":
        return lambda v: v.isoformat() if isinstance(v, date) else csv_text(v, kind)
    if kind == "money":
        return lambda v: f"{v / 100:.2f}" if isinstance(v, int | float) else csv_text(v, kind)
    return lambda v: csv_text(v, kind)


def display_text(value: object, kind: str, currency: str = "GBP") -> str:
    """A value for people in the current language and the business's locale: currency
    symbols, digit grouping, the locale's decimal mark and dates (``1.234,50 €``)."""
    if value is None:
        return "–"
    if kind == "money" and isinstance(value, int | float):
        return money_text(round(value), currency)
    if kind == "percent" and isinstance(value, int | float):
        return percent_text(value)
    if kind == "minutes" and isinstance(value, int | float):
        return duration_text(value)
    if kind == "hours" and isinstance(value, int | float):
        return _("{hours} h").format(hours=_decimal(value, "#,##0.0"))
    if kind == "float" and isinstance(value, int | float):
        return _decimal(value, "#,##0.00")
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return number_text(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        if kind == "datetime":
            return clock_text(value)
        return f"{date_text(value, 'medium')} {clock_text(value)}"
    if isinstance(value, date):
        return date_label(value)
    return str(value)


def date_label(value: date) -> str:
    """A date for people, short and unambiguous: ``1 Mar 2025``, ``01.03.2025``."""
    return date_text(value, "medium")


def moment_label(value: datetime) -> str:
    """A date and time for people (no zone conversion): ``1 Mar 2025, 09:30``."""
    return date_and_time_text(value, "medium")


def clock_text(value: datetime) -> str:
    """A wall-clock time in the reader's style, with the zone mark when it happens twice."""
    text = time_text(value)
    if value.tzinfo is not None and shows_twice(value):
        text += f" {zone_mark(value)}"
    return text


def percent_text(value: float) -> str:
    """A fraction as a percentage with one decimal: ``25.0%``, ``25,0 %``."""
    locale = reader_locale()
    pattern = parse_pattern(locale.percent_formats[None].pattern)
    pattern.frac_prec = (1, 1)
    return str(pattern.apply(value, locale))


def _decimal(value: float, pattern: str) -> str:
    return str(format_decimal(value, format=pattern, locale=reader_locale()))


def duration_text(minutes: float) -> str:
    """Minutes for people: "42 min", "6 h 11 min", "2 d 3 h"."""
    whole = round(minutes)
    if whole < 60:
        return _("{minutes} min").format(minutes=whole)
    hours, rest = divmod(whole, 60)
    if hours < 48:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=f"{rest:02d}")
    days, hours = divmod(hours, 24)
    return _("{days} d {hours} h").format(days=days, hours=hours)


# -- XLSX number formats in the reader's style ---------------------------------------------

_LDML_TOKEN = re.compile(r"'[^']*'|y+|M+|L+|d+|H+|h+|m+|s+|a+|E+|[^'yMLdHhmsaE]+")


def _excel_pattern(ldml: str) -> str:
    """A CLDR date/time pattern (``dd.MM.y``, ``h:mm a``) as an Excel number format."""
    out: list[str] = []
    twelve_hour = "h" in ldml.replace("'", "")
    for token in _LDML_TOKEN.findall(ldml):
        head = token[0]
        if head == "'":
            literal = token[1:-1] or "'"
            out.append(f'"{literal}"')
        elif head == "y":
            out.append("yy" if len(token) == 2 else "yyyy")
        elif head in "ML":
            out.append("m" * min(len(token), 4))
        elif head == "d":
            out.append("d" * min(len(token), 2))
        elif head in "Hh":
            out.append("h" * min(len(token), 2))
        elif head == "m":
            out.append("mm")
        elif head == "s":
            out.append("ss")
        elif head == "a":
            out.append("AM/PM" if twelve_hour else "")
        elif head == "E":
            out.append("ddd" if len(token) < 4 else "dddd")
        else:
            text = token.replace("\xa0", " ").replace("\u202f", " ")
            out.append(f'"{text}"' if any(c.isalpha() for c in text) else text)
    return "".join(out).strip()


def excel_number_format(kind: str, currency: str) -> str | None:
    """The XLSX number format of a column ``kind`` as the reader writes it: money with the
    currency symbol where their locale puts it, dates in their order (``dd.mm.yyyy``).
    Cells stay real numbers and dates; Excel shows its own decimal mark and grouping."""
    locale = reader_locale()
    if kind == "money":
        symbol = get_currency_symbol(currency, locale=locale).replace('"', "")
        pattern = locale.currency_formats["standard"].pattern.split(";")[0]
        pattern = pattern.replace("\xa0", " ").replace("\u202f", " ").replace("¤", f'"{symbol}"')
        return f"{pattern};-{pattern}"
    if kind == "date":
        return _excel_pattern(str(locale.date_formats["medium"].pattern))
    if kind == "datetime":
        day = _excel_pattern(str(locale.date_formats["medium"].pattern))
        return f"{day} {_excel_pattern(str(locale.time_formats['short'].pattern))}"
    return {
        "percent": "0.0%",
        "float": "#,##0.00",
        "minutes": "#,##0.0",
        "hours": "#,##0.00",
        "int": "#,##0",
    }.get(kind)


def guard_formula(text: str) -> str:
    """Make text that a spreadsheet would run as a formula harmless (a leading quote)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
