"""The booking page as a hostile visitor meets it (issue 13): through the real listener, the
real outbox and, where mail leaves, the outbox relay into a real SMTP server (aiosmtpd).

Each numbered section reproduces one part of the issue and is self-contained: its fixtures
and helpers live in the section (names prefixed with the part where they could collide).
"""


from __future__ import annotations

import html as links_html
import http.client
import logging
import os as links_os
import re
import re as links_re
import secrets
import signal as links_signal
import socket as links_socket
import subprocess as links_subprocess
import sys as links_sys
import time as links_time
import urllib.parse as links_parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path as LinksPath
from typing import Any
from urllib.parse import quote, urlencode, urlsplit
from zoneinfo import ZoneInfo

import pytest
import requests as links_requests
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy import select as links_select

from careops_desktop.core import page_address as links_page_address
from careops_desktop.core.db import Database
from careops_desktop.core.db import Database as LinksDatabase
from careops_desktop.core.models import Booking, Business, Contact, FormSubmission, OutboxMessage
from careops_desktop.core.models import Booking as LinksBooking
from careops_desktop.core.models import OutboxMessage as LinksOutbox
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings as p6_bookings
from careops_desktop.core.services import business as links_business
from careops_desktop.core.services import business as p6_business
from careops_desktop.core.services import forms as p6_forms
from careops_desktop.core.services.forms import FormField
from careops_desktop.runtime import Runtime
from careops_desktop.web.app import create_app
from careops_desktop.web.params import format_start
from careops_desktop.web.params import format_start as links_format_start
from careops_desktop.web.settings import WebSettings
from tests.integrations.smtp_server import RecordingHandler, SmtpServer, start_smtp_server
from tests.web.conftest import AppClient, post_form
from tests.web.conftest import AppClient as LinksAppClient
from tests.web.conftest import hidden_fields as links_hidden_fields
from tests.web.seed import SETUP, Shop, open_shop
from tests.web.seed import SETUP as LINKS_SETUP
from tests.web.seed import Shop as LinksShop

# --- 1. identity ---------------------------------------------------------------------------
# A customer's identity is not up for grabs: a visitor who types someone's phone or email
# neither takes over the contact nor sees or receives anything stored about it.

DESK_OWNER = Actor.system("Front desk")


@pytest.fixture
def mail_server() -> Iterator[SmtpServer]:
    """A real SMTP server on loopback (aiosmtpd) recording what the relay sends."""
    server, controller = start_smtp_server(RecordingHandler())
    try:
        yield server
    finally:
        controller.stop()


CARLA = {"name": "Carla Customer", "email": "", "phone": "+49 30 12345678", "notes": ""}
SLY = {"name": "Sly Stranger", "email": "sly@evil.example", "phone": "+49 30 12345678", "notes": ""}


async def _book(
    client: TestClient[Any, Any], shop: Shop, start: datetime, typed: dict[str, str]
) -> Any:
    """Open the details page for ``start`` and send the form as a browser would."""
    page = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": "any"},
    )
    assert page.status == 200
    return await post_form(client, await page.text(), f"/book/{shop.checkup_slug}", typed)


def _token_of(response: Any) -> str:
    assert response.status == 303, response.status
    found = re.fullmatch(r"/manage/([A-Za-z0-9_-]+)\?booked=1", response.headers["Location"])
    assert found
    return found.group(1)


async def _relay(db: Database, server: SmtpServer) -> list[Any]:
    """Point email at ``server``, let the real outbox relay send what is queued; what arrived."""
    from careops_desktop.integrations import integration_settings as cfg
    from careops_desktop.jobs.outbox_relay import OutboxRelay

    smtp = cfg.SmtpSettings(
        host=server.host,
        port=server.port,
        security="none",
        from_address="hello@brightsmile.example",
        from_name="Bright Smile Clinic",
        timeout_seconds=5,
    )
    db.call(cfg.save_smtp, DESK_OWNER, smtp)
    relay = OutboxRelay(db, worker="hostile-visitor-test")
    for _ in range(5):
        report = await relay.run_once()
        if report.claimed == 0:
            break
    return [m.message for m in server.received]


def _text_of(message: Any) -> str:
    """Subject and every text part of a received email."""
    parts = [str(message["Subject"])]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)


