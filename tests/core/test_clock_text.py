"""Local times the clock shows twice are told apart; every other time reads as before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careops_desktop.core.clock_text import (
    clock_range,
    clock_time,
    day_and_time,
    offset_text,
    shows_twice,
)
from careops_desktop.core.services.bookings import booking_time_text

LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # goes back 30 minutes on 2027-04-04 at 02:00
LONDON = ZoneInfo("Europe/London")  # goes back an hour on 2027-10-31 at 02:00
FIRST = datetime(2027, 4, 3, 14, 30, tzinfo=UTC)  # 01:30 +11 (daylight time) on 4 April
SECOND = datetime(2027, 4, 3, 15, 0, tzinfo=UTC)  # 01:30 +10:30 (standard time) on 4 April


def test_two_bookings_at_the_lord_howe_repeat_read_differently() -> None:
    assert FIRST.astimezone(LORD_HOWE).strftime("%H:%M") == "01:30"
    assert SECOND.astimezone(LORD_HOWE).strftime("%H:%M") == "01:30"
    assert clock_time(FIRST, LORD_HOWE) == "01:30 UTC+11"
    assert clock_time(SECOND, LORD_HOWE) == "01:30 UTC+10:30"
    assert booking_time_text(FIRST, LORD_HOWE) == (
        "Sunday 4 April 2027 at 01:30 UTC+11 (Australia/Lord_Howe)"
    )
    assert booking_time_text(SECOND, LORD_HOWE) == (
        "Sunday 4 April 2027 at 01:30 UTC+10:30 (Australia/Lord_Howe)"
    )


def test_a_30_minute_booking_over_the_lord_howe_repeat_never_reads_0130_0130() -> None:
    text = clock_range(FIRST, FIRST + timedelta(minutes=30), LORD_HOWE)
    assert text == "01:30 UTC+11–01:30 UTC+10:30"


def test_london_names_bst_and_gmt_only_in_the_hour_that_happens_twice() -> None:
    bst = datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    gmt = datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    assert clock_time(bst, LONDON) == "01:30 BST"
    assert clock_time(gmt, LONDON) == "01:30 GMT"
    assert clock_range(bst, gmt, LONDON) == "01:30 BST–01:30 GMT"
    assert clock_time(datetime(2027, 10, 31, 9, 0, tzinfo=UTC), LONDON) == "09:00"
    assert day_and_time(datetime(2027, 6, 2, 9, 0, tzinfo=UTC), LONDON) == (
        "Wednesday 2 June 2027 at 10:00"
    )
    assert (
        clock_range(
            datetime(2027, 6, 2, 9, 0, tzinfo=UTC), datetime(2027, 6, 2, 9, 30, tzinfo=UTC), LONDON
        )
        == "10:00–10:30"
    )


def test_the_hour_that_is_skipped_in_spring_is_not_marked() -> None:
    before = datetime(2027, 3, 28, 0, 59, tzinfo=UTC).astimezone(LONDON)
    after = datetime(2027, 3, 28, 1, 0, tzinfo=UTC).astimezone(LONDON)
    assert (before.strftime("%H:%M"), after.strftime("%H:%M")) == ("00:59", "02:00")
    assert not shows_twice(before) and not shows_twice(after)


def test_a_range_of_exactly_a_day_still_reads_as_two_times() -> None:
    start = datetime(2027, 6, 2, 9, 0, tzinfo=UTC)
    assert clock_range(start, start + timedelta(days=1), LONDON) == "10:00 BST–10:00 BST"


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(660, "UTC+11"), (630, "UTC+10:30"), (-210, "UTC-03:30"), (345, "UTC+05:45")],
)
def test_offsets_read_as_people_write_them(minutes: int, text: str) -> None:
    assert offset_text(timedelta(minutes=minutes)) == text


ZONES = ["Australia/Lord_Howe", "Europe/London", "America/New_York", "Asia/Kathmandu", "UTC"]


@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)),
    minutes=st.integers(5, 240),
)
def test_two_different_instants_never_read_the_same_and_no_range_reads_x_x(
    zone: str, start: datetime, minutes: int
) -> None:
    tz = ZoneInfo(zone)
    first = start.replace(tzinfo=UTC, second=0, microsecond=0)
    second = first + timedelta(minutes=minutes)
    left, right = clock_range(first, second, tz).split("–")
    assert left != right
    if first.astimezone(tz).date() == second.astimezone(tz).date():
        assert clock_time(first, tz) != clock_time(second, tz)
