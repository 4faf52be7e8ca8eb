"""Write a report in the format a person chose: the one entry point for the CLI and the UI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.services.reports import Report

FORMATS = ("csv", "xlsx", "pdf")
PdfWriter = Callable[[Path, Report], object]


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format named, else the one the file name ends with; ``ValidationError`` if neither."""
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ValidationError(
            {"format": _("Choose one of: {formats}.").format(formats=", ".join(FORMATS))}
        )
    return chosen


def write_report(
    path: Path,
    report: Report,
    fmt: str | None = None,
    *,
    excel: bool = True,
    pdf_writer: PdfWriter | None = None,
) -> Path:
    """Write ``report`` to ``path`` as CSV, XLSX or PDF; returns the path written.

    ``excel`` (CSV only) adds the byte-order mark, CRLF and the formula guard.
    A PDF is drawn with Qt, which lives under ``ui/`` only (rule 1), so the
    caller hands in ``pdf_writer``:
    ``careops_desktop.ui.printing.report_pdf.write_report_pdf``.
    """
    chosen = format_for(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    if chosen == "csv":
        from careops_desktop.exports.csv_writer import write_report_csv

        write_report_csv(path, report, excel=excel)
    elif chosen == "xlsx":
        from careops_desktop.exports.xlsx_writer import write_report_xlsx

        write_report_xlsx(path, report)
    else:
        if pdf_writer is None:
            raise ValidationError({"format": _("PDF export is not available here.")})
        pdf_writer(path, report)
    return path
