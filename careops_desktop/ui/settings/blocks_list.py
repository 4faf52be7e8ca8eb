"""Settings → Providers: the provider's blocked time (lunch, meetings) listed under closures.

Blocks are made and edited in the Bookings tab (drag on the calendar, or "Block
time…"); here they are listed with their repeat, and one can be removed after a
confirmation. Reasons are shown as plain text.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt
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

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import time_blocks
from careops_desktop.core.services.time_blocks import TimeBlockView
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.settings.dates_text import date_text, day_text, time_text, weekday_name
from careops_desktop.ui.table_model import Column
from careops_desktop.ui.widgets.rows_model import RowsModel


def repeat_words(block: TimeBlockView) -> str:
    """ "Every Wednesday until 2 Mar 2027", "Every Wednesday", or "Once"."""
    if not block.repeats_weekly:
        return translate("BlocksList", "Once")
    if block.repeat_until is None:
        return translate("BlocksList", "Every {weekday}").format(weekday=weekday_name(block.day))
    return translate("BlocksList", "Every {weekday} until {date}").format(
        weekday=weekday_name(block.day), date=date_text(block.repeat_until)
    )


class BlocksList(QWidget):
    """The blocked time of one provider (with everyone's), from today on."""

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.provider_id: int | None = None
        self.model = RowsModel(
            [
                Column("day", self.tr("From"), format=day_text),
                Column("start_time", self.tr("Start"), format=time_text),
                Column("end_time", self.tr("End"), format=time_text),
                Column("reason", self.tr("Reason"), tooltip=True),
                Column("provider_name", self.tr("With"), format=lambda n: n or self.tr("Everyone")),
                Column("repeat", self.tr("Repeat")),
            ],
            row_id=lambda row: int(row["id"]),
        )
        self.table = QTableView()
        self.table.setObjectName("timeBlocksTable")
        self.table.setAccessibleName(self.tr("Blocked time"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(160)
        self.remove = QPushButton(self.tr("Remove selected block…"))
        self.remove.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Blocked time (lunch, meetings). Add it in the Bookings tab: drag on an empty "
                    "part of the calendar, or use “Block time…”."
                ),
                wrap=True,
            )
        )
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove)
        layout.addLayout(row)

    def load(self, provider_id: int | None) -> None:
        """Show ``provider_id``'s blocks (with everyone's) from today on; None: none (a new
        provider)."""
        self.provider_id = provider_id
        if provider_id is None:
            self.model.set_rows([])
            return
        self.ops.query(
            time_blocks.list_blocks,
            provider_id,
            date.today(),
            on_done=self._show,
            owner=self,
        )

    def _show(self, rows: list[TimeBlockView]) -> None:
        self.model.set_rows(
            [{**dataclasses.asdict(b), "repeat": repeat_words(b), "block": b} for b in rows]
        )

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        block = row.get("block") if isinstance(row, dict) else None
        if not isinstance(block, TimeBlockView):
            return
        box = QMessageBox(self)
        box.setObjectName("removeBlockConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove blocked time"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("Remove “{reason}” ({repeat})? Its times become bookable again.").format(
                reason=block.reason, repeat=repeat_words(block)
            )
        )
        yes = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)

        def finished(_result: int) -> None:
            if box.clickedButton() is yes:
                self.ops.command(
                    time_blocks.remove_block,
                    self.actor,
                    block.id,
                    on_done=lambda _r: self.load(self.provider_id),
                    owner=self,
                )

        box.finished.connect(finished)
        box.open()
