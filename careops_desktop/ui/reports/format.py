"""Report values as text for people, by the column's kind (the core gives plain values).

Numbers follow the business's locale (``QLocale()``), money the core's Babel format of the
same locale; dates and times go through the window's time helpers (``ui/widgets/local_time.py``).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from careops_desktop.core.i18n.formats import money_text
from careops_desktop.core.services.reports import Value
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.widgets.local_time import fmt_date, fmt_datetime


def money(minor: int, currency: str) -> str:
    """``£1,234.56`` / ``1.234,56 €``: the business's locale in the window's language (the
    core's money format, which knows every currency's sign and digits)."""
    return money_text(minor, currency.upper())


def format_value(value: Value, kind: str, currency: str = "GBP") -> str:
    """``value`` as text: money from minor units, percent from a fraction, dates short."""
    if value is None:
        return ""
    locale = QLocale()
    if kind == "money" and isinstance(value, int | float):
        return money(int(value), currency)
    if kind == "percent" and isinstance(value, int | float):
        return translate("ReportFormat", "{number} %").format(
            number=locale.toString(float(value * 100), "f", 0)
        )
    if kind == "float" and isinstance(value, int | float):
        return locale.toString(float(value), "f", 1)
    if kind == "int" and isinstance(value, int | float):
        return locale.toString(float(value), "f", 0)
    if kind == "minutes" and isinstance(value, int | float):
        return translate("ReportFormat", "{number} min").format(
            number=locale.toString(float(value), "f", 0)
        )
    if kind == "hours" and isinstance(value, int | float):
        return translate("ReportFormat", "{number} h").format(
            number=locale.toString(float(value), "f", 1)
        )
    if isinstance(value, datetime):
        if isinstance(value.tzinfo, ZoneInfo):
            return fmt_datetime(value, value.tzinfo)
        moment = QDateTime(
            QDate(value.year, value.month, value.day),
            QTime(value.hour, value.minute),
        )
        return locale.toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return fmt_date(value)
    return str(value)


def day_label(day: date) -> str:
    """A chart's day: ``07 Mar`` in the business's locale."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dd MMM")


def number(value: Value) -> float:
    """A value as a number for a chart (blank and text count as 0)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value)
