"""The booking page for a class: "3 seats left" on each time, a seat taken, the full page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from careops_desktop.core.db import Database
from careops_desktop.web.params import format_start
from tests.web.class_seed import CLASS_SLUG, open_class, take_seats
from tests.web.conftest import AppClient, post_form
from tests.web.seed import Shop

pytestmark = pytest.mark.asyncio

STUDENT = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""}


async def _details(client: Any, shop: Shop, start: Any) -> str:
    response = await client.get(
        f"/book/{CLASS_SLUG}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": "any"},
    )
    assert response.status == 200
    return str(await response.text())


async def test_each_time_shows_the_seats_left_and_a_seat_can_be_taken(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    type_id = open_class(db, shop, 5)
    day = shop.day(2)
    ten = shop.local(day, 10)
    take_seats(db, shop, type_id, ten, 2)
    client = await make_client()
    page = await (await client.get(f"/book/{CLASS_SLUG}", params={"date": day.isoformat()})).text()
    assert re.search(r"10:00<span class=\"seats\">3 seats left</span>", page), page
    assert '11:00<span class="seats">5 seats left</span>' in page
    assert "9:30<" not in page and "10:30<" not in page  # the session's hour is taken
    assert 'aria-label="10:00, 3 seats left"' in page
    details = await _details(client, shop, ten)
    response = await post_form(client, details, f"/book/{CLASS_SLUG}", STUDENT)
    assert response.status == 303
    page = await (await client.get(f"/book/{CLASS_SLUG}", params={"date": day.isoformat()})).text()
    assert '10:00<span class="seats">2 seats left</span>' in page


async def test_a_full_session_answers_with_the_next_sessions(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    type_id = open_class(db, shop, 2)
    day = shop.day(2)
    ten = shop.local(day, 10)
    client = await make_client()
    details = await _details(client, shop, ten)  # the page was opened while a seat was left
    take_seats(db, shop, type_id, ten, 2)
    response = await post_form(client, details, f"/book/{CLASS_SLUG}", STUDENT)
    text = await response.text()
    assert response.status == 409
    assert "Sorry, this class is full" in text and "Choose another session" in text
    offered = re.findall(r'name="start" value="([^"]+)"', text)
    assert len(offered) == 3 and format_start(shop.local(day, 11)) in offered
    assert 'value="Ada Lovelace"' in text  # nothing typed is lost
    page = await (await client.get(f"/book/{CLASS_SLUG}", params={"date": day.isoformat()})).text()
    assert ">10:00<" not in page  # a full session is not offered
