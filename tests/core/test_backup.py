"""Backups: online copies, the 7/4/12 retention, integrity checks and restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careops_desktop.core import backup
from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact

pytestmark = pytest.mark.sqlite_only  # SQLite files, its backup API and its locking


def _add_contacts(db: Database, n: int, prefix: str = "C") -> None:
    with db.write_session() as s:
        for i in range(n):
            s.add(Contact(name=f"{prefix}{i}"))


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Contact)) or 0)


def test_backup_of_a_live_database_is_complete_and_sound(db: Database, tmp_path: Path) -> None:
    _add_contacts(db, 25)
    target = backup.take_backup(db.engine, tmp_path / "backups")
    assert backup.integrity_problems(target) == []
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM contacts").fetchone()[0] == 25
    assert [b.path for b in backup.list_backups(tmp_path / "backups")] == [target]


def test_retention_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2025, 1, 1, 3, 0, tzinfo=UTC)
    taken = [start + timedelta(days=d) for d in range(400)]
    keep = backup.backups_to_keep(taken)
    newest = taken[-1]
    # the last 7 days are all kept
    assert all(newest - timedelta(days=d) in keep for d in range(7))
    # nothing older than about a year survives
    assert min(keep) >= newest - timedelta(days=366)
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12


def test_prune_removes_only_what_the_policy_drops(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    base = datetime(2026, 1, 1, 2, tzinfo=UTC)
    for day in range(40):
        backup.take_backup(db.engine, folder, now=base + timedelta(days=day))
    remaining = backup.list_backups(folder)
    assert 7 <= len(remaining) <= 7 + 4 + 12
    assert remaining[0].taken_at == base + timedelta(days=39)
    assert not backup.backup_due(folder, "careops-test", base + timedelta(days=39, hours=5))
    assert backup.backup_due(folder, "careops-test", base + timedelta(days=40, hours=5))


def test_damage_then_restore_brings_the_data_back(db_url: str, tmp_path: Path) -> None:
    from careops_desktop.core.schema import upgrade_to_head

    db = Database(db_url)
    upgrade_to_head(db.engine)
    _add_contacts(db, 10)
    folder = tmp_path / "backups"
    good = backup.take_backup(db.engine, folder)
    path = backup.sqlite_path(db.engine)
    db.close()
    # damage the file: overwrite pages in the middle
    raw = bytearray(path.read_bytes())
    for offset in range(4096, min(len(raw), 4096 * 6)):
        raw[offset] = 0xA5
    path.write_bytes(bytes(raw))
    Path(str(path) + "-wal").unlink(missing_ok=True)
    assert backup.integrity_problems(path, quick=True) != []

    safety = backup.restore_backup(good, path, folder)
    assert safety.exists()
    assert backup.integrity_problems(path) == []
    db2 = Database(db_url)
    try:
        assert _count(db2) == 10
    finally:
        db2.close()


def test_restore_refuses_a_damaged_or_foreign_file(db: Database, tmp_path: Path) -> None:
    _add_contacts(db, 3)
    path = backup.sqlite_path(db.engine)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(backup.BackupError, match="integrity"):
        backup.restore_backup(junk, path, tmp_path / "b")
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (x)")
    with pytest.raises(backup.BackupError, match="not a CareOps database"):
        backup.restore_backup(foreign, path, tmp_path / "b")
    assert _count(db) == 3


def test_backups_are_refused_for_postgresql_with_a_way_out() -> None:
    from sqlalchemy import create_engine

    engine = create_engine("postgresql://u@localhost/x")
    with pytest.raises(backup.BackupError, match="pg_dump"):
        backup.sqlite_path(engine)
