"""The manage link: see the booking, cancel it within the policy, move it to another free time."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.core.services.bookings import BookingReceipt, book_desk
from careops_desktop.core.services.contacts import find_or_create_contact
from careops_desktop.web.params import format_start
from tests.web.conftest import AppClient, hidden_fields, post_form
from tests.web.public_booking import book_with_grace
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio


def book(db: Database, shop: Shop, start: datetime, name: str = "Ada Lovelace") -> BookingReceipt:
    return book_with_grace(db, shop, start, name, email="ada@example.com")


def status_of(db: Database, booking_id: int) -> tuple[str, datetime]:
    with db.session() as session:
        booking = session.get(Booking, booking_id)
        assert booking is not None
        return booking.status, booking.start_at.replace(tzinfo=UTC)


async def test_manage_page_shows_the_booking_and_what_can_be_done(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    receipt = book(db, shop, shop.local(shop.day(3), 9, 30))
    client = await make_client()
    response = await client.get(f"/manage/{receipt.manage_token}")
    page = await response.text()
    assert response.status == 200
    assert "Your booking" in page and "09:30" in page and "Dr Grace Hopper" in page
    assert "Ada Lovelace" in page and "Confirmed" in page
    assert f'href="/manage/{receipt.manage_token}/move"' in page
    assert f'action="/manage/{receipt.manage_token}/cancel"' in page
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/manage/{t}", "/manage/{t}/booking.ics", "/manage/{t}/move", "/forms/{t}"]
)
async def test_unknown_or_absurd_tokens_are_readable_404s(
    shop: Shop, make_client: AppClient, path: str
) -> None:
    client = await make_client()
    for token in ("nope", "A" * 32, "x" * 500, "%3Cscript%3E"):
        response = await client.get(path.format(t=token))
        text = await response.text()
        assert response.status == 404, (path, token)
        assert "not valid" in text and "<script>" not in text


async def test_cancel_needs_the_box_ticked_then_cancels(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    receipt = book(db, shop, shop.local(shop.day(3), 11))
    client = await make_client()
    page = await (await client.get(f"/manage/{receipt.manage_token}")).text()
    action = f"/manage/{receipt.manage_token}/cancel"
    unticked = await post_form(client, page, action, {})
    assert unticked.status == 400
    assert 'id="f-confirm-error"' in await unticked.text()
    assert status_of(db, receipt.booking_id)[0] == "confirmed"
    done = await post_form(client, page, action, {"confirm": "yes"})
    assert done.status == 303 and done.headers["Location"] == f"/manage/{receipt.manage_token}"
    assert status_of(db, receipt.booking_id)[0] == "cancelled"
    after = await (await client.get(f"/manage/{receipt.manage_token}")).text()
    assert "This booking is cancelled" in after
    assert "/cancel" not in after and "/move" not in after


async def test_inside_the_cutoff_the_page_says_call_us_and_a_cancel_is_refused(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    soon = (datetime.now(UTC) + timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)
    contact, _ = db.call(
        find_or_create_contact, SETUP, name="Late Larry", email="larry@example.com", phone=""
    )
    receipt = db.call(
        book_desk,
        SETUP,
        contact_id=contact.id,
        booking_type_id=shop.checkup_id,
        provider_id=shop.grace_id,
        start_utc=soon,
        outside_hours=True,
    )
    client = await make_client()
    page = await (await client.get(f"/manage/{receipt.manage_token}")).text()
    assert "too late to change or cancel" in page
    assert 'action="/manage/' not in page
    # a forged POST is still refused by the core's policy, in words
    details = f"/book/{shop.checkup_slug}/details?start={format_start(soon)}&provider=any"
    form_page = await (await client.get(details)).text()  # any page with a form has a token
    refused = await post_form(
        client, form_page, f"/manage/{receipt.manage_token}/cancel", {"confirm": "yes"}
    )
    assert refused.status == 400
    assert "24 hours before" in await refused.text()
    assert status_of(db, receipt.booking_id)[0] == "confirmed"


async def test_move_lists_free_times_and_moves_the_booking(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    receipt = book(db, shop, shop.local(shop.day(3), 10))
    client = await make_client()
    day = shop.day(4)
    response = await client.get(
        f"/manage/{receipt.manage_token}/move", params={"date": day.isoformat()}
    )
    page = await response.text()
    assert response.status == 200
    offered = re.findall(r'name="start" value="([^"]+)"', page)
    target = format_start(shop.local(day, 13))
    assert target in offered
    moved = await post_form(client, page, f"/manage/{receipt.manage_token}/move", {"start": target})
    assert moved.status == 303
    assert moved.headers["Location"] == f"/manage/{receipt.manage_token}?moved=1"
    assert status_of(db, receipt.booking_id) == ("confirmed", shop.local(day, 13).astimezone(UTC))
    shown = await (await client.get(moved.headers["Location"])).text()
    assert "has been moved" in shown and "13:00" in shown


async def test_moving_onto_a_taken_time_is_a_409_on_the_choice_page(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    receipt = book(db, shop, shop.local(shop.day(3), 10))
    taken = shop.local(shop.day(3), 15)
    book(db, shop, taken, name="Other Person")
    client = await make_client()
    page = await (await client.get(f"/manage/{receipt.manage_token}/move")).text()
    assert hidden_fields(page)
    response = await post_form(
        client, page, f"/manage/{receipt.manage_token}/move", {"start": format_start(taken)}
    )
    assert response.status == 409
    assert "just been taken" in await response.text()
    assert status_of(db, receipt.booking_id)[1] == shop.local(shop.day(3), 10).astimezone(UTC)
    with db.session() as session:
        assert len(session.scalars(select(Booking)).all()) == 2
