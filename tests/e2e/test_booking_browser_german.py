"""A German customer books in a real browser: Debian's headless chromium asking for German.

The confirmation then goes out through the real outbox to an SMTP server on loopback
(aiosmtpd): its subject, text and ``.ics`` invitation are German, with German dates.

The browser is started with ``--lang=de-DE`` and ``intl.accept_languages`` ``de-DE,de``, so
every request carries ``Accept-Language: de-DE,de``. The page answers in German (``lang="de"``),
the times and the confirmation carry German dates, a refused form comes back in German with
what was typed, the pages pass axe-core in German, and the contact made by the booking
keeps ``de`` as their language (every message to them follows it).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import formats, use_language
from careops_desktop.core.models import Booking, Contact
from careops_desktop.core.services.bookings import booking_time_text
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.outbox_relay import OutboxRelay
from careops_desktop.runtime import Runtime
from careops_desktop.web.settings import WebSettings
from tests.actors import OWNER
from tests.e2e.test_booking_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    FILL_SECONDS,
    assert_accessible,
    go,
)
from tests.integrations.smtp_server import SmtpServer, smtp_server  # noqa: F401 (a fixture)
from tests.web.seed import Shop, open_shop

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (scripts/system-packages.sh)",
)


@pytest.fixture
def shop(db: Database) -> Shop:
    return db.call(open_shop)


@pytest.fixture
def page_url(db: Database, shop: Shop) -> Iterator[str]:
    runtime = Runtime(
        db, host="127.0.0.1", port=0, jobs=[], settings=WebSettings(min_fill_seconds=FILL_SECONDS)
    )
    yield runtime.start_in_thread()
    runtime.stop()
    formats.set_business_locale(None)  # the page set the business's; back to the default


@pytest.fixture
def german_browser(tmp_path: Path) -> Iterator[object]:
    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=de-DE",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_a_german_customer_books_in_german(
    db: Database,
    shop: Shop,
    page_url: str,
    german_browser: object,
    smtp_server: SmtpServer,  # noqa: F811 (the fixture)
) -> None:
    driver = german_browser
    find = driver.find_element  # type: ignore[attr-defined]

    driver.get(page_url + "/")  # type: ignore[attr-defined]
    assert find(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert "Termin buchen" in find(By.TAG_NAME, "h1").text
    current = find(By.CSS_SELECTOR, ".languages a[aria-current]")
    assert current.text == "Deutsch"
    assert_accessible(driver, "Leistungen")
    go(driver, find(By.LINK_TEXT, "Check-up"))

    day = shop.day(2)
    german_day = formats.date_text(day, "full", language="de")  # "Mittwoch, 9. Dezember 2026"
    go(driver, find(By.CSS_SELECTOR, f'.days a[href*="date={day.isoformat()}"]'))
    main = find(By.TAG_NAME, "main").text
    assert f"Freie Zeiten am {german_day}" in main and "Zeitzone Europe/London" in main
    assert_accessible(driver, "Zeiten")
    go(driver, find(By.LINK_TEXT, "10:00"))

    shown_at = time.monotonic()
    assert "Ihre Angaben" in find(By.TAG_NAME, "h1").text
    assert f"{german_day} um 10:00" in find(By.TAG_NAME, "main").text
    find(By.ID, "f-name").send_keys("Jürgen Weiß")
    time.sleep(max(0.0, FILL_SECONDS + 0.2 - (time.monotonic() - shown_at)))
    go(driver, find(By.CSS_SELECTOR, "form.details button[type=submit]"))  # no email or phone
    shown_at = time.monotonic()
    main = find(By.TAG_NAME, "main").text
    assert "Bitte prüfen Sie dies:" in main and "E-Mail-Adresse oder eine Telefonnummer" in main
    assert find(By.ID, "f-name").get_attribute("value") == "Jürgen Weiß"
    assert_accessible(driver, "Angaben mit Fehlern")
    find(By.ID, "f-email").send_keys("juergen@example.com")
    time.sleep(max(0.0, FILL_SECONDS + 0.2 - (time.monotonic() - shown_at)))
    go(driver, find(By.CSS_SELECTOR, "form.details button[type=submit]"))

    assert "Ihr Termin ist gebucht" in find(By.TAG_NAME, "h1").text
    main = find(By.TAG_NAME, "main").text
    assert f"Check-up am {german_day} um 10:00." in main
    assert f"{german_day}, 10:00–10:30" in main and "Bestätigt" in main
    assert find(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert_accessible(driver, "Bestätigung")

    token = driver.current_url.split("?")[0].rsplit("/", 1)[1]  # type: ignore[attr-defined]
    with db.session() as session:
        booking = session.scalars(select(Booking).where(Booking.manage_token == token)).one()
        contact = session.get(Contact, booking.contact_id)
        assert contact is not None and contact.name == "Jürgen Weiß"
        assert contact.language == "de"
        start = booking.start_at

    # the confirmation email and its calendar file, sent for real
    db.call(
        cfg.save_smtp,
        OWNER,
        cfg.SmtpSettings(
            host=smtp_server.host,
            port=smtp_server.port,
            security="none",
            from_address="desk@brightsmile.example",
            from_name="Bright Smile Clinic",
            timeout_seconds=5,
        ),
    )
    later = datetime.now(UTC) + timedelta(minutes=1)
    asyncio.run(OutboxRelay(db, worker="w1", clock=lambda: later).run_once())
    [message] = [
        m.message
        for m in smtp_server.received
        if m.message["To"] == "juergen@example.com" and "Check-up" in str(m.message["Subject"])
    ]
    with use_language("de"):
        when = booking_time_text(start, ZoneInfo("Europe/London"))
    assert german_day in when
    assert str(message["Subject"]) == f"Ihre Buchung bei Bright Smile Clinic: Check-up am {when}"
    plain = message.get_body(("plain",))
    assert plain is not None
    assert "Guten Tag Jürgen Weiß," in plain.get_content() and f"am {when}" in plain.get_content()
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    event = Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
    assert str(event["summary"]).startswith("Check-up bei ")
    assert f"Termin: {when}" in str(event["description"])
