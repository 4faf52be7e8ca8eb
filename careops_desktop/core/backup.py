"""SQLite backups with the online backup API (never a plain file copy of a live database)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine


def sqlite_path(engine: Engine) -> Path:
    """The file behind a SQLite engine."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database:
        raise ValueError("backups of this kind are for SQLite database files")
    return Path(database)


def backup_file(source: Path, destination: Path) -> Path:
    """Copy the database ``source`` to ``destination`` consistently, even while it is in use."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(destination)
    return destination


def backup_before_migration(engine: Engine, backup_dir: Path, revision: str) -> Path:
    """Back up an existing database before its schema changes; returns the new file."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = f"{sqlite_path(engine).stem}-before-migration-{revision}-{stamp}.sqlite3"
    return backup_file(sqlite_path(engine), backup_dir / name)
