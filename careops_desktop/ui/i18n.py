"""The window's language: Qt translators, the layout direction and QLocale formats.

The window's own texts go through Qt (``self.tr`` in a QObject's methods;
:func:`translate` with a named context elsewhere), compiled from
``resources/i18n/window/*_<lang>.ts`` to ``resources/i18n/compiled/careops_<lang>.qm`` by
``scripts/i18n.py compile``. The core's texts (errors, messages) follow the same
language through ``core.i18n.set_default_language``.

The language is a personal choice kept in QSettings (Settings → Language), applied at the
next start; empty means the system's. ``CAREOPS_LANGUAGE`` overrides it (tests,
screenshots). Dates and numbers follow the business's locale through
``QLocale.setDefault``.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from careops_desktop.core.i18n import (
    SOURCE,
    best_language,
    current_language,
    is_right_to_left,
    normalise,
    set_default_language,
)
from careops_desktop.core.i18n.english_plurals import english_form
from careops_desktop.core.i18n.formats import set_business_locale
from careops_desktop.core.i18n.translations import compiled_dir
from careops_desktop.ui.qsettings_keys import LANGUAGE_KEY

log = logging.getLogger(__name__)

LANGUAGE_ENV = "CAREOPS_LANGUAGE"
_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language (``context`` names the place, as lupdate reads it).

    Use it where there is no ``self.tr``: ``translate("BookingsView", "Cancel {name}?")``.
    With ``n``, ``%n`` in the text becomes ``n`` and the translation's plural form is chosen.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


def system_language() -> str:
    """The first shipped language among the system's preferred ones (else English)."""
    return best_language(QLocale.system().uiLanguages())


def chosen_language(settings: QSettings | None = None) -> str:
    """The window's language for this start: ``CAREOPS_LANGUAGE``, the setting, the system's."""
    from_env = normalise(os.environ.get(LANGUAGE_ENV))
    if from_env:
        return from_env
    settings = settings if settings is not None else QSettings()
    stored = normalise(str(settings.value(LANGUAGE_KEY, "") or ""))
    return stored or system_language()


def store_language(language: str | None, settings: QSettings | None = None) -> None:
    """Keep ``language`` (None or "": follow the system) for the next start."""
    settings = settings if settings is not None else QSettings()
    settings.setValue(LANGUAGE_KEY, normalise(language) or "")


def _load(translator: QTranslator, path: str) -> bool:
    return bool(translator.load(path))


def install_language(app: QApplication, language: str) -> str:
    """Translate the window into ``language`` from now on; returns the language in use.

    Removes translators an earlier call installed, installs the app's ``.qm`` and Qt's own
    (``qtbase_<lang>.qm``: the buttons of standard dialogs), sets the core's default
    language and the layout direction (right to left for such languages).
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = set_default_language(language)
    own = QTranslator(app)  # English too: its catalog holds the plural forms of counted texts
    path = compiled_dir() / f"careops_{language}.qm"
    if _load(own, str(path)):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning(
            "The window's %s texts are missing (%s); run scripts/i18n.py compile", language, path
        )
    if language != SOURCE:
        base = language.split("-", 1)[0]
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if _load(qt_own, os.path.join(qt_dir, f"qtbase_{base}.qm")):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if is_right_to_left(language)
        else Qt.LayoutDirection.LeftToRight
    )
    return language


def apply_business_locale(tag: str | None) -> str:
    """Format dates, times and numbers in the window (QLocale) and the core (Babel) per ``tag``."""
    tag = set_business_locale(tag)
    QLocale.setDefault(QLocale(tag))
    return tag


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalog of ``context`` and return it unchanged (typed ``str``:
    PySide's own returns ``object``). Show it with ``translate(context, VALUE)``."""
    del context
    return text


def counted(text: str, n: int) -> str:
    """A counted text in English with its ``word(s)`` / ``[one|other]`` marks settled for ``n``.

    The English catalog (``careops_en.qm``) does this for ``self.tr(text, "", n)``; lupdate
    does not see ``translate(context, text, None, n)`` as a plural, so such texts (and
    English without its catalog) come through here. Other languages pass unchanged.
    """
    if current_language() != SOURCE:
        return text
    return english_form(text, n)
