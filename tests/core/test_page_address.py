"""The page's public address and the trusted proxies: one rule, checked in the core."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careops_desktop.core import page_address
from careops_desktop.core.db import Database
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services import business, page_publishing
from tests.web.seed import SETUP, open_shop


@pytest.fixture
def no_listener() -> Iterator[None]:
    before = page_address.listener_url()
    page_address.set_listener_url(None)
    yield
    page_address.set_listener_url(before)


def test_the_setting_comes_first_then_the_bound_listener_then_localhost(no_listener) -> None:
    assert page_address.base_url("", 8765) == "http://localhost:8765"
    page_address.set_listener_url("http://192.168.1.20:9000/")
    assert page_address.base_url("", 8765) == "http://192.168.1.20:9000"
    assert page_address.base_url(" https://book.example.com/ ", 8765) == "https://book.example.com"
    # a stopping runtime clears only its own address
    page_address.set_listener_url(None, only_if="http://10.0.0.1:1")
    assert page_address.listener_url() == "http://192.168.1.20:9000"
    page_address.set_listener_url(None, only_if="http://192.168.1.20:9000")
    assert page_address.listener_url() is None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "http://frontdesk.local:8765",
        "https://book.example.com",
        "https://book.example.com/",
        "http://192.168.1.20:8765",
        "http://[fe80::1]:8765",
    ],
)
def test_addresses_customers_can_use(value: str) -> None:
    assert page_address.check_public_url(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "frontdesk.local:8765",
        "ftp://x",
        "http://",
        "http://user:pw@book.example.com",
        "http://book.example.com:port",
        "https://book.example.com/booking",
        "https://book.example.com/?next=evil",
        "http://book example.com",
        "https://" + "a" * 300 + ".com",
    ],
)
def test_addresses_that_are_refused_in_words(value: str) -> None:
    problem = page_address.check_public_url(value)
    assert problem and problem.endswith(".")


def test_trusted_proxies_are_addresses_or_networks() -> None:
    entries, problem = page_address.parse_trusted_proxies("127.0.0.1, 10.0.0.0/8\n::1 10.1.2.3/8")
    assert problem is None
    assert entries == ("127.0.0.1", "10.0.0.0/8", "::1")
    assert page_address.is_trusted("10.9.8.7", entries)
    assert page_address.is_trusted("::ffff:127.0.0.1", entries)
    assert not page_address.is_trusted("192.0.2.1", entries)
    assert not page_address.is_trusted("not an ip", entries)
    _, problem = page_address.parse_trusted_proxies("127.0.0.1 proxy.example")
    assert problem is not None and "proxy.example" in problem


@given(st.text(max_size=80))
def test_no_text_makes_the_proxy_parser_fail_loudly(text: str) -> None:
    entries, problem = page_address.parse_trusted_proxies(text)
    assert (problem is None) or entries == ()
    for entry in entries:
        assert page_address.is_trusted(entry.split("/")[0], entries)


def test_settings_store_the_public_address_and_the_proxies(db: Database, no_listener) -> None:
    db.call(open_shop)
    db.call(business.update_profile, SETUP, public_url="https://book.example.com/")
    assert db.call(business.public_base_url) == "https://book.example.com"
    assert db.call(page_publishing.set_trusted_proxies, SETUP, "127.0.0.1 10.0.0.0/8") == (
        "127.0.0.1",
        "10.0.0.0/8",
    )
    found = db.call(page_publishing.get_page_publishing)
    assert found is not None and found.public_https
    assert found.trusted_proxies == ("127.0.0.1", "10.0.0.0/8")
    with pytest.raises(ValidationError) as refused:
        db.call(
            page_publishing.update_profile_and_proxies,
            SETUP,
            trusted_proxies="10.0.0.0/8 nonsense",
            public_url="book.example.com",
            name="New name",
        )
    assert set(refused.value.fields) == {"trusted_proxies", "public_url"}
    assert db.call(page_publishing.trusted_proxies) == ("127.0.0.1", "10.0.0.0/8")
    assert db.call(business.get_profile).name == "Bright Smile Clinic"
    profile = db.call(
        page_publishing.update_profile_and_proxies, SETUP, trusted_proxies="", public_url=""
    )
    assert profile.public_url == ""
    assert db.call(page_publishing.trusted_proxies) == ()
    assert db.call(business.public_base_url) == "http://localhost:8765"
