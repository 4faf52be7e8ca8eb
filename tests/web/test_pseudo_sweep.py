"""Every booking page in the accented pseudo-locale: any text that is not translated shows.

Each page (services, times, details with and without errors, taken time, confirmation,
manage, move, waitlist form and joined, claim, intake form, the error and closed pages)
is opened with ``?lang=en-XA``; every text the page itself writes must come out
pseudo-translated (``[Ţèẋţ ~~]``). What is left plain is the business's and customers'
own data (names, addresses, service names), times and dates written by Babel, and
numbers — the sweep names any other plain English text it finds.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import FormSubmission, WaitlistOffer
from careops_desktop.core.services import bookings, business, forms
from careops_desktop.core.services.forms import FormField
from careops_desktop.web.params import format_start
from tests.web.conftest import AppClient, post_form
from tests.web.public_booking import book_with_grace
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio

PSEUDO = "en-XA"
# data and machine words a page shows as they are (not texts of the program)
DATA = {
    "Bright Smile Clinic",
    "12 Harbour Street",
    "Bristol BS1 4RN",
    "Check-up",
    "Long session",
    "A short check of teeth and gums.",
    "An hour for treatment.",
    "Dr Grace Hopper",
    "Room 2",
    "Ada Lovelace",
    "ada@example.com",
    "hello@brightsmile.example",
    "+44 117 496 0123",
    "Europe/London",
    "New client intake",
    "Full name",
    "Medical history",
    "Friend",
    "Web",
    "English",
    "Deutsch",
    "Español",
    "·",
}
# texts of the core that other parts of issue 22 translate (not the booking page's own)
NOT_YET = {
    "This field is required.",
}
# what Babel writes for dates in the business's locale (en_GB): weekday and month names
CALENDAR_WORDS = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(day|sday|nesday|rsday|urday)?\b|"
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
)


class _Texts(HTMLParser):
    """The visible text nodes and the human-readable attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def plain_english(page: str) -> list[str]:
    """The texts of ``page`` with plain English words that are not data.

    A pseudo-translated text has no plain ASCII letters left (every letter is accented), so
    any run of ASCII letters that is not data is a text that did not go through translation —
    also when it sits inside a translated sentence (a core message inside a page's text).
    """
    parser = _Texts()
    parser.feed(page)
    found = []
    for text in parser.texts:
        if re.fullmatch(r"https?://\S+", text):
            continue  # a link shown as it is
        rest = text
        for data in sorted(DATA | NOT_YET, key=len, reverse=True):
            rest = rest.replace(data, " ")
        rest = CALENDAR_WORDS.sub(" ", rest)
        rest = re.sub(r"\b(am|pm|BST|GMT|UTC)\b", " ", rest)
        if re.search(r"[A-Za-z]{2,}", rest):
            found.append(text)
    return found


async def sweep(client: TestClient[Any, Any], url: str, status: int = 200) -> str:
    joiner = "&" if "?" in url else "?"
    response = await client.get(f"{url}{joiner}lang={PSEUDO}")
    page = await response.text()
    assert response.status == status, (url, page[:300])
    assert plain_english(page) == [], url
    return page


async def test_every_page_is_translated(db: Database, shop: Shop, make_client: AppClient) -> None:
    fields = [
        FormField("full_name", "Full name", "text", required=True),
        FormField("history", "Medical history", "textarea"),
        FormField("heard_from", "Full name", "select", options=("Friend", "Web")),
    ]
    form = db.call(forms.create_form, SETUP, name="New client intake", fields=fields)
    db.call(forms.attach_form, SETUP, shop.checkup_id, form.id)
    client = await make_client()
    day = shop.day(2)
    await sweep(client, "/")
    await sweep(client, f"/book/{shop.checkup_slug}?date={day.isoformat()}")
    await sweep(
        client, f"/book/{shop.checkup_slug}?date={day.isoformat()}&provider={shop.grace_id}"
    )
    start, grace = shop.local(day, 10), shop.grace_id
    query = f"start={format_start(start)}&provider={grace}&choice={grace}"
    details = await sweep(client, f"/book/{shop.checkup_slug}/details?{query}")
    action = f"/book/{shop.checkup_slug}?lang={PSEUDO}"
    empty = {"name": "", "email": "", "phone": "", "notes": ""}
    refused = await post_form(client, details, action, empty)
    assert refused.status == 400 and plain_english(await refused.text()) == []
    ada = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""}
    booked = await post_form(client, details, action, ada)
    assert booked.status == 303
    manage = booked.headers["Location"]
    await sweep(client, manage)
    await sweep(client, manage.split("?")[0])
    await sweep(client, manage.split("?")[0] + "/move")
    taken = await post_form(client, details, action, {**ada, "name": "Bea Lovelace"})
    assert taken.status == 409 and plain_english(await taken.text()) == []

    with db.session() as session:
        form_token = session.scalars(select(FormSubmission.token)).one()
    intake = await sweep(client, f"/forms/{form_token}")
    sent = await post_form(client, intake, f"/forms/{form_token}?lang={PSEUDO}", {})
    assert sent.status == 400 and plain_english(await sent.text()) == []

    waitlist_page = await sweep(client, f"/book/{shop.checkup_slug}/waitlist?date={day}")
    joined = await post_form(
        client,
        waitlist_page,
        f"/book/{shop.checkup_slug}/waitlist?lang={PSEUDO}",
        {
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "phone": "",
            "first_day": day.isoformat(),
            "last_day": day.isoformat(),
        },
    )
    assert joined.status == 200 and plain_english(await joined.text()) == []
    other = book_with_grace(db, shop, shop.local(day, 12), "Leaving Person", email="l@example.com")
    db.call(bookings.cancel_by_token, other.manage_token)
    with db.session() as session:
        offer = session.scalars(select(WaitlistOffer.token)).first()
    assert offer is not None
    await sweep(client, f"/waitlist/claim/{offer}")
    cancel_page = await sweep(client, manage.split("?")[0])
    cancelled = await post_form(
        client, cancel_page, f"{manage.split('?')[0]}/cancel?lang={PSEUDO}", {}
    )
    assert cancelled.status == 400 and plain_english(await cancelled.text()) == []

    await sweep(client, "/book/no-such-thing", 404)
    await sweep(client, "/book/check-up?date=2025-02-30", 400)
    db.call(business.update_profile, SETUP, page_enabled=False)
    closed = await make_client()
    await sweep(closed, "/", 503)
