"""English plural forms for the Bookings tab's counted texts.

English is the source language and has no catalog, so a plural text such as
``self.tr("%Ln booking(s)", "", n)`` comes back untranslated in English, with Qt's ``%n``
filled in. :func:`counted` gives it its English form: "word(s)" is "word" for one and
"words" otherwise; "[person is|people are]" is the first for one, the second otherwise.
A German or Spanish translation has its own plural forms (and neither mark), so it passes
unchanged.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from careops_desktop.core.i18n import SOURCE, current_language

_SUFFIX = re.compile(r"(?<=\w)\((\w+)\)")
_CHOICE = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for the catalog of ``context`` (typed ``str``: PySide's is ``object``);
    translate it where it is shown: ``translate(context, VALUE)``."""
    del context
    return text


def counted(text: str, n: int) -> str:
    """``text`` with its plural marks resolved for ``n`` (English only; see above)."""
    if current_language() != SOURCE:
        return text
    text = _CHOICE.sub(lambda m: m[1] if n == 1 else m[2], text)
    return _SUFFIX.sub(lambda m: "" if n == 1 else m[1], text)


class Counts(QObject):
    """The counted texts of module functions and plain classes, in the window's language.

    (lupdate reads the plural form of a text only from ``self.tr``, so they live here.)
    """

    def bookings(self, n: int) -> str:
        """ "3 bookings": a calendar column's count."""
        return counted(self.tr("%Ln booking(s)", "", n), n)

    def attendees(self, n: int) -> str:
        """ "5 attendees": a class block's title."""
        return counted(self.tr("%Ln attendee(s)", "", n), n)

    def free_times(self, n: int) -> str:
        """ "4 free times": the New booking dialog's note under the start times."""
        return counted(self.tr("%Ln free time(s)", "", n), n)

    def seats_taken(self, taken: int, capacity: int, left: int) -> str:
        """ "3 of 8 seats taken, 5 left.": a class session's summary line."""
        text = counted(
            self.tr("{taken} of %Ln seat(s) taken, {left} left.", "", capacity), capacity
        )
        return text.format(taken=taken, left=left)
