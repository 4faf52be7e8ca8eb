"""Intake forms by their link, and the staff calendar feed by its secret."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Business, FormSubmission
from careops_desktop.core.services import bookings, business, forms
from careops_desktop.core.services.bookings import BookingReceipt
from careops_desktop.core.services.forms import FormField
from tests.web.conftest import AppClient, post_form
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio

HOSTILE = '<b onmouseover=alert(1)>"bold"</b> & </textarea><script>x()</script>'
FIELDS = [
    FormField("full_name", "Full name", "text", required=True),
    FormField("date_of_birth", "Date of birth", "date"),
    FormField("history", "Medical history", "textarea"),
    FormField("heard_from", "How did you hear about us?", "select", options=("Friend", "Web")),
    FormField("consent", "I agree to be contacted.", "checkbox", required=True),
]


def booked_with_form(db: Database, shop: Shop) -> tuple[BookingReceipt, str]:
    form = db.call(forms.create_form, SETUP, name="New client intake", fields=FIELDS)
    db.call(forms.attach_form, SETUP, shop.checkup_id, form.id)
    receipt: BookingReceipt = db.call(
        bookings.book_public,
        booking_type_id=shop.checkup_id,
        provider_id=None,
        start_utc=shop.local(shop.day(3), 12),
        name="Ada Lovelace",
        email="ada@example.com",
    )
    with db.session() as session:
        token = session.scalars(
            select(FormSubmission.token).where(FormSubmission.booking_id == receipt.booking_id)
        ).one()
    return receipt, token


def answers_of(db: Database, token: str) -> tuple[str, dict[str, str]]:
    with db.session() as session:
        row = session.scalars(select(FormSubmission).where(FormSubmission.token == token)).one()
        return row.status, dict(row.data)


async def test_the_form_is_rendered_from_its_definition_with_labels(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    _, token = booked_with_form(db, shop)
    client = await make_client()
    response = await client.get(f"/forms/{token}")
    page = await response.text()
    assert response.status == 200
    assert "New client intake" in page
    for key, label in (("full_name", "Full name"), ("history", "Medical history")):
        assert f'<label for="f-q_{key}">{label}' in page
    assert 'type="date"' in page and "<textarea" in page
    assert "<option>Friend</option>" in page and 'type="checkbox"' in page
    assert response.headers["Cache-Control"] == "no-store"


async def _open_form(db: Database, shop: Shop, make_client: AppClient) -> tuple[str, Any, str]:
    """A booking with a form to fill in: its token, a visitor's client and the form page."""
    _, token = booked_with_form(db, shop)
    client = await make_client()
    page = await (await client.get(f"/forms/{token}")).text()
    return token, client, page


async def test_wrong_answers_are_shown_at_their_fields_with_everything_kept(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    token, client, page = await _open_form(db, shop, make_client)
    typed = {
        "q_full_name": "",
        "q_date_of_birth": "23/04/1990",
        "q_history": "Asthma",
        "q_heard_from": "Magazine",
    }
    response = await post_form(client, page, f"/forms/{token}", typed)
    text = await response.text()
    assert response.status == 400
    for key in ("full_name", "date_of_birth", "heard_from", "consent"):
        assert f'id="f-q_{key}-error"' in text, key
    assert 'value="23/04/1990"' in text and "Asthma</textarea>" in text
    assert answers_of(db, token) == ("pending", {})


async def test_answers_are_stored_as_typed_shown_escaped_and_sent_once(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    token, client, page = await _open_form(db, shop, make_client)
    typed = {
        "q_full_name": HOSTILE,
        "q_date_of_birth": "1990-04-23",
        "q_history": HOSTILE,
        "q_heard_from": "Friend",
        "q_consent": "yes",
    }
    response = await post_form(client, page, f"/forms/{token}", typed)
    assert response.status == 303 and response.headers["Location"] == f"/forms/{token}?sent=1"
    status, data = answers_of(db, token)
    assert status == "completed"
    assert data["full_name"] == HOSTILE and data["history"] == HOSTILE
    assert data["consent"] == "yes"
    thanks = await (await client.get(response.headers["Location"])).text()
    assert "we have your answers" in thanks and "<script>" not in thanks
    # a second try changes nothing
    again = await post_form(client, page, f"/forms/{token}", dict(typed, q_history="changed"))
    assert again.status == 200 and "we have your answers" in await again.text()
    assert answers_of(db, token)[1]["history"] == HOSTILE


async def test_a_hostile_answer_on_a_refused_form_is_echoed_escaped(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    token, client, page = await _open_form(db, shop, make_client)
    typed = {f"q_{f.key}": HOSTILE for f in FIELDS}
    response = await post_form(client, page, f"/forms/{token}", typed)
    text = await response.text()
    assert response.status == 400
    assert "<script>" not in text and "<b onmouseover" not in text
    assert "&lt;script&gt;" in text


async def test_the_calendar_feed_needs_the_current_secret(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    receipt, _ = booked_with_form(db, shop)
    with db.session() as session:
        secret = session.scalars(select(Business.calendar_feed_secret)).one()
    client = await make_client()
    response = await client.get(f"/calendar/{secret}.ics")
    body = await response.text()
    assert response.status == 200 and response.content_type == "text/calendar"
    assert "BEGIN:VCALENDAR" in body and f"booking-{receipt.booking_id}@" in body
    assert "Ada Lovelace" in body  # staff see who is coming
    for wrong in (f"{secret[:-1]}x.ics", "x.ics", secret, f"{'a' * 300}.ics"):
        refused = await client.get(f"/calendar/{wrong}")
        assert refused.status == 404, wrong
        assert "no calendar at this address" in await refused.text()
    new_secret = db.call(business.rotate_calendar_secret, SETUP)
    assert (await client.get(f"/calendar/{secret}.ics")).status == 404
    assert (await client.get(f"/calendar/{new_secret}.ics")).status == 200
