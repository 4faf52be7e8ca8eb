"""The booking page in the visitor's language: negotiation, switcher, formats, contacts.

The order is ``?lang=`` (remembered in a cookie) → the cookie → ``Accept-Language`` → the
business's own language. Whatever a visitor sends, the page speaks a shipped language and
never repeats what was sent.
"""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from sqlalchemy import select

from careops_desktop.core import i18n
from careops_desktop.core.db import Database
from careops_desktop.core.i18n import formats
from careops_desktop.core.models import Contact, WaitlistOffer
from careops_desktop.core.services import bookings, business
from careops_desktop.web.params import format_start
from tests.web.conftest import AppClient, post_form
from tests.web.public_booking import book_with_grace
from tests.web.seed import SETUP, Shop

pytestmark = pytest.mark.asyncio

GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
HTML_LANG = re.compile(r'<html lang="([^"]*)" dir="([^"]*)">')


def html_lang(page: str) -> tuple[str, str]:
    found = HTML_LANG.search(page)
    assert found is not None, page[:200]
    return found.group(1), found.group(2)


def contact_languages(db: Database) -> dict[str, str | None]:
    with db.session() as session:
        return {c.name: c.language for c in session.scalars(select(Contact))}


async def test_accept_language_german_gives_a_german_page(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    response = await client.get(f"/book/{shop.checkup_slug}", headers=GERMAN)
    page = await response.text()
    assert response.status == 200
    assert html_lang(page) == ("de", "ltr")
    assert response.headers["Content-Language"] == "de"
    assert response.headers["Vary"] == "Accept-Language, Cookie"
    assert "Freie Zeiten am" in page and "Free times on" not in page
    assert "30 Min." in page and "45,00" in page  # duration and money in German forms
    weekday = formats.weekday_text(date.today(), language="de")
    assert weekday in page  # the day's heading names the weekday in German
    assert "Set-Cookie" not in response.headers or "lang=" not in response.headers["Set-Cookie"]


async def test_english_is_the_default_and_the_business_language_follows_its_locale(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    page = await (await client.get("/")).text()
    assert html_lang(page) == ("en", "ltr") and "Book an appointment" in page

    db.call(business.update_profile, SETUP, locale="de_DE")
    german_shop = await make_client()
    response = await german_shop.get("/")
    assert response.headers["Content-Language"] == "de"
    assert "Termin buchen" in await response.text()
    # the visitor's own browser still wins over the business's language
    english = await german_shop.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert english.headers["Content-Language"] == "en"


async def test_lang_parameter_sets_a_cookie_and_later_pages_stay_spanish(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    response = await client.get(f"/book/{shop.checkup_slug}?lang=es", headers=GERMAN)
    page = await response.text()
    assert response.headers["Content-Language"] == "es" and html_lang(page)[0] == "es"
    cookie = response.cookies["lang"]
    assert cookie.value == "es"
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert int(cookie["max-age"]) == 365 * 24 * 3600

    later = await client.get("/", headers=GERMAN)  # the cookie beats the browser's header
    assert later.headers["Content-Language"] == "es"
    assert "Reservar una cita" in await later.text()
    assert "lang=" not in later.headers.get("Set-Cookie", "")  # set only when ?lang is used


async def test_the_switcher_names_each_language_in_its_own_words_and_keeps_the_page(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    day = shop.day(3).isoformat()
    page = await (
        await client.get(f"/book/{shop.checkup_slug}?date={day}&provider=any&lang=de&x=1")
    ).text()
    nav = page[page.index('<nav class="languages"') : page.index("</nav>")]
    links = re.findall(
        r'<a href="([^"]*)" lang="([a-z]+)"[^>]*?( aria-current="true")?>([^<]*)</a>', nav
    )
    assert [(code, name) for _href, code, _cur, name in links] == [
        ("en", "English"),
        ("de", "Deutsch"),
        ("es", "Español"),
    ]
    current = [code for _href, code, cur, _name in links if cur]
    assert current == ["de"]
    href = html.unescape(links[2][0])
    assert href == f"/book/{shop.checkup_slug}?date={day}&provider=any&lang=es"
    spanish = await client.get(href)
    assert spanish.status == 200 and spanish.headers["Content-Language"] == "es"


async def test_a_refused_form_comes_back_in_german_with_what_was_typed(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    start = shop.local(shop.day(2), 10).astimezone()
    details = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": "any"},
        headers=GERMAN,
    )
    form_page = await details.text()
    assert "Ihre Angaben" in form_page and " um 10:00" in form_page
    typed = {"name": "Jürgen Müller", "email": "", "phone": "", "notes": "Bitte früh"}
    refused = await post_form(
        client, form_page, f"/book/{shop.checkup_slug}", typed, headers=GERMAN
    )
    page = await refused.text()
    assert refused.status == 400 and refused.headers["Content-Language"] == "de"
    assert "Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an" in page
    assert "Bitte prüfen Sie dies:" in page
    assert 'value="Jürgen Müller"' in page and ">Bitte früh</textarea>" in page
    assert contact_languages(db) == {}


async def test_mirrored_pseudo_locale_turns_the_page_right_to_left(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    response = await client.get(f"/book/{shop.checkup_slug}?lang=ar-XB")
    page = await response.text()
    assert html_lang(page) == ("ar-XB", "rtl")
    assert "Free times on" not in page and "\u202b[" in page  # texts pseudo-translated
    assert "lang=" not in response.headers.get("Set-Cookie", "")  # never remembered
    accented = await (await client.get("/?lang=en-XA")).text()
    assert html_lang(accented) == ("en-XA", "ltr")
    # a browser cannot ask for a pseudo-locale by itself
    plain = await client.get("/", headers={"Accept-Language": "ar-XB, en-XA"})
    assert plain.headers["Content-Language"] == "en"


async def test_the_contact_keeps_the_language_of_the_page_they_booked_in(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    ada = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""}

    async def book(hour: int, headers: dict[str, str], **extra: str) -> None:
        start = shop.local(shop.day(2), hour).astimezone()
        query = {"start": format_start(start), "provider": shop.grace_id, "choice": "any"}
        details = await client.get(
            f"/book/{shop.checkup_slug}/details", params={**query, **extra}, headers=headers
        )
        form_page = await details.text()
        action = re.search(r'method="post" action="([^"]*)"', form_page)
        assert action is not None  # a pseudo-locale's page keeps ?lang= on its form
        booked = await post_form(
            client, form_page, html.unescape(action.group(1)), ada, headers=headers
        )
        assert booked.status == 303, await booked.text()

    await book(10, GERMAN)
    assert contact_languages(db) == {"Ada Lovelace": "de"}
    await book(11, {"Accept-Language": "es"})  # the same person books in Spanish: overwritten
    assert contact_languages(db) == {"Ada Lovelace": "es"}
    # a pseudo-locale (tests and screenshots) is not a language to write to anyone in
    await book(12, {}, lang="en-XA")
    assert contact_languages(db) == {"Ada Lovelace": "es"}
    await book(13, {})  # no wish at all: the page spoke the business's language, English
    assert contact_languages(db) == {"Ada Lovelace": "en"}


async def test_the_confirmation_page_speaks_german_with_a_german_date(
    shop: Shop, make_client: AppClient
) -> None:
    client = await make_client()
    start = shop.local(shop.day(2), 14, 30).astimezone()
    details = await client.get(
        f"/book/{shop.checkup_slug}/details",
        params={"start": format_start(start), "provider": shop.grace_id, "choice": "any"},
        headers=GERMAN,
    )
    ada = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "", "notes": ""}
    form_page = await details.text()
    booked = await post_form(client, form_page, f"/book/{shop.checkup_slug}", ada, headers=GERMAN)
    page = await (await client.get(booked.headers["Location"], headers=GERMAN)).text()
    german_day = formats.date_text(shop.day(2), "full", language="de")
    assert "Ihr Termin ist gebucht" in page
    assert f"Check-up am {german_day} um 14:30." in page
    assert f"{german_day}, 14:30–15:00" in page
    assert "Bestätigt" in page and "Buchung stornieren" in page


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "de-DE;q=abc, *;q=2, ' OR 1=1 --",
    "x" * 5000,
    "\u202e\u0000de",
    "en-XA-<b>",
]


@pytest.mark.parametrize("value", HOSTILE)
async def test_hostile_language_values_give_a_shipped_language_and_are_never_repeated(
    shop: Shop, make_client: AppClient, value: str
) -> None:
    client = await make_client()
    safe = value.encode("latin-1", "replace").decode("latin-1").replace("\x00", "")
    response = await client.get(
        "/",
        params={"lang": value},
        headers={"Accept-Language": safe, "Cookie": f"lang={safe[:100].replace(';', '')}"},
    )
    page = await response.text()
    assert response.status == 200
    assert response.headers["Content-Language"] in i18n.SHIPPED
    assert html_lang(page)[0] in i18n.SHIPPED
    for part in ("<script>", "onerror", "OR 1=1", "x" * 100):
        assert part not in page
    assert "lang=" not in response.headers.get("Set-Cookie", "")


async def test_a_waitlist_offer_claimed_in_spanish_gives_a_spanish_speaking_contact(
    db: Database, shop: Shop, make_client: AppClient
) -> None:
    start = shop.local(shop.day(3), 10)
    receipt = book_with_grace(db, shop, start, "Leaving Person", email="l@example.com")
    client = await make_client()
    spanish = {"Accept-Language": "es-ES,es;q=0.9"}
    join_page = await (
        await client.get(f"/book/{shop.checkup_slug}/waitlist", headers=spanish)
    ).text()
    assert "Avisarme si queda una hora libre" in join_page
    joined = await post_form(
        client,
        join_page,
        f"/book/{shop.checkup_slug}/waitlist",
        {
            "name": "Ana García",
            "email": "ana@example.com",
            "phone": "",
            "first_day": shop.day(3).isoformat(),
            "last_day": shop.day(3).isoformat(),
        },
        headers=spanish,
    )
    assert "Está en la lista de espera" in await joined.text()
    db.call(bookings.cancel_by_token, receipt.manage_token)  # the freed time is offered
    with db.session() as session:
        token = session.scalars(select(WaitlistOffer.token).order_by(WaitlistOffer.id)).first()
    offer = await (await client.get(f"/waitlist/claim/{token}", headers=spanish)).text()
    assert "Ha quedado una hora libre para usted" in offer and "Reservar esta hora" in offer
    claimed = await post_form(client, offer, f"/waitlist/claim/{token}", {}, headers=spanish)
    assert claimed.status == 303
    assert contact_languages(db)["Ana García"] == "es"


async def test_each_language_gets_its_own_times_from_the_day_cache(
    shop: Shop, make_client: AppClient
) -> None:
    """A day's free times are cached with their labels: a Spanish visitor's "9:00" must not
    be what the next, German, visitor reads ("09:00")."""
    client = await make_client()
    path = f"/book/{shop.checkup_slug}?date={shop.day(3).isoformat()}"
    spanish = await (await client.get(path, headers={"Accept-Language": "es"})).text()
    german = await (await client.get(path, headers=GERMAN)).text()
    assert ">9:00</a>" in spanish and ">09:00</a>" not in spanish
    assert ">09:00</a>" in german and ">9:00</a>" not in german
