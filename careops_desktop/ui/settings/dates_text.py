"""Dates and times on the settings pages, as the business's locale writes them (QLocale).

``QLocale()`` is the business's locale once :func:`careops_desktop.ui.i18n.apply_business_locale`
ran; no zone conversion happens here (convert to the business's zone first).
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from careops_desktop.core.clock_text import shows_twice, zone_mark


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_text(value: date, long: bool = False) -> str:
    """``value`` short (``03/03/2026``, ``03.03.26``) or long with the weekday's name."""
    length = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(_qdate(value), length)


def day_text(value: date) -> str:
    """``value`` with its weekday, abbreviated: ``Tue 3 Mar 2026`` as the locale writes it."""
    locale = QLocale()
    weekday = locale.dayName(value.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {locale.toString(_qdate(value), QLocale.FormatType.ShortFormat)}"


def time_text(value: time) -> str:
    """A wall-clock time, 24-hour or am/pm as the locale has it."""
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def weekday_name(value: date) -> str:
    """``value``'s weekday in full (``Wednesday``, ``Mittwoch``)."""
    return QLocale().dayName(value.isoweekday(), QLocale.FormatType.LongFormat)


def date_and_time_text(value: datetime) -> str:
    """A moment as the locale writes a short date and time (no zone conversion)."""
    moment = QDateTime(_qdate(value.date()), QTime(value.hour, value.minute))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def wall_moment_text(local: datetime) -> str:
    """An aware moment already in the business's zone, short date and time; a wall time that
    happens twice (clocks going back) gets its zone mark: ``27/10/2024 01:30 BST``."""
    text = date_and_time_text(local)
    if shows_twice(local):
        text = f"{text} {zone_mark(local)}"
    return text
