"""Small helpers for the window's translated texts.

- :func:`QT_TRANSLATE_NOOP` marks a constant for lupdate (``context``, ``text``) and returns
  the text unchanged, typed as ``str`` (PySide's own is typed ``object``); translate it where
  it is shown: ``translate(context, VALUE)``.
- :func:`plural`: English plurals for Qt's ``%n`` texts while no English catalog is
  installed. English is the source language, so an untranslated
  ``self.tr("%n contact(s)", "", n)`` still reads ``1 contact(s)``; ``plural`` settles the
  bracketed endings (``contact(s)`` → ``contact`` / ``contacts``) while the window speaks
  English. A translation has its own plural forms and is left alone.
"""

from __future__ import annotations

import re

from careops_desktop.core.i18n import SOURCE, current_language

_ENDING = re.compile(r"(?<=\w)\((\w+)\)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for the catalog of ``context``."""
    del context
    return text


def plural(text: str, n: int) -> str:
    """``text`` (the result of ``tr(..., n)``) with English ``(s)`` endings settled for ``n``."""
    if current_language() != SOURCE:
        return text
    return _ENDING.sub(lambda m: "" if n == 1 else m.group(1), text)
