"""Screenshots of the booking page in Spanish and mirrored (right to left), in headless chromium.

Run from the checkout (not collected by pytest)::

    .venv/bin/python -m tests.e2e.screenshot_languages

Writes docs/screenshots/booking-page-es.png (a day's free times, the browser asking for
Spanish), booking-page-rtl.png (the same page in the mirrored pseudo-locale ``ar-XB``:
``dir="rtl"``, every text bracketed and accented, the layout flipped) and
booking-page-de-phone.png (German, at a phone's width).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from careops_desktop.core.db import Database
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.runtime import Runtime
from careops_desktop.web.settings import WebSettings
from tests.web.seed import open_shop

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _browser(folder: Path, accept: str, size: str) -> webdriver.Chrome:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
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
        f"--window-size={size}",
        f"--lang={accept.split(',')[0]}",
        f"--user-data-dir={folder / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept})
    return webdriver.Chrome(
        service=Service(executable_path="/usr/bin/chromedriver"), options=options
    )


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="careops-language-shots-"))
    db = Database(f"sqlite:///{folder / 'shop.sqlite3'}")
    upgrade_to_head(db.engine)
    shop = db.call(open_shop)
    day = shop.day(2)
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=WebSettings())
    url = runtime.start_in_thread()
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        for name, accept, query, size in (
            ("booking-page-es.png", "es-ES,es", "", "1100,1000"),
            ("booking-page-rtl.png", "en-GB,en", "&lang=ar-XB", "1100,1000"),
            ("booking-page-de-phone.png", "de-DE,de", "", "390,844"),
        ):
            driver = _browser(folder / name, accept, size)
            try:
                driver.get(f"{url}/book/{shop.checkup_slug}?date={day.isoformat()}{query}")
                html = driver.find_element(By.TAG_NAME, "html")
                print(name, html.get_attribute("lang"), html.get_attribute("dir"))
                driver.save_screenshot(str(OUT / name))
            finally:
                driver.quit()
    finally:
        runtime.stop()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
