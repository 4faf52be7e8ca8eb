"""Moving a booking on its manage page: its own time is free for it, and for nobody else."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.core.services.bookings import BookingReceipt
from careops_desktop.web.params import format_start
from tests.web.conftest import AppClient, post_form
from tests.web.public_booking import book_with_grace
from tests.web.seed import Shop

pytestmark = pytest.mark.asyncio


def book_hour(db: Database, shop: Shop, start: datetime, name: str) -> BookingReceipt:
    """A one-hour "Long session" with Dr Grace Hopper."""
    email = f"{name.split()[0].lower()}@example.com"
    return book_with_grace(db, shop, start, name, booking_type_id=shop.long_id, email=email)


def offered(page: str) -> set[str]:
    """The start values offered on the move page."""
    return set(re.findall(r'name="start" value="([^"]+)"', page))


def public_times(page: str) -> set[str]:
    """The clock times linked on the public day page."""
    return set(re.findall(r">(\d\d:\d\d)</a>", page))


def start_of(db: Database, booking_id: int) -> datetime:
    with db.session() as session:
        booking = session.get(Booking, booking_id)
        assert booking is not None
        return booking.start_at.replace(tzinfo=UTC)


async def _move_page_beside_another(
    db: Database, shop: Shop, make_client: AppClient
) -> tuple[date, BookingReceipt, Any, str, str]:
    """Ada's hour at 10:00 and another person's at 12:00 in three days; Ada's move page for
    that day: the day, Ada's booking, her client, the move path and the page."""
    day = shop.day(3)
    mine = book_hour(db, shop, shop.local(day, 10), "Ada Lovelace")
    book_hour(db, shop, shop.local(day, 12), "Other Person")
    client = await make_client()
    move_path = f"/manage/{mine.manage_token}/move"
    page = await (await client.get(move_path, params={"date": day.isoformat()})).text()
    return day, mine, client, move_path, page


async def test_half_an_hour_later_is_offered_and_the_move_works(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    day, mine, client, move_path, page = await _move_page_beside_another(db, shop, make_client)
    starts = offered(page)
    later = format_start(shop.local(day, 10, 30))
    assert later in starts and format_start(shop.local(day, 9)) in starts
    assert format_start(shop.local(day, 10)) not in starts  # where it already is
    for taken in ((11, 30), (12, 0), (12, 30)):  # would overlap the other booking
        assert format_start(shop.local(day, *taken)) not in starts

    moved = await post_form(client, page, move_path, {"start": later})
    assert moved.status == 303
    assert start_of(db, mine.booking_id) == shop.local(day, 10, 30).astimezone(UTC)


async def test_another_bookings_time_is_still_refused(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    day, mine, client, move_path, page = await _move_page_beside_another(db, shop, make_client)
    for hour, minute in ((11, 30), (12, 0)):
        refused = await post_form(
            client, page, move_path, {"start": format_start(shop.local(day, hour, minute))}
        )
        assert refused.status == 409
        assert "just been taken" in await refused.text()
    assert start_of(db, mine.booking_id) == shop.local(day, 10).astimezone(UTC)
    with db.session() as session:
        assert len(session.scalars(select(Booking)).all()) == 2


async def test_the_slot_cache_never_shows_one_customers_freed_time_to_another(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    day = shop.day(3)
    mine = book_hour(db, shop, shop.local(day, 10), "Ada Lovelace")
    client = await make_client()  # the slot cache is on (20 s)
    public_path = f"/book/{shop.long_slug}"
    params = {"date": day.isoformat(), "provider": str(shop.grace_id)}
    move_path = f"/manage/{mine.manage_token}/move"

    # the move page first: its list (with 10:00-11:00 free) must not be cached for others
    page = await (await client.get(move_path, params={"date": day.isoformat()})).text()
    assert format_start(shop.local(day, 10, 30)) in offered(page)
    for _ in range(2):  # a miss, then (if cached) a hit
        seen = public_times(await (await client.get(public_path, params=params)).text())
        assert "09:00" in seen and "11:00" in seen
        assert not {"09:30", "10:00", "10:30"} & seen

    # and the other way round: the public list now cached is not what the mover sees
    page = await (await client.get(move_path, params={"date": day.isoformat()})).text()
    assert format_start(shop.local(day, 10, 30)) in offered(page)
    assert format_start(shop.local(day, 9, 30)) in offered(page)
