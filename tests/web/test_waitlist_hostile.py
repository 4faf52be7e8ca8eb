"""Generated hostile input on the waitlist join form: never a 500, never unescaped, never lost.

A real listener (the runtime's thread, real TCP) gets forms whose fields are any text
(NUL, RTL marks, markup, very long, odd dates); every answer is a readable page below
500, shows the typed text escaped, and either adds exactly one entry with the text as
typed or adds none and shows the form again.
"""

from __future__ import annotations

import html
import http.client
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import WaitlistEntry
from careops_desktop.runtime import Runtime
from careops_desktop.web.settings import WebSettings
from tests.web.seed import open_shop

SETTINGS = WebSettings(min_fill_seconds=0.0, post_rate_per_minute=60_000, post_burst=10_000)
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


@dataclass(frozen=True)
class Listener:
    host: str
    port: int
    slug: str
    cookie: str
    hidden: dict[str, str]


def fetch(
    target: Listener,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, str, dict[str, str]]:
    connection = http.client.HTTPConnection(target.host, target.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        return response.status, text, {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()


@pytest.fixture
def listener(db: Database) -> Iterator[Listener]:
    shop = db.call(open_shop)
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=SETTINGS)
    url = urlsplit(runtime.start_in_thread())
    try:
        base = Listener(url.hostname or "127.0.0.1", url.port or 80, shop.checkup_slug, "", {})
        status, page, headers = fetch(base, "GET", f"/book/{shop.checkup_slug}/waitlist")
        assert status == 200, page
        cookie = headers["set-cookie"].split(";", 1)[0]
        hidden = {k: html.unescape(v) for k, v in HIDDEN.findall(page)}
        yield Listener(base.host, base.port, base.slug, cookie, hidden)
    finally:
        runtime.stop()


any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)
markup = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "\u202eevil",
        "a\x00b",
        "{name}",
    ]
)
field = st.one_of(any_text, markup, st.text(min_size=300, max_size=5000))
day_text = st.one_of(any_text, st.dates().map(lambda d: d.isoformat()), st.just("9999-12-31"))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=field, email=field, phone=field, first=day_text, last=day_text, provider=any_text)
def test_generated_join_forms_are_answered_escaped_and_kept(
    listener: Listener,
    db: Database,
    name: str,
    email: str,
    phone: str,
    first: str,
    last: str,
    provider: str,
) -> None:
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(WaitlistEntry))
    fields = {
        "name": name,
        "email": email,
        "phone": phone,
        "first_day": first,
        "last_day": last,
        "provider": provider,
    }
    body = urlencode({**listener.hidden, **fields}).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{listener.host}:{listener.port}",
        "Cookie": listener.cookie,
    }
    status, text, _ = fetch(listener, "POST", f"/book/{listener.slug}/waitlist", body, headers)
    assert status < 500, text[:2000]
    assert "Traceback" not in text and "<h1" in text
    for value in (name, email, phone):
        for tag in ("<script", "<img"):
            assert not (tag in value and tag in text), "typed markup echoed raw"
    with db.session() as s:
        after = s.scalar(select(func.count()).select_from(WaitlistEntry))
        newest = s.scalars(select(WaitlistEntry).order_by(WaitlistEntry.id.desc())).first()
    if status == 200 and "You are on the waiting list" in text:
        assert after == before + 1 and newest is not None
        assert newest.name == name.strip() or newest.name in name
    else:
        assert after == before
        if status == 400 and "Tell me when a time frees up" in text:
            for value in (name, email, phone):  # what was typed is shown again (escaped)
                if 0 < len(value) <= 100 and "\x00" not in value and value.isprintable():
                    assert str(escape(value)) in text
