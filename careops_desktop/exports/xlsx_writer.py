"""XLSX workbooks with openpyxl in write-only mode (streams rows; fast and lean).

A report becomes a "Summary" sheet (what, when, key figures) and one sheet
per section. Cells are typed: numbers are numbers (money in currency format,
rates as percentages), dates are dates. Each sheet's header row is bold on a
tinted band and frozen. Text is always stored as text, never as a formula.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from careops_desktop.core.i18n import _
from careops_desktop.core.services.reports import Column, Report
from careops_desktop.exports.formatting import excel_number_format

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="2563EB")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
WIDTH_SAMPLE = 200  # rows looked at to size the columns


def _number_format(kind: str, currency: str) -> str | None:
    return excel_number_format(kind, currency)


def _cell_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "money" and isinstance(value, int | float):
        return value / 100
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # local wall time; Excel has no time zones
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def column_widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[int]:
    """Each column's width in characters, from its title and the first rows (8 to 60)."""
    widths = []
    for index, column in enumerate(columns):
        longest = len(column.title)
        for row in sample[:WIDTH_SAMPLE]:
            value = row[index] if index < len(row) else None  # the writer refuses it
            shown = 12 if isinstance(value, date | int | float) else len(str(value or ""))
            longest = max(longest, shown)
        widths.append(min(60, max(8, longest + 2)))
    return widths


class _Sheet:
    """One write-only sheet with a styled, frozen header and typed cells."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[Column], currency: str):
        self.ws: WriteOnlyWorksheet = book.create_sheet(title)
        self.columns = columns
        self.formats = [_number_format(c.kind, currency) for c in columns]
        self.ws.freeze_panes = "A2"
        self.styled: list[WriteOnlyCell | None] = []
        for fmt in self.formats:
            cell = None
            if fmt is not None:
                cell = WriteOnlyCell(self.ws)
                cell.number_format = fmt
            self.styled.append(cell)
        self.text_cells = [WriteOnlyCell(self.ws) for _ in columns]

    def size_columns(self, sample: Sequence[Sequence[Any]]) -> None:
        for index, width in enumerate(column_widths(self.columns, sample)):
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width

    def header(self) -> None:
        cells = []
        for column in self.columns:
            cell = WriteOnlyCell(self.ws, column.title)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            cells.append(cell)
        self.ws.append(cells)

    def row(self, values: Sequence[Any]) -> None:
        """Append one row. Formatted columns reuse one styled cell each (the write-only
        sheet writes a row out as soon as it is appended), other values go in plain, and
        text that starts with "=" goes in as text, never as a formula."""
        cells: list[Any] = []
        for value, column, styled, text in zip(
            values, self.columns, self.styled, self.text_cells, strict=True
        ):
            value = _cell_value(value, column.kind)
            if value is None:
                cells.append(None)
            elif isinstance(value, str):
                if value.startswith("="):
                    text.value = value
                    text.data_type = "s"
                    cells.append(text)
                else:
                    cells.append(value)
            elif styled is not None:
                styled.value = value
                cells.append(styled)
            else:
                cells.append(value)
        self.ws.append(cells)


class SheetNames:
    """Excel sheet names: at most 31 characters, no []:*?/\\, unique in the book."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, title: str) -> str:
        base = SHEET_NAME_BAD.sub(" ", title).strip()[:31] or "Sheet"
        name, n = base, 2
        while name.lower() in self.used:
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)] + suffix
            n += 1
        self.used.add(name.lower())
        return name


def write_table_xlsx(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "",
    currency: str = "GBP",
    progress: Callable[[int], None] | None = None,
) -> int:
    """One sheet of ``rows`` (streamed) under a frozen, bold header; returns the row count.

    ``progress(rows_written)`` is called every 5,000 rows; raising from it stops the export
    (and no file is left). Written by :mod:`careops_desktop.exports.xlsx_stream` (the same
    workbook openpyxl would make, many times faster).
    """
    from careops_desktop.exports.xlsx_stream import write_table_xlsx_stream

    iterator = iter(rows)
    first = list(itertools.islice(iterator, WIDTH_SAMPLE))  # the first rows size the columns
    return write_table_xlsx_stream(
        path,
        SheetNames()(title or _("Data")),
        columns,
        [_number_format(c.kind, currency) for c in columns],
        column_widths(columns, first),
        itertools.chain(first, iterator),
        progress=progress,
    )


def write_report_xlsx(path: Path, report: Report) -> None:
    """The report as a workbook: a Summary sheet, then one sheet per section."""
    book = Workbook(write_only=True)
    names = SheetNames()
    summary = book.create_sheet(names(_("Summary")))
    summary.column_dimensions["A"].width = 38
    summary.column_dimensions["B"].width = 22
    title = WriteOnlyCell(summary, f"{report.title} — {_clean(report.business_name)}")
    title.font = TITLE_FONT
    title.data_type = "s"
    summary.append([title])
    summary.append([_("From"), _dated(summary, report.start, "date", report.currency)])
    summary.append([_("To"), _dated(summary, report.end, "date", report.currency)])
    summary.append([_("Time zone"), report.timezone])
    generated = report.generated_at.replace(tzinfo=None)
    summary.append([_("Generated (UTC)"), _dated(summary, generated, "datetime", report.currency)])
    summary.append([])
    head = [WriteOnlyCell(summary, _("Key figure")), WriteOnlyCell(summary, _("Value"))]
    for cell in head:
        cell.font = BOLD
    summary.append(head)
    for figure in report.figures:
        cell = WriteOnlyCell(summary, _cell_value(figure.value, figure.kind))
        fmt = _number_format(figure.kind, report.currency)
        if fmt and cell.value is not None:
            cell.number_format = fmt
        summary.append([figure.label, cell])
    for note in report.notes:
        summary.append([note])
    for section in report.sections:
        sheet = _Sheet(book, names(section.title), section.columns, report.currency)
        sheet.size_columns(section.rows)
        sheet.header()
        for row in section.rows:
            sheet.row(row)
    book.save(path)


def _dated(sheet: WriteOnlyWorksheet, value: date, kind: str, currency: str) -> WriteOnlyCell:
    """A date cell showing the reader's date format."""
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = _number_format(kind, currency) or "General"
    return cell


def _clean(text: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))
