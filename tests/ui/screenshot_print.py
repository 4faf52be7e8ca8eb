"""Screenshots of printing on the small demo database.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_print

Writes docs/screenshots/print-day-sheet.png (the first printed page of the busiest
day's sheet: painted through a QPrinter into a PDF, rendered with pdftoppm),
print-booking.png (a booking's printout, likewise), print-bookings-tab.png (the tab with
its Print day sheet… button and the panel's Print…) and print-preview.png (the print
preview opened from the Bookings tab, as Ctrl+P does).
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


def _render(pdf: Path, name: str) -> None:
    """The first page of ``pdf`` as docs/screenshots/<name>.png (pdftoppm, 80 dpi)."""
    stem = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    target = OUT / f"{name}.png"
    stem.with_suffix(".png").replace(target)
    print("wrote", target)


async def _shoot(app: Any, window: Any, ops: Any, folder: Path) -> None:
    from careops_desktop.core.services import bookings, reports
    from careops_desktop.ui.printing.booking_sheet import booking_sheet
    from careops_desktop.ui.printing.print_jobs import booking_job, print_to_pdf, report_job
    from tests.ui.tab_helpers import demo_owner
    from tests.ui.test_printing import busiest_day

    database = ops.database
    actor = demo_owner(database)
    day, zone, _expected = busiest_day(database)
    report = database.call(reports.day_sheet, actor, day, day, zone.key)
    print_to_pdf(report_job(report), folder / "day.pdf")
    _render(folder / "day.pdf", "print-day-sheet")
    from sqlalchemy import select

    from careops_desktop.core.models import Booking

    with database.session() as session:
        booking_id = session.scalar(
            select(Booking.id).where(Booking.notes != "").order_by(Booking.id).limit(1)
        ) or session.scalar(select(Booking.id).order_by(Booking.id).limit(1))
    view = database.call(bookings.get_booking, actor, booking_id)
    print_to_pdf(booking_job(booking_sheet(view, zone, report.business_name)), folder / "b.pdf")
    _render(folder / "b.pdf", "print-booking")

    page = window.show_tab("bookings")
    await ops.wait_idle(20)
    page.span.setCurrentIndex(page.span.findData(1))
    page.go_to(day)
    await ops.wait_idle(20)
    await asyncio.sleep(0.5)
    page.calendar.setFocus()
    first = page.page_data.bookings[0].id if page.page_data and page.page_data.bookings else None
    if first is not None:
        page.show_booking(first)
        await ops.wait_idle(20)
    await asyncio.sleep(0.5)
    window.grab().save(str(OUT / "print-bookings-tab.png"))
    print("wrote", OUT / "print-bookings-tab.png")
    page.print_page()  # what Ctrl+P does (tests/ui/test_printing.py presses it)
    await ops.wait_idle(20)
    for _ in range(40):
        await asyncio.sleep(0.1)
        if page.preview is not None and page.preview.isVisible():
            break
    await asyncio.sleep(1.0)
    app.processEvents()
    page.preview.grab().save(str(OUT / "print-preview.png"))
    print("wrote", OUT / "print-preview.png")
    page.preview.close()


def main() -> int:
    import qasync
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careops_desktop.core.db import Database
    from careops_desktop.core.demo.builder import build_demo
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.main_window import MainWindow
    from careops_desktop.ui.ops import Ops
    from careops_desktop.ui.tabs import TAB_SPECS
    from careops_desktop.ui.theme import apply_theme
    from tests.ui.tab_helpers import demo_owner

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="careops-print-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    database = Database(f"sqlite:///{folder / 'demo.sqlite3'}")
    upgrade_to_head(database.engine)
    build_demo(database, "small")
    app = QApplication(sys.argv)
    apply_theme(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    ops = Ops(database, loop=loop)
    bridge = EventsBridge()
    specs = [spec for spec in TAB_SPECS if spec.key == "bookings"]
    window = MainWindow(ops, bridge, demo_owner(database), specs=specs, idle_minutes=0)
    window.resize(1400, 900)
    window.show()
    try:
        with loop:
            loop.run_until_complete(_shoot(app, window, ops, folder))
            loop.run_until_complete(ops.shutdown())
    finally:
        bridge.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
