"""Bank holidays in England and Wales, for the demo business's closures.

Computed, not looked up: the fixed dates, Easter, and the Monday holidays,
with the usual "substitute day" when a fixed holiday falls on a weekend.
"""

from __future__ import annotations

from datetime import date, timedelta


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    day = nxt - timedelta(days=1)
    return day - timedelta(days=day.weekday())


def bank_holidays(year: int) -> list[tuple[date, str]]:
    """The bank holidays of ``year`` in England and Wales, in date order."""
    easter = easter_sunday(year)
    days: list[tuple[date, str]] = []
    new_year = date(year, 1, 1)
    while new_year.weekday() >= 5:
        new_year += timedelta(days=1)
    days.append((new_year, "New Year's Day"))
    days.append((easter - timedelta(days=2), "Good Friday"))
    days.append((easter + timedelta(days=1), "Easter Monday"))
    days.append((_first_monday(year, 5), "Early May bank holiday"))
    days.append((_last_monday(year, 5), "Spring bank holiday"))
    days.append((_last_monday(year, 8), "Summer bank holiday"))
    christmas = date(year, 12, 25)
    boxing = date(year, 12, 26)
    if christmas.weekday() == 5:  # Saturday: Monday and Tuesday off
        christmas, boxing = christmas + timedelta(days=2), boxing + timedelta(days=2)
    elif christmas.weekday() == 6:  # Sunday: Tuesday for Christmas
        christmas = christmas + timedelta(days=2)
    elif boxing.weekday() == 5:  # Friday Christmas, Saturday Boxing Day
        boxing = boxing + timedelta(days=2)
    days.append((christmas, "Christmas Day"))
    days.append((boxing, "Boxing Day"))
    return sorted(days)


def bank_holidays_between(first: date, last: date) -> list[tuple[date, str]]:
    """Every bank holiday from ``first`` to ``last`` inclusive."""
    found: list[tuple[date, str]] = []
    for year in range(first.year, last.year + 1):
        found.extend(item for item in bank_holidays(year) if first <= item[0] <= last)
    return found
