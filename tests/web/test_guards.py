"""Every refusal of a POST: size, encoding, CSRF, Origin, rate, bots — and nothing is booked."""

from __future__ import annotations

import gzip
from typing import Any
from urllib.parse import urlencode

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.web import csrf
from careops_desktop.web.params import format_start
from careops_desktop.web.settings import WebSettings
from tests.web.conftest import RELAXED, AppClient, hidden_fields, origin_of, post_form
from tests.web.seed import Shop

pytestmark = pytest.mark.asyncio

CUSTOMER = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""}


def bookings_in(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Booking)) or 0)


async def details_page(client: TestClient[Any, Any], shop: Shop, hour: int = 10) -> str:
    start = shop.local(shop.day(2), hour)
    response = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": "any"},
    )
    assert response.status == 200
    return await response.text()


async def test_a_body_over_64_kib_is_refused_with_413(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    huge = dict(CUSTOMER, notes="x" * (70 * 1024))
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", huge)
    text = await response.text()
    assert response.status == 413
    assert "too much" in text.lower() and "Bright Smile Clinic" in text
    assert bookings_in(db) == 0


async def test_a_chunked_body_over_the_limit_is_refused_while_read(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    fields = dict(hidden_fields(page), **dict(CUSTOMER, notes="y" * (80 * 1024)))
    body = urlencode(fields).encode()

    async def chunks() -> Any:
        for i in range(0, len(body), 4096):
            yield body[i : i + 4096]

    response = await client.post(
        f"/book/{shop.checkup_slug}",
        data=chunks(),
        headers={
            "Origin": origin_of(client),
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert response.status == 413
    assert bookings_in(db) == 0


async def test_a_compressed_body_is_refused_and_never_inflated(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    body = gzip.compress(urlencode(dict(hidden_fields(page), **CUSTOMER)).encode())
    response = await client.post(
        f"/book/{shop.checkup_slug}",
        data=body,
        headers={
            "Origin": origin_of(client),
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Encoding": "gzip",
        },
    )
    assert response.status == 415
    assert "Compressed" in await response.text()
    assert bookings_in(db) == 0


@pytest.mark.parametrize(
    "case", ["no field", "no cookie", "wrong field", "forged signature", "other process"]
)
async def test_missing_or_wrong_csrf_token_is_a_403(
    db: Database, shop: Shop, make_client: AppClient, case: str
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    data = dict(hidden_fields(page), **CUSTOMER)
    if case == "no field":
        del data[csrf.FIELD]
    elif case == "no cookie":
        client.session.cookie_jar.clear()
    elif case == "wrong field":
        data[csrf.FIELD] = csrf.Signer().new_token()
    elif case == "forged signature":
        nonce = data[csrf.FIELD].split(".")[0]
        forged = f"{nonce}.{'0' * 32}"
        data[csrf.FIELD] = forged
        client.session.cookie_jar.update_cookies({csrf.COOKIE: forged})
    elif case == "other process":  # cookie and field agree, but signed with another key
        other = csrf.Signer().new_token()
        data[csrf.FIELD] = other
        client.session.cookie_jar.update_cookies({csrf.COOKIE: other})
    response = await post_form(client, "", f"/book/{shop.checkup_slug}", data, keep_hidden=False)
    text = await response.text()
    assert response.status == 403, case
    assert "reload the page" in text
    assert bookings_in(db) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Referer": "http://evil.example/page"},
        {},
    ],
    ids=["foreign origin", "null origin", "foreign referer", "neither"],
)
async def test_a_post_from_another_origin_is_a_403(
    db: Database, shop: Shop, make_client: AppClient, headers: dict[str, str]
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    data = dict(hidden_fields(page), **CUSTOMER)
    response = await client.post(
        f"/book/{shop.checkup_slug}", data=data, headers=headers, allow_redirects=False
    )
    assert response.status == 403
    assert "another site" in await response.text() or "reload" in await response.text()
    assert bookings_in(db) == 0


async def test_a_same_origin_referer_is_enough_without_origin(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    data = dict(hidden_fields(page), **CUSTOMER)
    response = await client.post(
        f"/book/{shop.checkup_slug}",
        data=data,
        headers={"Referer": origin_of(client) + f"/book/{shop.checkup_slug}/details"},
        allow_redirects=False,
    )
    assert response.status == 303
    assert bookings_in(db) == 1


async def test_posts_over_the_rate_get_429_with_retry_after(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client(
        WebSettings(min_fill_seconds=0, post_rate_per_minute=1, post_burst=3)
    )
    page = await details_page(client, shop)
    statuses = []
    for _ in range(5):
        response = await post_form(client, page, f"/book/{shop.checkup_slug}", {"name": ""})
        statuses.append(response.status)
        if response.status == 429:
            assert int(response.headers["Retry-After"]) >= 1
            assert "Too many tries" in await response.text()
    assert statuses == [400, 400, 400, 429, 429]
    # GET pages are not rate limited
    assert (await client.get("/")).status == 200


async def test_a_filled_honeypot_gets_a_normal_page_and_no_booking(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await details_page(client, shop)
    bot = dict(CUSTOMER, website="http://spam.example")
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", bot)
    assert response.status == 200
    assert "Your request has been received" in await response.text()
    assert bookings_in(db) == 0


async def test_a_form_sent_too_fast_or_without_its_stamp_books_nothing(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client(WebSettings(min_fill_seconds=30, post_rate_per_minute=600))
    page = await details_page(client, shop)
    fast = await post_form(client, page, f"/book/{shop.checkup_slug}", CUSTOMER)
    assert fast.status == 200 and "received" in await fast.text()
    forged = await post_form(
        client, page, f"/book/{shop.checkup_slug}", dict(CUSTOMER, shown="1.0.deadbeef")
    )
    assert forged.status == 200 and "received" in await forged.text()
    assert bookings_in(db) == 0


async def test_staff_functions_are_not_reachable(shop: Shop, make_client: AppClient) -> None:
    client = await make_client(RELAXED)
    for path in ("/admin", "/api/bookings", "/settings", "/static/../careops.sqlite3"):
        assert (await client.get(path)).status == 404, path
    assert (await client.put("/", data=b"x", headers={"Origin": origin_of(client)})).status == 405


async def test_refusals_are_logged_without_the_secret_in_the_path(
    shop: Shop, make_client: AppClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = await make_client()
    secret = "s3cr3t-manage-token-value"
    with caplog.at_level("INFO", logger="careops_desktop.web"):
        await client.post(f"/manage/{secret}/cancel", data={"confirm": "yes"})
        await client.post(
            f"/manage/{secret}/cancel", data={}, headers={"Origin": origin_of(client)}
        )
    assert "refused a POST to /manage/{token}/cancel" in caplog.text
    assert secret not in caplog.text