@pytest.mark.asyncio
async def test_the_phone_takeover_ends_with_the_stranger_receiving_nothing_about_the_customer(
    db: Database, shop: Shop, make_client: AppClient, mail_server: SmtpServer
) -> None:
    from careops_desktop.core.services import bookings

    client = await make_client()
    carla_token = _token_of(await _book(client, shop, shop.local(shop.day(2), 10), CARLA))
    response = await _book(client, shop, shop.local(shop.day(2), 12), SLY)
    sly_token = _token_of(response)
    confirmation = await client.get(response.headers["Location"])
    shown = await confirmation.text()
    assert confirmation.status == 200 and "Sly Stranger" in shown
    assert "Carla" not in shown

    with db.session() as s:
        carla_booking = s.scalars(select(Booking).where(Booking.manage_token == carla_token)).one()
        sly_booking = s.scalars(select(Booking).where(Booking.manage_token == sly_token)).one()
        carla = s.get(Contact, carla_booking.contact_id)
        sly = s.get(Contact, sly_booking.contact_id)
        assert carla is not None and sly is not None
        # the customer's contact is exactly as she left it; the stranger's is marked
        assert (carla.name, carla.email, carla.phone) == ("Carla Customer", None, "+493012345678")
        assert sly.id != carla.id and sly.duplicate_of_id == carla.id
        carla_booking_id = carla_booking.id

    # later the desk cancels the customer's booking: she is told by SMS, the stranger nothing
    db.call(bookings.cancel, DESK_OWNER, carla_booking_id, "Dentist ill")
    with db.session() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    to_sly = [r for r in rows if r.recipient == "sly@evil.example"]
    assert to_sly and all(r.booking_id != carla_booking_id for r in to_sly)
    about_carla = [r for r in rows if r.booking_id == carla_booking_id]
    assert about_carla and {(r.channel, r.recipient) for r in about_carla} == {
        ("sms", "+493012345678")
    }

    received = await _relay(db, mail_server)
    assert received, "the relay sent the stranger's own messages"
    for message in received:
        assert message["To"] == "sly@evil.example"
        text = _text_of(message)
        assert "Carla" not in text and carla_token not in text


@pytest.mark.asyncio
async def test_the_email_only_visitor_sees_no_stored_name(
    db: Database, shop: Shop, make_client: AppClient, mail_server: SmtpServer
) -> None:
    client = await make_client()
    ada = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+44 7911 123456"}
    _token_of(await _book(client, shop, shop.local(shop.day(2), 10), {**ada, "notes": ""}))
    mallory = {"name": "Mallory", "email": "ADA@example.com", "phone": "", "notes": ""}
    response = await _book(client, shop, shop.local(shop.day(2), 12), mallory)
    token = _token_of(response)
    for url in (response.headers["Location"], f"/manage/{token}"):
        page = await client.get(url)
        text = await page.text()
        assert page.status == 200 and "Mallory" in text
        assert "Ada" not in text and "Lovelace" not in text and "7911" not in text
    ics = await (await client.get(f"/manage/{token}/booking.ics")).text()
    assert "Lovelace" not in ics
    with db.session() as s:
        names = sorted(s.scalars(select(Contact.name)))
    assert names == ["Ada Lovelace", "Mallory"]  # Ada's contact was neither joined nor renamed
    await _relay(db, mail_server)
    for message in mail_server.received:
        text = _text_of(message.message)
        if message.rcpt_tos == ["ada@example.com"] and "Mallory" in text:
            assert "Lovelace" not in text


# --- 4. inert customer text -----------------------------------------------------------------
# What a customer types stays inert in what the business sends: names refuse line breaks,
# control characters and web addresses (a field error, nothing queued); in every email only
# the app's links and the business's own template links are clickable.

PHISHING_NAME = "Sam,\r\n\r\nACTION NEEDED: confirm your card at http://evil.test/pay now"


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Booking, Contact, OutboxMessage)
        )


@pytest.mark.parametrize(
    "name",
    [
        PHISHING_NAME,
        "Sam\nNew line",
        "Sam\x00",
        "Sam\u2028Smith",
        "Book at www.evil.test",
        "javascript:alert(1)",
        "Sam https://evil.test",
        "A" * 101,
    ],
)
@pytest.mark.asyncio
async def test_a_hostile_name_is_a_400_at_the_name_field_and_nothing_is_queued(
    db: Database, shop: Shop, make_client: AppClient, name: str
) -> None:
    client = await make_client()
    typed = {"name": name, "email": "victim@example.com", "phone": "", "notes": ""}
    response = await _book(client, shop, shop.local(shop.day(2), 10), typed)
    text = await response.text()
    assert response.status == 400
    assert 'id="f-name-error"' in text
    assert re.search(r'id="f-name"[^>]*aria-invalid="true"', text)
    assert _counts(db) == (0, 0, 0)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value or "" for key, value in attrs if key == "href")


def _hrefs(message: Any) -> list[str]:
    found = []
    for part in message.walk():
        if part.get_content_type() == "text/html":
            parser = _Links()
            parser.feed(part.get_content())
            found.extend(parser.hrefs)
    return found


