"""A wall time the clock shows twice is shown unambiguously on the page, in messages and the .ics.

Two customers book through the real form at the two instants that both read
01:30: in Australia/Lord_Howe (the clock goes back 30 minutes on 2027-04-04)
and in Europe/London (back an hour on 2027-10-31). The details page, the
confirmation (manage) page, the confirmation email, the SMS and the .ics each
tell the two apart, and a 30-minute booking never reads "01:30–01:30".
"""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.services import business, providers
from tests.web.conftest import AppClient, post_form
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio

CASES = {
    # zone: (first instant, second instant, first mark, second mark, the local day)
    "Australia/Lord_Howe": (
        "2027-04-03T14:30Z",
        "2027-04-03T15:00Z",
        # en_AU (the business locale of a Lord Howe business) writes a 12-hour clock
        "1:30 am UTC+11",
        "1:30 am UTC+10:30",
        "Sunday 4 April 2027",
    ),
    "Europe/London": (
        "2027-10-31T00:30Z",
        "2027-10-31T01:30Z",
        "01:30 BST",
        "01:30 GMT",
        "Sunday 31 October 2027",
    ),
}

# the page writes dates and times as the business's locale does (Babel): en_AU for
# Lord Howe (12-hour clock), en_GB for London;
# the messages keep the CASES forms
AM = " am"
PAGE = {
    "Australia/Lord_Howe": ("Sunday, 4 April 2027", f"1:30{AM} UTC+11", f"1:30{AM} UTC+10:30"),
    "Europe/London": ("Sunday, 31 October 2027", "01:30 BST", "01:30 GMT"),
}


def night_shop(db: Database, shop: Shop, zone: str) -> None:
    """Open from midnight to 06:00 every day, bookable two years ahead, in ``zone``."""
    db.call(business.update_profile, SETUP, timezone=zone, booking_horizon_days=730)
    night = [providers.HoursRange(d, time(0), time(6)) for d in range(7)]
    db.call(providers.set_weekly_hours, SETUP, shop.grace_id, night)


def outbox_bodies(db: Database, channel: str) -> list[str]:
    with db.session() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.channel == channel))
        return [row.body for row in rows]


@pytest.mark.parametrize("zone", list(CASES))
async def test_two_bookings_at_the_same_wall_time_read_differently_everywhere(
    db: Database, shop: Shop, make_client: AppClient, zone: str
) -> None:
    first, second, first_mark, second_mark, local_day = CASES[zone]
    page_day, first_page_mark, second_page_mark = PAGE[zone]
    night_shop(db, shop, zone)
    client = await make_client()
    pages = {}
    customers = {
        first: {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""},
        second: {"name": "Bea Lovelace", "email": "", "phone": "+49 30 12345678", "notes": ""},
    }
    for start, customer in customers.items():
        query = {"start": start, "provider": shop.grace_id, "choice": shop.grace_id}
        details = await client.get(f"/book/{shop.checkup_slug}/details", params=query)
        form_page = await details.text()
        assert details.status == 200
        mark = first_page_mark if start == first else second_page_mark
        assert f"{page_day} at {mark}" in form_page
        booked = await post_form(client, form_page, f"/book/{shop.checkup_slug}", customer)
        assert booked.status == 303, await booked.text()
        confirmation = await client.get(booked.headers["Location"])
        pages[start] = (booked.headers["Location"].split("?")[0], await confirmation.text())

    first_page, second_page = pages[first][1], pages[second][1]
    assert f"on {page_day} at {first_page_mark}." in first_page
    assert f"on {page_day} at {second_page_mark}." in second_page
    for page in (first_page, second_page):
        assert "01:30–01:30" not in page and f"1:30{AM}–1:30{AM}" not in page
    # the first booking runs 30 minutes from the first 01:30: its end is the second 01:30
    if zone == "Australia/Lord_Howe":
        assert f"{page_day} at {first_page_mark}–{second_page_mark}" in first_page

    email = "\n".join(outbox_bodies(db, "email"))  # Ada's welcome and confirmation
    sms = "\n".join(outbox_bodies(db, "sms"))  # Bea's
    assert f"{local_day} at {first_mark} ({zone})" in email
    assert f"{local_day} at {second_mark} ({zone})" in sms
    assert second_mark not in email and first_mark not in sms

    ics = await client.get(f"{pages[first][0]}/booking.ics")
    text = (await ics.text()).replace("\r\n ", "")
    assert f"When: {local_day} at {first_mark} ({zone})" in text
