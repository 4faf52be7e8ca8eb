"""The self-test's language step: the shipped catalogs and Babel's locale data are in the build.

A frozen or installed build that lost its ``.qm``/``.mo`` files would show English without
a word of warning; this step fails instead.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTranslator

from careops_desktop.core.i18n import SHIPPED, SOURCE, gettext, use_language
from careops_desktop.core.i18n.formats import date_text
from careops_desktop.core.i18n.translations import compiled_dir

# a text the core translates, and how each shipped language writes it
PROBE = "Choose one of the languages offered."
EXPECTED_DATE = {"de": "Dienstag, 3. März 2026", "es": "martes, 3 de marzo de 2026"}


def check_languages() -> str:
    """Load every shipped language's window catalog and translate one core text and one date;
    raises with the language that failed. Returns what was checked."""
    checked: list[str] = []
    for language in SHIPPED:
        if language == SOURCE:
            continue
        translator = QTranslator()
        path = compiled_dir() / f"careops_{language}.qm"
        if not translator.load(str(path)) or translator.isEmpty():
            raise RuntimeError(f"the window's {language} catalog is missing or empty: {path}")
        with use_language(language):
            if gettext(PROBE) == PROBE:
                raise RuntimeError(f"the {language} messages catalog does not translate")
            written = date_text(date(2026, 3, 3))
        if written != EXPECTED_DATE[language]:
            raise RuntimeError(f"Babel wrote {written!r} for {language}")
        checked.append(language)
    return "window and messages in " + ", ".join(checked)
