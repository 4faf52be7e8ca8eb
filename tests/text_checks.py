"""Does a text shown to people still contain English that did not go through translation?

Shared by the window's pseudo-locale sweep (tests/ui/test_pseudo_locale.py) and the booking
page's (tests/web/test_pseudo_pages.py). In the pseudo-locale every translated text reads
``[Šàʋè ~~~]``; what is left after removing those parts, the data stored in the database
and the names nobody translates must not contain an English word.
"""

from __future__ import annotations

import re
import zoneinfo
from typing import Any

from sqlalchemy import String, Text, select

from careops_desktop.core.i18n import NATIVE_NAMES
from careops_desktop.core.i18n.pseudo import CLOSE, OPEN

PSEUDO_PART = re.compile(re.escape(OPEN) + r"[^" + re.escape(CLOSE) + r"]*~" + re.escape(CLOSE))
TAG = re.compile(r"<[^<>]*>")
# addresses and file paths are shown as they are
ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S+|(?<![\w/])/[\w.~-]+(?:/[\w.~-]+)+")
ENTITY = re.compile(r"&[A-Za-z]+;|&#[0-9]+;")
WORD = re.compile(r"[A-Za-z]{3,}")
# names that are not translated anywhere: the product, protocols, file kinds, units
NOT_TRANSLATED = frozenset(
    {
        "CareOps",
        "SMTP",
        "IMAP",
        "SMS",
        "CSV",
        "XLSX",
        "PDF",
        "URL",
        "HTTP",
        "HTTPS",
        "TLS",
        "SSL",
        "STARTTLS",
        "Twilio",
        "CalDAV",
        "iCalendar",
        "ics",
        "vCard",
        "UTC",
        "GMT",
        "BST",
        "PostgreSQL",
        "SQLite",
        "Qt",
        "PySide",
        "Python",
        "QR",
        "JSON",
        "www",
        "com",
        "org",
        "example",
        "http",
        "https",
        "localhost",
        "Ctrl",
        "Delete",
        "Insert",
        "Return",
        "Escape",
        "Gmail",
        "Outlook",
        "Microsoft",
        "Shift",
        "Alt",
        "Esc",
        "Enter",
        "Del",
        "Tab",
        "Home",
        "End",
        "PgUp",
        "PgDown",
        "Space",
        "Backspace",
        "Ed25519",
        "MIT",
    }
)


def _base_type(kind: Any) -> Any:
    """The SQL type under a TypeDecorator (``SafeString`` is a String)."""
    return getattr(kind, "impl", kind)


def data_vocabulary(db: Any) -> list[str]:
    """Every text stored in the database's tables (names, subjects, notes…), longest first:
    what the window may show as it is."""
    from careops_desktop.core.models import Base

    values: set[str] = set()
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(_base_type(c.type), String | Text)]
            if not columns:
                continue
            for row in session.execute(select(*columns).limit(5000)):
                for value in row:
                    if isinstance(value, str) and value.strip():
                        values.add(value.strip())
                        values.update(line.strip() for line in value.splitlines() if line.strip())
    values.update(zoneinfo.available_timezones())  # IANA names are identifiers, not words
    values.update(NATIVE_NAMES.values())  # each language named in its own words
    return sorted(values, key=len, reverse=True)


def english_left(text: str, data: list[str], also_data: list[str] | None = None) -> bool:
    """Whether ``text`` still has an English word once the pseudo-translated parts, the
    ``data`` values (longest first), ``also_data`` and the untranslated names are taken out."""
    rest = PSEUDO_PART.sub(" ", text)
    rest = TAG.sub(" ", rest)
    rest = ADDRESS.sub(" ", rest)
    rest = ENTITY.sub(" ", rest)
    for value in data:
        if len(value) >= 2 and value in rest:
            rest = rest.replace(value, " ")
    for word in also_data or []:
        rest = rest.replace(word, " ")
    return any(w not in NOT_TRANSLATED for w in WORD.findall(rest))
