"""Settings → Audit log → "Undo this import": a whole import batch removed at once.

Offered on an audit entry of an import. Before asking, the core says whether
anything now refers to the batch's rows (a booking made since for an imported
contact, a confirmation sent, a changed booking); if so the words say why it
cannot be undone. Otherwise the person confirms, and the batch is undone in one
transaction on the database worker.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import imports
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import set_plain


def is_import_entry(row: Any) -> bool:
    """Whether an audit row (as the page's table holds it) is an import that could be undone."""
    return (
        isinstance(row, dict)
        and row.get("entity_key") == "import_batch"
        and row.get("action_key") == "import"
    )


class ImportUndo(QObject):
    """The button and its steps: check, confirm, undo; words go to ``status``.

    A QObject only for ``self.tr`` (lupdate reads plurals from ``self.tr`` alone).
    """

    def __init__(self, page: QWidget, ops: Ops, actor: Actor, status: Any) -> None:
        super().__init__()
        self.page = page
        self.ops = ops
        self.actor = actor
        self.status = status
        self.batch_id: int | None = None
        self.box: QMessageBox | None = None
        self.button = QPushButton(self.tr("Undo this import…"))
        self.button.setObjectName("undoImport")
        self.button.setEnabled(False)
        self.button.clicked.connect(self.check)

    def select(self, row: Any) -> None:
        """The selected audit row changed: offer the undo for an import entry."""
        self.batch_id = int(row["entity_id_raw"]) if is_import_entry(row) else None
        self.button.setEnabled(self.batch_id is not None)

    def check(self) -> None:
        if self.batch_id is None:
            return
        self.ops.query(
            imports.batch_info, self.actor, self.batch_id, on_done=self._ask, owner=self.page
        )

    def _ask(self, info: dict[str, Any]) -> None:
        if not shiboken6.isValid(self.page):
            return
        if info["blockers"]:
            set_plain(
                self.status,
                self.tr("The import of {file} cannot be undone: {reasons}").format(
                    file=info["file_name"], reasons=" ".join(info["blockers"])
                ),
            )
            return
        counts = info["counts"]
        added = counts.get("add", 0) + counts.get("history", 0) + counts.get("override", 0)
        box = QMessageBox(self.page)
        box.setObjectName("undoImportQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Undo the import"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        if info["kind"] == "bookings":
            removed = self.tr("The %n booking(s) it added will be removed.", "", added)
        else:
            removed = self.tr("The %n contact(s) it added will be removed.", "", added)
        merged = self.tr(
            "The %n contact(s) it merged into get back what they held before.",
            "",
            int(counts.get("merge", 0)),
        )
        question = self.tr("Undo the import of {file}?").format(file=info["file_name"])
        box.setText(" ".join((question, removed, merged)))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        batch_id = info["id"]
        box.buttonClicked.connect(lambda button: self._answered(box, button, batch_id))
        self.box = box
        box.open()

    def _answered(self, box: QMessageBox, button: Any, batch_id: int) -> None:
        if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole:
            self._undo(batch_id)

    def _undo(self, batch_id: int) -> None:
        self.ops.command(
            imports.undo_import, self.actor, batch_id, on_done=self._undone, on_error=self._refused
        )

    def _undone(self, counts: dict[str, int]) -> None:
        if shiboken6.isValid(self.page):
            set_plain(
                self.status,
                " ".join(
                    (
                        self.tr("The import was undone."),
                        self.tr("%n contact(s) removed.", "", counts["contacts"]),
                        self.tr("%n booking(s) removed.", "", counts["bookings"]),
                        self.tr("%n contact(s) restored.", "", counts["restored"]),
                    )
                ),
            )
            self.button.setEnabled(False)

    def _refused(self, exc: BaseException) -> None:
        if shiboken6.isValid(self.page):
            set_plain(self.status, str(exc))
