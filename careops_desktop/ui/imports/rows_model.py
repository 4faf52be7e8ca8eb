"""A small read-only table of an import's row outcomes (plain text, fixed size).

An import's outcomes are already in memory (a list handed back by the core), so the
model shows that list; it never grows while shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from careops_desktop.core.services import imports
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP

AnyIndex = QModelIndex | QPersistentModelIndex

ACTION_WORDS = {
    imports.ADD: QT_TRANSLATE_NOOP("OutcomesModel", "Add"),
    imports.HISTORY: QT_TRANSLATE_NOOP("OutcomesModel", "Add as past visit"),
    imports.OVERRIDE: QT_TRANSLATE_NOOP("OutcomesModel", "Add (desk override)"),
    imports.MERGE: QT_TRANSLATE_NOOP("OutcomesModel", "Merge"),
    imports.SKIP: QT_TRANSLATE_NOOP("OutcomesModel", "Skip"),
    imports.ALREADY: QT_TRANSLATE_NOOP("OutcomesModel", "Already imported"),
    imports.REFUSE: QT_TRANSLATE_NOOP("OutcomesModel", "Refused"),
}


class OutcomesModel(QAbstractTableModel):
    """Row number, what happens, why, and the values as stored (one column each)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(None)
        self._rows: list[imports.RowOutcome] = []
        self._labels: list[str] = []

    def set_rows(self, rows: Sequence[imports.RowOutcome]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        labels: list[str] = []
        for row in self._rows:
            for label, _ in row.values:
                if label not in labels:
                    labels.append(label)
        self._labels = labels
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3 + len(self._labels)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Row"), self.tr("What happens"), self.tr("Why"), *self._labels][section]

    def text(self, row: int, column: int) -> str:
        outcome = self._rows[row]
        if column == 0:
            return QLocale().toString(outcome.number)
        if column == 1:
            words = ACTION_WORDS.get(outcome.action)
            return self.tr(words) if words else outcome.action
        if column == 2:
            return outcome.reason
        label = self._labels[column - 3]
        return dict(outcome.values).get(label, "")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(index.row(), index.column())
            # a tooltip shows the text literally (plain text, never markup)
            return text if role == Qt.ItemDataRole.DisplayRole else _tooltip(text)
        return None


def _tooltip(text: str) -> str:
    from careops_desktop.ui.plain import safe_tooltip

    return safe_tooltip(text)
