"""Pseudo-translation: every text made visibly foreign but still readable.

``pseudo_text("Save {name}")`` → ``"[Šàvè {name} ~~]"``: letters accented, the text made about
40 % longer and bracketed. Placeholders (``{name}``, ``%(name)s``, ``%n``, ``%1``), HTML tags
and entities and the ``&`` of a keyboard accelerator are kept exactly, so a pseudo-translated
text works wherever the original does. A screen in the pseudo-locale that shows plain
English has a text that does not go through translation.
"""

from __future__ import annotations

import re

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđèƒĝĥìĵķļɱñòƥǫŕşţùʋŵẋýžÀƁÇĐÈƑĜĤÌĴĶĻḾÑÒƤǪŔŞŢÙṼŴẊÝŽ",
)
# What must survive untouched: placeholders, markup, entities, accelerators, escapes.
_KEEP = re.compile(
    r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}"  # {name}, {count:,}
    r"|%\([A-Za-z_][A-Za-z0-9_]*\)[sdifr]"  # %(name)s
    r"|%L?[0-9n]|%%|%[sd]"  # %n %Ln %1 %% %s
    r"|<[^<>]*>"  # <b>, <a href="...">
    r"|&[A-Za-z]+;|&#[0-9]+;"  # &amp; &#160;
    r"|&(?=[^\s&])"  # the accelerator mark in "&Save"
    r"|\\[nt]"
)
OPEN, CLOSE = "[", "]"


def _accent(text: str) -> str:
    return text.translate(_ACCENTED)


def pseudo_text(text: str) -> str:
    """``text`` pseudo-translated: accented, about 40 % longer and in brackets.

    Empty text stays empty; line breaks stay where they are.
    """
    if not text.strip():
        return text
    parts: list[str] = []
    position = 0
    letters = 0
    for match in _KEEP.finditer(text):
        plain = text[position : match.start()]
        letters += sum(ch.isalpha() for ch in plain)
        parts.append(_accent(plain))
        parts.append(match.group(0))
        position = match.end()
    tail = text[position:]
    letters += sum(ch.isalpha() for ch in tail)
    parts.append(_accent(tail))
    padding = "~" * max(1, round(max(letters, len(text)) * 0.4) - 2)
    body = "".join(parts)
    # keep a trailing newline or colon-space where the original had it
    stripped = body.rstrip("\n")
    return f"{OPEN}{stripped} {padding}{CLOSE}{body[len(stripped) :]}"


def mirrored_text(text: str) -> str:
    """The mirrored pseudo-locale's text: the accented text inside right-to-left marks."""
    if not text.strip():
        return text
    return "\u202b" + pseudo_text(text) + "\u202c"


def is_pseudo(text: str) -> bool:
    """Whether ``text`` (or a part of it) came out of :func:`pseudo_text`."""
    return OPEN in text and CLOSE in text and "~" in text
