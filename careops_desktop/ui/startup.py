"""Opening the database at start-up, before anyone signs in.

:func:`open_checked_database` promises one of two things: a :class:`Database` that
opened and (for SQLite) passed ``PRAGMA quick_check``, or ``None`` after the person was
told why in words (a refused location such as a network drive, a file that cannot be
opened) or chose Quit on the recovery screen. Never a traceback.

Every step that touches the disk runs on the shared pool (``off_thread.run_off_thread``); the
Qt thread only shows dialogs. A damaged SQLite file opens
:class:`~careops_desktop.ui.recovery.RecoveryDialog` with the database closed; after a
restore the database is opened and checked again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog
from sqlalchemy.engine import make_url

from careops_desktop.core import backup
from careops_desktop.core.db import Database
from careops_desktop.core.errors import CareOpsError
from careops_desktop.ui import early_check
from careops_desktop.ui.backup_rows import BackupRow, backups_of, taken_text
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.ops import BUSY_DELAY_MS
from careops_desktop.ui.recovery import RecoveryDialog

log = logging.getLogger(__name__)

AwaitDialog = Callable[[QDialog], Awaitable[int]]
TITLE = "CareOps"


async def open_checked_database(
    url: str, backup_dir: Path, await_dialog: AwaitDialog
) -> Database | None:
    """The opened, sound database for ``url``; None once the person has been told why not."""
    while True:
        database = await _connect(url, await_dialog)
        if database is None:
            return None
        problems = await _checked(database)
        if not problems:
            return database
        path = backup.sqlite_path(database.engine)
        log.error("the database %s failed its start-up check: %s", path, "; ".join(problems[:5]))
        await run_off_thread(database.close)
        rows = await run_off_thread(backups_of, backup_dir, path.stem)
        dialog = RecoveryDialog(path, backup_dir, problems, rows)
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        if dialog.restored_from is not None:
            await await_dialog(_restored_box(dialog, rows))


async def restore_between_sessions(
    url: str, chosen: Path, backup_dir: Path, await_dialog: AwaitDialog
) -> bool:
    """Restore ``chosen`` over the SQLite database of ``url`` while nothing has it open.

    Called by the controller between two sessions (Settings → Backups → Restore…). The
    person is told the outcome; on a refusal the database stays as it was. True: restored.
    """
    target = Path(make_url(url).database or "")
    try:
        safety = await run_off_thread(backup.restore_backup, chosen, target, backup_dir)
    except (backup.BackupError, OSError) as exc:
        log.warning("restoring %s failed: %s", chosen.name, exc)
        reason = str(exc) if isinstance(exc, backup.BackupError) else f"{exc.strerror or exc}."
        words = translate(
            "Startup", "{reason} The database was not changed; CareOps opens it as it was."
        )
        await await_dialog(message_box(words.format(reason=reason)))
        return False
    log.info("restored the database from %s; the previous one is kept as %s", chosen, safety)
    await await_dialog(
        message_box(
            translate(
                "Startup",
                "The database was restored from {file}. A copy of the database as it was "
                "before is kept as {copy}. Sign in again to carry on.",
            ).format(file=chosen.name, copy=safety),
            QMessageBox.Icon.Information,
        )
    )
    return True


async def _connect(url: str, await_dialog: AwaitDialog) -> Database | None:
    """``Database(url)`` off the Qt thread (the network-drive check may touch a slow disk)."""
    try:
        return await run_off_thread(Database, url)
    except CareOpsError as exc:
        log.warning("the database was refused: %s", exc)
        await await_dialog(message_box(str(exc)))
    except Exception as exc:  # a URL or driver problem: words, the rest in the log
        log.exception("could not open the database")
        await await_dialog(
            message_box(
                translate(
                    "Startup",
                    "CareOps could not open its database. Check the database setting "
                    "(--db, CAREOPS_DB or Settings → Database connection). ({error})",
                ).format(error=type(exc).__name__)
            )
        )
    return None


async def _checked(database: Database) -> list[str]:
    """``PRAGMA quick_check`` of an existing SQLite file (nothing to check otherwise)."""
    if not database.is_sqlite:
        return []
    path = backup.sqlite_path(database.engine)
    if not await run_off_thread(path.exists):
        return []  # a new database: created by the migration that follows
    progress = DelayedBusy(
        TITLE, translate("Startup", "Checking the database…"), name="careopsCheckProgress"
    )
    try:
        early = early_check.take(path)  # begun by ``careops`` before the imports
        found = await asyncio.wrap_future(early) if early is not None else None
        if found is not None:
            return found
        return await run_off_thread(backup.quick_check, database.engine)
    finally:
        progress.close()


def message_box(text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A message box with ``text`` as plain text and one OK button (not yet shown)."""
    box = QMessageBox()
    box.setObjectName("careopsStartupMessage")
    box.setIcon(icon)
    box.setWindowTitle(TITLE)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def _restored_box(dialog: RecoveryDialog, rows: list[BackupRow]) -> QMessageBox:
    assert dialog.restored_from is not None
    row = next((r for r in rows if r.path == dialog.restored_from), None)
    if row is not None:
        text = translate(
            "Startup",
            "The database was restored from the backup of {taken} ({file}). "
            "Work done after that backup is not in it.",
        )
    else:
        text = translate(
            "Startup",
            "The database was restored from the backup ({file}). "
            "Work done after that backup is not in it.",
        )
    text = text.format(
        taken=taken_text(row.taken_at) if row is not None else "",
        file=dialog.restored_from.name,
    )
    if dialog.safety_copy:
        kept = translate("Startup", "The damaged file is kept as {file}.")
        text += " " + kept.format(file=dialog.safety_copy)
    return message_box(text, QMessageBox.Icon.Information)


class DelayedBusy:
    """A busy window (no Cancel) that shows only if the work lasts longer than half a second.

    ``close()`` when the work ends: the window closes, or never appears.
    """

    def __init__(self, title: str, label: str, *, name: str) -> None:
        self.dialog = QProgressDialog(label, "", 0, 0)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)
        self.dialog.setObjectName(name)
        self.dialog.reset()  # a QProgressDialog shows itself after 4 s unless reset
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dialog.show)
        self.timer.start(BUSY_DELAY_MS)

    def close(self) -> None:
        self.timer.stop()
        self.dialog.close()
        self.dialog.deleteLater()
