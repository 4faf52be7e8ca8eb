"""Files as they come from the wild: every encoding Excel and friends write, European
separators, quoted newlines, empty lines, a header alone, an oversize file. Each is read,
or refused with words for a person, and a refused file imports nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.models import Contact, ImportBatch
from careops_desktop.core.services import contacts, imports
from careops_desktop.core.services.imports.contact_rows import Refused, check_contact
from tests.core.booking_world import World
from tests.core.import_helpers import OWNER, count, run

TEXT = "name,email,phone,notes\nZoë Ångström,zoe@example.com,07400 123456,Café crème — “quoted”\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with its BOM, as Excel's "Unicode text"
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without a BOM
        (TEXT.encode("cp1252"), "windows-1252"),
    ],
)
def test_every_usual_encoding_reads_the_same(data: bytes, encoding: str) -> None:
    table = imports.read_bytes(data, "people.csv")
    assert table.encoding == encoding
    assert table.headers == ("name", "email", "phone", "notes")
    assert table.rows == (
        ("Zoë Ångström", "zoe@example.com", "07400 123456", "Café crème — “quoted”"),
    )


def test_semicolons_as_european_excel_writes() -> None:
    data = 'Name;Email;Phone;Notes\r\n"Smith; Jo";jo@example.com;07400 123456;"a, b"\r\n'
    table = imports.read_bytes(data.encode("cp1252"), "excel.csv")
    assert table.separator == ";"
    assert table.rows == (("Smith; Jo", "jo@example.com", "07400 123456", "a, b"),)


def test_quoted_newlines_stay_in_their_cell_and_empty_lines_are_dropped() -> None:
    data = 'name,notes\n\n"Jo","line one\nline two\r\n\r\nline four"\n\n,\n"Al",x\n\n'
    table = imports.read_bytes(data.encode(), "lines.csv")
    assert table.rows == (("Jo", "line one\nline two\r\n\r\nline four"), ("Al", "x"))


def test_short_rows_are_padded_and_long_rows_refused() -> None:
    assert imports.read_bytes(b"a,b,c\n1\n", "x.csv").rows == (("1", "", ""),)
    with pytest.raises(imports.ImportRefused, match=r"Row 1 of x\.csv has 4 cells"):
        imports.read_bytes(b"a,b\n1,2,3,4\n", "x.csv")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"\n\n  \n", "is empty"),
        (b"name,email,phone\n", "a header row but no rows"),
        (b"name,email,phone\r\n\r\n,,\r\n", "a header row but no rows"),
        (b"\x00\x01\x02\x03garbage\x00", "NUL characters"),
        (b"BEGIN:VCARD\nEND:VCARD-ish nonsense", "vCard file"),
        (b"BEGIN:VCALENDAR\nnonsense", "calendar file"),
    ],
)
def test_unreadable_files_are_refused_in_words(data: bytes, words: str) -> None:
    with pytest.raises(imports.ImportRefused, match=words):
        imports.read_bytes(data, "bad.csv")


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.csv"
    with big.open("wb") as out:
        out.write(b"name,email,phone\n")
        row = b"Jo Kent,jo@example.com,07400 123456\n"
        out.write(row * (100 * 1024 * 1024 // len(row)))
    assert big.stat().st_size >= 99 * 1024 * 1024
    with pytest.raises(
        imports.ImportRefused, match=r"huge.csv is 100 MB; an import takes files up to 50 MB"
    ):
        imports.read_source(big)


def test_a_missing_file_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(imports.ImportRefused, match="cannot be opened"):
        imports.read_source(tmp_path / "nowhere.csv")


def test_a_refused_mapping_imports_nothing(db: Database, world: World) -> None:
    table = imports.read_bytes(b"notes,other\nx,y\n", "x.csv")
    with pytest.raises(ValidationError, match="name"):
        db.call(
            imports.run_import,
            OWNER,
            table,
            imports.ImportOptions("contacts", ("notes", "")),
        )
    assert count(db, ImportBatch) == 0


def test_a_failure_half_way_leaves_nothing(db: Database, world: World) -> None:
    """A cancelled or failed import rolls back whole: no contact, no batch."""
    rows = "".join(f"Person {i},p{i}@example.com,\n" for i in range(5000))
    table = imports.read_bytes(("name,email,phone\n" + rows).encode(), "many.csv")
    before = count(db, Contact)

    class Stop(Exception):
        pass

    def progress(done: int, total: int, text: str = "") -> None:
        if done >= 3000:
            raise Stop

    with pytest.raises(Stop):
        db.call(
            imports.run_import,
            OWNER,
            table,
            imports.ImportOptions("contacts", ("name", "email", "phone")),
            progress=progress,
        )
    assert count(db, Contact) == before
    assert count(db, ImportBatch) == 0


CELLS = st.text(max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=CELLS, email=CELLS, phone=CELLS, notes=CELLS)
def test_any_text_in_any_cell_never_raises(name: str, email: str, phone: str, notes: str) -> None:
    """Stored exactly as the contact rules keep it, or refused with a reason; never an error."""
    values = {
        k: v.strip()
        for k, v in dict(name=name, email=email, phone=phone, notes=notes).items()
        if v.strip()
    }
    try:
        clean = check_contact(values, "GB")
    except Refused as exc:
        assert str(exc)
        return
    assert clean.name == contacts.check_person_name(values["name"])
    assert clean.email == (contacts.normalize_email(values["email"]) if "email" in values else None)
    assert clean.phone == (
        contacts.normalize_phone(values["phone"], "GB") if "phone" in values else None
    )
    assert clean.notes == values.get("notes", "")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=20), min_size=3, max_size=3), min_size=1, max_size=5))
def test_any_csv_the_csv_module_writes_reads_back(rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "email", "phone"])
    writer.writerows(rows)
    try:
        table = imports.read_bytes(buffer.getvalue().encode("utf-8"), "gen.csv")
    except imports.ImportRefused as exc:
        assert str(exc)
        return
    kept = [tuple(r) for r in rows if any(c.strip() for c in r)]
    # a cell's text is kept exactly (the csv module may turn \r\n into \n only inside quotes)
    assert [tuple(c.replace("\r", "") for c in r) for r in table.rows] == [
        tuple(c.replace("\r", "") for c in r) for r in kept
    ]


def test_stored_rows_match_what_the_dry_run_showed(db: Database, world: World) -> None:
    table = imports.read_bytes(TEXT.encode("utf-16"), "people.csv")
    dry = run(db, table, dry_run=True)
    assert count(db, Contact) == 1  # the world's one contact: nothing written
    real = run(db, table)
    assert [r.values for r in dry.rows] == [r.values for r in real.rows]
    with db.session() as s:
        stored = s.execute(
            select(Contact.name, Contact.notes).where(Contact.email == "zoe@example.com")
        ).one()
    assert tuple(stored) == ("Zoë Ångström", "Café crème — “quoted”")


ROW_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@pytest.mark.sqlite_only
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(st.tuples(ROW_TEXT, ROW_TEXT, ROW_TEXT, ROW_TEXT), min_size=1, max_size=4))
def test_any_cells_through_a_real_file_and_database(
    db: Database, world: World, rows: list[tuple[str, ...]]
) -> None:
    """Generated cells written as a CSV file, read and imported: every row is added exactly as
    the contact rules keep it, or skipped or refused with a reason; nothing raises."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "email", "phone", "notes"])
    writer.writerows(rows)
    try:
        table = imports.read_bytes(buffer.getvalue().encode("utf-8"), "gen.csv")
    except imports.ImportRefused as exc:
        assert str(exc)
        return
    result = db.call(
        imports.run_import,
        OWNER,
        table,
        imports.ImportOptions("contacts", ("name", "email", "phone", "notes"), duplicates="anyway"),
    )
    assert len(result.rows) == len(table.rows)
    with db.session() as s:
        stored = {
            (c.name, c.email or "", c.phone or "", c.notes)
            for c in s.execute(select(Contact.name, Contact.email, Contact.phone, Contact.notes))
        }
    for outcome in result.rows:
        assert outcome.action in (imports.ADD, imports.REFUSE, imports.ALREADY)
        if outcome.action == imports.REFUSE:
            assert outcome.reason
        if outcome.action == imports.ADD:
            assert tuple(value for _, value in outcome.values) in stored
