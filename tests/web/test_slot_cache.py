"""Day slot lists are cached, but a booking made anywhere in the process drops them at once."""

from __future__ import annotations

import asyncio
import functools
import re
from datetime import date, datetime, time, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.services import bookings, business, providers
from careops_desktop.web.params import format_start
from careops_desktop.web.site import SITE
from careops_desktop.web.slot_cache import SlotCache
from tests.web.conftest import AppClient
from tests.web.public_booking import book_with_grace
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
    receipt = book_with_grace(
        db, shop, ten, "Walk In", booking_type_id=shop.long_id, phone="+44 117 496 0100"
    )
    url = f"/book/{shop.long_slug}?date={day.isoformat()}"
    assert slot_link(shop, ten) not in await (await client.get(url)).text()
    db.call(bookings.cancel_by_token, receipt.manage_token)
    assert slot_link(shop, ten) in await (await client.get(url)).text()


def test_a_list_computed_during_an_invalidation_is_not_stored() -> None:
    cache = SlotCache(ttl=60)
    marker = cache.begin()
    cache.invalidate_provider(7)  # a booking commits while the list is being computed
    assert not cache.put("key", ["stale"], [7, 8], marker)
    assert cache.get("key") is None
    assert cache.put("other", ["fresh"], [8], marker)  # provider 8 did not change
    cache.clear()
    assert cache.get("other") is None
    assert not cache.put("late", ["stale"], [9], marker)  # cleared since the marker


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
    # the clock of the time, not the locale's way of writing it, is what this test is about
    db.call(
        business.update_profile, SETUP, timezone=zone_name, booking_horizon_days=730, locale="en_GB"
    )
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
