"""Booking on the page: confirmation, refusals that keep what was typed, 409, hostile text."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Contact
from careops_desktop.web.params import format_start
from tests.web.conftest import AppClient, post_form
from tests.web.public_booking import book_with_grace
from tests.web.seed import Shop

pytestmark = pytest.mark.asyncio

ADA = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": "First visit"}
HOSTILE = "<script>alert(\"x\")</script> & 'quote' </textarea><img src=x onerror=alert(1)> {{7*7}}"


async def open_details(
    client: TestClient[Any, Any], shop: Shop, start: datetime, choice: str = "any"
) -> str:
    response = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": choice},
    )
    assert response.status == 200
    return await response.text()


def manage_token(response: Any) -> str:
    location = response.headers["Location"]
    found = re.fullmatch(r"/manage/([A-Za-z0-9_-]+)\?booked=1", location)
    assert found, location
    return found.group(1)


def stored(db: Database, token: str) -> tuple[Booking, Contact]:
    with db.session() as session:
        booking = session.scalars(select(Booking).where(Booking.manage_token == token)).one()
        contact = session.get(Contact, booking.contact_id)
        assert contact is not None
        session.expunge_all()
        return booking, contact


async def _refused(db: Database, client: Any, page: str, shop: Shop, typed: dict[str, str]) -> str:
    """Posting ``typed`` from the details ``page`` is a 400 that books nothing; its text."""
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", typed)
    text = await response.text()
    assert response.status == 400
    with db.session() as session:
        assert session.scalars(select(Booking)).first() is None
    return text


async def test_booking_a_slot_ends_on_the_confirmation_with_ics_and_manage_link(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    start = shop.local(shop.day(2), 10)
    page = await open_details(client, shop, start, choice=str(shop.grace_id))
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", ADA)
    assert response.status == 303
    token = manage_token(response)
    booking, contact = stored(db, token)
    assert booking.source == "web" and booking.status == "confirmed"
    assert booking.provider_id == shop.grace_id
    assert booking.start_at.replace(tzinfo=UTC) == start.astimezone(UTC)
    assert contact.name == "Ada Lovelace" and contact.email == "ada@example.com"
    assert booking.notes == "First visit"

    confirmation = await client.get(response.headers["Location"])
    text = await confirmation.text()
    assert confirmation.status == 200
    assert "You are booked" in text and "Check-up" in text and "Dr Grace Hopper" in text
    assert "10:00" in text and "Europe/London" in text
    assert f'href="/manage/{token}/booking.ics"' in text
    assert f"/manage/{token}</a>" in text  # the manage link to keep
    assert confirmation.headers["Cache-Control"] == "no-store"

    ics = await client.get(f"/manage/{token}/booking.ics")
    body = await ics.text()
    assert ics.status == 200 and ics.content_type == "text/calendar"
    assert "BEGIN:VEVENT" in body and f"booking-{booking.id}@" in body
    assert start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") in body


async def test_first_available_books_whoever_is_free(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    start = shop.local(shop.day(2), 11)
    book_with_grace(db, shop, start, "Someone Else", email="else@example.com")
    client = await make_client()
    page = await open_details(client, shop, start, choice="any")
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", ADA)
    assert response.status == 303
    booking, _ = stored(db, manage_token(response))
    assert booking.provider_id == shop.room_id


async def test_missing_details_are_shown_at_the_field_and_everything_typed_is_kept(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 10))
    typed = {"name": "  ", "email": "", "phone": "", "notes": "Please ring the bell twice"}
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", typed)
    text = await response.text()
    assert response.status == 400
    assert 'id="f-name-error"' in text and 'id="f-email-error"' in text
    assert 'aria-invalid="true"' in text
    assert "Please ring the bell twice</textarea>" in text
    # the core's own checks (a malformed email) land at the field too
    page = text
    typed = dict(ADA, email="ada at example", phone="")
    text = await _refused(db, client, page, shop, typed)
    assert 'id="f-email-error"' in text
    assert 'value="ada at example"' in text and 'value="Ada Lovelace"' in text


async def test_a_slot_taken_meanwhile_is_a_409_with_nearest_times_and_the_details_kept(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    start = shop.local(shop.day(2), 10)
    page = await open_details(client, shop, start, choice=str(shop.grace_id))
    book_with_grace(db, shop, start, "Quicker Customer", email="quick@example.com")
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", ADA)
    text = await response.text()
    assert response.status == 409
    assert "that time has just been taken" in text
    assert 'value="Ada Lovelace"' in text and 'value="ada@example.com"' in text
    assert "First visit</textarea>" in text
    offered = re.findall(r'name="start" value="([^"]+)"', text)
    assert offered and format_start(start) not in offered
    assert f'value="{offered[0]}" checked' in text
    # choosing one of the offered times books it, with the same details
    response = await post_form(
        client, text, f"/book/{shop.checkup_slug}", dict(ADA, start=offered[0])
    )
    assert response.status == 303
    booking, contact = stored(db, manage_token(response))
    assert format_start(booking.start_at.replace(tzinfo=UTC)) == offered[0]
    assert contact.name == "Ada Lovelace"


async def test_hostile_strings_are_stored_as_typed_and_shown_escaped(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 14))
    typed = {"name": HOSTILE, "email": "", "phone": "+44 117 496 0999", "notes": HOSTILE * 3}
    response = await post_form(client, page, f"/book/{shop.checkup_slug}", typed)
    assert response.status == 303
    token = manage_token(response)
    booking, contact = stored(db, token)
    assert contact.name == HOSTILE and booking.notes == HOSTILE * 3
    shown = await (await client.get(f"/manage/{token}")).text()
    assert "<script>" not in shown and "<img" not in shown
    assert html.escape(HOSTILE, quote=True)[:40] in shown or "&lt;script&gt;" in shown
    assert "{{7*7}}" in shown and ">49<" not in shown


async def test_hostile_strings_in_every_field_are_echoed_escaped_on_refusal(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 15))
    typed = {"name": HOSTILE, "email": HOSTILE, "phone": HOSTILE, "notes": HOSTILE}
    text = await _refused(db, client, page, shop, typed)
    assert "<script>" not in text and "<img" not in text
    assert text.count("&lt;script&gt;") >= 4


async def test_a_malformed_time_or_provider_in_the_post_is_a_readable_400(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await open_details(client, shop, shop.local(shop.day(2), 10))
    for bad in ({"start": "soon"}, {"provider": "1; DROP TABLE bookings"}):
        response = await post_form(client, page, f"/book/{shop.checkup_slug}", dict(ADA, **bad))
        assert response.status == 400, bad
        assert "<h1" in await response.text()
    off_grid = format_start(shop.local(shop.day(2), 10, 7))
    await _refused(db, client, page, shop, dict(ADA, start=off_grid))
