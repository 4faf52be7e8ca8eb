"""Screenshots of the Dashboard (with its charts), Settings → Booking page and the poster.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_booking_page

Writes docs/screenshots/{dashboard,booking-page-settings,poster}.png on the small demo
database, with the booking page listening on all interfaces on a free port (the page
shows this machine's LAN address; nothing is sent anywhere). The poster (pdftoppm -r 60)
is printed for the first address shown.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from tests.ui.screenshot_run import OUT, run_shots, save, wait_until


async def _shoot(folder: Path) -> None:
    from careops_desktop.ui.app import AppController

    controller = AppController(
        f"sqlite:///{folder / 'demo.sqlite3'}",
        demo=True,
        start_runtime=True,
        runtime_host="0.0.0.0",
        runtime_port=0,
    )
    run = asyncio.ensure_future(controller.run())
    await wait_until(lambda: controller.window is not None and controller.window.isVisible(), 180)
    window = controller.window
    window.resize(1400, 900)
    dashboard = window.show_tab("dashboard")
    await wait_until(lambda: dashboard.data is not None and dashboard.charts.data is not None, 60.0)
    # the booking page starts after the window's first paint; its address then joins the status bar
    await wait_until(lambda: window.booking_page_label.text().startswith("Booking page: "), 60.0)
    await asyncio.sleep(1.5)
    save(window, "dashboard")

    settings = window.show_tab("settings")
    page = settings.select_page("booking_page")
    await wait_until(lambda: page.profile is not None and bool(page.urls), 60.0)
    await asyncio.sleep(1.0)
    save(window, "booking-page-settings")

    pdf = folder / "poster.pdf"
    await page.write_poster(pdf, page.urls[0])
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(OUT / "poster")],
        check=True,
    )
    print("wrote", OUT / "poster.png")
    window.close()
    await run


def main() -> int:
    return run_shots("careops-booking-page-shots-", lambda _app, folder: _shoot(folder))


if __name__ == "__main__":
    sys.exit(main())
