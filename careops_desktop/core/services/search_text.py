"""What a person typed into "Search everywhere", read once for every area that searches.

:func:`read_search_text` cleans the text (no control characters, direction marks or
zero-width characters, whitespace collapsed, at most :data:`TEXT_MAX` characters) and
reads what it may mean besides words: a phone number (in E.164, read with the
business's country), the digits of a partial number, and a day ("7 Dec",
"2026-12-07", "07/12/2026", "today"). :class:`SearchHit` is one line of an answer.
Nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from careops_desktop.core.i18n import pgettext
from careops_desktop.core.i18n.formats import reader_locale

TEXT_MAX = 100
MIN_DIGITS = 3  # fewer digits than this are not searched as a phone number
MIN_BODY_CHARS = 3  # message texts are searched from this many characters

# bidirectional marks and embeddings, zero-width characters, the byte order mark
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th|\.)?\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?")
_PHONE_CHARS = re.compile(r"[\d\s()+.\-]+")
MONTH_FIRST_REGIONS = frozenset({"US", "CA", "PH"})


@dataclass(frozen=True)
class SearchText:
    """A cleaned search text and its readings.

    ``text``: the cleaned words; ``digits``: the digits when the text looks like (part
    of) a phone number, with a national trunk zero dropped; ``phone``: the E.164 form
    when it is a whole valid number; ``day``: the day it names, if any.
    """

    text: str
    digits: str = ""
    phone: str | None = None
    day: date | None = None

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.text.split())

    @property
    def searches_bodies(self) -> bool:
        return len(self.text) >= MIN_BODY_CHARS


@dataclass(frozen=True)
class SearchHit:
    """One found thing: its ``kind`` (contact, booking, conversation, submission), its id,
    a ``title`` and a ``detail`` line (plain text, customer text included), and a time."""

    kind: str
    id: int
    title: str
    detail: str
    when: datetime | None = None


def contains(session: Session, column: Any, text: str) -> ColumnElement[bool]:
    """``column`` holds ``text`` (``%`` and ``_`` are plain characters), ignoring case.

    On SQLite a plain ``LIKE`` (which ignores the case of ASCII letters) so no
    ``lower()`` runs on each of half a million messages; ``ILIKE`` elsewhere.
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    if session.get_bind().dialect.name == "sqlite":
        result: ColumnElement[bool] = column.like(pattern, escape="\\")
    else:
        result = column.ilike(pattern, escape="\\")
    return result


def clean(raw: object) -> str:
    """``raw`` as plain one-line text: NFKC (full-width letters read as plain ones), no
    control or invisible characters, single spaces, at most :data:`TEXT_MAX` characters."""
    text = raw if isinstance(raw, str) else ""
    text = unicodedata.normalize("NFKC", text[: TEXT_MAX * 4])
    text = _INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(text.split())[:TEXT_MAX].strip()


def _year(text: str | None, today: date) -> int:
    if not text:
        return today.year
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    """The month ``word`` names, in English or the current language ("dez", "marzo")."""
    if word in _MONTHS:
        return _MONTHS[word]
    locale = reader_locale()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                if str(name).lower().rstrip(".") == word:
                    return int(number)
    return None


def read_day(text: str, today: date, region: str = "GB") -> date | None:
    """The day ``text`` names, or None: ISO, day/month[/year] (month first in the US),
    "7 Dec [2026]", "Dec 7[, 2026]", today, tomorrow, yesterday. Month names and the
    words for today, tomorrow and yesterday are read in English and in the current
    language ("7. März", "heute", "mañana")."""
    lowered = text.lower().strip()
    named = {"today": 0, "tomorrow": 1, "yesterday": -1}
    for word, offset in (
        (pgettext("a day typed in a search", "today"), 0),
        (pgettext("a day typed in a search", "tomorrow"), 1),
        (pgettext("a day typed in a search", "yesterday"), -1),
    ):
        named.setdefault(word.lower(), offset)
    if lowered in named:
        return today + timedelta(days=named[lowered])
    if found := _ISO.fullmatch(lowered):
        return _safe_date(int(found[1]), int(found[2]), int(found[3]))
    if found := _NUMERIC.fullmatch(lowered):
        first, second = int(found[1]), int(found[2])
        day, month = (second, first) if region.upper() in MONTH_FIRST_REGIONS else (first, second)
        return _safe_date(_year(found[3], today), month, day)
    if found := _DAY_MONTH.fullmatch(lowered):
        named_month = _month_number(found[2])
        if named_month is None:
            return None
        return _safe_date(_year(found[3], today), named_month, int(found[1]))
    if found := _MONTH_DAY.fullmatch(lowered):
        named_month = _month_number(found[1])
        if named_month is None:
            return None
        return _safe_date(_year(found[3], today), named_month, int(found[2]))
    return None


def _phone(text: str, region: str) -> str | None:
    import phonenumbers  # lazy: start-up

    try:
        number = phonenumbers.parse(text, region.upper() or "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):  # possible is enough to look for it
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def read_search_text(raw: object, today: date, region: str = "GB") -> SearchText | None:
    """What ``raw`` asks for, or None when there is nothing to search."""
    text = clean(raw)
    if not text:
        return None
    digits = ""
    phone = None
    if _PHONE_CHARS.fullmatch(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 6:
            phone = _phone(text, region)
        if digits.startswith("0") and not text.startswith("+"):
            digits = digits.lstrip("0")  # a national number typed with its trunk zero
        if len(digits) < MIN_DIGITS:
            digits = ""
    return SearchText(text, digits, phone, read_day(text, today, region))