@pytest.mark.asyncio
async def test_no_outgoing_email_links_an_address_a_customer_typed(
    db: Database, shop: Shop, make_client: AppClient, mail_server: SmtpServer
) -> None:
    from careops_desktop.core.services import templates

    body = (
        "Hello {contact_name},\n\nYour {booking_type} is on {booking_time}.\n"
        "Change it: {manage_link}\nFind us: https://brightsmile.example/directions.\n"
    )
    db.call(templates.set_template, DESK_OWNER, "confirmation", "Booked: {booking_time}", body)
    client = await make_client()
    typed = {
        "name": "O'Brien <b>&amp;</b> [Sam](x)",
        "email": "sam@example.com",
        "phone": "",
        "notes": "Pay here http://evil.test/pay or www.evil.test <a href='http://evil.test'>x</a>",
    }
    token = _token_of(await _book(client, shop, shop.local(shop.day(2), 10), typed))
    with db.session() as s:
        rows = list(s.scalars(select(OutboxMessage)))
    assert {r.kind for r in rows} >= {"welcome", "confirmation"}
    assert not any("evil" in r.body or "Pay here" in r.body for r in rows)  # notes never copied

    received = await _relay(db, mail_server)
    assert len(received) == len([r for r in rows if r.channel == "email"])
    hrefs = [href for message in received for href in _hrefs(message)]
    assert any(href.endswith(f"/manage/{token}") for href in hrefs)
    assert "https://brightsmile.example/directions" in hrefs  # the business's own link
    for href in hrefs:
        assert "evil" not in href
        assert href.endswith(f"/manage/{token}") or href == "https://brightsmile.example/directions"
    for message in received:
        html_parts = [
            p.get_content() for p in message.walk() if p.get_content_type() == "text/html"
        ]
        for text in html_parts:
            assert "<b>&amp;</b>" not in text and "&lt;b&gt;&amp;amp;&lt;/b&gt;" in text


@pytest.mark.asyncio
async def test_a_url_in_a_name_stored_before_the_rule_is_never_a_link(
    db: Database, shop: Shop, mail_server: SmtpServer
) -> None:
    from careops_desktop.core.services import bookings, contacts

    with db.write_session() as s:
        made = contacts.create_contact(s, DESK_OWNER, name="Sam", email="sam@example.com")
        row = s.get(Contact, made.id)
        assert row is not None
        row.name = PHISHING_NAME  # as an older version or an import could have stored it
    receipt = db.call(
        bookings.book_desk,
        DESK_OWNER,
        contact_id=made.id,
        booking_type_id=shop.checkup_id,
        provider_id=shop.grace_id,
        start_utc=shop.local(shop.day(2), 10),
    )
    (message,) = [
        m for m in await _relay(db, mail_server) if m["Subject"] and "Check-up" in m["Subject"]
    ]
    hrefs = _hrefs(message)
    assert hrefs == [h for h in hrefs if h.endswith(f"/manage/{receipt.manage_token}")]
    assert hrefs and "http://evil.test/pay" in _text_of(message)  # shown, as text only


# --- 6. no 500 ----------------------------------------------------------------------------
# Every route of the real app, served by the runtime's listener on a real socket, answers
# generated paths, query strings, headers, cookies and bodies (urlencoded, multipart, broken
# multipart, raw bytes) with a status below 500 and a readable page, and nothing is logged
# at ERROR (no traceback). The business runs in Australia/Lord_Howe (east of UTC): a start
# in year 9999 shown in its zone is exactly what used to overflow.



P6_ZONE = "Australia/Lord_Howe"
P6_SETTINGS = WebSettings(min_fill_seconds=0.0, post_rate_per_minute=600_000, post_burst=100_000)
P6_HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')
P6_FRAMING = {"host", "content-length", "transfer-encoding", "connection", "expect", "upgrade"}
P6_METHODS = ("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS")
P6_ODD_VALUES = (
    "9999-12-31",
    "0001-01-01",
    "9999-12-31T23:59Z",
    "9999-12-31T00:00Z",
    "0001-01-01T00:00Z",
    "2027-04-04T14:30Z",
    "2027-04-04T15:00Z",
    "2027-02-29",
    "2027-13-01T25:61Z",
    "any",
    "0",
    "-1",
    "9999999999",
    "99999999999999999999",
    "1e9",
    "",
    "\x00",
    "yes",
    "1",
    "<script>x()</script>",
    "../../etc/passwd",
    "%ff%fe",
)
P6_KEYS = (
    "date",
    "start",
    "provider",
    "choice",
    "booked",
    "moved",
    "sent",
    "name",
    "email",
    "phone",
    "notes",
    "confirm",
    "website",
    "shown",
    "csrf_token",
    "q_full_name",
    "q_consent",
)


@dataclass(frozen=True)
class P6Target:
    """The running listener and real values to reach the handlers' inner paths with."""

    host: str
    port: int
    routes: tuple[tuple[str, str], ...]  # (method, canonical path) from the app's router
    real: dict[str, str]  # route parameter name → a real value (slug, token, feed name)
    cookie: str  # a valid CSRF cookie ("careops_csrf=...")
    hidden: dict[str, str]  # the details form's hidden fields (CSRF token, fill stamp, ...)


