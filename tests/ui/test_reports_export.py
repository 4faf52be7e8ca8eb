"""Reports tab export: each format written off the Qt thread and read back (CSV text,
openpyxl, pypdf), every booking of the period, Cancel leaves nothing, a read-only folder
or a file held by another program is explained in words, the folder is remembered."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from careops_desktop.core.services.reports import run_report
from careops_desktop.core.services.reports.period import local_midnight
from careops_desktop.exports.formatting import date_label, display_text
from careops_desktop.ui.events_bridge import EventsBridge
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.reports.export import (
    FILTERS,
    FOLDER_KEY,
    chosen_path,
    default_file_name,
    documents_folder,
)
from careops_desktop.ui.reports.view import ReportsView
from careops_desktop.ui.ui_state import app_settings
from tests.ui.conftest import demo_actor, wait_task

START, END = date.today() - timedelta(days=30), date.today()


@pytest.fixture
def page(qtbot, demo_db, demo_ops) -> Iterator[ReportsView]:
    """The Reports tab showing the bookings report of the last 30 days."""
    bridge = EventsBridge()
    window = MainWindow(demo_ops, bridge, demo_actor(demo_db), idle_minutes=0)
    qtbot.addWidget(window)
    window.show()
    view = window.show_tab("reports")
    assert isinstance(view, ReportsView)
    view.apply_filter({"report": "bookings", "start": START, "end": END})
    qtbot.waitUntil(lambda: view.report is not None and view.report.start == START, timeout=20_000)
    qtbot.waitUntil(view.export_button.isEnabled, timeout=5_000)
    yield view
    window.close()
    qtbot.waitUntil(lambda: demo_ops.pending == 0, timeout=10_000)
    bridge.close()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the exports (the test's temp folder holds the database)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _finish(qtbot, page: ReportsView, task) -> str:
    wait_task(qtbot, task, timeout=30_000)
    qtbot.waitUntil(page.export_button.isEnabled, timeout=5_000)
    return page.status.text()


def _bookings_in_period(demo_db) -> int:
    """Bookings starting in the local period, counted with our own SQL."""
    from sqlalchemy import text

    from careops_desktop.core.services.business import business_zone

    with demo_db.session() as session:
        zone = business_zone(session)
        lo = local_midnight(START, zone).strftime("%Y-%m-%d %H:%M:%S.%f")
        hi = local_midnight(END + timedelta(days=1), zone).strftime("%Y-%m-%d %H:%M:%S.%f")
        found = session.execute(
            text("SELECT count(*) FROM bookings WHERE start_at >= :lo AND start_at < :hi"),
            {"lo": lo, "hi": hi},
        ).scalar_one()
    return int(found)


def test_each_format_is_written_and_reads_back(qtbot, page, demo_db, out: Path) -> None:
    report = page.report
    assert report is not None
    expected = demo_db.call(run_report, demo_actor(demo_db), "bookings", START, END)
    figures = {f.key: f for f in expected.figures}
    total = figures["bookings"]

    words = _finish(qtbot, page, page.exporter.export_report(report, out / "r.csv", "csv"))
    assert words.startswith("Bookings saved as r.csv in ")
    text = (out / "r.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert ["Report", "Bookings"] in rows and ["From", date_label(START)] in rows
    assert [total.label, display_text(total.value, total.kind)] in rows

    _finish(qtbot, page, page.exporter.export_report(report, out / "r.xlsx", "xlsx"))
    book = openpyxl.load_workbook(out / "r.xlsx")
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    assert summary[total.label] == total.value and len(book.sheetnames) > 1

    _finish(qtbot, page, page.exporter.export_report(report, out / "r.pdf", "pdf"))
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out / "r.pdf").pages)
    assert "Bookings" in pdf and display_text(total.value, total.kind) in pdf

    box = page.exporter.result_box
    assert isinstance(box, QMessageBox) and box.textFormat() == Qt.TextFormat.PlainText
    opened: list[QUrl] = []
    page.exporter.open_url = opened.append
    folder = next(b for b in box.buttons() if b.text() == "Open folder")
    qtbot.mouseClick(folder, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out))]
    assert sorted(p.name for p in out.iterdir()) == ["r.csv", "r.pdf", "r.xlsx"]


def test_every_booking_of_the_period_as_csv_and_xlsx(qtbot, page, demo_db, out) -> None:
    count = _bookings_in_period(demo_db)
    assert count > 50
    csv_path, xlsx_path = out / "all.csv", out / "all.xlsx"
    words = _finish(qtbot, page, page.exporter.export_bookings(START, END, csv_path, "csv"))
    assert words == f"{count:,} bookings saved as all.csv in {out}."
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Booking", "Start", "End"] and len(rows) == count + 1
    _finish(qtbot, page, page.exporter.export_bookings(START, END, xlsx_path, "xlsx"))
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert sheet is not None and sheet.max_row == count + 1 and sheet.freeze_panes == "A2"
    assert sheet.cell(row=2, column=1).value == int(rows[1][0])  # the same first booking


def test_the_dialog_offers_the_formats_and_remembers_the_folder(
    qtbot, page, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.report is not None
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    assert documents_folder() == home / "Documents"
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow, timeout=5_000)
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Ctrl+E
    dialog = page.exporter.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    name = default_file_name("bookings", START, END, "csv")
    assert name == f"bookings-{START.isoformat()}-{END.isoformat()}.csv"
    assert dialog.nameFilters() == [FILTERS["csv"], FILTERS["xlsx"], FILTERS["pdf"]]
    assert Path(dialog.directory().absolutePath()) == documents_folder()
    assert Path(dialog.selectedFiles()[0]).name == name
    dialog.selectNameFilter(FILTERS["xlsx"])
    dialog.fileSelected.emit(str(out / "chosen"))  # as when Save is pressed
    dialog.reject()
    _finish(qtbot, page, page.exporter.task)
    assert (out / "chosen.xlsx").exists()
    assert app_settings().value(FOLDER_KEY) == str(out)
    page.choose_bookings_file()
    again = page.exporter.dialog
    assert again is not dialog and Path(again.directory().absolutePath()) == out
    assert again.selectedNameFilter() == FILTERS["xlsx"]  # the format used last
    assert Path(again.selectedFiles()[0]).name.startswith("bookings-all-")
    again.reject()
    assert chosen_path("/x/a.PDF", FILTERS["csv"], ("csv", "xlsx", "pdf")) == (
        Path("/x/a.PDF"),
        "pdf",
    )
    assert chosen_path("/x/a.txt", FILTERS["csv"], ("csv", "pdf")) == (Path("/x/a.txt.csv"), "csv")


def test_cancel_leaves_no_file_and_an_older_one_untouched(qtbot, page, out) -> None:
    target = out / "all.xlsx"
    task = page.exporter.export_bookings(START, END, target, "xlsx")
    task.reporter.cancel()  # pressed before the first row is written
    assert _finish(qtbot, page, task) == "Export cancelled; no file was written."
    assert list(out.iterdir()) == []
    target.write_text("last month's list")
    task = page.exporter.export_report(page.report, target, "xlsx")
    task.reporter.cancel()
    _finish(qtbot, page, task)
    assert target.read_text() == "last month's list" and list(out.iterdir()) == [target]


@contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """Make ``path`` unchangeable even for root (chattr +i), as a locked file or a
    read-only folder is; skips where that cannot be done."""
    if os.geteuid() != 0:
        if path.is_dir():
            path.chmod(0o555)
            try:
                yield
            finally:
                path.chmod(0o755)
            return
        pytest.skip("only root can lock a file against replacing here (chattr +i)")
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"this file system cannot lock files: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_folder_is_explained_in_words(qtbot, page, demo_ops, out) -> None:
    folder = out / "locked"
    folder.mkdir()
    unexpected: list[str] = []
    demo_ops.errorShown.connect(unexpected.append)
    with _immutable(folder):
        words = _finish(
            qtbot, page, page.exporter.export_report(page.report, folder / "r.pdf", "pdf")
        )
        listed = list(folder.iterdir())
    assert words.startswith(f"You cannot save files in the folder {folder}")
    assert "Traceback" not in words and listed == [] and unexpected == []
    box = page.exporter.result_box
    assert box is not None and box.text() == words and box.windowTitle() == "Export failed"


def test_a_file_open_elsewhere_is_explained_in_words(qtbot, page, out) -> None:
    target = out / "all.csv"
    target.write_text("open in Excel")
    with _immutable(target):
        words = _finish(qtbot, page, page.exporter.export_bookings(START, END, target, "csv"))
    assert "close the file in the other program and try again" in words.lower()
    assert target.read_text() == "open in Excel" and list(out.iterdir()) == [target]
    missing = out / "gone" / "r.csv"
    words = _finish(qtbot, page, page.exporter.export_report(page.report, missing, "csv"))
    assert words == f"The folder {missing.parent} does not exist (any more). Choose another folder."
