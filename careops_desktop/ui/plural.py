"""English plurals of the window's ``%n … (s)`` texts.

The window's texts are written in English and English has no catalog: Qt puts the number
in for ``%n`` but leaves ``(s)`` as written. :func:`english_plural` finishes such a text
(``1 booking``, ``3 bookings``); a translation (which has its own plural forms) has no
``(s)`` and passes through unchanged::

    english_plural(translate("WeekCalendar", "%n booking(s)", None, count), count)
"""

from __future__ import annotations

import re

_PLURAL_MARK = re.compile(r"\(s\)")


def english_plural(text: str, count: int) -> str:
    """``text`` with each ``(s)`` gone for one and ``s`` for any other ``count``."""
    return _PLURAL_MARK.sub("" if count == 1 else "s", text)
