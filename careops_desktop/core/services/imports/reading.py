"""Reading a file from another tool into a plain table: headers and rows of text.

Pure: no database. A CSV file is decoded whatever its encoding (UTF-8 with or
without a BOM, UTF-16 with a BOM, else windows-1252), its separator is sniffed
(comma, semicolon as European Excel writes, tab), quoted newlines stay inside
their cell and empty lines are dropped. A vCard (``.vcf``) or iCalendar
(``.ics``) file is turned into the same kind of table by :mod:`.vcards` and
:mod:`.calendar_files`. Anything that cannot be read raises :class:`ImportRefused`
with words for a person, before anything is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 500
MAX_CELL = 100_000
SEPARATORS = (",", ";", "\t")


class ImportRefused(CareOpsError):
    """The file cannot be imported; ``str()`` says why in a person's words."""


@dataclass(frozen=True)
class SourceTable:
    """A file read as a table: ``headers`` and ``rows`` (every row as long as the headers)."""

    file_name: str
    digest: str  # sha256 of the file's bytes
    file_format: str  # "csv", "vcard" or "ics"
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str = "utf-8"
    separator: str = ","

    def column(self, header: str) -> int | None:
        """The index of the first column called ``header`` (case and spaces ignored)."""
        wanted = header.strip().casefold()
        for index, name in enumerate(self.headers):
            if name.strip().casefold() == wanted:
                return index
        return None


def read_source(path: Path | str, *, max_bytes: int = MAX_BYTES) -> SourceTable:
    """Read the file at ``path`` (worker thread: file IO); :class:`ImportRefused` if unreadable."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise ImportRefused(
            _("The file {file} cannot be opened: {reason}.").format(
                file=file.name, reason=exc.strerror
            )
        ) from None
    if size > max_bytes:
        raise ImportRefused(
            _(
                "The file {file} is {size} MB; an import takes files up to {limit} MB. "
                "Split it into smaller files and import each."
            ).format(file=file.name, size=f"{size / 1_048_576:.0f}", limit=_megabytes(max_bytes))
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ImportRefused(
            _("The file {file} cannot be read: {reason}.").format(
                file=file.name, reason=exc.strerror
            )
        ) from None
    return read_bytes(data, file.name, max_bytes=max_bytes)


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.0f}"


def read_bytes(data: bytes, file_name: str, *, max_bytes: int = MAX_BYTES) -> SourceTable:
    """Read ``data`` (the file's bytes) as CSV, vCard or iCalendar, by its content."""
    if len(data) > max_bytes:
        raise ImportRefused(
            _(
                "The file {file} is larger than {limit} MB; "
                "split it into smaller files and import each."
            ).format(file=file_name, limit=_megabytes(max_bytes))
        )
    digest = hashlib.sha256(data).hexdigest()
    text, encoding = decode(data)
    head = text.lstrip()[:200].upper()
    if head.startswith("BEGIN:VCARD"):
        from careops_desktop.core.services.imports.vcards import read_vcards

        headers, rows = read_vcards(text, file_name)
        return SourceTable(file_name, digest, "vcard", headers, rows, encoding)
    if head.startswith("BEGIN:VCALENDAR"):
        from careops_desktop.core.services.imports.calendar_files import read_calendar

        headers, rows = read_calendar(text, file_name)
        return SourceTable(file_name, digest, "ics", headers, rows, encoding)
    headers, rows, separator = read_csv_text(text, file_name)
    return SourceTable(file_name, digest, "csv", headers, rows, encoding, separator)


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with.

    A BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8 if it decodes, else
    UTF-16 when every other byte is NUL (a BOM-less UTF-16 file), else windows-1252
    (what Excel on Windows writes), whose few undefined bytes are refused.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:1000]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:
        return _decoded(data, "utf-16-le"), "utf-16-le"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4:
        return _decoded(data, "utf-16-be"), "utf-16-be"
    return _decoded(data, "cp1252"), "windows-1252"


def _decoded(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not readable text in {encoding}: it may not be a CSV, vCard or "
                "iCalendar file. Save it again as CSV (UTF-8) and try once more."
            ).format(encoding=encoding)
        ) from None


def _separator(text: str) -> str:
    """The separator of the header line: the one of , ; TAB it holds most of (outside quotes)."""
    first = _first_record(text)
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def _first_record(text: str) -> str:
    """The header line (quoted parts removed, so a ';' inside quotes does not count)."""
    out: list[str] = []
    quoted = False
    for char in text[:20_000]:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            if "".join(out).strip():
                break
            out.clear()
        elif not quoted:
            out.append(char)
    return "".join(out)


def read_csv_text(
    text: str, file_name: str
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]:
    """Headers, rows and the separator of CSV ``text``; empty lines are dropped.

    Rows shorter than the header are padded with empty cells; a row with more
    non-empty cells than there are headers is refused, as is a file with no rows.
    """
    if "\x00" in text:
        raise ImportRefused(
            _("The file {file} holds NUL characters: it is not a text (CSV) file.").format(
                file=file_name
            )
        )
    separator = _separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    headers: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if headers is None:
                headers = tuple(cell.strip() for cell in record)
                if len(headers) > MAX_COLUMNS:
                    raise ImportRefused(
                        _(
                            "The file {file} has {count} columns; at most {limit} can be imported."
                        ).format(file=file_name, count=len(headers), limit=MAX_COLUMNS)
                    )
                continue
            rows.append(_fit(record, len(headers), len(rows) + 1, file_name))
            if len(rows) > MAX_ROWS:
                raise ImportRefused(
                    _(
                        "The file {file} has more than {limit} rows; split it into "
                        "smaller files and import each."
                    ).format(file=file_name, limit=number_text(MAX_ROWS))
                )
    except csv.Error as exc:
        raise ImportRefused(
            _("The file {file} is not a readable CSV file: {reason}.").format(
                file=file_name, reason=exc
            )
        ) from None
    if headers is None:
        raise ImportRefused(_("The file {file} is empty.").format(file=file_name))
    if not rows:
        raise ImportRefused(
            _(
                "The file {file} has a header row but no rows under it: there is nothing to import."
            ).format(file=file_name)
        )
    return headers, tuple(rows), separator


def _fit(record: list[str], width: int, number: int, file_name: str) -> tuple[str, ...]:
    """``record`` made exactly ``width`` cells long, or :class:`ImportRefused`."""
    if len(record) > width:
        extra = record[width:]
        if any(cell.strip() for cell in extra):
            raise ImportRefused(
                _(
                    "Row {row} of {file} has {cells} cells but the header row names {width} "
                    "columns. Check the separator and the quotes in that row."
                ).format(row=number, file=file_name, cells=len(record), width=width)
            )
        record = record[:width]
    for cell in record:
        if len(cell) > MAX_CELL:
            raise ImportRefused(
                _("Row {row} of {file} has a cell longer than {limit} characters.").format(
                    row=number, file=file_name, limit=number_text(MAX_CELL)
                )
            )
    return tuple(record) + ("",) * (width - len(record))
