"""The waitlist on the booking page: the join form from a full day, and the claim link."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, WaitlistEntry, WaitlistOffer
from careops_desktop.core.services import bookings, waitlist
from careops_desktop.core.services.time_blocks import add_block
from tests.web.conftest import AppClient, hidden_fields, post_form
from tests.web.public_booking import book_with_grace
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio


def fill_the_day(db: Database, shop: Shop, days_ahead: int = 3) -> None:
    """Block the whole day for both providers, so it has no free time."""
    day = shop.day(days_ahead)
    for provider in (shop.grace_id, shop.room_id):
        db.call(
            add_block,
            SETUP,
            provider_id=provider,
            start=datetime.combine(day, datetime.min.time()).replace(hour=9),
            end=datetime.combine(day, datetime.min.time()).replace(hour=17),
            reason="Away",
        )


def entries(db: Database) -> list[WaitlistEntry]:
    with db.session() as s:
        rows = list(s.scalars(select(WaitlistEntry).order_by(WaitlistEntry.id)))
        s.expunge_all()
        return rows


async def test_a_full_day_offers_the_join_form_and_joining_keeps_what_was_typed(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    fill_the_day(db, shop)
    day = shop.day(3)
    client = await make_client()
    page = await (await client.get(f"/book/{shop.checkup_slug}?date={day.isoformat()}")).text()
    assert "No free times on this day" in page and "Tell me if a time frees up" in page
    link = f"/book/{shop.checkup_slug}/waitlist?provider=any&amp;date={day.isoformat()}"
    assert link in page
    response = await client.get(html.unescape(link))
    form = await response.text()
    assert response.status == 200 and "csrf_token" in form
    assert f'value="{day.isoformat()}"' in form
    joined = await post_form(
        client,
        form,
        f"/book/{shop.checkup_slug}/waitlist",
        {
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "phone": "",
            "first_day": day.isoformat(),
            "last_day": (day + timedelta(days=2)).isoformat(),
            "provider": str(shop.grace_id),
        },
    )
    text = await joined.text()
    assert joined.status == 200, text
    assert "You are on the waiting list" in text and "an email" in text
    [entry] = entries(db)
    assert (entry.name, entry.email, entry.provider_id, entry.status) == (
        "Ada Lovelace",
        "ada@example.com",
        shop.grace_id,
        "waiting",
    )
    assert entry.language == "en"  # the page they joined from was English


async def test_joining_from_the_german_page_keeps_german_for_the_offer(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    headers = {"Accept-Language": "de-DE,de;q=0.9"}
    path = f"/book/{shop.checkup_slug}/waitlist"
    form = await (await client.get(path, headers=headers)).text()
    assert 'lang="de"' in form
    day = shop.day(3).isoformat()
    joined = await post_form(
        client,
        form,
        path,
        {"name": "Ada Lovelace", "email": "ada@example.com", "first_day": day, "last_day": day},
        headers=headers,
    )
    assert joined.status == 200, await joined.text()
    [entry] = entries(db)
    assert entry.language == "de"


async def test_a_refused_join_shows_the_form_again_with_everything_kept_and_escaped(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    form = await (await client.get(f"/book/{shop.checkup_slug}/waitlist")).text()
    hostile = '<script>alert("x")</script>'
    response = await post_form(
        client,
        form,
        f"/book/{shop.checkup_slug}/waitlist",
        {"name": hostile, "email": "", "phone": "", "first_day": "soon", "last_day": ""},
    )
    text = await response.text()
    assert response.status == 400
    assert "<script>alert" not in text and "&lt;script&gt;" in text
    assert "Please give an email address or a mobile number" in text
    assert "Please give a date like" in text
    assert entries(db) == []
    # without the CSRF field: refused, nobody added
    refused = await post_form(
        client,
        form,
        f"/book/{shop.checkup_slug}/waitlist",
        {"name": "Ada", "email": "ada@example.com", "first_day": "", "last_day": ""},
        keep_hidden=False,
    )
    assert refused.status == 403 and entries(db) == []


async def test_an_existing_customer_is_not_revealed_or_changed(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    book_with_grace(db, shop, shop.local(shop.day(4), 10), "Private Person", email="p@example.com")
    client = await make_client()
    form = await (await client.get(f"/book/{shop.checkup_slug}/waitlist")).text()
    response = await post_form(
        client,
        form,
        f"/book/{shop.checkup_slug}/waitlist",
        {
            "name": "Someone Else",
            "email": "p@example.com",
            "phone": "",
            "first_day": shop.day(2).isoformat(),
            "last_day": shop.day(5).isoformat(),
        },
    )
    text = await response.text()
    assert response.status == 200 and "Private Person" not in text
    assert entries(db)[0].name == "Someone Else"


async def test_the_claim_link_books_through_the_booking_flow_and_says_when_it_cannot(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    start = shop.local(shop.day(3), 10)
    receipt = book_with_grace(db, shop, start, "Leaving Person", email="l@example.com")
    for name, email in (("Ann Waiting", "ann@example.com"), ("Ben Waiting", "ben@example.com")):
        db.call(
            waitlist.join_waitlist,
            booking_type_id=shop.checkup_id,
            provider_id=None,
            name=name,
            email=email,
            first_day=shop.day(3),
            last_day=shop.day(3),
        )
    db.call(bookings.cancel_by_token, receipt.manage_token)
    db.call(waitlist.offer_by_hand, SETUP, entries(db)[1].id, shop.grace_id, start.astimezone(UTC))
    with db.session() as s:
        first, second = s.scalars(select(WaitlistOffer.token).order_by(WaitlistOffer.id)).all()
    client = await make_client()
    page = await (await client.get(f"/waitlist/claim/{first}")).text()
    assert "A time has freed up for you" in page and "Ann Waiting" in page
    assert "Book this time" in page and "Dr Grace Hopper" in page
    booked = await post_form(client, page, f"/waitlist/claim/{first}", {})
    assert booked.status == 303 and booked.headers["Location"].startswith("/manage/")
    with db.session() as s:
        made = s.scalars(select(Booking).where(Booking.status == "confirmed")).one()
        assert (made.customer_name, made.customer_email) == ("Ann Waiting", "ann@example.com")
    # the same link again: already used
    again = await post_form(client, page, f"/waitlist/claim/{first}", {})
    assert again.status == 410 and "already been booked with this link" in await again.text()
    # the second offer for that time: just taken, with other times
    page2 = await (await client.get(f"/waitlist/claim/{second}")).text()
    taken = await post_form(client, page2, f"/waitlist/claim/{second}", {})
    text = await taken.text()
    assert taken.status == 409 and "Sorry, this time has just been taken" in text
    assert "Other free times" in text
    # unknown and absurd tokens: a clear 404
    for token in ("nope", "x" * 300, "%3Cscript%3E"):
        response = await client.get(f"/waitlist/claim/{token}")
        assert response.status == 404 and "This link is not valid" in await response.text()


async def test_an_expired_offer_says_so(db: Database, shop: Shop, make_client: AppClient) -> None:
    start = shop.local(shop.day(3), 11)
    receipt = book_with_grace(db, shop, start, "Leaving Person", email="l@example.com")
    db.call(
        waitlist.join_waitlist,
        booking_type_id=shop.checkup_id,
        provider_id=None,
        name="Ann Waiting",
        email="ann@example.com",
        first_day=shop.day(3),
        last_day=shop.day(3),
    )
    db.call(bookings.cancel_by_token, receipt.manage_token)
    db.call(waitlist.pass_on_expired, datetime.now(UTC) + timedelta(hours=3))
    with db.session() as s:
        token = s.scalars(select(WaitlistOffer.token)).one()
    client = await make_client()
    response = await client.get(f"/waitlist/claim/{token}")
    text = await response.text()
    assert response.status == 410 and "has run out" in text
    assert "Book this time" not in text
    assert hidden_fields(text) == {}
