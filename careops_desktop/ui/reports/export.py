"""Export from the Reports tab: the shown report as CSV, XLSX or PDF, or every booking of
the period as CSV or XLSX.

A save dialog opens in the folder used last (else Documents) with the name
``<report>-<from>-<to>.<ext>``; the file type chosen in it (or typed as the name's
ending) is the format. The file is written off the Qt thread behind a progress
dialog with Cancel, under a temporary name that replaces the target only when
complete, so a cancelled or failed export leaves nothing half-written. Success
says where the file is and offers "Open folder"; failures say why in words.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports import Report
from careops_desktop.exports.file_safety import ExportFailed, replacing
from careops_desktop.exports.report_files import write_report
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.qsettings_keys import FOLDER_KEY, FORMAT_KEY
from careops_desktop.ui.ui_state import app_settings

FILTERS = {
    "csv": QT_TRANSLATE_NOOP("ReportExporter", "CSV for Excel and other programs (*.csv)"),
    "xlsx": QT_TRANSLATE_NOOP("ReportExporter", "Excel workbook (*.xlsx)"),
    "pdf": QT_TRANSLATE_NOOP("ReportExporter", "PDF document (*.pdf)"),
}


def file_filter(fmt: str) -> str:
    """The save dialog's file type for ``fmt``, in the window's language."""
    return translate("ReportExporter", FILTERS[fmt])


REPORT_FORMATS = ("csv", "xlsx", "pdf")
BOOKING_FORMATS = ("csv", "xlsx")


def documents_folder() -> Path:
    """The person's Documents folder (their home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def export_folder() -> Path:
    """The folder of the last export, if it still exists; else Documents."""
    remembered = app_settings().value(FOLDER_KEY, "")
    folder = Path(str(remembered)) if remembered else None
    return folder if folder is not None and folder.is_dir() else documents_folder()


def last_format(allowed: tuple[str, ...]) -> str:
    """The format used last, if allowed here; else the first allowed."""
    chosen = str(app_settings().value(FORMAT_KEY, ""))
    return chosen if chosen in allowed else allowed[0]


def remember_export(path: Path, fmt: str) -> None:
    """Keep the folder and format of a finished export for next time (QSettings)."""
    settings = app_settings()
    settings.setValue(FOLDER_KEY, str(path.parent))
    settings.setValue(FORMAT_KEY, fmt)


def default_file_name(name: str, start: date, end: date, fmt: str) -> str:
    """``bookings-2025-03-01-2025-03-31.xlsx``: the report, the period, the format."""
    return f"{name.replace('_', '-')}-{start.isoformat()}-{end.isoformat()}.{fmt}"


def chosen_path(text: str, name_filter: str, allowed: tuple[str, ...]) -> tuple[Path, str]:
    """The file and format from a save dialog: a known ending typed in the name wins,
    else the chosen file type (whose ending is added to the name)."""
    path = Path(text)
    typed = path.suffix.lower().lstrip(".")
    if typed in allowed:
        return path, typed
    fmt = next((f for f in allowed if file_filter(f) == name_filter), allowed[0])
    return path.with_name(f"{path.name}.{fmt}"), fmt


def write_report_file(path: Path, report: Report, fmt: str, *, progress: Any) -> Path:
    """Worker thread: write ``report`` to ``path`` whole or not at all; returns ``path``."""
    from careops_desktop.ui.printing.report_pdf import write_report_pdf

    progress(0, 1, translate("ReportExporter", "Writing {file}…").format(file=path.name))
    with replacing(path) as temp:
        write_report(temp, report, fmt, excel=True, pdf_writer=write_report_pdf)
        if not temp.exists() or temp.stat().st_size == 0:
            raise ExportFailed(
                translate(
                    "ReportExporter", "{file} could not be written (nothing was produced)."
                ).format(file=path.name)
            )
        progress(1, 1, "")  # the last chance to cancel before the file appears
    return path


def write_bookings_file(
    database: Database,
    actor: Actor,
    start: date,
    end: date,
    path: Path,
    fmt: str,
    *,
    progress: Any,
) -> int:
    """Worker thread: every booking of the period to ``path``, in a read transaction of its
    own (the database worker stays free for the window and the booking page)."""
    # imported here, on the worker: openpyxl takes ~0.1 s to import, not on the Qt thread
    from careops_desktop.exports.period_bookings import export_period_bookings

    with database.session() as session:
        return export_period_bookings(session, actor, start, end, path, fmt, progress=progress)


