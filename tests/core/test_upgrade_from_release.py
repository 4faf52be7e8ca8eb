"""A database made by an earlier release opens in this one with every row still there.

Each release adds its fixture (``tests/fixtures/release-<version>.sqlite3.xz``, made by
that release's own ``careops demo --size small`` with ``scripts/make-release-fixture.py``;
docs/developer-notes.md). For each one: the command-line upgrade (``careops migrate``,
the same ``upgrade_to_head`` the window runs when it opens an older database) takes a
backup first, brings the schema to this release's head, and loses no row — whatever
number of migrations lie in between. Tables a later migration empties or splits on
purpose would be named in ``CHANGED_ON_PURPOSE`` with the reason.
"""

from __future__ import annotations

import lzma
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from careops_desktop import cli
from careops_desktop.core.db import Database
from careops_desktop.core.demo import plan
from careops_desktop.core.models import Base
from careops_desktop.core.schema import head_revision
from careops_desktop.core.services import auth

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("release-*.sqlite3.xz"))
CHANGED_ON_PURPOSE: dict[str, str] = {}  # table → why a migration changes its row count


def unpack(fixture: Path, folder: Path) -> Path:
    target = folder / fixture.name.removesuffix(".xz")
    target.write_bytes(lzma.decompress(fixture.read_bytes()))
    return target


def revision(path: Path) -> str | None:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return row[0] if row else None


def rows_by_table(path: Path) -> dict[str, tuple[int, frozenset[object]]]:
    """Each table's row count and the set of its ``id`` values (rowids where it has none).

    Only ordinary tables: a search index (an FTS5 virtual table and its shadow tables,
    migration 0012) is derived from the rows counted here."""
    found: dict[str, tuple[int, frozenset[object]]] = {}
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                " AND name NOT LIKE 'sqlite_%'"
            )
            if name != "alembic_version"
        ]
        for table in tables:
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")}
            key = "id" if "id" in columns else "rowid"
            ids = frozenset(v for (v,) in connection.execute(f'SELECT {key} FROM "{table}"'))
            count = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            found[table] = (count, ids)
    connection.close()
    return found


def test_there_is_a_fixture_of_the_previous_release() -> None:
    assert FIXTURES, "tests/fixtures/ holds no release database"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_a_release_database_upgrades_with_a_backup_and_every_row(
    fixture: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CAREOPS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CAREOPS_DB", raising=False)
    database_file = unpack(fixture, tmp_path)
    old_revision = revision(database_file)
    before = rows_by_table(database_file)
    assert old_revision and sum(count for count, _ in before.values()) > 1000

    assert cli.main(["--db", str(database_file), "migrate"]) == 0
    said = capsys.readouterr().out

    assert revision(database_file) == head_revision()
    backups = sorted((tmp_path / "home" / "backups").glob("*.sqlite3"))
    if old_revision == head_revision():  # no newer migration yet: nothing to back up
        assert "up to date" in said and not backups
    else:
        assert len(backups) == 1 and str(backups[0]) in said
        assert revision(backups[0]) == old_revision
        assert rows_by_table(backups[0]) == before  # the backup is the database as it was

    after = rows_by_table(database_file)
    for table, (count, ids) in before.items():
        if table in CHANGED_ON_PURPOSE:
            continue
        assert table in after, f"the upgrade dropped the table {table}"
        assert after[table][0] == count, f"{table}: {count} rows before, {after[table][0]} after"
        assert after[table][1] == ids, f"{table}: rows were replaced"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_this_release_reads_and_signs_in_on_an_upgraded_release_database(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREOPS_HOME", str(tmp_path / "home"))
    database_file = unpack(fixture, tmp_path)
    assert cli.main(["--db", str(database_file), "migrate"]) == 0
    database = Database(f"sqlite:///{database_file}")
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        actor = database.call(auth.login, plan.OWNER_EMAIL, plan.OWNER_PASSWORD)
        assert actor.name

        def read_every_model(session: object) -> dict[str, int]:
            """Each mapped class reads its rows: the models match the upgraded schema."""
            return {
                mapper.class_.__name__: len(session.scalars(select(mapper.class_)).all())  # type: ignore[attr-defined]
                for mapper in Base.registry.mappers
            }

        counts = database.call(read_every_model)
        assert counts and sum(counts.values()) > 1000
    finally:
        database.close()
