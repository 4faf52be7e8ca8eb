"""Languages: texts in the reader's language and dates, times and money in their formats.

The window translates its own texts with Qt (``ui/i18n.py``); everything else that people
read — the booking page, emails, SMS, calendar files, PDFs, reports and the core's
messages — goes through the gettext catalogs here.
"""

from __future__ import annotations

from careops_desktop.core.i18n.languages import (
    NATIVE_NAMES,
    PSEUDO,
    PSEUDO_ACCENTED,
    PSEUDO_MIRRORED,
    SHIPPED,
    SOURCE,
    best_language,
    choosable,
    is_right_to_left,
    normalise,
    parse_accept_language,
)
from careops_desktop.core.i18n.translations import (
    N_,
    _,
    current_language,
    default_language,
    gettext,
    ngettext,
    pgettext,
    set_default_language,
    use_language,
)

__all__ = [
    "NATIVE_NAMES",
    "N_",
    "PSEUDO",
    "PSEUDO_ACCENTED",
    "PSEUDO_MIRRORED",
    "SHIPPED",
    "SOURCE",
    "_",
    "best_language",
    "choosable",
    "current_language",
    "default_language",
    "gettext",
    "is_right_to_left",
    "ngettext",
    "normalise",
    "parse_accept_language",
    "pgettext",
    "set_default_language",
    "use_language",
]
