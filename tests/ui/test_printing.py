"""Printing: the day sheet (everyone, or one provider) and a booking's details, painted
through a real QPrinter into a PDF (no dialog) and read back with pdftotext; the print
preview opened from the Bookings tab by Ctrl+P and by the panel's Print… button."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, Contact, Provider
from careops_desktop.core.services import bookings, reports
from careops_desktop.core.services.business import business_zone
from careops_desktop.ui.printing.booking_sheet import booking_sheet
from careops_desktop.ui.printing.print_jobs import booking_job, print_to_pdf, report_job
from tests.ui.tab_helpers import demo_owner, open_tab


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def pdf_text(path: Path) -> str:
    """The text of the PDF (pdftotext keeps the layout's reading order)."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def busiest_day(db: Any) -> tuple[date, ZoneInfo, list[tuple[str, str, str]]]:
    """The demo's local day with the most live bookings: (day, zone, [(customer, provider,
    status)])."""
    with db.session() as session:
        zone = business_zone(session)
        rows = session.execute(
            select(Booking.start_at, Contact.name, Provider.name)
            .join(Contact, Contact.id == Booking.contact_id)
            .join(Provider, Provider.id == Booking.provider_id)
            .where(Booking.status != "cancelled")
        ).all()
    per_day: dict[date, list[tuple[str, str, str]]] = {}
    for start, customer, provider in rows:
        per_day.setdefault(start.astimezone(zone).date(), []).append((customer, provider, ""))
    day = max(per_day, key=lambda d: (len({p for _c, p, _s in per_day[d]}), len(per_day[d])))
    return day, zone, per_day[day]


def test_the_day_sheet_prints_every_booking_of_the_day(db, tmp_path) -> None:
    day, zone, expected = busiest_day(db)
    actor = demo_owner(db)
    report = db.call(reports.day_sheet, actor, day, day, zone.key)
    out = tmp_path / "day.pdf"
    pages = print_to_pdf(report_job(report), out)
    assert pages >= 1
    text = " ".join(pdf_text(out).split())
    assert "Day sheet" in text
    assert f"{day.day} {day:%B %Y}" in text
    for customer, provider, _status in expected:
        assert customer in text, f"{customer} is missing from the printed day sheet"
        assert provider in text
    assert f"Page 1 of {pages}" in text


def test_a_providers_day_sheet_has_only_their_bookings(db, tmp_path) -> None:
    day, zone, expected = busiest_day(db)
    providers = sorted({p for _c, p, _s in expected})
    assert len(providers) >= 2, "the busiest demo day has one provider only"
    chosen = providers[0]
    with db.session() as session:
        chosen_id = session.scalar(select(Provider.id).where(Provider.name == chosen))
    report = db.call(reports.day_sheet, demo_owner(db), day, day, zone.key, provider_id=chosen_id)
    assert report.title == f"Day sheet for {chosen}"
    out = tmp_path / "one.pdf"
    print_to_pdf(report_job(report), out)
    text = " ".join(pdf_text(out).split())
    assert f"Day sheet for {chosen}" in text
    theirs = [c for c, p, _s in expected if p == chosen]
    others = [c for c, p, _s in expected if p != chosen and c not in theirs]
    for customer in theirs:
        assert customer in text
    for customer in others:
        assert customer not in text, f"{customer} (another provider's) was printed"
    assert report.figure("appointments").value == len(theirs)


def test_an_unknown_provider_is_refused(db) -> None:
    from careops_desktop.core.errors import NotFound

    day, zone, _expected = busiest_day(db)
    with pytest.raises(NotFound):
        db.call(reports.day_sheet, demo_owner(db), day, day, zone.key, provider_id=999_999)


def _a_booking(db: Any) -> Any:
    with db.session() as session:
        booking_id = session.scalar(select(func.min(Booking.id)))
    return db.call(bookings.get_booking, demo_owner(db), booking_id)


def test_a_booking_prints_its_details_and_notes_as_plain_text(db, tmp_path) -> None:
    view = _a_booking(db)
    hostile = '<img src="http://127.0.0.1:9/x"> <b>bold?</b>'
    notes = f"Allergic to latex.\n{hostile}\n\n" + "Parks round the back. " * 60
    view = type(view)(**{**view.__dict__, "notes": notes})
    with db.session() as session:
        zone = business_zone(session)
    sheet = booking_sheet(view, zone, "Hill Street Physio")
    out = tmp_path / "booking.pdf"
    assert print_to_pdf(booking_job(sheet), out) == 1
    text = pdf_text(out)
    flat = " ".join(text.split())
    for expected in (
        "Hill Street Physio",
        "Booking",
        view.contact_name,
        view.booking_type_name,
        view.provider_name,
        "Allergic to latex.",
        hostile,  # drawn literally, never as markup
        "Page 1 of 1",
    ):
        assert expected in flat, f"{expected!r} is missing from the printed booking"
    assert flat.count("Parks round the back.") == 60  # long notes wrap, none is cut off
    if view.contact_email:
        assert view.contact_email in flat


def test_ctrl_p_previews_the_day_sheet_and_the_panel_prints_a_booking(
    db, ops, bridge, qtbot
) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None, timeout=8000)
    page.calendar.setFocus()
    qtbot.keyClick(page.calendar, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=8000)
    preview = page.preview
    assert isinstance(preview, QPrintPreviewDialog)
    assert preview.windowTitle().startswith("Print preview — Day sheet")
    assert preview.printer().docName().startswith("Day sheet")
    preview.close()
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=3000)
    page.preview = None

    page.show_booking(_a_booking(db).id)
    button = page.panel.buttons["print"]
    qtbot.waitUntil(button.isEnabled, timeout=8000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=8000)
    assert page.preview.printer().docName().startswith("Booking — ")
    page.preview.close()


def test_ctrl_p_in_the_reports_tab_previews_the_report_shown(db, ops, bridge, qtbot) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("reports",))
    page = window.page("reports")
    day, _zone, _expected = busiest_day(db)
    page.apply_filter({"report": "day_sheet", "start": day, "end": day})
    qtbot.waitUntil(
        lambda: page.report is not None and page.report.name == "day_sheet", timeout=20_000
    )
    page.run_button.setFocus()
    qtbot.keyClick(page.run_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: getattr(page, "preview", None) is not None and page.preview.isVisible(),
        timeout=8000,
    )
    assert page.preview.printer().docName().startswith("Day sheet")
    page.preview.close()


def test_the_print_button_prints_the_provider_chosen_in_the_toolbar(db, ops, bridge, qtbot) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.provider_filter.count() > 1, timeout=8000)
    page.provider_filter.setCurrentIndex(1)
    chosen = page.provider_filter.currentText()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=8000)
    assert page.preview.printer().docName().startswith(f"Day sheet for {chosen}")
    page.preview.close()
