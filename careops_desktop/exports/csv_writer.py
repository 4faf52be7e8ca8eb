"""CSV files: a report (all its parts in one file) or one table streamed row by row.

UTF-8 always. ``excel=True`` makes the file friendly to spreadsheet programs:
a byte-order mark (so accents survive), CRLF line ends, and a leading quote
before text that starts with ``= + - @`` (so a customer's name can never run
as a formula). Without it the text is written exactly as stored, LF line ends.
Numbers are never quoted: a negative stock adjustment stays a number.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from careops_desktop.core.i18n import _
from careops_desktop.core.services.reports import Column, Report
from careops_desktop.exports.formatting import (
    csv_formatter,
    csv_text,
    date_label,
    display_text,
    guard_formula,
    moment_label,
)

Row = Sequence[Any]
PROGRESS_EVERY = 5_000


@contextmanager
def _open(target: Path | TextIO, excel: bool) -> Iterator[TextIO]:
    if isinstance(target, Path):
        # plain utf-8 with the mark written by hand: the same bytes as "utf-8-sig", whose
        # Python-level encoder is slow on a big table
        with target.open("w", encoding="utf-8", newline="") as stream:
            if excel:
                stream.write("\ufeff")
            yield stream
    else:
        if excel:
            target.write("\ufeff")
        yield target


def _writer(stream: TextIO, excel: bool) -> Any:
    return csv.writer(stream, lineterminator="\r\n" if excel else "\n")


def _cells(row: Row, kinds: Sequence[str], excel: bool) -> list[str]:
    cells = [csv_text(value, kind) for value, kind in zip(row, kinds, strict=True)]
    if excel:
        cells = [
            guard_formula(text) if kind == "text" else text
            for text, kind in zip(cells, kinds, strict=True)
        ]
    return cells


def write_table_csv(
    target: Path | TextIO,
    columns: Sequence[Column],
    rows: Iterable[Row],
    *,
    excel: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write a header and ``rows`` (streamed); returns the number of data rows.

    ``progress(rows_written)`` is called every :data:`PROGRESS_EVERY` rows; raising from
    it stops the export (the partial file is the caller's to remove).
    """
    formatters = [csv_formatter(c.kind, guard=excel) for c in columns]
    width = len(columns)
    count = 0
    iterator = iter(rows)
    with _open(target, excel) as stream:
        _writer(stream, excel).writerow([c.title for c in columns])
        while batch := list(itertools.islice(iterator, PROGRESS_EVERY)):
            text = io.StringIO()  # one write to the file per batch, not one per row
            _writer(text, excel).writerows(_formatted(batch, formatters, width))  # None: ""
            stream.write(text.getvalue())
            count += len(batch)
            if progress is not None and len(batch) == PROGRESS_EVERY:
                progress(count)
    return count


def _formatted(
    batch: list[Row], formatters: Sequence[Callable[[object], object] | None], width: int
) -> Iterable[tuple[Any, ...]]:
    """The batch's cells formatted column by column (a column at a time runs in C loops)."""
    try:
        cells = list(zip(*batch, strict=True))
    except ValueError:  # rows of different lengths
        cells = []
    if len(cells) != width:
        wrong = next((len(row) for row in batch if len(row) != width), len(cells))
        raise ValueError(f"a row has {wrong} values for {width} columns")
    columns = [
        values if fmt is None else map(fmt, values)
        for values, fmt in zip(cells, formatters, strict=True)
    ]
    return zip(*columns, strict=True)


def write_report_csv(target: Path | TextIO, report: Report, *, excel: bool = False) -> None:
    """The whole report in one CSV: what and when, key figures, then each section.

    Each part starts with a line naming it and is followed by an empty line. Words,
    the period and the key figures are for people, in the current language and the
    business's locale (``1. März 2025``, ``1.234,50 €``); the sections' data cells stay
    machine-readable (ISO dates, plain decimals) so the tables parse the same everywhere.
    """
    with _open(target, excel) as stream:
        writer = _writer(stream, excel)
        guard = guard_formula if excel else str
        writer.writerow([_("Report"), report.title])
        writer.writerow([_("Business"), guard(report.business_name)])
        writer.writerow([_("From"), date_label(report.start)])
        writer.writerow([_("To"), date_label(report.end)])
        writer.writerow([_("Time zone"), report.timezone])
        writer.writerow([_("Generated"), f"{moment_label(report.generated_at)} UTC"])
        writer.writerow([])
        writer.writerow([_("Key figures")])
        writer.writerow([_("Figure"), _("Value")])
        for figure in report.figures:
            shown = display_text(figure.value, figure.kind, report.currency)
            writer.writerow([figure.label, guard(shown)])
        for section in report.sections:
            writer.writerow([])
            writer.writerow([section.title])
            writer.writerow([c.title for c in section.columns])
            kinds = [c.kind for c in section.columns]
            for row in section.rows:
                writer.writerow(_cells(row, kinds, excel))
            if section.note and not section.rows:
                writer.writerow([section.note])
        if report.notes:
            writer.writerow([])
            for note in report.notes:
                writer.writerow([note])
