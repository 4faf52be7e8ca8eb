"""A small read-only table model over a list of rows already in memory.

For short, bounded lists that arrive whole from one core call (a contact's
recent bookings, a form's fields, an item's last movements). Big tables use
:class:`careops_desktop.ui.table_model.IdTableModel`, which loads rows as drawn.
Display text is always a plain string; tooltips are escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from careops_desktop.ui.plain import safe_tooltip
from careops_desktop.ui.table_model import (
    ALIGNMENT_ROLE,
    ANSWERED_ROLES,
    DISPLAY_ROLE,
    ID_ROLE,
    ROW_ROLE,
    TOOLTIP_ROLE,
    Column,
    RowStyle,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_FONT_ROLE = int(Qt.ItemDataRole.FontRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND_ROLE = int(Qt.ItemDataRole.BackgroundRole)


class RowsModel(QAbstractTableModel):
    """Rows (frozen dataclasses or mappings) shown in ``columns``; ``set_rows`` replaces them."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        row_id: Callable[[Any], int] | None = None,
        row_style: Callable[[Any], RowStyle] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._row_id = row_id or (lambda row: int(getattr(row, "id", 0)))
        self._row_style = row_style

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY_ROLE) -> Any:
        role = int(role)  # ints, not Qt enum members: called ~30 times per cell per paint
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == DISPLAY_ROLE:
            return column.text(row)
        if role == ID_ROLE:
            return self._row_id(row)
        if role == ROW_ROLE:
            return row
        if role == TOOLTIP_ROLE:
            return safe_tooltip(column.text(row)) if column.tooltip else None
        if role == ALIGNMENT_ROLE:
            return int(column.align.value)
        if self._row_style is None:
            return None
        style = self._row_style(row)
        if role == _FONT_ROLE and style.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == _FOREGROUND_ROLE and style.foreground:
            return QBrush(QColor(style.foreground))
        if role == _BACKGROUND_ROLE and style.background:
            return QBrush(QColor(style.background))
        return None
