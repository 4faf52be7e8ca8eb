"""The drag feedback knows blocked time (pure: no Qt): a drop over lunch or a meeting says
"Blocked: {reason}" and asks; someone else's block does not count; everyone's does."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from careops_desktop.ui.widgets.calendar_data import TimeBlockMark
from careops_desktop.ui.widgets.calendar_drop_rules import (
    DropIndex,
    DropRules,
    ProviderDay,
    Verdict,
)

MONDAY = date(2030, 6, 3)
NOW = datetime.combine(MONDAY, time(7))


def _mark(provider_id: int | None, start: time, minutes: int, reason: str) -> TimeBlockMark:
    begin = datetime.combine(MONDAY, start)
    label = f"{reason} · everyone" if provider_id is None else reason
    return TimeBlockMark(
        MONDAY.isoformat(),
        begin,
        begin + timedelta(minutes=minutes),
        label,
        1,
        MONDAY,
        provider_id=provider_id,
        reason=reason,
    )


def _index(*marks: TimeBlockMark) -> DropIndex:
    rules = DropRules(
        days=(ProviderDay(1, MONDAY, ((time(9), time(17)),)),),
        provider_names=((1, "Alice"),),
    )
    return DropIndex(rules, (), marks)


def _at(index: DropIndex, provider: int, start: time, minutes: int = 60) -> Verdict:
    begin = datetime.combine(MONDAY, start)
    return index.verdict(provider, begin, begin + timedelta(minutes=minutes), 99, NOW)


def test_a_block_asks_with_its_reason_and_only_for_its_provider() -> None:
    index = _index(_mark(1, time(12), 60, "Lunch"), _mark(2, time(14), 60, "Gym"))
    over = _at(index, 1, time(12, 30))
    assert over.kind == "blocked" and over.asks and not over.refused
    assert over.words == "Blocked: Lunch; you will be asked."
    assert over.reason == "Lunch"
    assert _at(index, 1, time(11)).kind == "free"  # ends at 12:00
    assert _at(index, 1, time(14)).kind == "free"  # Bob's block


def test_everyones_block_counts_and_reasons_are_named_once() -> None:
    index = _index(
        _mark(None, time(10), 30, "Staff <b>meeting</b>"),
        _mark(1, time(10), 60, "Lunch"),
        _mark(None, time(10, 15), 30, "Staff <b>meeting</b>"),
    )
    found = _at(index, 1, time(10))
    assert found.reason == "Staff <b>meeting</b>, Lunch"


@given(st.integers(9 * 60, 16 * 60), st.integers(1, 180))
def test_blocked_matches_a_plain_overlap(start_minute: int, length: int) -> None:
    """Generated drops: blocked exactly when they meet the block (taken and past aside)."""
    index = _index(_mark(1, time(12), 45, "Lunch"))
    begin = datetime.combine(MONDAY, time(0)) + timedelta(minutes=start_minute)
    end = begin + timedelta(minutes=length)
    lunch = (datetime.combine(MONDAY, time(12)), datetime.combine(MONDAY, time(12, 45)))
    meets = begin < lunch[1] and lunch[0] < end
    kind = index.verdict(1, begin, end, 99, NOW).kind
    assert (kind == "blocked") == meets
