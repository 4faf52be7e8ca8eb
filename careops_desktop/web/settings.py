"""The booking page's own settings: limits that protect it, and how long it caches.

Defaults suit a real business; tests and benchmarks raise the limits. Each
value may be overridden by a ``CAREOPS_WEB_*`` environment variable, so an
operator can loosen a limit for a busy open day without a new release.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

MAX_BODY_BYTES = 64 * 1024


@dataclass(frozen=True)
class WebSettings:
    """Limits of the public listener.

    ``post_rate_per_minute``/``post_burst``: the token bucket each client IP
    draws from for every POST. ``min_fill_seconds``: a details form sent back
    sooner than this after it was shown is treated as a bot. ``slot_cache_seconds``:
    the longest a day's slot list is reused (bookings made in this process
    invalidate it at once; the time-to-live covers other processes and the
    moving minimum notice).
    """

    post_rate_per_minute: float = 20.0
    post_burst: int = 10
    min_fill_seconds: float = 3.0
    max_body_bytes: int = MAX_BODY_BYTES
    slot_cache_seconds: float = 20.0
    business_cache_seconds: float = 5.0
    days_shown: int = 7

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> WebSettings:
        """Defaults, overridden by ``CAREOPS_WEB_<FIELD>`` variables (bad values refused)."""
        env = os.environ if environ is None else environ
        changes: dict[str, float | int] = {}
        for item in fields(cls):
            raw = env.get(f"CAREOPS_WEB_{item.name.upper()}")
            if raw is None:
                continue
            kind = int if item.type in ("int", int) else float
            try:
                value = kind(raw)
            except ValueError as exc:
                raise ValueError(
                    f"CAREOPS_WEB_{item.name.upper()} must be a number, not {raw!r}"
                ) from exc
            if value < 0:
                raise ValueError(f"CAREOPS_WEB_{item.name.upper()} must not be negative")
            changes[item.name] = value
        return replace(cls(), **changes)  # type: ignore[arg-type]