def p6_fetch(
    target: P6Target,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, str, str, dict[str, str]]:
    """One request over a fresh TCP connection: (status, content type, text, headers)."""
    connection = http.client.HTTPConnection(target.host, target.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        found = {k.lower(): v for k, v in response.getheaders()}
        return (
            response.status,
            found.get("content-type", ""),
            data.decode("utf-8", "replace"),
            found,
        )
    finally:
        connection.close()


@pytest.fixture
def p6_target(db: Database) -> Iterator[P6Target]:
    shop = db.call(open_shop)
    db.call(p6_business.update_profile, SETUP, timezone=P6_ZONE)
    fields = [
        FormField("full_name", "Full name", "text", required=True),
        FormField("consent", "I agree to be contacted.", "checkbox", required=True),
    ]
    form = db.call(p6_forms.create_form, SETUP, name="Intake", fields=fields)
    db.call(p6_forms.attach_form, SETUP, shop.checkup_id, form.id)
    receipt = db.call(
        p6_bookings.book_public,
        booking_type_id=shop.checkup_id,
        provider_id=None,
        start_utc=datetime.combine(shop.day(3), time(12), ZoneInfo(P6_ZONE)),
        name="Ada Lovelace",
        email="ada@example.com",
    )
    with db.session() as session:
        form_token = session.scalars(
            select(FormSubmission.token).where(FormSubmission.booking_id == receipt.booking_id)
        ).one()
        feed_secret = session.scalars(select(Business.calendar_feed_secret)).one()
    app = create_app(db, P6_SETTINGS)
    routes = tuple(
        (route.method, route.resource.canonical)
        for route in app.router.routes()
        if route.resource is not None
    )
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=P6_SETTINGS)
    url = urlsplit(runtime.start_in_thread())
    try:
        base = P6Target(
            url.hostname or "127.0.0.1",
            url.port or 80,
            routes,
            {
                "slug": shop.checkup_slug,
                "token": receipt.manage_token,
                "name": f"{feed_secret}.ics",
                "form_token": form_token,
                "filename": "style.css",
            },
            "",
            {},
        )
        start = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
        query = urlencode({"start": start.strftime("%Y-%m-%dT%H:%MZ"), "choice": "any"})
        status, _, page, headers = p6_fetch(
            base, "GET", f"/book/{shop.checkup_slug}/details?{query}"
        )
        assert status == 200, page
        cookie = headers["set-cookie"].split(";", 1)[0]
        hidden = dict(P6_HIDDEN.findall(page))
        yield P6Target(base.host, base.port, routes, base.real, cookie, hidden)
    finally:
        runtime.stop()


def p6_assert_answered(
    caplog: pytest.LogCaptureFixture, status: int, kind: str, text: str, what: str
) -> None:
    """Below 500, a readable HTML page for a refusal, and nothing at ERROR in the log."""
    problems = [
        record
        for record in caplog.records
        if record.levelno >= logging.ERROR or record.exc_info is not None
    ]
    caplog.clear()
    assert not problems, f"{what}: logged {problems[0].getMessage()!r}"
    assert status < 500, f"{what}: {status}\n{text[:2000]}"
    assert "Traceback" not in text, what
    if status >= 400 and text:
        assert kind.startswith("text/html"), f"{what}: {status} as {kind!r}"
        assert "<h1" in text, f"{what}: {status} without a readable page"


# header values that http.client can send: printable latin-1, no line breaks
p6_header_text = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
    max_size=60,
)
p6_token = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-0123456789", min_size=1, max_size=20)
p6_any_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=40
)  # anything a form can carry, NUL and RTL marks included
p6_value = st.one_of(st.sampled_from(P6_ODD_VALUES), p6_any_text)
p6_pairs = st.lists(st.tuples(st.one_of(st.sampled_from(P6_KEYS), p6_token), p6_value), max_size=6)


P6_DATES = ("9999-12-31", "0001-01-01", "9000-12-31", "1899-12-31", "2027-04-04", "2027-02-29")
P6_STARTS = (
    "9999-12-31T23:59Z",
    "9999-12-31T10:00Z",
    "0001-01-01T00:00Z",
    "9000-12-31T23:00Z",
    "2027-04-04T14:30Z",
    "2027-04-04T15:00Z",
    "2027-13-01T25:61Z",
)
P6_BROKEN_MULTIPART = (b"Content-Disposition:", b"bad", b"\r\n\r\n", b"--", b"\r\n")


@dataclass(frozen=True)
class P6Visit:
    """What one visitor sends: the same parameters, query, headers and body to every route."""

    segments: dict[str, str]  # route parameter name → its (quoted) value
    query: str
    headers: dict[str, str]
    body: bytes | None
    odd_method: str | None  # also try this method on every route


