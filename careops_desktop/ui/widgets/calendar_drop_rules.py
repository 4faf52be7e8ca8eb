"""What a drag on the calendar checks as it goes, from the data the page already holds.

:class:`DropRules` travels inside the calendar's data (built on the database worker
with the page); :class:`DropIndex` sorts it once per drag on the Qt thread, and
:meth:`DropIndex.verdict` answers, for every mouse move, whether a booking may go to a
provider at a time: free, taken, in the past, closed, outside hours, blocked (lunch,
a meeting: the page's blocked time), busy in the provider's own calendar. Pure Python
(no Qt), local wall-clock times throughout.

This is feedback only: the core checks again on drop (in the write transaction), and
its answer wins.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from careops_desktop.ui.i18n import translate

VerdictKind = Literal[
    "free", "same", "taken", "past", "not_offered", "closed", "outside_hours", "busy", "blocked"
]
REFUSED: frozenset[str] = frozenset({"taken", "past", "not_offered"})  # the drop is refused at once
ASKS: frozenset[str] = frozenset(
    {"closed", "outside_hours", "busy", "blocked"}
)  # the desk is asked
LIVE_STATUSES = frozenset({"confirmed", "arrived"})  # what a drag may move


@dataclass(frozen=True)
class ProviderDay:
    """A provider's opening ranges on one day, and the closure reason when closed all day."""

    provider_id: int
    day: date
    ranges: tuple[tuple[time, time], ...] = ()
    closed: str | None = None  # None: open; "" or a reason: closed that day


@dataclass(frozen=True)
class BusyTime:
    """A provider's time taken in an outside calendar (local wall-clock)."""

    provider_id: int
    start: datetime
    end: datetime
    calendar: str


@dataclass(frozen=True)
class DropRules:
    """The page's grid, each shown provider's hours, closures and outside busy time."""

    step_minutes: int = 15
    days: tuple[ProviderDay, ...] = ()
    busy: tuple[BusyTime, ...] = ()
    provider_names: tuple[tuple[int, str], ...] = ()
    column_providers: tuple[tuple[str, int], ...] = ()  # day view: column key → provider
    offers: tuple[tuple[int, int], ...] = ()  # (provider id, booking type id); () = unchecked


@dataclass(frozen=True)
class Verdict:
    """Whether a drop is allowed, as a kind and a sentence for the desk."""

    kind: VerdictKind
    words: str
    reason: str = ""  # "blocked": the blocks' reasons ("Lunch, Meeting")

    @property
    def refused(self) -> bool:
        return self.kind in REFUSED

    @property
    def asks(self) -> bool:
        return self.kind in ASKS


@dataclass(frozen=True)
class Occupied:
    """Another booking's time (the one being moved is skipped by id)."""

    start: datetime
    end: datetime
    booking_id: int
    title: str


