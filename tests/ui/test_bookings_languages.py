"""The Bookings tab, its dialogs and its printouts in German and Spanish.

The window's language is switched with ``install_language`` (and back to English after
each test); dates follow the business locale (``apply_business_locale``). The printouts
are painted through a real QPrinter into a PDF and read back with pypdf.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMenu
from sqlalchemy import func, select

from careops_desktop.core.i18n import formats
from careops_desktop.core.models import Booking
from careops_desktop.core.services import bookings, reports
from careops_desktop.core.services.business import business_zone
from careops_desktop.ui.bookings.time_block_dialog import offer_block_actions
from careops_desktop.ui.bookings.words import Counts
from careops_desktop.ui.i18n import apply_business_locale, install_language
from careops_desktop.ui.printing.booking_sheet import booking_sheet
from careops_desktop.ui.printing.print_jobs import booking_job, print_to_pdf, report_job
from careops_desktop.ui.widgets.calendar_data import TimeBlockMark
from careops_desktop.ui.widgets.local_time import fmt_day
from tests.ui.screenshot_bookings_de import clipped
from tests.ui.tab_helpers import demo_owner, open_tab

# what each language shows (the catalogs in resources/i18n/window/bookings_*.ts)
WORDS = {
    "de": {
        "today": "Heute",
        "new": "Neue Buchung…",
        "block": "Zeit sperren…",
        "print": "Tagesplan drucken…",
        "waitlist": "Warteliste…",
        "spans": ["Woche", "Tag"],
        "pages": ["Kalender", "Liste"],
        "all providers": "Alle Anbieter",
        "reschedule": "Verschieben…",
        "cancel": "Stornieren…",
        "no booking": "Keine Buchung ausgewählt",
        "list header": "Wann",
        "menu": ["Gesperrte Zeit bearbeiten…", "Gesperrte Zeit entfernen…"],
        "dialog title": "Neue Buchung",
        "book": "Buchen",
        "new contact": "Neuer Kontakt",
        "labels": ["Kontakt", "Terminart", "Bei", "Datum", "Beginn", "Notizen"],
        "repeat": "Wiederholen…",
        "three bookings": "3 Buchungen",
        "locale": "de_DE",
        "monday": "Mo.",
    },
    "es": {
        "today": "Hoy",
        "new": "Nueva reserva…",
        "block": "Bloquear tiempo…",
        "print": "Imprimir hoja del día…",
        "waitlist": "Lista de espera…",
        "spans": ["Semana", "Día"],
        "pages": ["Calendario", "Lista"],
        "all providers": "Todos los profesionales",
        "reschedule": "Cambiar de hora…",
        "cancel": "Cancelar…",
        "no booking": "Ninguna reserva seleccionada",
        "list header": "Cuándo",
        "menu": ["Editar tiempo bloqueado…", "Quitar tiempo bloqueado…"],
        "dialog title": "Nueva reserva",
        "book": "Reservar",
        "new contact": "Contacto nuevo",
        "labels": ["Contacto", "Tipo de cita", "Con", "Fecha", "Inicio", "Notas"],
        "repeat": "Repetir…",
        "three bookings": "3 reservas",
        "locale": "es_ES",
        "monday": "lun",
    },
}


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


@pytest.fixture
def speaking(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    """The window in ``request.param`` with that language's business locale; English after."""
    language = request.param
    before = formats.business_locale()
    try:
        assert install_language(qapp, language) == language
        apply_business_locale(WORDS[language]["locale"])
        yield language
    finally:
        install_language(qapp, "en")
        apply_business_locale(before)


def _form_labels(form: QFormLayout) -> list[str]:
    found = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel) and widget.text():
            found.append(widget.text())
    return found


