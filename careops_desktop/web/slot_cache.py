"""A short-lived cache of day slot lists that a booking invalidates at once.

Keys are ``(booking_type_id, provider_id or None, day)``; each entry names the
providers it depends on. ``invalidate_provider`` (called from the database
worker thread when a ``BookingChanged`` event is published) drops every entry
that depends on that provider. A list computed while an invalidation happened
is not stored: callers take ``begin()`` before they ask the database and hand
it back to ``put``, which refuses the entry if any of its providers changed
since. Bookings made by other processes arrive as the same events (through
``core/change_listener.py``). Entries also expire after ``ttl`` seconds, which
covers the minimum notice moving on with the clock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Any

_ALL = -1


class SlotCache:
    """Thread-safe: read and filled on the listener's loop, invalidated from any thread."""

    def __init__(
        self, ttl: float, *, clock: Callable[[], float] = time.monotonic, max_entries: int = 5000
    ) -> None:
        self.ttl = ttl
        self._clock = clock
        self._max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: dict[Hashable, tuple[float, frozenset[int], Any]] = {}
        self._counter = 0
        self._changed_at: dict[int, int] = {}

    def begin(self) -> int:
        """A marker to pass to :meth:`put` for a value about to be computed."""
        with self._lock:
            return self._counter

    def get(self, key: Hashable) -> Any | None:
        """The cached value for ``key``, or None when absent or expired."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stored_at, _, value = entry
            if self._clock() - stored_at > self.ttl:
                del self._entries[key]
                return None
            return value

    def put(self, key: Hashable, value: Any, providers: Iterable[int], marker: int) -> bool:
        """Store ``value`` unless one of ``providers`` changed since ``marker``; True if stored."""
        if self.ttl <= 0:
            return False
        depends = frozenset(providers)
        with self._lock:
            changed = max(
                [self._changed_at.get(_ALL, 0)] + [self._changed_at.get(p, 0) for p in depends]
            )
            if changed > marker:
                return False
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
            self._entries[key] = (self._clock(), depends, value)
            return True

    def invalidate_provider(self, provider_id: int) -> None:
        """Forget every entry that depends on ``provider_id`` (a booking touched it)."""
        with self._lock:
            self._counter += 1
            self._changed_at[provider_id] = self._counter
            stale = [k for k, (_, deps, _) in self._entries.items() if provider_id in deps]
            for key in stale:
                del self._entries[key]

    def clear(self) -> None:
        """Forget everything (hours, types or the business changed)."""
        with self._lock:
            self._counter += 1
            self._changed_at[_ALL] = self._counter
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
