"""A short-lived cache of day slot lists that a booking invalidates at once.

Keys are ``(booking_type_id, provider_id or None, day)``; each entry names the
providers it depends on and the UTC span of its day. ``invalidate(provider,
spans)`` (called from the database worker thread when a ``BookingChanged``
event is published) drops the entries of that provider whose day a booking at
one of ``spans`` can change: the day itself and, because an appointment with
its buffers reaches past the times it starts at, up to :data:`REACH` either
side. Without spans it drops every entry of the provider.

A list computed while an invalidation happened is not stored if the change
touches it: callers take ``begin()`` before they ask the database and hand it
back to ``put``, which refuses the entry when a change since then met one of
its providers on its day. Entries also expire after ``ttl`` seconds, which
covers bookings made by other processes and the minimum notice moving on with
the clock.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from careops_desktop.core.services.booking_types import BUFFER_RANGE, DURATION_RANGE

_ALL = -1
# how far from its own times a booking can change a day's free slots: the longest
# appointment plus both buffers (a slot starting that much earlier still meets it)
REACH = timedelta(minutes=DURATION_RANGE[1] + 2 * BUFFER_RANGE[1])
_CHANGES_KEPT = 4096

Span = tuple[datetime, datetime]


def _meets(window: Span | None, spans: Sequence[Span]) -> bool:
    """Whether a booking at one of ``spans`` can change the slots of ``window`` (a day)."""
    if window is None or not spans:
        return True
    low, high = window
    return any(start - REACH < high and low < end + REACH for start, end in spans)


class SlotCache:
    """Thread-safe: read and filled on the listener's loop, invalidated from any thread."""

    def __init__(
        self, ttl: float, *, clock: Callable[[], float] = time.monotonic, max_entries: int = 5000
    ) -> None:
        self.ttl = ttl
        self._clock = clock
        self._max_entries = max_entries
        self._lock = threading.Lock()
        # key -> (stored at, providers, day span, value)
        self._entries: dict[Hashable, tuple[float, frozenset[int], Span | None, Any]] = {}
        self._counter = 0
        # recent changes, oldest first: (counter, provider or _ALL, spans)
        self._changes: deque[tuple[int, int, tuple[Span, ...]]] = deque()
        self._forgotten_upto = 0  # changes up to this counter are no longer in _changes

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
            stored_at, _, _, value = entry
            if self._clock() - stored_at > self.ttl:
                del self._entries[key]
                return None
            return value

    def put(
        self,
        key: Hashable,
        value: Any,
        providers: Iterable[int],
        marker: int,
        window: Span | None = None,
    ) -> bool:
        """Store ``value`` (the slots of ``window``, a day's UTC span) unless a change since
        ``marker`` met one of ``providers`` on that day; True if stored."""
        if self.ttl <= 0:
            return False
        depends = frozenset(providers)
        with self._lock:
            if marker < self._forgotten_upto:
                return False  # changes since the marker are no longer known: assume the worst
            for counter, provider, spans in reversed(self._changes):
                if counter <= marker:
                    break
                if (provider == _ALL or provider in depends) and _meets(window, spans):
                    return False
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
            self._entries[key] = (self._clock(), depends, window, value)
            return True

    def invalidate(self, provider_id: int, spans: Sequence[Span] = ()) -> None:
        """Forget the entries of ``provider_id`` whose day a booking at ``spans`` can
        change (every entry of the provider when ``spans`` is empty)."""
        spans = tuple(spans)
        with self._lock:
            self._note(provider_id, spans)
            stale = [
                key
                for key, (_, depends, window, _) in self._entries.items()
                if provider_id in depends and _meets(window, spans)
            ]
            for key in stale:
                del self._entries[key]

    def clear(self) -> None:
        """Forget everything (hours, types or the business changed)."""
        with self._lock:
            self._note(_ALL, ())
            self._entries.clear()

    def _note(self, provider_id: int, spans: tuple[Span, ...]) -> None:
        self._counter += 1
        self._changes.append((self._counter, provider_id, spans))
        if len(self._changes) > _CHANGES_KEPT:
            self._forgotten_upto = self._changes.popleft()[0]

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
