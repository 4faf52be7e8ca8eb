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
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def _wait(predicate: Any, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("screenshot step did not settle")
        await asyncio.sleep(0.05)


def _save(widget: Any, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


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
    await _wait(lambda: controller.window is not None and controller.window.isVisible(), 180)
    window = controller.window
    window.resize(1400, 900)
    dashboard = window.show_tab("dashboard")
    await _wait(lambda: dashboard.data is not None and dashboard.charts.data is not None)
    # the booking page starts after the window's first paint; its address then joins the status bar
    await _wait(lambda: window.booking_page_label.text().startswith("Booking page: "))
    await asyncio.sleep(1.5)
    _save(window, "dashboard")

    settings = window.show_tab("settings")
    page = settings.select_page("booking_page")
    await _wait(lambda: page.profile is not None and bool(page.urls))
    await asyncio.sleep(1.0)
    _save(window, "booking-page-settings")

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
    import qasync
    from PySide6.QtCore import QSettings

    from careops_desktop.ui.app import create_application

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="careops-booking-page-shots-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = create_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(_shoot(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