@st.composite
def p6_visits(draw: st.DrawFn, target: P6Target) -> P6Visit:
    """Generated paths, query strings, headers, cookies and a body (form, multipart, broken)."""
    segments = {}
    for name, real in target.real.items():
        value = draw(st.one_of(st.just(real), p6_any_text, st.just(real + "x"), st.just("")))
        segments[name] = quote(value, safe="")
    known = {
        "date": st.one_of(st.sampled_from(P6_DATES), p6_value),
        "start": st.one_of(st.sampled_from(P6_STARTS), p6_value),
        **{key: p6_value for key in P6_KEYS if key not in ("date", "start")},
    }
    pairs = [(k, draw(v)) for k, v in known.items() if draw(st.integers(0, 3)) == 0]
    pairs += draw(st.lists(st.tuples(p6_token, p6_value), max_size=2))
    query = urlencode(draw(st.permutations(pairs))) if pairs else ""

    headers: dict[str, str] = {}
    for name, value in draw(st.dictionaries(p6_token, p6_header_text, max_size=3)).items():
        if name not in P6_FRAMING:
            headers[name] = value
    for name in ("Accept-Language", "Referer", "If-None-Match", "Range", "X-Forwarded-For"):
        if draw(st.integers(0, 7)) == 0:
            headers[name] = draw(p6_header_text)
    origin = f"http://{target.host}:{target.port}"
    headers["Origin"] = draw(st.sampled_from((origin, origin, origin, "null", "http://evil.test")))
    cookie = draw(st.sampled_from(("valid", "valid", "none", "junk")))
    if cookie == "valid":
        headers["Cookie"] = target.cookie
    elif cookie == "junk":
        headers["Cookie"] = draw(p6_header_text)

    body: bytes | None = None
    kind = draw(st.sampled_from(("none", "form", "form", "multipart", "broken", "broken", "raw")))
    fields = [*target.hidden.items(), *pairs] if kind != "none" else []
    if kind == "form":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urlencode(fields).encode()
    elif kind in ("multipart", "broken"):
        boundary = uuid.uuid4().hex
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{quote(key)}"\r\n\r\n'
            f"{value}\r\n"
            for key, value in fields
        ]
        raw = ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8")
        if kind == "broken":
            cut = draw(st.integers(0, len(raw)))
            junk = draw(st.one_of(st.sampled_from(P6_BROKEN_MULTIPART), st.binary(max_size=40)))
            raw = raw[:cut] + junk + raw[cut:]
            if draw(st.booleans()):
                raw = raw.replace(b"Content-Disposition:", b"bad", 1)
        body = raw
    elif kind == "raw":
        headers["Content-Type"] = draw(
            st.one_of(
                st.sampled_from(
                    (
                        "multipart/form-data",
                        "multipart/form-data; boundary=",
                        "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded; charset=no-such-charset",
                        "application/x-www-form-urlencoded; charset=utf-16",
                        "text/plain",
                        "application/json",
                    )
                ),
                p6_header_text,
            )
        )
        body = draw(st.binary(max_size=200))
    odd = draw(st.one_of(st.none(), st.sampled_from(P6_METHODS)))
    return P6Visit(segments, query, headers, body, odd)


def p6_key(canonical: str, name: str) -> str:
    """Which real value fills route parameter ``name`` (a form's token is not a booking's)."""
    return "form_token" if canonical.startswith("/forms/") and name == "token" else name


def p6_path(canonical: str, visit: P6Visit) -> str:
    if canonical == "/static":
        canonical = "/static/{filename}"

    def fill(match: re.Match[str]) -> str:
        return visit.segments.get(p6_key(canonical, match.group(1)), "x")

    path = re.sub(r"\{(\w+)\}", fill, canonical)
    return f"{path}?{visit.query}" if visit.query else path


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
@pytest.mark.slow
def test_no_generated_request_gets_a_500_or_a_traceback(
    p6_target: P6Target, caplog: pytest.LogCaptureFixture, data: st.DataObject
) -> None:
    caplog.set_level(logging.INFO)
    visit = data.draw(p6_visits(p6_target))
    stray = "/" + quote(data.draw(p6_any_text), safe="/")
    for method, canonical in (*p6_target.routes, ("GET", stray)):
        path = p6_path(canonical, visit)
        for verb in {method, visit.odd_method or method}:
            body = visit.body if verb not in ("GET", "HEAD") else None
            status, kind, text, _ = p6_fetch(p6_target, verb, path, body, visit.headers)
            shown = f"{verb} {path} {visit.headers} {visit.body!r:.300}"
            p6_assert_answered(caplog, status, kind, text, shown)


def test_the_generator_reaches_every_route(p6_target: P6Target) -> None:
    """The routes come from the app's router; the known ones are among them."""
    paths = {path for _, path in p6_target.routes}
    assert {"/book/{slug}", "/manage/{token}/move", "/forms/{token}", "/calendar/{name}"} <= paths
    assert ("POST", "/book/{slug}") in p6_target.routes


