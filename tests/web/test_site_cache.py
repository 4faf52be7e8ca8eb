"""The booking page's cached business profile and catalogue: simultaneous misses share one load,
and a settings change is never overwritten by a load that started before it."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from careops_desktop.core import events
from careops_desktop.core.db import Database
from careops_desktop.core.services import business
from careops_desktop.web.queries import load_catalog
from careops_desktop.web.settings import WebSettings
from careops_desktop.web.site import Site
from tests.web.conftest import RELAXED
from tests.web.seed import Shop


class CountingDatabase:
    """The real database, counting the functions run on its worker (and able to hold one)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.calls: list[str] = []
        self.hold: threading.Event | None = None

    async def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(fn.__name__)
        hold = self.hold

        def call(session: Any) -> Any:
            if hold is not None:
                hold.wait(10)
            return fn(session, *args, **kwargs)

        call.careops_read_only = True  # type: ignore[attr-defined]
        return await self.db.run(call)


def _site(db: Database, **settings: float) -> tuple[Site, CountingDatabase]:
    counting = CountingDatabase(db)
    chosen = WebSettings(**{**RELAXED.__dict__, **settings})
    return Site(database=counting, settings=chosen), counting  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_simultaneous_misses_share_one_load_each(db: Database, shop: Shop) -> None:
    site, counting = _site(db, business_cache_seconds=0.0)  # every request misses the cache
    profiles = await asyncio.gather(*(site.business() for _ in range(12)))
    catalogs = await asyncio.gather(*(site.catalog(load_catalog) for _ in range(12)))
    assert counting.calls == ["get_profile", "load_catalog"]
    assert {p.name for p in profiles if p is not None} == {db.call(business.get_profile).name}
    assert all(c is catalogs[0] for c in catalogs)
    assert [t.slug for t in catalogs[0].types] == [t.slug for t in db.call(load_catalog).types]
    await site.business()  # later misses load again (nothing in flight)
    assert counting.calls == ["get_profile", "load_catalog", "get_profile"]
    assert site.loading == {}


@pytest.mark.asyncio
async def test_within_the_time_to_live_nothing_is_loaded_again(db: Database, shop: Shop) -> None:
    site, counting = _site(db, business_cache_seconds=60.0)
    first = await site.business()
    for _ in range(5):
        assert await site.business() is first
        await site.catalog(load_catalog)
    assert counting.calls == ["get_profile", "load_catalog"]


@pytest.mark.asyncio
async def test_a_settings_change_during_a_load_is_not_overwritten(db: Database, shop: Shop) -> None:
    site, counting = _site(db, business_cache_seconds=60.0)
    counting.hold = threading.Event()
    old_load = asyncio.ensure_future(site.business())
    while not counting.calls:
        await asyncio.sleep(0.001)
    # the business is renamed and the event arrives while the old load is still running
    with db.write_session() as s:
        row = business.get_business(s)
        row.name = "Renamed While Loading"
    site.on_event(events.SettingsChanged("business"))
    counting.hold.set()
    counting.hold = None
    await old_load
    fresh = await site.business()  # a new load, not the one from before the change
    assert fresh is not None and fresh.name == "Renamed While Loading"
    assert counting.calls == ["get_profile", "get_profile"]
    assert (await site.business()) is fresh  # and that one is cached


@pytest.mark.asyncio
async def test_a_failed_load_reaches_every_waiter_and_is_not_cached(
    db: Database, shop: Shop
) -> None:
    site, counting = _site(db, business_cache_seconds=60.0)

    def broken(_session: Any) -> Any:
        raise RuntimeError("the disk went away")

    results = await asyncio.gather(
        *(site.catalog(broken) for _ in range(5)), return_exceptions=True
    )
    assert all(isinstance(r, RuntimeError) for r in results)
    assert counting.calls == ["broken"]
    assert site.loading == {}
    catalog = await site.catalog(load_catalog)
    assert catalog.types and counting.calls == ["broken", "load_catalog"]
