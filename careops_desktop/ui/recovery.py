"""The recovery screen: the database failed its start-up check; restore a backup or quit.

Shown by :mod:`careops_desktop.ui.startup` before anything else opens, with the
database already closed. It says plainly what is wrong, lists this database's
backups newest first (date, size, kind) and offers:

- "Restore the latest good backup": the newest backup that passes a full
  integrity check;
- "Choose another backup…": any file (a copy on a USB stick, an older backup);
- "Quit": nothing changes.

A restore keeps the damaged file beside the backups (``core.backup.restore_backup``)
and accepts the dialog; the caller then opens the database again. The checks and the
copy run on a thread of their own; a refused file is explained in the dialog.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QCloseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core import backup
from careops_desktop.ui import off_thread
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.backup_rows import BackupRow, first_sound_backup
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.plain import plain_label, set_plain

log = logging.getLogger(__name__)

FILE_FILTER = str(QT_TRANSLATE_NOOP("RecoveryDialog", "CareOps backups (*.sqlite3);;All files (*)"))


class RecoveryDialog(NamedOnShow, QDialog):
    """Restore a backup over a damaged database (see the module doc).

    After ``accepted``: ``restored_from`` is the backup used, ``safety_copy`` where the
    damaged file was kept.
    """

    def __init__(
        self,
        database_path: Path,
        backup_dir: Path,
        problems: list[str],
        rows: list[BackupRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("careopsRecovery")
        self.setWindowTitle(self.tr("CareOps: the database is damaged"))
        self.database_path = database_path
        self.backup_dir = backup_dir
        self.rows = rows
        self.restored_from: Path | None = None
        self.safety_copy: Path | None = None
        self.file_dialog: QFileDialog | None = None
        self._task: asyncio.Task[None] | None = None

        headline = plain_label(self.tr("The CareOps database is damaged."))
        font = headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        headline.setFont(font)
        first = problems[0] if problems else self.tr("unknown problem")
        if len(problems) > 1:
            found = self.tr(
                "The start-up check of {database} found a problem: {problem} (and %n more).",
                "",
                len(problems) - 1,
            )
        else:
            found = self.tr("The start-up check of {database} found a problem: {problem}.")
        explanation = plain_label(
            found.format(database=database_path, problem=first)
            + "\n"
            + self.tr(
                "CareOps will not open a damaged database, so that nothing more is lost. "
                "Restore a backup to carry on: the damaged file is kept beside the backups, "
                "and work done since that backup will be missing."
            ),
            wrap=True,
        )
        explanation.setObjectName("recoveryExplanation")

        self.table = QTableView()
        self.table.setObjectName("recoveryBackups")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Kind")])
        for row in rows:
            items = [QStandardItem(row.taken_text), QStandardItem(row.size_text)]
            items.append(QStandardItem(row.kind))
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        if not rows:
            self.table.hide()
        listing = (
            self.tr("Backups of this database in {folder}, newest first:")
            if rows
            else self.tr(
                "There is no backup of this database in {folder}. If you keep a copy "
                "elsewhere (a USB stick, another computer), choose it with "
                "“Choose another backup…”."
            )
        ).format(folder=backup_dir)
        self.listing = plain_label(listing, wrap=True)

        self.status = plain_label(wrap=True)
        self.status.setObjectName("recoveryStatus")
        self.restore_latest_button = QPushButton(self.tr("Restore the latest good backup"))
        self.restore_latest_button.setObjectName("restoreLatest")
        self.restore_latest_button.setDefault(True)
        self.restore_latest_button.setEnabled(bool(rows))
        self.choose_button = QPushButton(self.tr("Choose another backup…"))
        self.choose_button.setObjectName("chooseBackup")
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setObjectName("quitRecovery")
        self.restore_latest_button.clicked.connect(self.restore_latest)
        self.choose_button.clicked.connect(self.choose_backup)
        self.quit_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_latest_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(explanation)
        layout.addWidget(self.listing)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(640, 420)

    # -- actions --------------------------------------------------------------------------

    def restore_latest(self) -> None:
        """Check the backups newest first and restore the first sound one."""
        self._start(self._restore_latest())

    def choose_backup(self) -> None:
        """Open a file dialog in the backups folder; the chosen file is restored."""
        dialog = QFileDialog(
            self,
            self.tr("Choose a backup to restore"),
            str(self.backup_dir),
            translate("RecoveryDialog", FILE_FILTER),
        )
        dialog.setObjectName("recoveryFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.fileSelected.connect(self.restore_file)
        self.file_dialog = dialog
        dialog.open()

    def restore_file(self, path: str) -> None:
        """Restore ``path`` (after its integrity check) over the damaged database."""
        if path:
            self._start(self._restore(Path(path)))

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def reject(self) -> None:
        if self.busy:  # a copy is under way: let it finish
            return
        super().reject()

    # -- work -----------------------------------------------------------------------------

    def _start(self, work: Coroutine[Any, Any, None]) -> None:
        if self.busy:
            work.close()
            return
        self._set_busy(True)
        self._task = off_thread.spawn(work)

    def _set_busy(self, busy: bool) -> None:
        self.restore_latest_button.setEnabled(not busy and bool(self.rows))
        self.choose_button.setEnabled(not busy)
        self.quit_button.setEnabled(not busy)

    async def _restore_latest(self) -> None:
        set_plain(self.status, self.tr("Checking the backups, newest first…"))
        chosen = await run_off_thread(first_sound_backup, self.rows)
        if chosen is None:
            set_plain(
                self.status,
                self.tr(
                    "None of these backups passed its integrity check. Choose another backup… "
                    "(a copy kept elsewhere), or Quit."
                ),
            )
            self._set_busy(False)
            return
        await self._restore(chosen.path)

    async def _restore(self, path: Path) -> None:
        set_plain(self.status, self.tr("Restoring {file}…").format(file=path.name))
        try:
            safety = await run_off_thread(
                backup.restore_backup, path, self.database_path, self.backup_dir
            )
        except backup.BackupError as exc:
            set_plain(self.status, self.tr("{reason} Nothing was changed.").format(reason=exc))
            self._set_busy(False)
            return
        except OSError as exc:
            log.warning("restoring %s failed: %s", path.name, exc)
            reason = exc.strerror or type(exc).__name__
            set_plain(
                self.status,
                self.tr("{file} could not be restored: {reason}.").format(
                    file=path.name, reason=reason
                ),
            )
            self._set_busy(False)
            return
        log.info("restored the database from %s; the damaged file is %s", path.name, safety.name)
        self.restored_from = path
        self.safety_copy = safety
        self._set_busy(False)
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
