"""How many SMS segments a text costs, counted as Twilio and the phone networks count them.

A text in the GSM 03.38 alphabet (GSM-7: English, German's ä ö ü ß, Spanish's é ñ ¿ ¡)
fits 160 septets in one SMS; a longer one is split into segments of 153 (the rest of each
carries the joining header). The characters of the extension table (``€ [ ] { } ^ ~ | \\``
and form feed) cost two septets, and a segment never ends between the two. One character
outside the alphabet (Spanish á í ó ú, emoji, „quotes“) sends the whole text as UCS-2:
70 UTF-16 units in one SMS, else segments of 67, never splitting a surrogate pair.
Twilio refuses a body over 1,600 characters (``sms.BODY_MAX``).

Pure functions, no I/O: the template editor shows the count and a test keeps the shipped
templates within :data:`MAX_SEGMENTS` in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")
SINGLE = {"GSM-7": 160, "UCS-2": 70}
PART = {"GSM-7": 153, "UCS-2": 67}
MAX_SEGMENTS = 3  # what one automatic message may cost

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SmsSize:
    """What sending a text costs: its encoding, its length in that encoding's units
    (septets or UTF-16 units) and the number of segments."""

    encoding: Encoding
    units: int
    segments: int


def is_gsm7(text: str) -> bool:
    """Whether every character of ``text`` is in the GSM-7 alphabet (or its extension)."""
    return all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)


def encoding_of(text: str) -> Encoding:
    """``GSM-7`` when the whole text fits that alphabet, else ``UCS-2``."""
    return "GSM-7" if is_gsm7(text) else "UCS-2"


def _cost(ch: str, encoding: Encoding) -> int:
    if encoding == "GSM-7":
        return 2 if ch in GSM_EXTENSION else 1
    return 2 if ord(ch) > 0xFFFF else 1  # a surrogate pair


def split_sms(text: str) -> list[str]:
    """``text`` cut into the segments it is sent in (one piece when it fits one SMS).

    The pieces joined give ``text`` back; an empty text is no segment at all.
    """
    if not text:
        return []
    encoding = encoding_of(text)
    units = sum(_cost(ch, encoding) for ch in text)
    if units <= SINGLE[encoding]:
        return [text]
    limit = PART[encoding]
    pieces: list[str] = []
    start, used = 0, 0
    for index, ch in enumerate(text):
        cost = _cost(ch, encoding)
        if used + cost > limit:  # an escape pair or surrogate pair is never split
            pieces.append(text[start:index])
            start, used = index, 0
        used += cost
    pieces.append(text[start:])
    return pieces


def sms_size(text: str) -> SmsSize:
    """The encoding, length and segment count of ``text`` (see :func:`split_sms`)."""
    encoding = encoding_of(text)
    units = sum(_cost(ch, encoding) for ch in text)
    return SmsSize(encoding, units, len(split_sms(text)))
