"""``careops export all`` guards spreadsheet formulas by default; ``--raw`` keeps exact text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careops_desktop.cli import main
from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import contacts
from careops_desktop.exports.everything import export_all

SYSTEM = Actor.system("Test")
FORMULA = '=HYPERLINK("http://evil.test","Click")'


def notes_of(folder: Path) -> list[str]:
    with (folder / "contacts.csv").open(encoding="utf-8-sig", newline="") as stream:
        return [row["notes"] for row in csv.DictReader(stream)]


def a_contact_typed_a_formula(db: Database) -> None:
    db.call(
        contacts.create_contact,
        SYSTEM,
        name="Ada Lovelace",
        phone="",
        email="ada@example.com",
        notes=FORMULA,
    )


def test_export_all_guards_formulas_by_default_and_says_so(db: Database, tmp_path: Path) -> None:
    a_contact_typed_a_formula(db)
    with db.session() as session:
        export_all(session, SYSTEM, tmp_path / "guarded")
        export_all(session, SYSTEM, tmp_path / "raw", raw=True)
    assert notes_of(tmp_path / "guarded") == ["'" + FORMULA]
    assert notes_of(tmp_path / "raw") == [FORMULA]
    guarded = (tmp_path / "guarded" / "README.txt").read_text(encoding="utf-8")
    raw = (tmp_path / "raw" / "README.txt").read_text(encoding="utf-8")
    assert "has an apostrophe (') put in front of it" in guarded and "--raw" in guarded
    assert "exactly as stored (exported with --raw)" in raw
    assert "apostrophe (') put in front" not in raw


@pytest.mark.sqlite_only  # the command line opens the SQLite file by its URL
def test_the_command_line_guards_unless_raw(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_contact_typed_a_formula(db)
    db.close()
    assert main(["--db", db_url, "export", "all", "-o", str(tmp_path / "default")]) == 0
    assert main(["--db", db_url, "export", "all", "-o", str(tmp_path / "excel"), "--excel"]) == 0
    assert main(["--db", db_url, "export", "all", "-o", str(tmp_path / "raw"), "--raw"]) == 0
    assert notes_of(tmp_path / "default") == ["'" + FORMULA]
    assert notes_of(tmp_path / "excel") == ["'" + FORMULA]
    assert notes_of(tmp_path / "raw") == [FORMULA]
    assert "exactly as stored (--raw)" in capsys.readouterr().out