class ReportExporter(QObject):
    """The export flow of one Reports tab; ``finished(words)`` when an export ends.

    ``dialog`` is the open save dialog, ``result_box`` the last message shown, ``open_url``
    what "Open folder" calls (the system's file manager).
    """

    started = Signal()
    finished = Signal(str)

    def __init__(self, parent: QWidget, ops: Ops, actor: Actor) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.ops = ops
        self.actor = actor
        self.dialog: QFileDialog | None = None
        self.result_box: QMessageBox | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.task: asyncio.Task[Any] | None = None

    # -- asking where ---------------------------------------------------------------------

    def choose_report_file(self, report: Report) -> QFileDialog:
        """Ask where to save ``report`` and as what (non-blocking)."""
        fmt = last_format(REPORT_FORMATS)
        name = default_file_name(report.name, report.start, report.end, fmt)
        return self._ask(
            self.tr("Export {report}").format(report=report.title),
            name,
            REPORT_FORMATS,
            fmt,
            lambda path, chosen: self.export_report(report, path, chosen),
        )

    def choose_bookings_file(self, start: date, end: date) -> QFileDialog:
        """Ask where to save every booking of ``start``..``end`` (non-blocking)."""
        fmt = last_format(BOOKING_FORMATS)
        name = default_file_name("bookings-all", start, end, fmt)
        return self._ask(
            self.tr("Export all bookings of the period"),
            name,
            BOOKING_FORMATS,
            fmt,
            lambda path, chosen: self.export_bookings(start, end, path, chosen),
        )

    def _ask(
        self,
        title: str,
        name: str,
        allowed: tuple[str, ...],
        fmt: str,
        then: Callable[[Path, str], object],
    ) -> QFileDialog:
        dialog = QFileDialog(self.parent_widget, title, str(export_folder() / name))
        dialog.setObjectName("reportExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([file_filter(f) for f in allowed])
        dialog.selectNameFilter(file_filter(fmt))
        dialog.selectFile(name)

        def chosen(text: str) -> None:
            if text:
                then(*chosen_path(text, dialog.selectedNameFilter(), allowed))

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- writing --------------------------------------------------------------------------

    def export_report(self, report: Report, path: Path, fmt: str) -> asyncio.Task[Any]:
        """Write ``report`` to ``path`` as ``fmt`` off the Qt thread; returns the task."""
        return self._run(
            write_report_file,
            (path, report, fmt),
            path,
            fmt,
            title=self.tr("Exporting {report}").format(report=report.title),
            done_words=lambda _result: self.tr("{report} saved as {file} in {folder}.").format(
                report=report.title, file=path.name, folder=path.parent
            ),
        )

    def export_bookings(self, start: date, end: date, path: Path, fmt: str) -> asyncio.Task[Any]:
        """Write every booking of the period to ``path`` off the Qt thread; returns the task."""
        return self._run(
            write_bookings_file,
            (self.ops.database, self.actor, start, end, path, fmt),
            path,
            fmt,
            title=self.tr("Exporting all bookings of the period"),
            done_words=lambda count: counted(
                self.tr("%Ln booking(s) saved as {file} in {folder}.", "", count), count
            ).format(file=path.name, folder=path.parent),
        )

    def _run(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        path: Path,
        fmt: str,
        *,
        title: str,
        done_words: Callable[[Any], str],
    ) -> asyncio.Task[Any]:
        self.started.emit()
        told: list[str] = []

        def end(words: str) -> None:
            told.append(words)
            if shiboken6.isValid(self):
                self.finished.emit(words)

        def done(result: Any) -> None:
            remember_export(path, fmt)
            end(self._tell(done_words(result), path, success=True))

        def failed(exc: BaseException) -> None:
            end(self._tell(str(exc), path, success=False))

        def ended(task: asyncio.Task[Any]) -> None:
            if not told:  # cancelled with the window, or an unexpected error (Ops shows it)
                end(self.tr("The export did not finish; no file was written."))

        self.task = self.ops.progress_task(
            fn,
            *args,
            title=title,
            label=self.tr("Writing {file}…").format(file=path.name),
            use_database=False,
            on_done=done,
            on_error=failed,
            on_cancelled=lambda: end(self.tr("Export cancelled; no file was written.")),
        )
        self.task.add_done_callback(ended)
        return self.task

    # -- telling --------------------------------------------------------------------------

    def _tell(self, words: str, path: Path, *, success: bool) -> str:
        """Show ``words`` in a message box (plain text); returns them."""
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.parent_widget):
            return words
        box = QMessageBox(self.parent_widget)
        box.setObjectName("reportExportResult")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if success:
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Export finished"))
            box.setText(words)
            folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(path.parent))))
            box.addButton(QMessageBox.StandardButton.Ok)
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Export failed"))
            box.setText(words)
            box.addButton(QMessageBox.StandardButton.Ok)
        self.result_box = box
        box.open()
        return words
