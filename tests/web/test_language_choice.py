"""Which language a request gets, for any query, cookie and header (no server needed).

Hypothesis sends anything at all as ``?lang=``, the ``lang`` cookie and ``Accept-Language``:
the answer is always a shipped language (a pseudo-locale only when ``?lang=`` names it), the
cookie only ever holds a shipped tag, and the switcher's links stay on this site.
"""

from __future__ import annotations

import asyncio
import re
from datetime import date, timedelta
from typing import Any

from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careops_desktop.core import i18n
from careops_desktop.core.i18n import formats
from careops_desktop.web import language
from careops_desktop.web.pages_catalog import week_of
from careops_desktop.web.site import SITE
from careops_desktop.web.switcher import switcher_links


def test_week_strips_start_on_the_readers_first_day_of_the_week() -> None:
    today = date(2026, 12, 9)  # a Wednesday
    before = formats.business_locale()
    try:
        formats.set_business_locale("de_DE")
        with i18n.use_language("de"):
            strip = week_of(today, today, 7)  # Monday 7th to Sunday 20th: a week from today
            assert strip[0] == date(2026, 12, 7) and strip[-1] == date(2026, 12, 20)
            assert week_of(date(2026, 12, 22), today, 7)[0] == date(2026, 12, 21)
            assert len(week_of(date(2026, 12, 7), date(2026, 12, 7), 7)) == 7
        formats.set_business_locale("en_US")
        with i18n.use_language("en"):
            strip = week_of(today + timedelta(days=12), today, 7)
            assert strip[0] == date(2026, 12, 20) and strip[0].weekday() == 6  # a Sunday
            assert week_of(today, today, 7)[0] == date(2026, 12, 6)
    finally:
        formats.set_business_locale(before)


class _NoBusiness:
    async def business(self) -> None:
        return None


_TEXT = st.text(max_size=80) | st.sampled_from(
    ["de", "DE-de", "es_MX", "en-XA", "ar-XB", "fr", "*", "de;q=0", "es, de;q=0.9"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=_TEXT, cookie=_TEXT, accept=_TEXT)
def test_any_query_cookie_or_header_gives_a_known_language(
    query: str, cookie: str, accept: str
) -> None:
    app = web.Application()
    app[SITE] = _NoBusiness()  # type: ignore[assignment]
    headers = {"Accept-Language": accept.encode("latin-1", "replace").decode("latin-1")}
    request = make_mocked_request("GET", "/", headers=headers, app=app)
    request = request.clone(rel_url=request.rel_url.with_query({"lang": query}))
    seen: list[str] = []

    async def handler(req: web.Request) -> web.StreamResponse:
        seen.append(i18n.current_language())
        return web.Response(text="ok")

    with_cookie = request.clone(headers={**headers, "Cookie": f"lang={_cookie_safe(cookie)}"})
    response: Any = asyncio.run(language.language(with_cookie, handler))
    chosen = response.headers["Content-Language"]
    assert chosen in i18n.SHIPPED + i18n.PSEUDO and seen == [chosen]
    if chosen in i18n.PSEUDO:  # only ever by name, in ?lang=
        assert language.asked_language(query) == chosen
    set_cookie = response.headers.get("Set-Cookie", "")
    assert not set_cookie or re.match(r"lang=(en|de|es);", set_cookie)
    links = switcher_links(with_cookie, chosen)
    assert [link.code for link in links] == list(i18n.SHIPPED)
    assert all(link.href.startswith("/?") for link in links)


def _cookie_safe(value: str) -> str:
    return "".join(ch for ch in value if ch.isascii() and ch.isprintable() and ch not in ';,"\\ ')
