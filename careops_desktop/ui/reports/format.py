"""Report values as text for people, by the column's kind (the core gives plain values)."""

from __future__ import annotations

from datetime import date, datetime

from careops_desktop.core.clock_text import wall_text
from careops_desktop.core.services.reports import Value

CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money(minor: int, currency: str) -> str:
    sign = CURRENCY_SIGNS.get(currency.upper(), "")
    amount = f"{minor / 100:,.2f}"
    return f"{sign}{amount}" if sign else f"{amount} {currency}"


def format_value(value: Value, kind: str, currency: str = "GBP") -> str:
    """``value`` as text: money from minor units, percent from a fraction, dates short."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, int | float):
        return money(int(value), currency)
    if kind == "percent" and isinstance(value, int | float):
        return f"{value * 100:.0f} %"
    if kind == "float" and isinstance(value, int | float):
        return f"{value:,.1f}"
    if kind == "int" and isinstance(value, int | float):
        return f"{value:,.0f}"
    if kind == "minutes" and isinstance(value, int | float):
        return f"{value:,.0f} min"
    if kind == "hours" and isinstance(value, int | float):
        return f"{value:,.1f} h"
    if isinstance(value, datetime):
        return wall_text(value, "%a %d %b %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%a %d %b %Y")
    return str(value)


def number(value: Value) -> float:
    """A value as a number for a chart (blank and text count as 0)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value)
