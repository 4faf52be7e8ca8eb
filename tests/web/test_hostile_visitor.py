"""Issue 13 end to end: a hostile visitor on the real booking page, through the real listener,
the real outbox and (where mail leaves) the outbox relay into a real SMTP server (aiosmtpd).

Each part is a self-contained section headed by a comment; helpers live in their section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Contact, OutboxMessage
from careops_desktop.core.permissions import Actor
from careops_desktop.web.params import format_start
from tests.integrations.smtp_server import RecordingHandler, SmtpServer, start_smtp_server
from tests.web.conftest import AppClient, post_form
from tests.web.seed import Shop

pytestmark = pytest.mark.asyncio

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
    from careops_desktop.integrations import settings as cfg
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
