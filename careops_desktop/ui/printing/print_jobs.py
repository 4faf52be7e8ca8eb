"""Printing through the system's print dialog, with a preview first.

A :class:`PrintJob` says WHAT to print (a title, a page layout, a function that paints
on a paged device); :func:`open_preview` shows it in ``QPrintPreviewDialog``, whose
Print button opens the system print dialog (``QPrintDialog``); :func:`print_to_pdf`
paints the same job into a PDF file through a ``QPrinter`` with no dialog (tests, and
a "Save as PDF" where wanted). The day sheet and a report paint with
:func:`.report_pdf.paint_report`, a booking with :func:`.booking_sheet.paint_booking`:
the same code as the PDF export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from careops_desktop.core.services.reports import Report
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.printing.booking_sheet import (
    BookingSheet,
    booking_page_layout,
    paint_booking,
)
from careops_desktop.ui.printing.report_pdf import paint_report, report_page_layout


@dataclass(frozen=True)
class PrintJob:
    """Something to print: its ``title`` (the print queue's document name), the page
    layout it is designed for (the person may change it in the dialogs) and ``paint``."""

    title: str
    layout: QPageLayout
    paint: Callable[[QPagedPaintDevice], int]


def report_job(report: Report) -> PrintJob:
    """A report (the day sheet among them) as a print job."""
    title = translate("PrintJobs", "{title} — {period}").format(
        title=report.title, period=report.period_label
    )
    return PrintJob(title, report_page_layout(report), lambda device: paint_report(device, report))


def booking_job(sheet: BookingSheet) -> PrintJob:
    """One booking's details as a print job."""
    return PrintJob(
        translate("PrintJobs", "Booking — {name}").format(name=sheet.title),
        booking_page_layout(),
        lambda device: paint_booking(device, sheet),
    )


def _printer(job: PrintJob) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job.title)
    printer.setCreator("CareOps Desktop")
    printer.setPageLayout(job.layout)
    return printer


def print_to_pdf(job: PrintJob, path: Path) -> int:
    """Paint ``job`` into the PDF file ``path`` through a QPrinter; returns the page count."""
    printer = _printer(job)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return job.paint(printer)


class PrintPreview(QPrintPreviewDialog):
    """The preview of one job; it keeps its printer alive and deletes itself when closed."""

    def __init__(self, job: PrintJob, parent: QWidget | None) -> None:
        printer = _printer(job)  # the dialog paints on it but does not own it: kept here
        super().__init__(printer, parent)
        self._own_printer = printer
        self.job = job
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=job.title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.paintRequested.connect(self._paint)
        self.resize(900, 800)

    def _paint(self, printer: QPrinter) -> None:
        self.job.paint(printer)


def open_preview(job: PrintJob, parent: QWidget | None) -> PrintPreview:
    """Show the preview of ``job`` (window-modal, not blocking); its Print button opens the
    system print dialog. Returns the dialog (tests close it)."""
    preview = PrintPreview(job, parent)
    preview.open()
    return preview
