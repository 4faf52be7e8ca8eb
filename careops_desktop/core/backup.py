"""SQLite backups and restore, always through the online backup API.

- ``backup_file`` copies a live database consistently (never a plain file copy).
- ``take_backup`` writes a dated backup into the backups folder and prunes old
  ones: 7 daily, 4 weekly and 12 monthly are kept.
- ``restore_backup`` checks the chosen file's integrity first, keeps a copy of
  the current database, then copies the backup over it.
- ``quick_check`` runs ``PRAGMA quick_check`` at start-up.

Backups hold the database only: credentials live in the OS keyring and never
enter the database, so no backup can carry them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _

BACKUP_SUFFIX = ".sqlite3"
_STAMP = re.compile(r"-(\d{8})-(\d{6})" + re.escape(BACKUP_SUFFIX) + "$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class BackupError(CareOpsError):
    """A backup or restore could not be done; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size_bytes: int


def sqlite_path(engine: Engine) -> Path:
    """The file behind a SQLite engine."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database:
        raise BackupError(
            _(
                "Backups from CareOps are for the SQLite database file; back up a PostgreSQL "
                "server with its own tools (pg_dump)."
            )
        )
    return Path(database)


def backup_file(source: Path, destination: Path) -> Path:
    """Copy the database ``source`` to ``destination`` consistently, even while it is in use."""
    if not source.exists():
        raise BackupError(_("There is no database at {path}.").format(path=source))
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".part")
    tmp.unlink(missing_ok=True)
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
    name = f"{sqlite_path(engine).stem}-before-migration-{revision}-{stamp}{BACKUP_SUFFIX}"
    return backup_file(sqlite_path(engine), backup_dir / name)


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """The problems ``PRAGMA integrity_check`` (or ``quick_check``) reports; empty when sound.

    A file that is not a SQLite database at all is reported as one problem.
    """
    if not path.exists():
        return [_("{path} does not exist").format(path=path)]
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = [str(r[0]) for r in connection.execute(f"PRAGMA {pragma}")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [_("not a readable database: {reason}").format(reason=exc)]
    return [] if rows == ["ok"] else rows


def quick_check(engine: Engine) -> list[str]:
    """Start-up check of the app's database; empty when it is sound."""
    return integrity_problems(sqlite_path(engine), quick=True)


def _taken_at(path: Path) -> datetime | None:
    match = _STAMP.search(path.name)
    if not match:
        return None
    return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups in ``backup_dir``, newest first."""
    found: list[BackupInfo] = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.glob(f"*{BACKUP_SUFFIX}"):
        taken = _taken_at(path)
        if taken is not None:
            found.append(BackupInfo(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(
    engine: Engine, backup_dir: Path, *, now: datetime | None = None, kind: str = "daily"
) -> Path:
    """Write a dated backup of the app's database and prune old automatic backups."""
    now = now or datetime.now(UTC)
    stem = sqlite_path(engine).stem
    destination = backup_dir / f"{stem}-{kind}-{now:%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"
    backup_file(sqlite_path(engine), destination)
    prune_backups(backup_dir, stem=stem)
    return destination


def backups_to_keep(taken: list[datetime]) -> set[datetime]:
    """Which backup times a 7 daily / 4 weekly / 12 monthly policy keeps.

    The newest backup of each of the latest 7 days, of the latest 4 ISO weeks and
    of the latest 12 months is kept; everything else may go.
    """
    keep: set[datetime] = set()
    rules: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: tuple(t.isocalendar())[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for limit, key in rules:
        seen: list[object] = []
        for t in sorted(taken, reverse=True):
            bucket = key(t)
            if bucket in seen:
                continue
            seen.append(bucket)
            if len(seen) > limit:
                break
            keep.add(t)
    return keep


def prune_backups(backup_dir: Path, *, stem: str) -> list[Path]:
    """Delete automatic backups of database ``stem`` that the policy no longer keeps."""
    mine = [b for b in list_backups(backup_dir) if b.path.name.startswith(f"{stem}-daily-")]
    keep = backups_to_keep([b.taken_at for b in mine])
    removed = []
    for b in mine:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def backup_due(backup_dir: Path, stem: str, now: datetime) -> bool:
    """True when no automatic backup of ``stem`` was taken on ``now``'s UTC date."""
    today: date = now.date()
    return not any(
        b.taken_at.date() == today
        for b in list_backups(backup_dir)
        if b.path.name.startswith(f"{stem}-daily-")
    )


def restore_backup(backup: Path, database: Path, backup_dir: Path) -> Path:
    """Replace ``database`` with ``backup`` after checking it; returns the safety copy.

    The database must not be open in this process (close the ``Database`` first).
    Refuses a damaged or foreign file and leaves the current database untouched.
    """
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(
            _("{file} cannot be restored: it failed its integrity check ({problem}).").format(
                file=backup.name, problem=problems[0]
            )
        )
    connection = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    if "bookings" not in tables or "alembic_version" not in tables:
        raise BackupError(_("{file} is not a CareOps database.").format(file=backup.name))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    safety = backup_dir / f"{database.stem}-before-restore-{stamp}{BACKUP_SUFFIX}"
    if database.exists() and not integrity_problems(database, quick=True):
        backup_file(database, safety)
    elif database.exists():
        # a damaged database cannot go through the backup API; keep its bytes as they are
        backup_dir.mkdir(parents=True, exist_ok=True)
        safety = safety.with_name(safety.stem + "-damaged" + BACKUP_SUFFIX)
        safety.write_bytes(database.read_bytes())
    for leftover in (Path(str(database) + "-wal"), Path(str(database) + "-shm")):
        leftover.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        tmp = database.with_name(database.name + ".restoring")
        tmp.unlink(missing_ok=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(database)
    return safety
