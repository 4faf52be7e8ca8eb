"""Words for the outside world's failures: server replies and TLS reasons made readable,
and secrets kept out of every message a person (or the log) sees.

The errors of ``email_out``, ``email_in`` and ``sms`` are :class:`CareOpsError`\\ s, so the
window shows their text as it is: it must be whole sentences, never a raw exception dump,
and never a password or token — even when a server echoes one back in its reply.
"""

from __future__ import annotations

import ast
import base64
import re
import ssl
from collections.abc import Iterable

from careops_desktop.core.i18n import N_, _

HIDDEN = "[hidden]"
ALL_HIDDEN = N_("The server's answer is not shown because it contained a password or token.")
SHORTEST_SECRET = 3  # shorter "secrets" are no secret, and hiding them would garble words
_BYTES_REPR = re.compile(r"""b'(?:[^'\\]|\\.)*'|b"(?:[^"\\]|\\.)*\"""")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _unquote(match: re.Match[str]) -> str:
    try:
        value = ast.literal_eval(match.group(0))
    except (ValueError, SyntaxError):
        return match.group(0)
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def reply_words(value: object, limit: int = 200) -> str:
    """A server's reply as readable text: bytes decoded, ``b'…'`` reprs (as ``imaplib``
    puts them in its errors) unwrapped, brackets around a lone reply dropped, one line."""
    if isinstance(value, bytes):
        text = value.decode("utf-8", "replace")
    else:
        text = _BYTES_REPR.sub(_unquote, str(value))
    text = " ".join(_CONTROL.sub(" ", text).split())
    if text.startswith("[") and text.endswith("]") and text.count("[") == 1:
        text = text[1:-1].strip()
    return text[:limit]


def tls_reason(exc: ssl.SSLError) -> str:
    """Why a TLS handshake failed, in lower-case words (``certificate verify failed``)."""
    reason = exc.reason or type(exc).__name__
    return str(reason).replace("_", " ").lower()


def _forms(secret: str) -> set[str]:
    """A secret as it may come back from a server: as typed, and base64 as AUTH sends it."""
    forms = {secret}
    raw = secret.encode("utf-8", "replace")
    forms.add(base64.b64encode(raw).decode("ascii"))
    return {f for f in forms if len(f) >= SHORTEST_SECRET}


def hide_secrets(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every non-trivial ``secrets`` value (and its base64 form) replaced by
    :data:`HIDDEN`; longest first, so a secret that contains another is hidden whole."""
    forms: set[str] = set()
    for secret in secrets:
        if secret and len(secret) >= SHORTEST_SECRET:
            forms |= _forms(secret)
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, HIDDEN)
    if any(form in text for form in forms):  # the marker glued to the rest spells it again
        return _(ALL_HIDDEN)
    return text
