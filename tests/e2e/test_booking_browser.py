"""A real browser books a slot: Debian's headless chromium, driven by Selenium and chromedriver.

The listener runs as in the desktop app (its own thread, real TCP on
loopback) with the default fill-time check on. The browser opens the page,
picks a service, a day and a time, types the details, books, sees the
confirmation, and the booking is then in the database and in the desktop
Bookings tab's model (its list and its day calendar). Screenshots of each
page at phone (390×844) and desktop (1280×900) widths are taken on the way;
with ``CAREOPS_WRITE_SCREENSHOTS=1`` they are written to ``docs/screenshots``.

Every step (services, times, details, details with errors, confirmation,
manage, move, intake form) is checked with axe-core (``selenium-axe-python``)
against WCAG 2.2 AA and best practice, with the newest rules switched on
(label-content-name-mismatch among them): no serious or critical finding.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Contact, FormSubmission
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import forms
from careops_desktop.core.services.forms import FormField
from careops_desktop.runtime import Runtime
from careops_desktop.ui.bookings.page_data import (
    BookingSource,
    ListFilter,
    PageRequest,
    load_page,
    to_calendar,
)
from careops_desktop.web.settings import WebSettings
from tests.web.seed import SETUP, Shop, open_shop

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import (  # noqa: E402
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from selenium_axe_python import Axe  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"phone": (390, 844, True), "desktop": (1280, 900, False)}
FILL_SECONDS = 1.0
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    # experimental in axe-core 4.9, so off unless asked for: the visible text of a
    # control must be part of its accessible name (speech users say what they see)
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}
SERIOUS = ("serious", "critical")

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (scripts/system-packages.sh)",
)


@pytest.fixture
def shop(db: Database) -> Shop:
    made = db.call(open_shop)
    fields = [
        FormField("full_name", "Full name", "text", required=True),
        FormField("history", "Medical history", "textarea"),
        FormField("heard_from", "How did you hear about us?", "select", options=("Friend", "Web")),
        FormField("consent", "I agree to be contacted.", "checkbox", required=True),
    ]
    form = db.call(forms.create_form, SETUP, name="New patient intake", fields=fields)
    db.call(forms.attach_form, SETUP, made.checkup_id, form.id)
    return made


@pytest.fixture
def page_url(db: Database, shop: Shop) -> Iterator[str]:
    settings = WebSettings(min_fill_seconds=FILL_SECONDS)
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=settings)
    yield runtime.start_in_thread()
    runtime.stop()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
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
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def view_as(driver: object, size: str) -> None:
    width, height, mobile = SIZES[size]
    driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def capture(driver: object, name: str, folder: Path) -> None:
    """Screenshot at both widths; the page must never scroll sideways."""
    for size in SIZES:
        view_as(driver, size)
        overflow = driver.execute_script(  # type: ignore[attr-defined]
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways at {size} width"
        target = folder / f"booking-page-{size}-{name}.png"
        driver.save_screenshot(str(target))  # type: ignore[attr-defined]
        assert target.stat().st_size > 1000
    view_as(driver, "desktop")


def assert_accessible(driver: object, step: str) -> None:
    """axe-core finds nothing serious or critical on the page now shown (WCAG 2.2 AA)."""
    axe = Axe(driver)  # type: ignore[arg-type]
    axe.inject()
    results = axe.run("document", json.dumps(AXE_OPTIONS))
    found = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not found, f"{step}: {Axe.report(found)}"
    assert results["passes"], f"{step}: axe-core checked nothing"


def go(driver: object, element: object) -> None:
    """Click a link or submit button and wait until the next page has replaced this one.

    Reading ``h1`` straight after ``click()`` could find the old page's heading, which the
    browser then drops: StaleElementReferenceException on a loaded machine.
    """
    old = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
    element.click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 30).until(lambda _driver: _gone(old))


def _gone(element: object) -> bool:
    """Whether ``element``'s page has been replaced. Chromium says so either as a stale
    element or, caught mid-navigation, as a node that "does not belong to the document"."""
    try:
        element.is_enabled()  # type: ignore[attr-defined]
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc):
            return True
        raise
    return False


def test_a_customer_books_in_a_real_browser(
    db: Database, shop: Shop, page_url: str, browser: object, tmp_path: Path
) -> None:
    driver = browser
    find = driver.find_element  # type: ignore[attr-defined]
    folder = SCREENSHOTS if os.environ.get("CAREOPS_WRITE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    driver.get(page_url + "/")  # type: ignore[attr-defined]
    assert "Book an appointment" in find(By.TAG_NAME, "h1").text
    capture(driver, "services", folder)
    assert_accessible(driver, "services")
    go(driver, find(By.LINK_TEXT, "Check-up"))

    day = shop.day(2)
    go(driver, find(By.CSS_SELECTOR, f'a[href*="date={day.isoformat()}"]'))
    assert "Times are in Europe/London time." in find(By.TAG_NAME, "main").text
    capture(driver, "times", folder)
    assert_accessible(driver, "times")
    go(driver, find(By.LINK_TEXT, "10:00"))

    shown_at = time.monotonic()
    assert "Your details" in find(By.TAG_NAME, "h1").text
    assert_accessible(driver, "details")
    time.sleep(max(0.0, FILL_SECONDS + 0.2 - (time.monotonic() - shown_at)))
    go(driver, find(By.CSS_SELECTOR, "form.details button[type=submit]"))  # nothing typed yet
    shown_at = time.monotonic()
    assert "Please check" in find(By.TAG_NAME, "main").text
    assert_accessible(driver, "details with errors")
    find(By.ID, "f-name").send_keys("Grace O'Malley <b>")
    find(By.ID, "f-email").send_keys("grace@example.com")
    find(By.ID, "f-notes").send_keys("Prefers mornings & quiet rooms")
    capture(driver, "details", folder)
    time.sleep(max(0.0, FILL_SECONDS + 0.2 - (time.monotonic() - shown_at)))
    go(driver, find(By.CSS_SELECTOR, "form.details button[type=submit]"))

    assert "You are booked" in find(By.TAG_NAME, "h1").text
    text = find(By.TAG_NAME, "main").text
    assert "Check-up" in text and "10:00" in text and "Grace O'Malley <b>" in text
    manage_url = driver.current_url.split("?")[0]  # type: ignore[attr-defined]
    assert "/manage/" in manage_url and manage_url in text
    capture(driver, "confirmation", folder)
    assert_accessible(driver, "confirmation")
    driver.get(manage_url)  # type: ignore[attr-defined]
    assert "Check-up" in find(By.TAG_NAME, "main").text
    assert_accessible(driver, "manage")
    driver.get(manage_url + "/move")  # type: ignore[attr-defined]
    assert_accessible(driver, "move")

    token = manage_url.rsplit("/", 1)[1]
    with db.session() as session:
        booking = session.scalars(select(Booking).where(Booking.manage_token == token)).one()
        contact = session.get(Contact, booking.contact_id)
        assert booking.source == "web" and booking.status == "confirmed"
        assert booking.start_at.hour in (9, 10)  # 10:00 London is 09:00 or 10:00 UTC
        assert booking.notes == "Prefers mornings & quiet rooms"
        assert contact is not None and contact.name == "Grace O'Malley <b>"
        form_token = session.scalars(
            select(FormSubmission.token).where(FormSubmission.booking_id == booking.id)
        ).one()
    driver.get(f"{page_url}/forms/{form_token}")  # type: ignore[attr-defined]
    assert "New patient intake" in find(By.TAG_NAME, "main").text
    assert_accessible(driver, "intake form")
    go(driver, find(By.CSS_SELECTOR, "form button[type=submit]"))  # required answers missing
    assert_accessible(driver, "intake form with errors")

    # the desktop Bookings tab's model shows it: in its list and in the day's calendar
    source = BookingSource(Actor.system("Front desk"))
    with db.session() as session:
        ids = source.fetch_ids(session, ListFilter(first=day, last=day), None, False)
        rows = source.fetch_rows(session, ids)
    assert [row.contact_name for row in rows.values()] == ["Grace O'Malley <b>"]
    calendar = to_calendar(db.call(load_page, PageRequest(day, 1)))
    assert [(b.title, b.start.hour) for b in calendar.blocks] == [("Grace O'Malley <b>", 10)]
