"""The one rule for a person's name, typed on the booking page or at the desk.

A name is what the business greets a customer with in its own emails, so it
must stay a name: one line, no control characters, no web address, at most
:data:`NAME_MAX` characters. Anything else is refused with a field error
(never silently changed), so a visitor cannot make the business send their
text — "ACTION NEEDED: pay at http://…" — in its name.
"""

from __future__ import annotations

import re
import unicodedata

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _

NAME_MAX = 100

# bidi embeddings, overrides and isolates: they make text read differently than it is
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# a scheme (http:, mailto:, javascript:, anything://) or a www. address, anywhere in the name
_URL = re.compile(
    r"[a-z][a-z0-9+.\-]*://|(?:https?|ftp|mailto|javascript|vbscript|data|file|tel|sms|wss?):"
    r"|www\.",
    re.IGNORECASE,
)


def _breaks_the_line(char: str) -> bool:
    """True for control characters (NUL, CR, LF, tab, DEL, C1), line/paragraph separators,
    surrogates and bidi controls."""
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI


def name_problem(value: object) -> str | None:
    """Why ``value`` (already trimmed) cannot be a name, or ``None`` when it can.

    The empty name is the caller's to word (it differs between the page and the desk).
    """
    if not isinstance(value, str):
        return _("The name must be text.")
    if len(value) > NAME_MAX:
        return _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    if "\x00" in value:
        return _("The name contains a character that cannot be stored (NUL).")
    if any(_breaks_the_line(char) for char in value):
        return _("A name is one line of text, without line breaks or control characters.")
    if _URL.search(unicodedata.normalize("NFKC", value)):
        return _("A name cannot contain a web address.")
    return None


def check_person_name(value: object, *, field: str = "name", empty: str | None = None) -> str:
    """``value`` trimmed, or :class:`ValidationError` on ``field`` saying what is wrong.

    Refused: empty (the ``empty`` words), over :data:`NAME_MAX` characters, any
    control character (NUL, line breaks, tabs), a line separator or bidi control,
    a URL scheme (``http:``, ``mailto:``, ``x://``) or ``www.``.
    """
    text = value.strip() if isinstance(value, str) else value
    if text == "":
        raise ValidationError({field: empty or _("Enter the name.")})
    problem = name_problem(text)
    if problem is not None:
        raise ValidationError({field: problem})
    assert isinstance(text, str)
    return text


def same_name(a: str, b: str) -> bool:
    """Whether two typed names are the same name (case, width and spacing aside)."""
    return _name_key(a) == _name_key(b)


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
