"""Settings → Backups: this database's backups, "Back up now", "Restore…", the folder.

The list (newest first: date, size, kind) is read from the backups folder on a thread
of its own. "Back up now" copies the live database with SQLite's online backup API
behind a progress dialog (it never holds the database worker). "Restore…" checks the
chosen backup first (a damaged file is refused here, in words), names what will be
replaced and that a copy is kept, then asks the app to close, restore and open again
(:mod:`careops_desktop.ui.restore_request`). Restoring is for owners and managers.

On PostgreSQL the page says to back up the server with its own tools.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from careops_desktop.config import backups_dir
from careops_desktop.core import backup
from careops_desktop.core.permissions import Role
from careops_desktop.ui import off_thread
from careops_desktop.ui.awaitable import dialog_result
from careops_desktop.ui.backup_rows import BackupRow, backups_of
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.ops import ProgressReporter
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.restore_request import restore_requests
from careops_desktop.ui.settings.registry import SettingsContext

log = logging.getLogger(__name__)


def back_up_now(engine: Engine, folder: Path, *, progress: ProgressReporter) -> Path:
    """A manual backup (worker thread, not the database worker); returns its path."""
    progress(0, 0, translate("BackupsPage", "Copying the database…"))
    try:
        return backup.take_backup(engine, folder, kind="manual")
    except OSError as exc:  # disk full, no permission: words for the page
        reason = exc.strerror or type(exc).__name__
        raise backup.BackupError(
            translate(
                "BackupsPage", "The backup could not be written to {folder}: {reason}."
            ).format(folder=folder, reason=reason)
        ) from None


class BackupsPage(QWidget):
    """The backups list and its three buttons (see the module doc)."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.engine = context.ops.database.engine
        self.is_sqlite = context.ops.database.is_sqlite
        self.folder = backups_dir()
        self.rows: list[BackupRow] = []
        self.may_restore = context.actor.role in (Role.OWNER, Role.MANAGER)
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # the OS's file manager
        self.confirm_box: QMessageBox | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.setMaximumWidth(860)

        self.intro = plain_label(wrap=True)
        self.intro.setObjectName("backupsIntro")
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Kind")])
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backUpNow")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        self.folder_button = QPushButton(self.tr("Open backups folder"))
        self.folder_button.setObjectName("openBackupsFolder")
        self.status = plain_label(wrap=True)
        self.status.setObjectName("backupsStatus")
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)

        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        if self.is_sqlite:
            database = backup.sqlite_path(self.engine)
            set_plain(
                self.intro,
                self.tr(
                    "Backups of {database} are kept in {folder}. CareOps takes one a day "
                    "by itself (the last 7 days, 4 weeks and 12 months are kept) and one whenever "
                    "you press “Back up now”. Backups hold no passwords: those stay in this "
                    "computer's keyring. Copy a backup to a USB stick now and then."
                ).format(database=database, folder=self.folder),
            )
            self.refresh()
        else:
            where = self.engine.url.render_as_string(hide_password=True)
            set_plain(
                self.intro,
                self.tr(
                    "This computer uses the PostgreSQL database {database}. Back it up on the "
                    "server with PostgreSQL's own tools (pg_dump); the backups here are for a "
                    "SQLite database file."
                ).format(database=where),
            )
            self.table.hide()
        self._update_buttons()

    # -- list -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the backups folder again (off the Qt thread)."""
        stem = backup.sqlite_path(self.engine).stem
        off_thread.spawn(self._load(stem), into=self._tasks)

    async def _load(self, stem: str) -> None:
        rows = await run_off_thread(backups_of, self.folder, stem)
        if not shiboken6.isValid(self):
            return
        self.rows = rows
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            items = [QStandardItem(row.taken_text), QStandardItem(row.size_text)]
            items.append(QStandardItem(row.kind))
            self.model.appendRow(items)
        self._update_buttons()

    def selected_row(self) -> BackupRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        number = indexes[0].row()
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def _update_buttons(self, *_: object) -> None:
        self.backup_button.setEnabled(self.is_sqlite)
        self.folder_button.setEnabled(self.is_sqlite)
        self.restore_button.setEnabled(
            self.is_sqlite and self.may_restore and self.selected_row() is not None
        )
        if not self.may_restore:
            self.restore_button.setToolTip(self.tr("Owners and managers restore backups."))

    # -- buttons --------------------------------------------------------------------------

    def back_up(self) -> None:
        """Write a manual backup now, behind a progress dialog; the list then shows it."""
        self.backup_button.setEnabled(False)
        set_plain(self.status, self.tr("Backing up…"))
        self.ops.progress_task(
            back_up_now,
            self.engine,
            self.folder,
            title=self.tr("Backing up"),
            label=self.tr("Copying the database…"),
            use_database=False,
            on_done=self._backed_up,
            on_error=self._backup_failed,
        )

    def _backed_up(self, path: Path) -> None:
        if not shiboken6.isValid(self):
            return
        set_plain(self.status, self.tr("Backup written: {file}").format(file=path.name))
        self._update_buttons()
        self.refresh()

    def _backup_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        set_plain(self.status, str(exc))
        self._update_buttons()

    def restore_selected(self) -> None:
        """Check the selected backup, confirm, then ask the app to restore it."""
        row = self.selected_row()
        if row is not None and self.may_restore:
            off_thread.spawn(self._restore(row), into=self._tasks)

    async def _restore(self, row: BackupRow) -> None:
        self.restore_button.setEnabled(False)
        set_plain(self.status, self.tr("Checking {file}…").format(file=row.path.name))
        problems = await run_off_thread(backup.integrity_problems, row.path)
        if not shiboken6.isValid(self):
            return
        if problems:
            set_plain(
                self.status,
                self.tr(
                    "{file} cannot be restored: it failed its integrity check "
                    "({problem}). Nothing was changed; choose another backup."
                ).format(file=row.path.name, problem=problems[0]),
            )
            self._update_buttons()
            return
        set_plain(self.status, "")
        database = backup.sqlite_path(self.engine)
        box = QMessageBox(self)
        box.setObjectName("confirmRestore")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore a backup"))
        box.setText(self.tr("Restore the backup of {taken}?").format(taken=row.taken_text))
        box.setInformativeText(
            self.tr(
                "This replaces the database {database} with the backup {file}: "
                "everything done after {taken} will be gone from it.\n\n"
                "A copy of the database as it is now is kept in {folder}.\n\n"
                "CareOps will close this window, restore the backup and open again; "
                "you then sign in again."
            ).format(
                database=database, file=row.path.name, taken=row.taken_text, folder=self.folder
            )
        )
        restore = box.addButton(self.tr("Restore and reopen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        await dialog_result(box)
        chosen = box.clickedButton() is restore
        self.confirm_box = None
        box.deleteLater()
        if not shiboken6.isValid(self):
            return
        self._update_buttons()
        if chosen:
            log.info("restore of %s requested from Settings", row.path.name)
            restore_requests().requested.emit(str(row.path))

    def open_folder(self) -> None:
        """Show the backups folder in the system's file manager."""
        self.open_url(QUrl.fromLocalFile(str(self.folder)))

    # -- tasks ----------------------------------------------------------------------------
