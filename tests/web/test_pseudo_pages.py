"""The booking page's pseudo-locale sweep: every page in ``en-XA`` shows no English that did
not go through translation (texts, button values, placeholders, titles, aria labels),
and the mirrored ``ar-XB`` sets ``dir="rtl"``."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import PSEUDO_ACCENTED, PSEUDO_MIRRORED
from tests.text_checks import data_vocabulary, english_left
from tests.web.conftest import AppClient, post_form
from tests.web.seed import Shop
from tests.web.test_forms_and_feed import booked_with_form

pytestmark = pytest.mark.asyncio
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


class _Texts(HTMLParser):
    """What a visitor reads or hears: text outside <script>/<style>, the labels in
    attributes, the words on buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        values = dict(attrs)
        for name in SHOWN_ATTRIBUTES:
            if values.get(name):
                self.found.append(str(values[name]))
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.found.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.found.append(data.strip())


def texts_on(page: str) -> list[str]:
    parser = _Texts()
    parser.feed(page)
    return parser.found


async def _pages(db: Database, shop: Shop, client: Any, lang: str) -> list[tuple[str, str]]:
    """``(what, html)`` for every kind of page, fetched in ``lang``."""
    receipt, form_token = booked_with_form(db, shop)
    day = shop.day(3).isoformat()
    paths = {
        "the list of booking types": "/",
        "a day's free times": f"/book/{shop.checkup_slug}?date={day}",
        "a day in the past": f"/book/{shop.checkup_slug}?date={shop.day(-3).isoformat()}",
        "a malformed date": f"/book/{shop.checkup_slug}?date=bad",
        "a page that does not exist": "/nowhere",
        "the manage page": f"/manage/{receipt.manage_token}",
        "the move page": f"/manage/{receipt.manage_token}/move",
        "the intake form": f"/forms/{form_token}",
        "the waitlist form": f"/book/{shop.checkup_slug}/waitlist",
    }
    pages: list[tuple[str, str]] = []
    for what, path in paths.items():
        joiner = "&" if "?" in path else "?"
        response = await client.get(f"{path}{joiner}lang={lang}")
        pages.append((what, await response.text()))
    slots = pages[1][1]
    start = slots.split("/details?start=", 1)[1].split('"', 1)[0].replace("&amp;", "&")
    details_path = f"/book/{shop.checkup_slug}/details?start={start}&lang={lang}"
    details = await (await client.get(details_path)).text()
    pages.append(("the details form", details))
    refused = await post_form(
        client, details, f"/book/{shop.checkup_slug}", {"name": "", "email": "not an address"}
    )
    pages.append(("the details form with problems marked", await refused.text()))
    return pages


async def test_every_page_is_translated_in_the_pseudo_locale(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    pages = await _pages(db, shop, client, PSEUDO_ACCENTED)
    data = data_vocabulary(db)
    left = [
        f"{what}: {text!r}"
        for what, page in pages
        for text in texts_on(page)
        if english_left(text, data)
    ]
    left = list(dict.fromkeys(left))
    assert not left, f"{len(left)} texts on the page are not translated:\n" + "\n".join(left)
    for what, page in pages:
        assert f'lang="{PSEUDO_ACCENTED}"' in page, what


async def test_the_mirrored_locale_writes_the_page_right_to_left(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await (await client.get(f"/?lang={PSEUDO_MIRRORED}")).text()
    assert 'dir="rtl"' in page and f'lang="{PSEUDO_MIRRORED}"' in page
    english = await (await client.get("/?lang=en")).text()
    assert 'dir="ltr"' in english and 'lang="en"' in english
