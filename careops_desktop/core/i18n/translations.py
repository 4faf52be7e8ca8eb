"""The customer-facing and core texts in the language of whoever reads them.

One gettext domain (``careops``), its catalogs in ``resources/i18n/messages/<area>/<lang>.po``
(compiled by ``scripts/i18n.py compile`` to ``resources/i18n/compiled/<lang>/careops.mo``;
read straight from the ``.po`` files when nothing is compiled).

Which language: the one set by :func:`use_language` around the work (a web request, a
message to a contact), else the process default (the window's language;
:func:`set_default_language`). The language is a ``contextvars`` value, so it follows a
request across ``await`` and onto the database worker (``Database.submit`` copies the
caller's context).

Usage::

    from careops_desktop.core.i18n import _, N_, ngettext
    raise ValidationError({"name": _("Please tell us your name.")})
    ngettext("{count} booking", "{count} bookings", n).format(count=n)
    LABELS = {"name": N_("Your name")}   # marked here, translated where shown: _(LABELS[key])
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from gettext import NullTranslations
from pathlib import Path

from careops_desktop.config import resource_path
from careops_desktop.core.i18n.languages import (
    PSEUDO,
    PSEUDO_MIRRORED,
    SHIPPED,
    SOURCE,
    normalise,
)
from careops_desktop.core.i18n.pseudo import mirrored_text, pseudo_text

log = logging.getLogger(__name__)

DOMAIN = "careops"
_default = SOURCE
_current: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "careops_language", default=None
)
_loaded: dict[str, NullTranslations] = {}
_lock = threading.Lock()


def messages_dir() -> Path:
    """Where the ``.po`` sources live: ``resources/i18n/messages/<area>/<lang>.po``."""
    return resource_path("i18n", "messages")


def compiled_dir() -> Path:
    """Where ``scripts/i18n.py compile`` writes ``<lang>/careops.mo`` and ``careops_<lang>.qm``."""
    return resource_path("i18n", "compiled")


class _Pseudo(NullTranslations):
    """Every text pseudo-translated (the test locales)."""

    def __init__(self, mirrored: bool) -> None:
        super().__init__()
        self._shape = mirrored_text if mirrored else pseudo_text

    def gettext(self, message: str) -> str:
        return self._shape(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._shape(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._shape(message)


def _from_po(language: str) -> NullTranslations:
    """A language's catalog read from the ``.po`` sources (no compile step needed)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    merged = None
    for po in sorted(messages_dir().glob(f"*/{language}.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        if merged is None:
            merged = catalog
            continue
        for message in catalog:
            if message.id and message.id not in merged:
                merged[message.id] = message
    if merged is None:
        return NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, merged, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def _load(language: str) -> NullTranslations:
    if language in PSEUDO:
        return _Pseudo(mirrored=language == PSEUDO_MIRRORED)
    if language == SOURCE or language not in SHIPPED:
        return NullTranslations()
    mo = compiled_dir() / language / f"{DOMAIN}.mo"
    sources = list(messages_dir().glob(f"*/{language}.po"))
    try:
        newest_source = max((po.stat().st_mtime for po in sources), default=0.0)
        if mo.is_file() and mo.stat().st_mtime >= newest_source:  # not older than its sources
            from babel.support import Translations

            with mo.open("rb") as handle:
                return Translations(handle, domain=DOMAIN)
        return _from_po(language)
    except Exception:  # a damaged catalog must never stop a page or a message
        log.exception("The %s texts could not be read; English is used instead.", language)
        return NullTranslations()


def translations(language: str) -> NullTranslations:
    """The catalog of ``language``, loaded once (English and unknown ones translate nothing)."""
    with _lock:
        found = _loaded.get(language)
        if found is None:
            found = _loaded[language] = _load(language)
        return found


def set_default_language(language: str | None) -> str:
    """Make ``language`` (a shipped or pseudo tag) the process default; returns what was set.

    Unknown or empty tags set English.
    """
    global _default
    _default = normalise(language) or SOURCE
    return _default


def default_language() -> str:
    """The process default language (the window's)."""
    return _default


def current_language() -> str:
    """The language texts are translated into here and now."""
    return _current.get() or _default


@contextmanager
def use_language(language: str | None) -> Iterator[str]:
    """Translate into ``language`` inside the block (None or unknown: the process default)."""
    chosen = normalise(language) or _default
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(current_language()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural text for ``n`` in the current language (its own plural rules)."""
    return translations(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart from the same words by ``context``."""
    return translations(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (translate where it is shown)."""
    return message
