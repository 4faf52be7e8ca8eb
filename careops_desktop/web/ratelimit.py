"""Per-client token buckets: each IP may send ``burst`` POSTs at once, refilled steadily.

Runs on the listener's loop only (no locking needed). Full buckets of clients
that have gone quiet are dropped when the table grows, so a flood of spoofed
addresses cannot grow memory without bound.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class RateLimiter:
    """A token bucket per key (the client's IP address)."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1, burst)
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, key: str) -> bool:
        """Take one token from ``key``'s bucket; False when it is empty."""
        now = self._clock()
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > self._max_keys:
            self._forget_full(now)
        return allowed

    def retry_after(self, key: str) -> int:
        """Whole seconds until ``key`` may send again (at least 1)."""
        tokens, _ = self._buckets.get(key, (0.0, 0.0))
        if self.rate <= 0:
            return 60
        return max(1, int((1.0 - tokens) / self.rate + 0.999))

    def _forget_full(self, now: float) -> None:
        refill = self.burst / self.rate if self.rate > 0 else float("inf")
        stale = [k for k, (_, last) in self._buckets.items() if now - last >= refill]
        for key in stale:
            del self._buckets[key]
        if len(self._buckets) > self._max_keys:  # still too many: forget the oldest half
            ordered = sorted(self._buckets.items(), key=lambda item: item[1][1])
            for key, _ in ordered[: len(ordered) // 2]:
                del self._buckets[key]
