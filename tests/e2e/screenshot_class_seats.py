"""Screenshots of a class on the booking page, in Debian's headless chromium.

Run from the checkout (not collected by pytest)::

    .venv/bin/python -m tests.e2e.screenshot_class_seats

Writes docs/screenshots/booking-page-class-seats.png (the times with "N seats left";
two of five seats taken at 10:00) and booking-page-class-full.png (the answer to a seat
POST for a session that filled meanwhile, offering the next sessions).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from careops_desktop.core.db import Database
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.runtime import Runtime
from careops_desktop.web.settings import WebSettings
from tests.web.class_seed import CLASS_SLUG, open_class, take_seats
from tests.web.seed import open_shop

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _browser(folder: Path) -> webdriver.Chrome:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        f"--user-data-dir={folder / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(
        service=Service(executable_path="/usr/bin/chromedriver"), options=options
    )


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="careops-class-shots-"))
    db = Database(f"sqlite:///{folder / 'shop.sqlite3'}")
    upgrade_to_head(db.engine)
    shop = db.call(open_shop)
    type_id = open_class(db, shop, 5)
    day = shop.day(2)
    take_seats(db, shop, type_id, shop.local(day, 10), 2)
    take_seats(db, shop, type_id, shop.local(day, 14), 4)
    runtime = Runtime(
        db, host="127.0.0.1", port=0, jobs=[], settings=WebSettings(min_fill_seconds=0)
    )
    url = runtime.start_in_thread()
    driver = _browser(folder)
    try:
        driver.get(f"{url}/book/{CLASS_SLUG}?date={day.isoformat()}")
        assert "3 seats left" in driver.page_source
        driver.save_screenshot(str(OUT / "booking-page-class-seats.png"))
        print("wrote", OUT / "booking-page-class-seats.png")
        # the last seat at 14:00 goes while this customer types
        driver.find_element(By.CSS_SELECTOR, 'a[aria-label^="14:00"]').click()
        driver.find_element(By.ID, "f-name").send_keys("Ada Lovelace")
        driver.find_element(By.ID, "f-email").send_keys("ada@example.com")
        take_seats(db, shop, type_id, shop.local(day, 14), 1)
        time.sleep(0.2)
        driver.find_element(By.CSS_SELECTOR, "form.details button[type=submit]").click()
        assert "this class is full" in driver.page_source
        driver.save_screenshot(str(OUT / "booking-page-class-full.png"))
        print("wrote", OUT / "booking-page-class-full.png")
    finally:
        driver.quit()
        runtime.stop()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
