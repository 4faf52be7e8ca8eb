"""``hosts.host_guard``: forwarded headers only from trusted proxies, the Host check, HSTS."""

from __future__ import annotations

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.services import business, page_publishing
from careops_desktop.web.hosts import host_name, real_client
from careops_desktop.web.settings import WebSettings
from tests.web.conftest import AppClient
from tests.web.seed import SETUP, Shop

PROXIES = ("127.0.0.1", "10.0.0.0/8")
LIMITED = WebSettings(min_fill_seconds=0.0, post_burst=2, post_rate_per_minute=0.01)


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left one is the client's claim
        ("203.0.113.9, 10.1.1.1", "203.0.113.9"),  # a second trusted proxy is skipped
        ("10.2.2.2, 10.1.1.1", "10.2.2.2"),  # all trusted: the left-most
        ("junk, 203.0.113.9", "203.0.113.9"),
        ("203.0.113.9, junk", "127.0.0.1"),  # a malformed hop: nothing beyond it is believed
        ("[2001:db8::1]", "2001:db8::1"),
        ("", "127.0.0.1"),
    ],
)
def test_the_real_client_is_the_right_most_untrusted_hop(forwarded: str, client: str) -> None:
    assert real_client("127.0.0.1", forwarded, PROXIES) == client


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Book.Example.com:443", "book.example.com"),
        ("localhost.", "localhost"),
        ("[::1]:8765", "::1"),
        ("", None),
        ("a b", None),
        ("x@evil.test", None),
        ("evil.test/path", None),
        ("host:port", None),
    ],
)
def test_host_header_names(header: str, name: str | None) -> None:
    assert host_name(header) == name


@pytest.mark.asyncio
async def test_a_trusted_proxy_names_the_client_the_scheme_and_the_host(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    db.call(business.update_profile, SETUP, public_url="https://book.example.com")
    db.call(page_publishing.set_trusted_proxies, SETUP, "127.0.0.1")
    client = await make_client(LIMITED)
    via = {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "book.example.com",
        "Origin": "https://book.example.com",
    }

    async def cancel(customer: str) -> int:
        response = await client.post(
            "/manage/nothing/cancel", headers={**via, "X-Forwarded-For": customer}, data={}
        )
        return response.status

    assert [await cancel("203.0.113.1") for _ in range(3)] == [403, 403, 429]
    assert await cancel("203.0.113.2") == 403  # another customer has their own bucket
    page = await client.get(f"/book/{shop.checkup_slug}", headers=via)
    assert page.status == 200
    assert page.headers["Strict-Transport-Security"].startswith("max-age=")
    foreign = await client.get("/", headers={**via, "X-Forwarded-Host": "evil.test"})
    assert foreign.status == 400
    # on the LAN, plain http keeps working: no HSTS there
    details = await client.get(f"/book/{shop.checkup_slug}")
    assert "Strict-Transport-Security" not in details.headers
