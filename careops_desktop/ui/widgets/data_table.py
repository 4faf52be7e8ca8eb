"""The read-only, row-selecting QTableView every feature tab uses, and column sizing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def data_table(
    model: QAbstractItemModel, widths: Sequence[int] = (), *, fit_contents: bool = False
) -> QTableView:
    """A table over ``model``: whole rows selected one at a time, no editing, no row numbers.

    ``widths`` are the first columns' starting widths (the last column stretches);
    ``fit_contents`` sizes every column but the last to its contents instead (short
    tables only: Qt then measures every row).
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    if fit_contents:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
    for index, width in enumerate(widths):
        header.resizeSection(index, width)
    return table