def p6_post(target: P6Target, path: str, fields: dict[str, str]) -> tuple[int, str, str]:
    body = urlencode({**target.hidden, **fields}).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{target.host}:{target.port}",
        "Cookie": target.cookie,
    }
    status, kind, text, _ = p6_fetch(target, "POST", path, body, headers)
    return status, kind, text


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "9000-12-31"])
def test_a_date_at_the_ends_of_the_calendar_is_a_readable_refusal(
    p6_target: P6Target, caplog: pytest.LogCaptureFixture, value: str
) -> None:
    slug, token = p6_target.real["slug"], p6_target.real["token"]
    for path in (f"/book/{slug}?date={value}", f"/manage/{token}/move?date={value}"):
        status, kind, text, _ = p6_fetch(p6_target, "GET", path)
        p6_assert_answered(caplog, status, kind, text, path)
        assert status in (200, 400), path
        if status == 400:
            assert "too far in the past or the future" in text


@pytest.mark.parametrize("start", ["9999-12-31T23:30Z", "9999-12-31T10:00Z", "0001-01-01T00:00Z"])
def test_a_start_in_year_9999_or_1_is_a_400_on_every_page_that_takes_one(
    p6_target: P6Target, caplog: pytest.LogCaptureFixture, start: str
) -> None:
    slug, token = p6_target.real["slug"], p6_target.real["token"]
    status, kind, text, _ = p6_fetch(p6_target, "GET", f"/book/{slug}/details?start={start}")
    p6_assert_answered(caplog, status, kind, text, "details")
    assert status == 400 and "too far in the past or the future" in text
    customer = {"name": "Ada", "email": "ada@example.com", "start": start, "choice": "any"}
    for path in (f"/book/{slug}", f"/manage/{token}/move"):
        status, kind, text = p6_post(p6_target, path, customer)
        p6_assert_answered(caplog, status, kind, text, path)
        assert status == 400, (path, text[:500])


def test_a_broken_multipart_body_is_a_400_on_every_post_route(
    p6_target: P6Target, caplog: pytest.LogCaptureFixture
) -> None:
    origin = f"http://{p6_target.host}:{p6_target.port}"
    bodies = {
        "a part header without a colon": b"--x\r\nbad\r\n\r\nvalue\r\n--x--\r\n",
        "no closing boundary": b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\nv",
        "another boundary": b"--y\r\n\r\n--y--\r\n",
    }
    for method, canonical in p6_target.routes:
        if method != "POST":
            continue
        real = {name: p6_target.real[p6_key(canonical, name)] for name in ("slug", "token")}
        path = canonical.format(**real)
        for why, body in bodies.items():
            headers = {
                "Content-Type": "multipart/form-data; boundary=x",
                "Origin": origin,
                "Cookie": p6_target.cookie,
            }
            status, kind, text, _ = p6_fetch(p6_target, "POST", path, body, headers)
            p6_assert_answered(caplog, status, kind, text, f"{path}: {why}")
            assert status == 400, f"{path}: {why}"


def test_an_unknown_charset_is_a_400(p6_target: P6Target, caplog: pytest.LogCaptureFixture) -> None:
    headers = {
        "Content-Type": "application/x-www-form-urlencoded; charset=no-such-charset",
        "Origin": f"http://{p6_target.host}:{p6_target.port}",
        "Cookie": p6_target.cookie,
    }
    path = f"/book/{p6_target.real['slug']}"
    status, kind, text, _ = p6_fetch(p6_target, "POST", path, b"name=a", headers)
    p6_assert_answered(caplog, status, kind, text, "unknown charset")
    assert status == 400


