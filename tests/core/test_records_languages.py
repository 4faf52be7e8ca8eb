"""Reports, exports, dashboard alerts and import problems in German and Spanish.

A report is built and written in the current language (``use_language``): its titles,
headings and notes are translated, and dates and money for people follow the language
and the business's locale; CSV data cells stay machine-readable (ISO dates, plain
decimals) and XLSX cells stay real numbers and dates with the reader's number formats.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.i18n import use_language
from careops_desktop.core.i18n.formats import business_locale, set_business_locale
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import imports
from careops_desktop.core.services.dashboard import Alert, dashboard
from careops_desktop.core.services.reports import Report, run_report
from careops_desktop.core.services.search_text import read_day
from careops_desktop.exports.csv_writer import write_report_csv
from careops_desktop.exports.formatting import display_text
from careops_desktop.exports.period_bookings import export_period_bookings
from careops_desktop.exports.xlsx_writer import write_report_xlsx
from tests.actors import OWNER
from tests.core.booking_world import World
from tests.core.import_helpers import run
from tests.core.report_world import END, NOW, START, small_demo_path
from tests.core.seed_rows import add_business

SYSTEM = Actor.system("Language test")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{small_demo_path(tmp_path_factory)}")
    yield database
    database.close()


@pytest.fixture
def locale_de() -> Iterator[None]:
    """A business in Germany (de_DE), set back afterwards."""
    before = business_locale()
    set_business_locale("de_DE")
    yield
    set_business_locale(before)


def _bookings(demo: Database, language: str) -> Report:
    with use_language(language):
        return demo.call(run_report, SYSTEM, "bookings", START, END, now=NOW)


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_a_bookings_report_csv_in_german(demo: Database, tmp_path: Path, locale_de: None) -> None:
    report = _bookings(demo, "de")
    path = tmp_path / "buchungen.csv"
    with use_language("de"):
        write_report_csv(path, report, excel=True)
        revenue = report.figure("revenue")
        money = display_text(revenue.value, "money", report.currency)
    rows = _csv_rows(path)
    assert ["Bericht", "Buchungen"] in rows
    assert ["Von", "20.03.2025"] in rows and ["Bis", "09.04.2025"] in rows
    assert ["Kennzahl", "Wert"] in rows
    assert ["Umsatz (abgeschlossen)", money] in rows
    assert "," in money and money.endswith(("£", "€", "$"))  # 150,40 £: the German way
    assert ["Nach Status"] in rows and ["Nach Terminart"] in rows
    status = rows.index(["Nach Status"])
    assert rows[status + 1] == ["Status", "Buchungen"]
    assert rows[status + 2][0] == "Bestätigt"
    header = rows[rows.index(["Nach Terminart"]) + 1]
    assert header[:2] == ["Terminart", "Buchungen"] and header[-1] == "Umsatz"
    by_day = rows.index(["Pro Tag"])
    assert rows[by_day + 1][0] == "Tag"
    assert rows[by_day + 2][0] == "2025-03-20"  # data cells stay ISO: the table parses
    assert any("Umsatz verwendet den aktuellen Preis" in row[0] for row in rows if row)


def test_a_bookings_report_xlsx_in_german(demo: Database, tmp_path: Path, locale_de: None) -> None:
    report = _bookings(demo, "de")
    path = tmp_path / "buchungen.xlsx"
    with use_language("de"):
        write_report_xlsx(path, report)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Zusammenfassung"
    assert "Nach Status" in book.sheetnames and "Nach Anbieter" in book.sheetnames
    summary = book["Zusammenfassung"]
    labels = {row[0].value: row[1] for row in summary.iter_rows(min_row=2) if row[0].value}
    assert labels["Von"].value == datetime(2025, 3, 20)
    assert labels["Von"].number_format == "dd.mm.yyyy"
    revenue = labels["Umsatz (abgeschlossen)"]
    assert revenue.value == pytest.approx(report.figure("revenue").value / 100)
    assert revenue.number_format.startswith("#,##0.00 ")  # the symbol after the amount
    sheet = book["Nach Terminart"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:2] == ["Terminart", "Buchungen"] and header[-1] == "Umsatz"
    money = sheet.cell(row=2, column=len(header))
    assert isinstance(money.value, int | float) and money.number_format.startswith("#,##0.00 ")


def test_a_bookings_report_in_spanish(demo: Database, tmp_path: Path) -> None:
    report = _bookings(demo, "es")
    assert report.title == "Reservas"
    with use_language("es"):
        write_report_csv(tmp_path / "reservas.csv", report)
        write_report_xlsx(tmp_path / "reservas.xlsx", report)
        money = display_text(report.figure("revenue").value, "money", report.currency)
        assert report.period_label == "20 mar 2025 – 9 abr 2025"
    rows = _csv_rows(tmp_path / "reservas.csv")
    assert ["Informe", "Reservas"] in rows
    assert ["Desde", "20 mar 2025"] in rows and ["Hasta", "9 abr 2025"] in rows
    assert ["Ingresos (completadas)", money] in rows and "," in money
    assert ["Por estado"] in rows and ["Por profesional"] in rows
    assert rows[rows.index(["Por estado"]) + 2][0] == "Confirmada"
    book = openpyxl.load_workbook(tmp_path / "reservas.xlsx")
    assert book.sheetnames[0] == "Resumen" and "Por tipo de cita" in book.sheetnames
    header = [c.value for c in next(book["Por profesional"].iter_rows(max_row=1))]
    assert header[:2] == ["Profesional", "Reservas"] and "Horas reservadas" in header


def test_every_booking_of_a_period_in_german(
    demo: Database, tmp_path: Path, locale_de: None
) -> None:
    steps: list[str] = []
    with use_language("de"), demo.session() as session:
        export_period_bookings(
            session,
            SYSTEM,
            START,
            END,
            tmp_path / "alle.xlsx",
            "xlsx",
            progress=lambda done, total, text: steps.append(text),
        )
        export_period_bookings(session, SYSTEM, START, END, tmp_path / "alle.csv", "csv")
    assert steps[0].startswith("Buchung 0 von ")
    header = _csv_rows(tmp_path / "alle.csv")[0]
    assert header[:4] == ["Buchung", "Beginn", "Ende", "Status"] and "Kunde" in header
    sheet = openpyxl.load_workbook(tmp_path / "alle.xlsx").active
    assert sheet is not None and sheet.title == "Buchungen"
    assert [c.value for c in next(sheet.iter_rows(max_row=1))][:3] == ["Buchung", "Beginn", "Ende"]
    start = sheet.cell(row=2, column=2)
    assert isinstance(start.value, datetime) and start.number_format == "dd.mm.yyyy hh:mm"


def test_a_dashboard_alert_in_german(db: Database) -> None:
    with db.write_session() as s:
        add_business(s, timezone="Europe/Berlin")
    now = datetime(2025, 5, 14, 9, 0, tzinfo=UTC)
    with use_language("de"):
        data = db.call(dashboard, OWNER, now)
    assert Alert("no_bookings_today", "Heute keine Buchungen", "bookings") in data.alerts


def test_import_problems_in_spanish(db: Database, world: World) -> None:
    table = imports.read_bytes(b"name,email,phone\nNothing At All,,\n", "gente.csv")
    with use_language("es"):
        result = run(db, table, dry_run=True)
        summary = result.summary()
        with pytest.raises(imports.ImportRefused) as empty:
            imports.read_bytes(b"name,email\n", "vacio.csv")
    assert [(r.number, r.reason) for r in result.refused()] == [
        (1, "La fila no tiene ni dirección de correo electrónico ni número de teléfono.")
    ]
    assert summary.startswith("La importación de gente.csv añadiría 0 contactos")
    assert str(empty.value) == (
        "El archivo vacio.csv tiene una fila de encabezado pero ninguna fila debajo: "
        "no hay nada que importar."
    )


def test_search_reads_days_in_the_current_language() -> None:
    today = date(2026, 12, 7)
    with use_language("de"):
        assert read_day("heute", today) == today and read_day("gestern", today) == date(2026, 12, 6)
        assert read_day("7. März", today) == date(2026, 3, 7)
        assert read_day("24 dez 2025", today) == date(2025, 12, 24)
    with use_language("es"):
        assert read_day("mañana", today) == date(2026, 12, 8)
        assert read_day("3 marzo", today) == date(2026, 3, 3)
    assert read_day("today", today) == today and read_day("7 march", today) == date(2026, 3, 7)
