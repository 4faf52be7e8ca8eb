"""Blocked time on the booking page, through the real listener: its times are never offered,
a booking posted for one is refused (checked again in the write transaction), and adding or
changing a block drops that provider's cached day at once."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import time_blocks
from careops_desktop.web.params import format_start
from careops_desktop.web.settings import WebSettings
from tests.web.conftest import RELAXED, AppClient, post_form
from tests.web.seed import Shop

pytestmark = pytest.mark.asyncio

DESK = Actor.system("Desk")
ADA = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""}
CACHED = WebSettings(**{**RELAXED.__dict__, "slot_cache_seconds": 600.0})


async def _offered(client: TestClient[Any, Any], shop: Shop, day: Any) -> list[str]:
    response = await client.get(
        f"/book/{shop.long_slug}", params={"provider": shop.grace_id, "date": day.isoformat()}
    )
    assert response.status == 200
    return re.findall(r'aria-label="(\d\d:\d\d)', await response.text())


def _block(db: Database, shop: Shop, day: Any, start: int, end: int) -> Any:
    return db.call(
        time_blocks.add_block,
        DESK,
        provider_id=shop.grace_id,
        start=datetime.combine(day, time(start)),
        end=datetime.combine(day, time(end)),
        reason="Lunch",
    )


async def test_a_block_drops_the_cached_day_and_its_times_are_never_offered(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client(CACHED)  # a cache that would keep the day for ten minutes
    day = shop.day(2)
    assert "12:00" in await _offered(client, shop, day)
    block = _block(db, shop, day, 12, 13)
    offered = await _offered(client, shop, day)
    assert not {"11:30", "12:00", "12:30"} & set(offered) and "13:00" in offered
    # moving the block to the afternoon frees lunch again, at once
    db.call(
        time_blocks.update_block,
        DESK,
        block.id,
        provider_id=shop.grace_id,
        start=datetime.combine(day, time(15)),
        end=datetime.combine(day, time(16)),
        reason="Training",
    )
    offered = await _offered(client, shop, day)
    assert "12:00" in offered and "15:00" not in offered
    db.call(time_blocks.remove_block, DESK, block.id)
    assert "15:00" in await _offered(client, shop, day)


async def test_posting_a_booking_for_blocked_time_is_refused_and_books_nothing(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    day = shop.day(2)
    start = shop.local(day, 12)
    page = await client.get(
        f"/book/{shop.long_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": shop.grace_id},
    )
    assert page.status == 200
    form = await page.text()
    _block(db, shop, day, 12, 13)  # the block lands while the visitor types
    response = await post_form(client, form, f"/book/{shop.long_slug}", ADA)
    text = await response.text()
    assert response.status == 409
    offered = re.findall(r'name="start" value="([^"]+)"', text)
    assert offered and format_start(start) not in offered
    with db.session() as session:
        assert session.scalars(select(Booking)).first() is None
    # a hand-made post for a time inside the block is refused the same way
    inside = format_start(shop.local(day, 12, 30).astimezone(UTC))
    response = await post_form(client, form, f"/book/{shop.long_slug}", dict(ADA, start=inside))
    assert response.status in (400, 409)
    with db.session() as session:
        assert session.scalars(select(Booking)).first() is None