def test_a_handler_bug_is_still_a_500_in_the_log(
    p6_target: P6Target, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mapping to 400 covers reading the body only: a ValueError in a handler stays a bug."""
    from careops_desktop.web import pages_catalog

    async def broken(request: object) -> None:
        raise ValueError("a bug " + secrets.token_hex(4))

    monkeypatch.setattr(pages_catalog, "catalog_of", broken)
    caplog.set_level(logging.INFO)
    status, _, text, _ = p6_fetch(p6_target, "GET", "/")
    assert status == 500 and "a problem on our side" in text
    assert any(r.levelno >= logging.ERROR for r in caplog.records)


# --- 2. links and Host
#
# With "Address customers use" blank, every link (page, email, .ics) is the address the
# listener actually bound, never localhost and never what the Host header says; a Host
# that is none of the page's own names gets 400.



LINKS_ROOT = LinksPath(__file__).resolve().parents[2]
LINKS_EVIL = "evil.test"
LINKS_CUSTOMER = {"name": "Lin Park", "email": "lin@example.com", "phone": "", "notes": ""}


def links_free_port() -> int:
    with links_socket.socket() as probe:
        probe.bind(("0.0.0.0", 0))
        return int(probe.getsockname()[1])


def links_serve(db: LinksDatabase, port: int) -> links_subprocess.Popen[str]:
    """``careops serve --host 0.0.0.0 --port <port>``, the form's timing check off."""
    env = dict(
        links_os.environ,
        PYTHONPATH=str(LINKS_ROOT),
        PYTHONUNBUFFERED="1",
        CAREOPS_WEB_MIN_FILL_SECONDS="0",
    )
    command = [links_sys.executable, "-m", "careops_desktop", "--db", db.url, "serve"]
    return links_subprocess.Popen(
        [*command, "--host", "0.0.0.0", "--port", str(port)],
        cwd=LINKS_ROOT,
        env=env,
        stdout=links_subprocess.PIPE,
        stderr=links_subprocess.PIPE,
        text=True,
    )


def links_printed_addresses(process: links_subprocess.Popen[str]) -> list[str]:
    """The "Booking page: …" addresses ``careops serve`` prints, once it is listening."""
    assert process.stdout is not None
    found: list[str] = []
    deadline = links_time.monotonic() + 60
    while links_time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if line.startswith("Booking page:"):
            found.append(line.split(": ", 1)[1].strip())
        if line.startswith(("Press Ctrl+C", "Listening")):
            break
    assert found, "careops serve printed no address"
    return found


def links_book(base: str, shop: LinksShop) -> tuple[links_requests.Session, str]:
    """A whole booking through the real form at ``base``; returns the session and token."""
    browser = links_requests.Session()
    start = shop.local(shop.day(3), 11)
    details = browser.get(
        f"{base}/book/{shop.checkup_slug}/details",
        params={"start": links_format_start(start), "provider": shop.grace_id, "choice": "any"},
        timeout=20,
    )
    assert details.status_code == 200, details.text[:500]
    form = {**links_hidden_fields(details.text), **LINKS_CUSTOMER}
    posted = browser.post(
        f"{base}/book/{shop.checkup_slug}",
        data=form,
        headers={"Origin": base},
        allow_redirects=False,
        timeout=20,
    )
    assert posted.status_code == 303, posted.text[:500]
    found = links_re.fullmatch(r"/manage/([A-Za-z0-9_-]+)\?booked=1", posted.headers["Location"])
    assert found, posted.headers["Location"]
    return browser, found.group(1)


def links_outbox_bodies(db: LinksDatabase, token: str) -> list[str]:
    with db.session() as session:
        booking = session.scalars(
            links_select(LinksBooking).where(LinksBooking.manage_token == token)
        ).one()
        rows = session.scalars(
            links_select(LinksOutbox).where(LinksOutbox.booking_id == booking.id)
        ).all()
        return [row.body for row in rows]


def links_in(text: str) -> list[str]:
    """Every http(s) address in ``text`` (HTML-unescaped)."""
    return links_re.findall(r"https?://[^\s\"'<>]+", links_html.unescape(text))


@pytest.mark.slow
def test_serve_on_all_interfaces_mails_the_lan_address_that_opens_the_booking(
    db: LinksDatabase, shop: LinksShop
) -> None:
    port = links_free_port()
    process = links_serve(db, port)
    try:
        printed = links_printed_addresses(process)
        lan = printed[0]  # what the status bar and careops serve show first
        parts = links_parse.urlsplit(lan)
        assert parts.port == port and parts.hostname not in ("localhost", "127.0.0.1")

        _browser, token = links_book(lan, shop)
        manage = f"{lan}/manage/{token}"
        bodies = links_outbox_bodies(db, token)
        assert bodies, "no message was queued for the booking"
        confirmation = [body for body in bodies if "/manage/" in body]
        assert confirmation and all(manage in body for body in confirmation)
        for body in bodies:
            for link in links_in(body):
                assert link.startswith(lan), link
        # the mailed link opens the booking
        opened = links_requests.get(manage, timeout=20)
        assert opened.status_code == 200 and "Check-up" in opened.text
        assert f'href="{manage}"' in opened.text
        ics = links_requests.get(f"{manage}/booking.ics", timeout=20)
        assert ics.status_code == 200 and manage in ics.text.replace("\r\n ", "")

        # a visitor who names another host gets 400, and that name is in no link
        for path in ("/", f"/manage/{token}", f"/manage/{token}/booking.ics", "/healthz"):
            refused = links_requests.get(lan + path, headers={"Host": LINKS_EVIL}, timeout=20)
            assert refused.status_code == 400, path
            assert LINKS_EVIL not in refused.text
        forged = links_requests.post(
            f"{lan}/manage/{token}/cancel",
            headers={"Host": f"{LINKS_EVIL}:{port}", "Origin": f"http://{LINKS_EVIL}:{port}"},
            data={"confirm": "yes"},
            timeout=20,
        )
        assert forged.status_code == 400
        again = links_requests.get(manage, timeout=20)
        assert "Cancelled" not in again.text
        assert all(LINKS_EVIL not in body for body in links_outbox_bodies(db, token))
    finally:
        process.send_signal(links_signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


@pytest.mark.asyncio
async def test_links_on_pages_never_come_from_the_host_header(
    db: LinksDatabase, shop: LinksShop, make_client: LinksAppClient
) -> None:
    db.call(links_business.update_profile, LINKS_SETUP, public_url="http://frontdesk.local:8765/")
    client = await make_client()
    start = shop.local(shop.day(2), 10)
    details = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": links_format_start(start), "provider": shop.grace_id, "choice": "any"},
    )
    origin = str(client.make_url("")).rstrip("/")
    posted = await client.post(
        f"/book/{shop.checkup_slug}",
        data={**links_hidden_fields(await details.text()), **LINKS_CUSTOMER},
        headers={"Origin": origin},
        allow_redirects=False,
    )
    assert posted.status == 303
    token = posted.headers["Location"].split("/")[2].split("?")[0]
    manage = f"http://frontdesk.local:8765/manage/{token}"
    # the page answers to its own names; every link is the configured address
    for host in ("127.0.0.1", "localhost", "frontdesk.local:8765", "[::1]:9"):
        page = await client.get(f"/manage/{token}", headers={"Host": host})
        assert page.status == 200, host
        assert f'href="{manage}"' in await page.text()
        ics = await client.get(f"/manage/{token}/booking.ics", headers={"Host": host})
        assert manage in (await ics.text()).replace("\r\n ", "")
    # a name that is not the page's own, or no usable name at all: 400
    for host in (LINKS_EVIL, f"{LINKS_EVIL}:8765", "frontdesk.local.evil.test", "a b", "x@y"):
        refused = await client.get(f"/manage/{token}", headers={"Host": host})
        assert refused.status == 400, host
        assert LINKS_EVIL not in await refused.text()
    # forwarded headers from a visitor who is not a trusted proxy change nothing
    page = await client.get(
        f"/manage/{token}",
        headers={"X-Forwarded-Host": LINKS_EVIL, "X-Forwarded-Proto": "https"},
    )
    text = await page.text()
    assert page.status == 200 and LINKS_EVIL not in text
    assert "Strict-Transport-Security" not in page.headers
    assert all(LINKS_EVIL not in body for body in links_outbox_bodies(db, token))
    assert all(
        link.startswith("http://frontdesk.local:8765/")
        for body in links_outbox_bodies(db, token)
        for link in links_in(body)
    )


def test_the_public_address_is_the_setting_else_the_bound_listener(
    db: LinksDatabase, shop: LinksShop
) -> None:
    from careops_desktop.runtime import Runtime

    assert db.call(links_business.public_base_url) == "http://localhost:8765"  # no listener
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[])
    runtime.start_in_thread()
    try:
        bound = f"http://127.0.0.1:{runtime.port}"
        assert db.call(links_business.public_base_url) == bound
        assert links_page_address.listener_url() == bound
        db.call(links_business.update_profile, LINKS_SETUP, public_url="https://book.example.com")
        assert db.call(links_business.public_base_url) == "https://book.example.com"
    finally:
        runtime.stop()
    assert links_page_address.listener_url() is None
    db.call(links_business.update_profile, LINKS_SETUP, public_url="")
    assert db.call(links_business.public_base_url) == "http://localhost:8765"