class DropIndex:
    """:class:`DropRules` and the page's blocks sorted for quick checks (one per drag)."""

    def __init__(
        self, rules: DropRules, blocks: Iterable[object], time_blocks: Iterable[object] = ()
    ) -> None:
        self.rules = rules
        self.names = dict(rules.provider_names)
        self.column_providers = dict(rules.column_providers)
        self.days = {(d.provider_id, d.day): d for d in rules.days}
        self.offers = frozenset(rules.offers)
        self.offered_types = frozenset(kind for _, kind in rules.offers)
        taken: dict[int, list[Occupied]] = {}
        for block in blocks:
            provider_id = getattr(block, "provider_id", None)
            if provider_id is None or getattr(block, "status", "") == "cancelled":
                continue
            start = block.start.replace(tzinfo=None)  # type: ignore[attr-defined]
            end = block.end.replace(tzinfo=None)  # type: ignore[attr-defined]
            item = Occupied(start, end, block.id, block.title)  # type: ignore[attr-defined]
            taken.setdefault(provider_id, []).append(item)
        self.taken = {k: sorted(v, key=lambda o: (o.start, o.end)) for k, v in taken.items()}
        self.starts = {k: [o.start for o in v] for k, v in self.taken.items()}
        # the longest booking per provider bounds how far back an overlap can start
        self.longest = {k: max(o.end - o.start for o in v) for k, v in self.taken.items()}
        busy: dict[int, list[BusyTime]] = {}
        for period in rules.busy:
            busy.setdefault(period.provider_id, []).append(period)
        self.busy = busy
        # blocked time (``TimeBlockMark``: provider_id None is everyone's), local wall-clock
        self.blocked: list[tuple[int | None, datetime, datetime, str]] = [
            (
                getattr(mark, "provider_id", None),
                mark.start.replace(tzinfo=None),  # type: ignore[attr-defined]
                mark.end.replace(tzinfo=None),  # type: ignore[attr-defined]
                str(getattr(mark, "reason", "") or getattr(mark, "label", "")),
            )
            for mark in time_blocks
        ]

    def blocked_reasons(self, provider_id: int, start: datetime, end: datetime) -> list[str]:
        """The reasons of the page's blocked time of ``provider_id`` meeting ``[start, end)``."""
        found = [
            reason.replace("\n", " ")
            for who, first, last, reason in self.blocked
            if who in (None, provider_id) and first < end and start < last
        ]
        return list(dict.fromkeys(found))

    def name(self, provider_id: int) -> str:
        return self.names.get(provider_id, "")

    def clash(
        self, provider_id: int, start: datetime, end: datetime, booking_id: int
    ) -> Occupied | None:
        """Another live booking of ``provider_id`` overlapping ``[start, end)``."""
        items = self.taken.get(provider_id)
        if not items:
            return None
        first = bisect_left(self.starts[provider_id], start - self.longest[provider_id])
        for item in items[first:]:
            if item.start >= end:
                break
            if item.end > start and item.booking_id != booking_id:
                return item
        return None

    def verdict(
        self,
        provider_id: int,
        start: datetime,
        end: datetime,
        booking_id: int,
        now: datetime,
        booking_type_id: int | None = None,
    ) -> Verdict:
        """Whether the booking ``booking_id`` may go to ``provider_id`` for ``[start, end)``."""
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        who = self.name(provider_id) or translate("CalendarDrop", "The provider")
        if start < now.replace(tzinfo=None):
            return Verdict("past", translate("CalendarDrop", "That time has already passed."))
        # (a type no longer offered is not in ``offers``: the core decides for it)
        if booking_type_id in self.offered_types and (provider_id, booking_type_id) not in (
            self.offers
        ):
            words = translate("CalendarDrop", "{who} does not offer this booking type.")
            return Verdict("not_offered", words.format(who=who))
        other = self.clash(provider_id, start, end, booking_id)
        if other is not None:
            words = translate("CalendarDrop", "Taken: {who} has another booking then ({title}).")
            return Verdict("taken", words.format(who=who, title=other.title.replace("\n", " ")))
        reasons = self.blocked_reasons(provider_id, start, end)
        if reasons:
            reason = ", ".join(reasons)
            words = translate("CalendarDrop", "Blocked: {reason}; you will be asked.")
            return Verdict("blocked", words.format(reason=reason), reason)
        day = self.days.get((provider_id, start.date()))
        if day is not None and day.closed is not None:
            reason = day.closed.replace("\n", " ")
            if reason:
                words = translate(
                    "CalendarDrop", "{who} is closed that day ({reason}); you will be asked."
                )
            else:
                words = translate("CalendarDrop", "{who} is closed that day; you will be asked.")
            return Verdict("closed", words.format(who=who, reason=reason))
        if not self._inside_hours(day, start, end):
            words = translate("CalendarDrop", "Outside {who}'s opening hours; you will be asked.")
            return Verdict("outside_hours", words.format(who=who))
        for busy in self.busy.get(provider_id, ()):
            if busy.start < end and busy.end > start:
                words = translate(
                    "CalendarDrop", "{who} is busy in {calendar} then; you will be asked."
                )
                return Verdict(
                    "busy", words.format(who=who, calendar=busy.calendar.replace("\n", " "))
                )
        words = translate("CalendarDrop", "Free: {who} has nothing else then.")
        return Verdict("free", words.format(who=who))

    @staticmethod
    def _inside_hours(day: ProviderDay | None, start: datetime, end: datetime) -> bool:
        """Whether one opening range of the day holds the whole of ``[start, end)``."""
        if day is None:
            return False
        midnight = datetime.combine(start.date(), time(0))
        first = (start - midnight).total_seconds() / 60
        last = (end - midnight).total_seconds() / 60
        for open_at, close_at in day.ranges:
            opens = open_at.hour * 60 + open_at.minute
            closes = close_at.hour * 60 + close_at.minute or 24 * 60
            if opens <= first and last <= closes:
                return True
        return False