@pytest.mark.parametrize("speaking", ["de", "es"], indirect=True)
def test_the_bookings_tab_and_the_new_booking_dialog_speak_the_language(
    speaking: str, qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    words = WORDS[speaking]
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None and page.model.has_loaded, timeout=8000)

    # the toolbar, the filters, the pages, the panel and the list's headers
    assert page.today_button.text() == words["today"]
    assert page.new_button.text() == words["new"]
    assert page.block_button.text() == words["block"]
    assert page.print_button.text() == words["print"]
    assert page.waitlist_button.text() == words["waitlist"]
    assert [page.span.itemText(i) for i in range(page.span.count())] == words["spans"]
    assert [page.pages.tabText(i) for i in range(page.pages.count())] == words["pages"]
    assert page.provider_filter.itemText(0) == words["all providers"]
    assert page.panel.buttons["reschedule"].text() == words["reschedule"]
    assert page.panel.buttons["cancel"].text() == words["cancel"]
    assert page.panel.title.text() == words["no booking"]
    header = page.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == words["list header"]
    # the week's column headings name the days in the business's language
    columns = page.calendar.data().columns
    assert columns and columns[0].title == fmt_day(columns[0].day)
    monday = next((c for c in columns if c.day.weekday() == 0), None)
    if monday is not None:
        assert monday.title.startswith(words["monday"])

    # the menu a click on blocked time opens
    day = page.day
    mark = TimeBlockMark(
        "p1", datetime.combine(day, time(12)), datetime.combine(day, time(13)), "X", 1, day
    )
    menu = offer_block_actions(page, ops, page.actor, [], mark, QPoint(10, 10))
    try:
        assert isinstance(menu, QMenu)
        assert [a.text() for a in menu.actions()] == words["menu"]
    finally:
        menu.close()

    # New booking: title, buttons, the check box and every field's label
    dialog = page.create_new()
    try:
        assert dialog.windowTitle() == words["dialog title"]
        assert dialog.ok_button.text() == words["book"]
        assert dialog.new_contact.text() == words["new contact"]
        assert dialog.repeat.text() == words["repeat"]
        assert _form_labels(dialog.form) == words["labels"]
        dialog.new_contact.setChecked(True)
        qtbot.waitUntil(lambda: dialog.new_name.isVisible(), timeout=5000)
        # the longer words still fit: no label, button or check box is cut off
        assert clipped(dialog) == []
        assert clipped(page.panel) == []
        assert clipped(window) == []
    finally:
        dialog.reject()
    assert Counts().bookings(3) == words["three bookings"]
    # Block time and the waitlist window fit their words too
    blocking = page.block_time()
    qtbot.waitUntil(blocking.isVisible, timeout=5000)
    try:
        assert blocking.windowTitle() == words["block"].rstrip("…")
        assert clipped(blocking) == []
    finally:
        blocking.reject()
    waiting = page.open_waitlist()
    try:
        qtbot.waitUntil(waiting.isVisible, timeout=5000)
        assert clipped(waiting) == []
    finally:
        waiting.close()


def test_counted_texts_read_as_english_in_english(qapp: QApplication) -> None:
    assert Counts().bookings(1) == "1 booking"
    assert Counts().bookings(3) == "3 bookings"
    assert Counts().seats_taken(3, 8, 5) == "3 of 8 seats taken, 5 left."
    assert Counts().attendees(1) == "1 attendee"
    assert Counts().free_times(2) == "2 free times"


def _pdf_words(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def _a_day_with_bookings(db: Any) -> tuple[date, Any]:
    with db.session() as session:
        zone = business_zone(session)
        start = session.scalar(
            select(func.min(Booking.start_at)).where(Booking.status != "cancelled")
        )
    assert start is not None
    return start.astimezone(zone).date(), zone


@pytest.mark.parametrize("speaking", ["de"], indirect=True)
def test_the_printed_day_sheet_and_booking_sheet_are_german(
    speaking: str, db: Any, tmp_path: Path
) -> None:
    day, zone = _a_day_with_bookings(db)
    report = db.call(reports.day_sheet, demo_owner(db), day, day, zone.key)
    out = tmp_path / "tagesplan.pdf"
    pages = print_to_pdf(report_job(report), out)
    text = _pdf_words(out)
    assert f"Seite 1 von {pages}" in text
    assert "Erstellt am" in text and "UTC von CareOps Desktop" in text
    assert "Page 1 of" not in text and "Generated" not in text

    with db.session() as session:
        booking_id = session.scalar(select(func.min(Booking.id)))
    view = db.call(bookings.get_booking, demo_owner(db), booking_id)
    sheet = booking_sheet(view, zone, "Praxis am Park")
    labels = [label for label, _value in sheet.rows]
    assert labels[:4] == ["Wann", "Status", "Terminart", "Bei"]
    out = tmp_path / "buchung.pdf"
    print_to_pdf(booking_job(sheet), out)
    text = _pdf_words(out)
    for heading in ("Buchung", "Gedruckt am", "Wann", "Terminart", "Notizen", "Seite 1 von 1"):
        assert heading in text, heading
    assert "Booking type" not in text and "Printed" not in text
