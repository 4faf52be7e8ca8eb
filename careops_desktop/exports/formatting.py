"""How report values look: as plain text for CSV, and for people (PDF, previews).

Values arrive typed (see ``core.services.reports.model``); these functions
are the one place that turns a kind and a value into words, so the CSV, the
PDF and the Reports tab agree.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from careops_desktop.core.clock_text import wall_text

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$"}
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
    """A value for people: currency symbols, thousands separators, short dates."""
    if value is None:
        return "–"
    if kind == "money" and isinstance(value, int | float):
        symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
        sign = "-" if value < 0 else ""
        return f"{sign}{symbol}{abs(value) / 100:,.2f}"
    if kind == "percent" and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == "minutes" and isinstance(value, int | float):
        return duration_text(value)
    if kind == "hours" and isinstance(value, int | float):
        return f"{value:,.1f} h"
    if kind == "float" and isinstance(value, int | float):
        return f"{value:,.2f}"
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        if kind == "datetime":
            return wall_text(value, "%H:%M")
        return f"{value.day} {wall_text(value, '%b %Y %H:%M')}"
    if isinstance(value, date):
        return f"{value.day} {value:%b %Y}"
    return str(value)


def duration_text(minutes: float) -> str:
    """Minutes for people: "42 min", "6 h 11 min", "2 d 3 h"."""
    whole = round(minutes)
    if whole < 60:
        return f"{whole} min"
    hours, rest = divmod(whole, 60)
    if hours < 48:
        return f"{hours} h {rest:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def guard_formula(text: str) -> str:
    """Make text that a spreadsheet would run as a formula harmless (a leading quote)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
