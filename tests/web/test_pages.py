"""The browsing pages: what can be booked, the free times of a day, readable refusals."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.services import business
from careops_desktop.web.params import format_start
from tests.web.conftest import AppClient
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio


async def test_index_lists_active_types_with_duration_price_and_description(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    response = await client.get("/")
    page = await response.text()
    assert response.status == 200
    assert response.content_type == "text/html"
    assert "Check-up" in page and "30 min" in page and "£45.00" in page
    assert "A short check of teeth and gums." in page
    assert "Long session" in page and "1 h" in page
    assert f'href="/book/{shop.checkup_slug}"' in page
    # the business's name, address and contact on every page
    assert "Bright Smile Clinic" in page
    assert "12 Harbour Street" in page and "hello@brightsmile.example" in page
    assert "+44 117 496 0123" in page


async def test_day_page_lists_free_times_in_the_business_zone(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    day = shop.day(3)
    response = await client.get(f"/book/{shop.checkup_slug}", params={"date": day.isoformat()})
    page = await response.text()
    assert response.status == 200
    assert "Times are in Europe/London time." in page
    assert ">09:00</a>" in page and ">16:30</a>" in page
    assert ">17:00</a>" not in page  # a 30-minute slot must end by closing time
    assert "First available" in page and "Room 2" in page
    first = quote(format_start(shop.local(day, 9)))
    assert f"/book/{shop.checkup_slug}/details?start={first}&amp;provider={shop.grace_id}" in page


async def test_day_page_for_one_provider_and_day_navigation(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    day = shop.day(2)
    response = await client.get(
        f"/book/{shop.checkup_slug}", params={"date": day.isoformat(), "provider": shop.room_id}
    )
    page = await response.text()
    assert response.status == 200
    assert f'<option value="{shop.room_id}" selected>' in page
    assert f"provider={shop.room_id}" in page  # slot links keep the provider
    assert f"date={(day + timedelta(days=1)).isoformat()}" in page


async def test_past_and_far_days_say_why_there_are_no_times(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    past = await client.get(f"/book/{shop.checkup_slug}?date={shop.day(-3).isoformat()}")
    assert past.status == 200
    assert "already passed" in await past.text()
    far = await client.get(f"/book/{shop.checkup_slug}?date={shop.day(200).isoformat()}")
    assert far.status == 200
    assert "up to 60 days ahead" in await far.text()


@pytest.mark.parametrize("bad", ["tomorrow", "2025-13-01", "2025-02-30", "2025-1-1", "x" * 500])
async def test_malformed_date_is_a_readable_400(
    shop: Shop, make_client: AppClient, bad: str
) -> None:
    client = await make_client()
    response = await client.get(f"/book/{shop.checkup_slug}", params={"date": bad})
    page = await response.text()
    assert response.status == 400
    assert "<h1" in page and "Bright Smile Clinic" in page
    assert "date" in page.lower()
    assert "Traceback" not in page


async def test_unknown_type_provider_and_path_are_readable_404s(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    for path in ("/book/no-such-thing", f"/book/{shop.long_slug}?provider={shop.room_id}", "/x"):
        response = await client.get(path)
        page = await response.text()
        assert response.status == 404, path
        assert "Bright Smile Clinic" in page and "<h1" in page
    bad_provider = await client.get(f"/book/{shop.checkup_slug}?provider=abc")
    assert bad_provider.status == 400


async def test_details_form_has_labels_token_honeypot_and_rejects_a_bad_time(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    day = shop.day(2)
    start = shop.local(day, 10)
    response = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": "any"},
    )
    page = await response.text()
    assert response.status == 200
    for label in ('for="f-name"', 'for="f-email"', 'for="f-phone"', 'for="f-notes"'):
        assert label in page
    assert 'name="csrf_token"' in page and 'name="shown"' in page
    assert 'name="website"' in page and 'class="trap"' in page
    assert "Dr Grace Hopper" in page and "10:00" in page
    assert "careops_csrf" in response.cookies
    assert "no-store" in response.headers["Cache-Control"]
    bad = await client.get(f"/book/{shop.checkup_slug}/details?start=10am&provider=1")
    assert bad.status == 400


async def test_security_headers_on_pages_refusals_and_the_stylesheet(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    for path in ("/", "/nowhere", f"/book/{shop.checkup_slug}?date=bad"):
        response = await client.get(path)
        headers = response.headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src 'none'" in csp and "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["Cache-Control"] == "no-store"
        assert "<script" not in (await response.text()).lower()
    css = await client.get("/static/style.css")
    assert css.status == 200 and css.content_type == "text/css"
    assert "max-age" in css.headers["Cache-Control"]


async def test_a_business_not_active_shows_the_friendly_503(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    db.call(business.deactivate, SETUP)
    client = await make_client()
    for path in ("/", f"/book/{shop.checkup_slug}", "/manage/whatever"):
        response = await client.get(path)
        page = await response.text()
        assert response.status == 503, path
        assert "Not taking online bookings" in page
        assert "hello@brightsmile.example" in page  # how to reach the business instead
    health = await client.get("/healthz")
    assert health.status == 200
    assert await health.json() == {"status": "ok", "taking_bookings": False}


async def test_page_switched_off_is_503_and_switching_it_on_needs_no_restart(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    db.call(business.update_profile, SETUP, page_enabled=False)
    client = await make_client()
    assert (await client.get("/")).status == 503
    db.call(business.update_profile, SETUP, page_enabled=True)  # SettingsChanged drops the cache
    assert (await client.get("/")).status == 200


async def test_before_setup_every_page_is_503(db: Database, make_client: AppClient) -> None:
    client = await make_client()
    response = await client.get("/")
    assert response.status == 503
    assert "has not been set up yet" in await response.text()


async def test_healthz_answers_json(shop: Shop, make_client: AppClient) -> None:
    client = await make_client()
    response = await client.get("/healthz")
    body: dict[str, Any] = await response.json()
    assert response.status == 200 and body == {"status": "ok", "taking_bookings": True}
