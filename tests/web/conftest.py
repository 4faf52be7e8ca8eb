"""Fixtures for the booking-page tests: an open shop, the app, and a client that fills forms."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import formats
from careops_desktop.web.app import create_app
from careops_desktop.web.settings import WebSettings
from tests.web.seed import Shop, open_shop

_HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')

# limits raised so that only the tests about limits meet them
RELAXED = WebSettings(min_fill_seconds=0.0, post_rate_per_minute=60_000, post_burst=10_000)


@pytest.fixture(autouse=True)
def business_locale_restored() -> Iterator[None]:
    """The page sets the process's business locale from the business; put it back after."""
    before = formats.business_locale()
    yield
    formats.set_business_locale(before)


@pytest.fixture
def shop(db: Database) -> Shop:
    return db.call(open_shop)


def hidden_fields(page: str) -> dict[str, str]:
    """The hidden inputs of a page (CSRF token, fill stamp, chosen time...)."""
    return {name: html.unescape(value) for name, value in _HIDDEN.findall(page)}


def origin_of(client: TestClient[Any, Any]) -> str:
    return str(client.make_url("")).rstrip("/")


async def post_form(
    client: TestClient[Any, Any],
    form_page: str,
    action: str,
    data: dict[str, str],
    *,
    origin: str | None = "own",
    keep_hidden: bool = True,
    headers: dict[str, str] | None = None,
) -> Any:
    """POST ``data`` (plus the page's hidden fields) to ``action`` as a browser would."""
    body = dict(hidden_fields(form_page)) if keep_hidden else {}
    body.update(data)
    headers = dict(headers or {})
    if origin == "own":
        headers["Origin"] = origin_of(client)
    elif origin is not None:
        headers["Origin"] = origin
    return await client.post(action, data=body, headers=headers, allow_redirects=False)


AppClient = Callable[..., Awaitable[TestClient[Any, Any]]]


@pytest.fixture
def make_client(aiohttp_client: Any, db: Database) -> AppClient:
    """``await make_client(settings)``: a test client of the booking app over the test DB."""

    async def make(settings: WebSettings = RELAXED) -> TestClient[Any, Any]:
        app: web.Application = create_app(db, settings)
        client: TestClient[Any, Any] = await aiohttp_client(
            app, server_kwargs={"auto_decompress": False}
        )
        return client

    return make
