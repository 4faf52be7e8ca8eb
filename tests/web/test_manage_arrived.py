"""The manage link of a booking whose customer is at the desk: shown as checked in, and no
longer the customer's to cancel or move (the desk handles it from here)."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from tests.web.conftest import AppClient, post_form
from tests.web.seed import Shop
from tests.web.test_manage import book, status_of

pytestmark = pytest.mark.asyncio


async def test_an_arrived_booking_is_checked_in_and_cannot_be_changed_online(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    receipt = book(db, shop, shop.local(shop.day(3), 9, 30))
    client = await make_client()
    before = await (await client.get(f"/manage/{receipt.manage_token}")).text()
    with db.write_session() as session:  # meanwhile the desk marks the customer arrived
        session.execute(
            update(Booking).where(Booking.id == receipt.booking_id).values(status="arrived")
        )
    page = await (await client.get(f"/manage/{receipt.manage_token}")).text()
    assert "Checked in" in page
    assert "/cancel" not in page and "/move" not in page
    # the cancel form loaded before the arrival is refused in words, nothing changes
    response = await post_form(
        client, before, f"/manage/{receipt.manage_token}/cancel", {"confirm": "yes"}
    )
    text = await response.text()
    assert response.status in (400, 409), response.status
    assert "already marked as arrived" in text
    assert status_of(db, receipt.booking_id)[0] == "arrived"
