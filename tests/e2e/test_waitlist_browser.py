"""A real browser joins the waitlist, the offer arrives by real email, and the browser claims it.

Debian's headless chromium (Selenium + chromedriver) on the listener as the desktop app
runs it (its own thread, real TCP on loopback). The day has no free time, so the page
offers "Tell me if a time frees up"; the visitor joins. Another customer cancels through
their manage link; the outbox relay sends the offer to a real SMTP server (aiosmtpd);
the claim link from that email, opened in the browser, books the time. With
``CAREOPS_WRITE_SCREENSHOTS=1`` the join form is saved as
``docs/screenshots/booking-page-waitlist.png``.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, WaitlistEntry, WaitlistOffer
from careops_desktop.core.services import bookings
from careops_desktop.core.services.time_blocks import add_block
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.outbox_relay import OutboxRelay
from careops_desktop.runtime import Runtime
from careops_desktop.web.settings import WebSettings
from tests.actors import OWNER
from tests.e2e.test_booking_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    SCREENSHOTS,
    assert_accessible,
    browser,
    go,
)
from tests.integrations.memory_keyring import memory_keyring
from tests.integrations.smtp_server import SmtpServer, smtp_server
from tests.web.public_booking import book_with_grace
from tests.web.seed import SETUP, Shop, open_shop

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

__all__ = ["browser", "memory_keyring", "smtp_server"]

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (scripts/system-packages.sh)",
)
LINK = re.compile(r"https?://\S+/waitlist/claim/[A-Za-z0-9_\-]+")


@pytest.fixture
def page_url(db: Database) -> Iterator[str]:
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=WebSettings())
    yield runtime.start_in_thread()
    runtime.stop()


def full_day(db: Database, shop: Shop) -> datetime:
    """Day 3 has one booking (10:00 with Dr Hopper) and every other time blocked."""
    day = shop.day(3)
    start = shop.local(day, 10)
    book_with_grace(db, shop, start, "Leaving Person", email="leaving@example.com")
    wall = datetime.combine(day, datetime.min.time())
    for provider, spans in (
        (shop.grace_id, ((9, 0, 10, 0), (10, 30, 17, 0))),
        (shop.room_id, ((9, 0, 17, 0),)),
    ):
        for h1, m1, h2, m2 in spans:
            db.call(
                add_block,
                SETUP,
                provider_id=provider,
                start=wall.replace(hour=h1, minute=m1),
                end=wall.replace(hour=h2, minute=m2),
                reason="Training",
            )
    return start


def test_join_get_the_offer_by_email_and_claim_it_in_a_browser(
    db: Database,
    page_url: str,
    browser: object,
    smtp_server: SmtpServer,
    memory_keyring: object,
    tmp_path: Path,
) -> None:
    shop = db.call(open_shop)
    start = full_day(db, shop)
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
    driver = browser
    find = driver.find_element  # type: ignore[attr-defined]
    folder = SCREENSHOTS if os.environ.get("CAREOPS_WRITE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    day = shop.day(3)
    driver.get(f"{page_url}/book/{shop.checkup_slug}?date={day.isoformat()}")  # type: ignore[attr-defined]
    assert "No free times on this day" in find(By.TAG_NAME, "main").text
    go(driver, find(By.LINK_TEXT, "Tell me if a time frees up"))
    assert "Tell me if a time frees up" in find(By.TAG_NAME, "h1").text
    assert_accessible(driver, "waitlist form")
    go(driver, find(By.CSS_SELECTOR, "form.details button[type=submit]"))  # nothing typed yet
    assert "Please check" in find(By.TAG_NAME, "main").text
    assert_accessible(driver, "waitlist form with errors")
    driver.back()  # type: ignore[attr-defined]
    driver.refresh()  # type: ignore[attr-defined]
    assert "Please check" not in find(By.TAG_NAME, "main").text
    find(By.ID, "f-name").send_keys("Grace O'Malley <b>")
    find(By.ID, "f-email").send_keys("grace@example.com")
    Select(find(By.ID, "f-provider")).select_by_visible_text("Dr Grace Hopper")
    driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setDeviceMetricsOverride",
        {"width": 1000, "height": 1100, "deviceScaleFactor": 1, "mobile": False},
    )
    driver.execute_script("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
    driver.save_screenshot(str(folder / "booking-page-waitlist.png"))  # type: ignore[attr-defined]
    go(driver, find(By.CSS_SELECTOR, "form.details button[type=submit]"))
    assert "You are on the waiting list" in find(By.TAG_NAME, "h1").text
    assert "Grace O'Malley <b>" in find(By.TAG_NAME, "main").text
    assert_accessible(driver, "joined")

    with db.session() as s:
        entry = s.scalars(select(WaitlistEntry)).one()
        assert (entry.name, entry.provider_id) == ("Grace O'Malley <b>", shop.grace_id)
        token = s.scalars(select(Booking.manage_token)).one()
    db.call(bookings.cancel_by_token, token)  # someone cancels: the time frees
    asyncio.run(OutboxRelay(db, worker="e2e").run_once())
    offers = [r for r in smtp_server.received if "grace@example.com" in r.rcpt_tos]
    assert len(offers) == 1, [r.rcpt_tos for r in smtp_server.received]
    mail = offers[0].message
    assert "A time has freed up" in str(mail["Subject"])
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    found = LINK.search(body.get_content())
    assert found, body.get_content()
    claim_path = urlsplit(found.group(0)).path

    driver.get(page_url + claim_path)  # type: ignore[attr-defined]
    assert "A time has freed up for you" in find(By.TAG_NAME, "h1").text
    assert "Grace O'Malley <b>" in find(By.TAG_NAME, "main").text
    assert_accessible(driver, "claim")
    driver.save_screenshot(str(folder / "booking-page-waitlist-claim.png"))  # type: ignore[attr-defined]
    go(driver, find(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "You are booked" in find(By.TAG_NAME, "h1").text
    with db.session() as s:
        made = s.scalars(select(Booking).where(Booking.status == "confirmed")).one()
        assert (made.customer_name, made.start_at) == ("Grace O'Malley <b>", start)
        assert s.scalars(select(WaitlistOffer.status)).one() == "claimed"
    # the link again: it says the time was booked with it
    driver.get(page_url + claim_path)  # type: ignore[attr-defined]
    assert "This offer is no longer open" in find(By.TAG_NAME, "h1").text
