"""Days in the business's locale (``QLocale()``, set by ``ui.i18n.apply_business_locale``).

The locale's own long date pattern, shortened (``dddd`` → ``ddd``, ``MMMM`` → ``MMM``), keeps
its order and punctuation: "Mon, 7 Dec 2026", "Mo., 7. Dez. 2026", "lun, 7 dic 2026".
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale

_YEAR = re.compile(r"y+\s*年|[\s,]*(?:'[^']*'\s*)?y+\.?")


def _pattern(with_year: bool) -> str:
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    pattern = pattern.replace("dddd", "ddd").replace("MMMM", "MMM")
    if not with_year:
        pattern = _YEAR.sub("", pattern).strip(" ,")
    return pattern


def date_edit_format() -> str:
    """A date field's display format: weekday, day, month and year, e.g. "Mon, 7 Dec 2026"."""
    return _pattern(with_year=True)


def short_day(day: date) -> str:
    """``day`` with its weekday and without the year: "Mon, 7 Dec", "Mo., 7. Dez."."""
    return QLocale().toString(QDate(day.year, day.month, day.day), _pattern(with_year=False))


def medium_day(day: date) -> str:
    """``day`` with weekday and year: "Mon, 7 Dec 2026"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), _pattern(with_year=True))
