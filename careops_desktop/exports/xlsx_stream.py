"""One big table as an XLSX workbook, written straight as SpreadsheetML (fast, lean).

openpyxl spends ~10 µs on each cell; a listing of 200,000 bookings has 2.6
million. This writer makes the same workbook that openpyxl's write-only mode
made for :func:`careops_desktop.exports.xlsx_writer.write_table_xlsx` — one sheet,
a bold white header on a blue band, frozen; typed cells (numbers as numbers in the
column's number format, dates and times as Excel serial numbers, text as inline
text, never a formula); columns sized from the first rows — by formatting the
sheet's XML text itself, a row at a time, into a zip entry.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from careops_desktop.core.services.reports import Column

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EXCEL_EPOCH = date(1899, 12, 30).toordinal()
FIRST_EXACT = date(1900, 3, 1)  # before it Excel's 1900 leap-year quirk applies
MAX_TEXT = 32_767  # Excel's limit for one cell
XML_ESCAPES = {"\r": "&#13;"}
NOT_XML = str.maketrans("", "", "\ufffe\uffff")
HEADER_STYLE = 1
Cell = Callable[[str, Any], str]


def number_text(value: float | int | Decimal) -> str:
    """A number as openpyxl writes it ("%.16g")."""
    return "%.16g" % value  # noqa: UP031 (the exact format openpyxl uses)


def serial(value: date | datetime | time) -> float | int:
    """A local date, date-time or time as Excel's serial number (wall time, no zone)."""
    if isinstance(value, time):
        return (
            value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        ) / 86400
    if not isinstance(value, datetime):
        return value.toordinal() - EXCEL_EPOCH if value >= FIRST_EXACT else to_excel(value)
    if value.year < 1900 or value.date() < FIRST_EXACT:
        return float(to_excel(value.replace(tzinfo=None)))
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 10**6
    return value.toordinal() - EXCEL_EPOCH + seconds / 86400


class _Text(dict[str, str]):
    """Inline text cells' XML by text: illegal characters dropped, escaped, kept for reuse
    (names, places and statuses repeat)."""

    REMEMBER = 50_000

    def __missing__(self, value: str) -> str:
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_TEXT].translate(NOT_XML)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        xml = f'" t="inlineStr"><is><t{space}>{escape(text, XML_ESCAPES)}</t></is></c>'
        if len(self) < self.REMEMBER:
            self[value] = xml
        return xml


def _cell_writer(kind: str, style: int | None, texts: _Text, styles: _Styles) -> Cell:
    """How one column writes a value at reference ``ref`` (e.g. "B7")."""
    styled = f' s="{style}"' if style is not None else ""
    # a date or time in a column without a number format gets openpyxl's default one
    moments = {
        kind_of: styled or f' s="{styles.style_for(fmt)}"'
        for kind_of, fmt in (
            (datetime, "yyyy-mm-dd h:mm:ss"),
            (date, "yyyy-mm-dd"),
            (time, "h:mm:ss"),
        )
    }

    def cell(ref: str, value: Any) -> str:
        if type(value) is str:
            if not value:
                return ""
            return f'<c r="{ref}{texts[value]}'
        if value is None:
            return ""
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float | Decimal):
            if kind == "money":
                value = value / 100
            if isinstance(value, float) and not math.isfinite(value):
                return ""
            return f'<c r="{ref}"{styled} t="n"><v>{number_text(value)}</v></c>'
        if isinstance(value, date | time):
            shown = moments[datetime if isinstance(value, datetime) else type(value)]
            return f'<c r="{ref}"{shown} t="n"><v>{number_text(serial(value))}</v></c>'
        text = str(value)
        return f'<c r="{ref}{texts[text]}' if text else ""

    return cell


