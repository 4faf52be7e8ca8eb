"""Day slot lists are cached, but a booking made anywhere in the process drops them at once."""

from __future__ import annotations

import asyncio
import functools
import re
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.services import bookings, business, providers
from careops_desktop.web.params import format_start
from careops_desktop.web.site import SITE
from careops_desktop.web.slot_cache import REACH, SlotCache
from tests.web.conftest import AppClient
from tests.web.seed import SETUP, Shop


def slot_link(shop: Shop, start: datetime) -> str:
    return f"details?start={quote(format_start(start))}"


@pytest.mark.asyncio
async def test_a_booking_elsewhere_removes_the_slot_from_the_cached_page(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    site = client.server.app[SITE]
    day = shop.day(2)
    ten = shop.local(day, 10)
    url = f"/book/{shop.checkup_slug}?date={day.isoformat()}"
    one = f"/book/{shop.checkup_slug}?date={day.isoformat()}&provider={shop.grace_id}"
    assert slot_link(shop, ten) in await (await client.get(url)).text()
    assert slot_link(shop, ten) in await (await client.get(one)).text()
    assert len(site.slots) == 2
    for provider_id in (shop.grace_id, shop.room_id):  # the desk fills 10:00 with both
        db.call(
            bookings.book_public,
            booking_type_id=shop.checkup_id,
            provider_id=provider_id,
            start_utc=ten,
            name="Walk In",
            phone="+44 117 496 0100",
        )
    assert slot_link(shop, ten) not in await (await client.get(url)).text()
    assert slot_link(shop, ten) not in await (await client.get(one)).text()
    assert slot_link(shop, shop.local(day, 10, 30)) in await (await client.get(one)).text()


@pytest.mark.asyncio
async def test_a_cancellation_brings_the_slot_back_at_once(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    day = shop.day(2)
    ten = shop.local(day, 10)
    receipt = db.call(
        bookings.book_public,
        booking_type_id=shop.long_id,
        provider_id=shop.grace_id,
        start_utc=ten,
        name="Walk In",
        phone="+44 117 496 0100",
    )
    url = f"/book/{shop.long_slug}?date={day.isoformat()}"
    assert slot_link(shop, ten) not in await (await client.get(url)).text()
    db.call(bookings.cancel_by_token, receipt.manage_token)
    assert slot_link(shop, ten) in await (await client.get(url)).text()


@pytest.mark.asyncio
async def test_a_booking_keeps_other_days_cached_and_a_move_refreshes_both_days(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    site = client.server.app[SITE]
    near, far = shop.day(2), shop.day(5)
    base = f"/book/{shop.long_slug}?provider={shop.grace_id}&date="
    for day in (near, far):
        assert (
            slot_link(shop, shop.local(day, 10)) in await (await client.get(base + str(day))).text()
        )
    receipt = db.call(
        bookings.book_public,
        booking_type_id=shop.long_id,
        provider_id=shop.grace_id,
        start_utc=shop.local(far, 10),
        name="Walk In",
        phone="+44 117 496 0100",
    )
    assert site.slots.get((shop.long_id, shop.grace_id, near)) is not None  # not touched
    assert site.slots.get((shop.long_id, shop.grace_id, far)) is None
    assert (
        slot_link(shop, shop.local(far, 10)) not in await (await client.get(base + str(far))).text()
    )
    db.call(bookings.reschedule_by_token, receipt.manage_token, shop.local(near, 10))
    assert slot_link(shop, shop.local(far, 10)) in await (await client.get(base + str(far))).text()
    page = await (await client.get(base + str(near))).text()
    assert slot_link(shop, shop.local(near, 10)) not in page


def test_a_list_computed_during_an_invalidation_is_not_stored() -> None:
    cache = SlotCache(ttl=60)
    marker = cache.begin()
    cache.invalidate(7)  # a booking commits while the list is being computed
    assert not cache.put("key", ["stale"], [7, 8], marker)
    assert cache.get("key") is None
    assert cache.put("other", ["fresh"], [8], marker)  # provider 8 did not change
    cache.clear()
    assert cache.get("other") is None
    assert not cache.put("late", ["stale"], [9], marker)  # cleared since the marker


def _day(n: int) -> tuple[datetime, datetime]:
    start = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(days=n)
    return start, start + timedelta(days=1)


def test_a_booking_drops_only_the_days_of_its_provider_it_can_change() -> None:
    cache = SlotCache(ttl=60)
    entries = {
        "p7 day 10": ([7], _day(10)),
        "p7 day 14": ([7], _day(14)),
        "p8 day 10": ([8], _day(10)),
        "any day 10": ([7, 8], _day(10)),
        "p7 no window": ([7], None),
    }
    for key, (depends, window) in entries.items():
        assert cache.put(key, key, depends, cache.begin(), window)
    ten_am = _day(10)[0] + timedelta(hours=10)
    cache.invalidate(7, [(ten_am, ten_am + timedelta(minutes=30))])
    kept = {key for key in entries if cache.get(key) is not None}
    assert kept == {"p7 day 14", "p8 day 10"}
    cache.invalidate(8)  # no times given: every day of the provider
    assert cache.get("p8 day 10") is None and cache.get("p7 day 14") is not None


def test_a_booking_just_past_midnight_still_drops_the_day_before() -> None:
    """A long appointment (with buffers) the evening before can meet it: days within
    REACH (the longest appointment plus both buffers, 32 h) either side are dropped."""
    cache = SlotCache(ttl=60)
    for n in range(8, 14):
        cache.put(n, "slots", [7], cache.begin(), _day(n))
    early = _day(11)[0] + timedelta(minutes=30)
    cache.invalidate(7, [(early, early + timedelta(hours=1))])
    assert {n for n in range(8, 14) if cache.get(n) is not None} == {8, 13}
    assert timedelta(hours=24) <= REACH < timedelta(hours=48)


def test_a_list_is_refused_only_when_a_change_since_its_marker_meets_its_day() -> None:
    cache = SlotCache(ttl=60)
    marker = cache.begin()
    far = _day(30)[0]
    cache.invalidate(7, [(far, far + timedelta(hours=1))])  # another day of provider 7
    assert cache.put("day 10", "fresh", [7], marker, _day(10))
    marker = cache.begin()
    near = _day(10)[0] + timedelta(hours=9)
    cache.invalidate(7, [(near, near + timedelta(hours=1))])
    assert not cache.put("day 10", "stale", [7], marker, _day(10))
    assert not cache.put("no window", "stale", [7], marker)  # day unknown: assume it met


def test_too_many_changes_since_the_marker_refuse_the_list() -> None:
    cache = SlotCache(ttl=60)
    marker = cache.begin()
    far = _day(300)[0]
    for _ in range(5000):  # more than the cache remembers
        cache.invalidate(9, [(far, far + timedelta(hours=1))])
    assert not cache.put("day 10", "maybe stale", [7], marker, _day(10))
    assert cache.put("day 10", "fresh", [7], cache.begin(), _day(10))


def test_entries_expire_after_their_time_to_live() -> None:
    now = [0.0]
    cache = SlotCache(ttl=10, clock=lambda: now[0])
    cache.put("key", "value", [1], cache.begin())
    now[0] = 9.0
    assert cache.get("key") == "value"
    now[0] = 10.5
    assert cache.get("key") is None


def next_change(zone: ZoneInfo, after: date, forward: bool) -> date:
    """The next local day on which the clocks go forward (or back)."""
    day = after
    for _ in range(400):
        day += timedelta(days=1)
        before = datetime.combine(day, time(0), zone).utcoffset()
        later = datetime.combine(day, time(23), zone).utcoffset()
        assert before is not None and later is not None
        if (later > before) if forward else (later < before):
            return day
    raise AssertionError("no change found")


@pytest.mark.parametrize("zone_name", ["Europe/London", "America/New_York"])
@pytest.mark.asyncio
async def test_daylight_saving_days_show_the_right_local_times(
    db: Database, shop: Shop, make_client: AppClient, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    db.call(business.update_profile, SETUP, timezone=zone_name, booking_horizon_days=730)
    night = [providers.HoursRange(d, time(0), time(4)) for d in range(7)]
    db.call(providers.set_weekly_hours, SETUP, shop.grace_id, night)
    today = datetime.now(zone).date() + timedelta(days=1)
    spring = next_change(zone, today, forward=True)
    autumn = next_change(zone, today, forward=False)
    client = await make_client()
    base = f"/book/{shop.checkup_slug}?provider={shop.grace_id}&date="
    gap = {"Europe/London": ("01:00", "01:30"), "America/New_York": ("02:00", "02:30")}
    page = await (await client.get(base + spring.isoformat())).text()
    assert f"Times are in {zone_name} time." in page
    for missing in gap[zone_name]:
        assert f">{missing}</a>" not in page, missing
    assert ">00:30</a>" in page and ">03:30</a>" in page
    page = await (await client.get(base + autumn.isoformat())).text()
    for repeated in ("01:00", "01:30"):  # the hour that happens twice in both zones
        twice = re.findall(rf">({repeated}[^<]*)</a>", page)
        assert len(twice) == 2 and twice[0] != twice[1], twice  # both instants, zone named


@pytest.mark.asyncio
async def test_simultaneous_misses_for_one_day_share_one_database_call(
    db: Database, shop: Shop, make_client: AppClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careops_desktop.core.services import slots as slot_service

    calls: list[object] = []
    real = slot_service.slots_for_day

    @functools.wraps(real)
    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(slot_service, "slots_for_day", counted)
    client = await make_client()
    url = f"/book/{shop.checkup_slug}?date={shop.day(5).isoformat()}"
    responses = await asyncio.gather(*(client.get(url) for _ in range(12)))
    pages = {await r.text() for r in responses}
    assert [r.status for r in responses] == [200] * 12
    assert len(pages) == 1 and ">09:00</a>" in pages.pop()
    assert len(calls) == 1
    await client.get(url)
    assert len(calls) == 1  # and then it is cached
