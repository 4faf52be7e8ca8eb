"""What a customer's short reply says: yes, no, STOP, START, or nothing we act on.

Pure functions, no database. Only the top of the reply counts: the quoted
message below it (``>`` lines, "On … wrote:", "-----Original Message-----",
"Sent from my phone" lines) is cut off first. What is left must be one of the
listed words (English, German or Spanish) and nothing else, ignoring case,
punctuation, spaces and emoji skin tones: "Yes!", " c. ", "OK 👍", "Ja", "¡Sí!" …
A longer message that merely contains one of them ("ok but can we move it?") is not
an answer: it goes to the inbox.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Answer = Literal["yes", "no", "stop", "start"]

# English, German and Spanish: a customer answers in the language they were written in
YES_WORDS = frozenset(
    {"c", "y", "yes", "confirm", "confirmed", "ok", "okay", "👍"}
    | {"j", "ja", "jawohl", "bestätigt", "bestätigen", "bestaetigt"}
    | {"s", "sí", "si", "vale", "confirmo", "confirmado", "confirmada", "confirmar"}
)
NO_WORDS = frozenset(
    {"x", "n", "no", "cancel"}
    | {"nein", "absagen", "stornieren", "storno"}
    | {"cancelar", "cancelo", "anular", "anulo"}
)
# what carriers treat as opting out / back in (CTIA; Twilio's defaults)
STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout"})
START_WORDS = frozenset({"start", "unstop", "yes"})
MAX_TOP_CHARS = 40  # an answer is short; longer tops are read by a person

_QUOTE_START = re.compile(
    r"^\s*(>|on\b.*\bwrote:?\s*$|-{2,}\s*original message|from:\s|sent from my\b|--\s*$|_{5,})",
    re.IGNORECASE,
)
_ON_LINE = re.compile(r"^\s*on\s.*\d", re.IGNORECASE)
# skin tones, variation selectors, zero-width joiners: a 👍🏽 is a 👍
_EMOJI_MARKS = re.compile("[\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u200d]")


def reply_top(text: str) -> str:
    """The part of ``text`` above any quoted message, stripped. Never raises."""
    lines: list[str] = []
    all_lines = (text or "").splitlines()
    for index, line in enumerate(all_lines):
        if _QUOTE_START.match(line):
            break
        # "On Mon, 1 Jun 2026, Harbour Physio <desk@…> wrote:" wrapped over two lines
        following = all_lines[index + 1] if index + 1 < len(all_lines) else ""
        if _ON_LINE.match(line) and "wrote" in (line + " " + following).casefold():
            break
        lines.append(line)
    return "\n".join(lines).strip()


def answer_token(text: str) -> str:
    """``text`` folded to what is compared: lower case, only letters, digits and 👍."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _EMOJI_MARKS.sub("", folded)
    kept = [ch for ch in folded if ch.isalnum() or ch == "👍"]
    return "".join(kept)


def _single_word(text: str) -> str | None:
    """The reply's one word folded, or ``None`` when the top is not one short word.

    "OK 👍" and "Yes, yes" count as one answer (the same word repeated, or a word and
    a thumb of the same sense) — they are returned as the first word.
    """
    top = reply_top(text)
    if not top or len(top) > MAX_TOP_CHARS:
        return None
    words = [answer_token(w) for w in re.split(r"[\s,;/]+", top)]
    words = [w for w in words if w]
    if not words:
        return None
    if len(words) == 1:
        return words[0]
    if all(w in YES_WORDS for w in words):
        return words[0]
    if len(set(words)) == 1:
        return words[0]
    return None


def booking_answer(text: str) -> Literal["yes", "no"] | None:
    """``"yes"`` / ``"no"`` when the reply is only a confirm / cancel word, else ``None``."""
    word = _single_word(text)
    if word in YES_WORDS:
        return "yes"
    if word in NO_WORDS:
        return "no"
    return None


def carrier_keyword(text: str) -> Literal["stop", "start"] | None:
    """``"stop"`` / ``"start"`` when an SMS is only a carrier opt-out / opt-in word.

    CANCEL and YES are on both lists: the caller decides (an open reminder wins).
    """
    word = _single_word(text)
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    return None
