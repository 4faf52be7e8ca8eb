"""The Bookings tab's counted texts ("3 bookings"), in the window's language.

lupdate records a plural only from ``self.tr(text, "", n)``, so the counts that module
functions and plain classes show live in :class:`Counts`, a QObject. English plural forms
come from ``word(s)`` and ``[one|other]`` marks (``ui.i18n.counted``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from careops_desktop.ui.i18n import counted

_SUFFIX = re.compile(r"(?<=\w)\((\w+)\)")
_CHOICE = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")


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
