"""The backups of one database as the recovery screen and Settings → Backups list them.

No widgets here (only QLocale and the translations): plain rows (newest first) with
their kind in words, and the date and size as a person reads them. The backups folder
is shared by every database of this computer (the real one and the demo), so rows are
filtered by the database's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale

from careops_desktop.core import backup
from careops_desktop.ui.i18n import counted, translate

#: the name part after ``<stem>-`` → how the kind reads
KINDS: tuple[tuple[str, str], ...] = (
    ("daily-", str(QT_TRANSLATE_NOOP("BackupRows", "Daily (automatic)"))),
    ("manual-", str(QT_TRANSLATE_NOOP("BackupRows", "Made by hand"))),
    ("before-migration-", str(QT_TRANSLATE_NOOP("BackupRows", "Before an update"))),
    ("before-restore-", str(QT_TRANSLATE_NOOP("BackupRows", "Before a restore"))),
)


@dataclass(frozen=True)
class BackupRow:
    path: Path
    taken_at: datetime  # UTC
    size_bytes: int
    kind: str

    @property
    def taken_text(self) -> str:
        return taken_text(self.taken_at)

    @property
    def size_text(self) -> str:
        return size_text(self.size_bytes)


def kind_of(name: str, stem: str) -> str | None:
    """The kind of backup file ``name`` of database ``stem`` (None: another database's)."""
    prefix = f"{stem}-"
    if not name.startswith(prefix):
        return None
    rest = name[len(prefix) :]
    for start, words in KINDS:
        if rest.startswith(start):
            return translate("BackupRows", words)
    return None


def backups_of(folder: Path, stem: str) -> list[BackupRow]:
    """This database's backups in ``folder``, newest first (reads the folder: off the UI thread)."""
    rows: list[BackupRow] = []
    for info in backup.list_backups(folder):
        kind = kind_of(info.path.name, stem)
        if kind is not None:
            rows.append(BackupRow(info.path, info.taken_at, info.size_bytes, kind))
    return rows


def first_sound_backup(rows: list[BackupRow]) -> BackupRow | None:
    """The newest row whose file passes a full integrity check (slow: off the UI thread)."""
    for row in rows:
        if not backup.integrity_problems(row.path):
            return row
    return None


def taken_text(moment: datetime) -> str:
    """A UTC time in this computer's local time, e.g. ``2025-03-03 10:30`` (ISO, like the
    backup files' names, in every language)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    """Bytes as a person reads them: ``812 KB``, ``3.4 MB``."""
    locale = QLocale()
    if size < 1024:
        return counted(translate("BackupRows", "%n byte(s)", "", size), size)
    if size < 1024 * 1024:
        return f"{locale.toString(size / 1024, 'f', 0)} KB"
    if size < 1024**3:
        return f"{locale.toString(size / 1024 / 1024, 'f', 1)} MB"
    return f"{locale.toString(size / 1024**3, 'f', 2)} GB"