def test_a_new_port_in_settings_moves_the_listener_and_every_link(
    db: LinksDatabase, shop: LinksShop
) -> None:
    from careops_desktop.runtime import Runtime

    first, second = links_free_port(), links_free_port()
    db.call(
        links_business.update_profile, LINKS_SETUP, page_bind_address="127.0.0.1", page_port=first
    )
    runtime = Runtime(db, host="127.0.0.1", port=first, jobs=[], follow_settings=True)
    moved: list[str] = []
    runtime.on_rebound = lambda running: moved.append(running.url)
    runtime.start_in_thread()
    try:
        assert db.call(links_business.public_base_url) == f"http://127.0.0.1:{first}"
        db.call(links_business.update_profile, LINKS_SETUP, page_port=second)
        deadline = links_time.monotonic() + 10
        while runtime.port != second and links_time.monotonic() < deadline:
            links_time.sleep(0.05)
        assert moved == [f"http://127.0.0.1:{second}"]
        assert db.call(links_business.public_base_url) == f"http://127.0.0.1:{second}"
        assert links_requests.get(f"{moved[0]}/healthz", timeout=10).status_code == 200
        with pytest.raises(links_requests.ConnectionError):
            links_requests.get(f"http://127.0.0.1:{first}/healthz", timeout=5)
        # a port that is taken leaves the page (and its links) where they were, in words
        with links_socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            busy = taken.getsockname()[1]
            db.call(links_business.update_profile, LINKS_SETUP, page_port=busy)
            deadline = links_time.monotonic() + 10
            while not runtime.rebind_error and links_time.monotonic() < deadline:
                links_time.sleep(0.05)
        assert f"127.0.0.1:{busy}" in runtime.rebind_error
        assert runtime.port == second
        assert db.call(links_business.public_base_url) == f"http://127.0.0.1:{second}"
    finally:
        runtime.stop()