class _Styles:
    """The number formats in use, each with its cell style index (0 plain, 1 header)."""

    def __init__(self) -> None:
        self.custom: dict[str, int] = {}
        self.xfs: list[int] = []  # number format id of each style after the header

    def style_for(self, number_format: str | None) -> int | None:
        if number_format is None:
            return None
        format_id = BUILTIN_FORMATS_REVERSE.get(number_format)
        if format_id is None:
            format_id = self.custom.setdefault(number_format, 164 + len(self.custom))
        if format_id not in self.xfs:
            self.xfs.append(format_id)
        return 2 + self.xfs.index(format_id)

    def xml(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)}/>'
            for code, i in self.custom.items()
        )
        numbered = "".join(
            f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>'
            for i in self.xfs
        )
        return (
            f'{HEAD}<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(self.custom)}">{formats}</numFmts>' if formats else "")
            + '<fonts count="2"><font><name val="Calibri"/><family val="2"/><sz val="11"/>'
            '</font><font><b val="1"/><color rgb="00FFFFFF"/></font></fonts>'
            '<fills count="3"><fill><patternFill/></fill><fill><patternFill '
            'patternType="gray125"/></fill><fill><patternFill patternType="solid">'
            '<fgColor rgb="002563EB"/></patternFill></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
            f'borderId="0"/></cellStyleXfs><cellXfs count="{2 + len(self.xfs)}">'
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" '
            'applyFill="1" applyAlignment="1"><alignment vertical="center"/></xf>'
            f"{numbered}</cellXfs>"
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            "</cellStyles></styleSheet>"
        )


def write_table_xlsx_stream(
    path: Path,
    title: str,
    columns: Sequence[Column],
    formats: Sequence[str | None],
    widths: Sequence[float],
    rows: Iterable[Sequence[Any]],
    *,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 5_000,
) -> int:
    """Write one sheet named ``title`` (already a valid sheet name) with a header of
    ``columns`` and ``rows`` typed by each column's kind and number format; returns the
    number of data rows. Raising from ``progress(rows_written)`` stops the export and
    removes the file."""
    styles = _Styles()
    texts = _Text()
    writers = [
        _cell_writer(c.kind, styles.style_for(f), texts, styles)
        for c, f in zip(columns, formats, strict=True)
    ]
    letters = [get_column_letter(n + 1) for n in range(len(columns))]
    width = len(columns)
    count = 0
    try:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as book:
            with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as raw:
                raw.write(_sheet_start(widths).encode())
                header = "".join(
                    f'<c r="{letter}1" s="{HEADER_STYLE}{texts[c.title]}'
                    for letter, c in zip(letters, columns, strict=True)
                )
                lines = [f'<row r="1">{header}</row>']
                number = 1
                for row in rows:
                    number += 1
                    if len(row) != width:
                        raise ValueError(f"a row has {len(row)} values for {width} columns")
                    line = "".join(
                        [
                            write(f"{letter}{number}", value)
                            for write, letter, value in zip(writers, letters, row, strict=True)
                        ]
                    )
                    lines.append(f'<row r="{number}">{line}</row>')
                    count += 1
                    if count % progress_every == 0:
                        raw.write("".join(lines).encode("utf-8", "replace"))
                        lines.clear()
                        if progress is not None:
                            progress(count)
                lines.append("</sheetData>")
                lines.append(
                    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" '
                    'footer="0.5"/></worksheet>'
                )
                raw.write("".join(lines).encode("utf-8", "replace"))
            _write_parts(book, title, styles)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return count


def _sheet_start(widths: Sequence[float]) -> str:
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
        for n, w in enumerate(widths, start=1)
    )
    return (
        f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
        '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
        'activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
        '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + "<sheetData>"
    )


def _write_parts(book: zipfile.ZipFile, title: str, styles: _Styles) -> None:
    """Everything but the sheet: content types, relationships, workbook, styles, properties."""
    office = "application/vnd.openxmlformats-officedocument"
    sheet_type = f"{office}.spreadsheetml.worksheet+xml"
    now = datetime.now().replace(microsecond=0).isoformat() + "Z"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="'
            f'{office}.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet_type}"/>'
            '<Override PartName="/xl/styles.xml" ContentType="'
            f'{office}.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
            'openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="'
            f'{office}.extended-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{RELS}/extended-properties" '
            'Target="docProps/app.xml"/></Relationships>'
        ),
        "docProps/app.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>CareOps Desktop</Application></Properties>'
        ),
        "docProps/core.xml": (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:creator>CareOps Desktop</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            "</cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><workbookPr/><bookViews>'
            '<workbookView activeTab="0"/></bookViews><sheets>'
            f'<sheet name={quoteattr(title)} sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{RELS}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": styles.xml(),
    }
    for name, text in parts.items():
        book.writestr(name, text if text.startswith("<?xml") else HEAD + text)
