"""Secret tokens for manage links, form links and the calendar feed."""

from __future__ import annotations

import hmac
import secrets

TOKEN_BYTES = 24  # 192 bits, above the 128 the booking page asks for


def new_token() -> str:
    """A fresh URL-safe token of 192 random bits."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def tokens_equal(given: str, stored: str) -> bool:
    """Compare two tokens in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), stored.encode("utf-8"))
