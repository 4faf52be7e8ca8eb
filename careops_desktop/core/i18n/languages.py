"""The languages CareOps speaks, and which one a visitor's browser asks for.

``SHIPPED`` are the complete translations (English is the source language).
Two pseudo-locales exist for testing: ``en-XA`` (accented, 40 % longer, in
brackets: any text that is not translated shows plainly) and ``ar-XB`` (the same,
written right to left: the layout flips).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SOURCE = "en"
SHIPPED: tuple[str, ...] = ("en", "de", "es")
PSEUDO_ACCENTED = "en-XA"
PSEUDO_MIRRORED = "ar-XB"
PSEUDO: tuple[str, ...] = (PSEUDO_ACCENTED, PSEUDO_MIRRORED)
RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
# the languages whose date, number and money formats Settings → Language offers; the
# PyInstaller bundle carries Babel's data for these only (build.spec), where a business
# in another country's time zone gets British English formats unless one is chosen
FORMAT_LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "it", "nl", "pt", "pl", "sv", "da")

# Each language named in its own words, as a language menu shows it.
NATIVE_NAMES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    PSEUDO_ACCENTED: "[Ƥşèũđö]",
    PSEUDO_MIRRORED: "[ɯıɹɹoɹ]",
}

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def normalise(tag: str | None) -> str | None:
    """The shipped or pseudo language a tag such as ``de-DE``, ``es_MX`` or ``EN`` means, or None.

    Anything that is not a well-formed language tag (hostile headers included) is None.
    """
    if not tag:
        return None
    tag = tag.strip()
    if len(tag) > 35 or not _TAG.match(tag):
        return None
    tag = tag.replace("_", "-")
    for pseudo in PSEUDO:
        if tag.lower() == pseudo.lower():
            return pseudo
    base = tag.split("-", 1)[0].lower()
    return base if base in SHIPPED else None


def language_of_locale(locale: str | None) -> str:
    """The shipped language a locale (``de_AT``) is written in; English for any other."""
    language = normalise(locale)
    return language if language in SHIPPED else SOURCE


def is_right_to_left(language: str) -> bool:
    """Whether ``language`` is written right to left (the mirrored pseudo-locale is)."""
    return language == PSEUDO_MIRRORED or language.split("-", 1)[0] in RIGHT_TO_LEFT_LANGUAGES


def parse_accept_language(header: str | None) -> list[str]:
    """The language tags of an ``Accept-Language`` header, most wanted first.

    Malformed parts and ``q=0`` are dropped; at most 32 parts of a 1,000-character header
    are read, so a hostile header costs nothing.
    """
    if not header:
        return []
    wanted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header[:1000].split(",")[:32]):
        tag, _sep, params = part.strip().partition(";")
        tag = tag.strip()
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if tag and tag != "*" and 0 < quality <= 1 and _TAG.match(tag):
            wanted.append((-quality, position, tag))
    return [tag for _q, _p, tag in sorted(wanted)]


def best_language(wanted: Iterable[str], default: str = SOURCE) -> str:
    """The first shipped language among ``wanted`` (tags in order of preference), else ``default``.

    Pseudo-locales are only chosen when asked for by name (tests and screenshots).
    """
    for tag in wanted:
        language = normalise(tag)
        if language is not None:
            return language
    return default


def choosable(include_pseudo: bool = False) -> tuple[str, ...]:
    """The languages a person may pick in a menu."""
    return SHIPPED + (PSEUDO if include_pseudo else ())
