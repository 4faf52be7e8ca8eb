"""``careops backup`` and ``careops restore`` from the command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from careops_desktop.cli import main


def _contacts(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM contacts").fetchone()[0])


def test_backup_then_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_file = tmp_path / "shop.sqlite3"
    assert main(["--db", str(db_file), "migrate"]) == 0
    with sqlite3.connect(db_file) as connection:
        connection.execute(
            "INSERT INTO contacts (name, notes, created_at, updated_at)"
            " VALUES ('Ada', '', '2026-01-01', '2026-01-01')"
        )
    out_dir = tmp_path / "out"
    assert main(["--db", str(db_file), "backup", "-o", str(out_dir)]) == 0
    written = Path(capsys.readouterr().out.split("Backup written: ")[1].strip())
    assert written.parent == out_dir and _contacts(written) == 1

    with sqlite3.connect(db_file) as connection:
        connection.execute("DELETE FROM contacts")
    assert _contacts(db_file) == 0
    assert main(["--db", str(db_file), "restore", str(written), "--yes"]) == 0
    assert _contacts(db_file) == 1
    assert "The database as it was before:" in capsys.readouterr().out


def test_restore_of_a_broken_file_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "shop.sqlite3"
    assert main(["--db", str(db_file), "migrate"]) == 0
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"\x00" * 5000)
    assert main(["--db", str(db_file), "restore", str(broken), "--yes"]) == 2
    err = capsys.readouterr().err
    assert "cannot be restored" in err and "Traceback" not in err
