"""The wizard's mapping step: each column of the file, its first values, and a field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.services import imports
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP
from careops_desktop.ui.plain import plain_label, set_plain

NOT_IMPORTED = QT_TRANSLATE_NOOP("MappingPage", "Not imported")
SAMPLES = 3


class MappingPage(QWizardPage):
    """One line per column: its header, a few values, and where it goes (a combo box)."""

    def __init__(self, state: object) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Which column holds what"))
        self.setSubTitle(
            self.tr(
                "The guesses come from the column names. Change any that are wrong; "
                "columns set to “Not imported” are left out."
            )
        )
        self.grid = QTableWidget(0, 3)
        self.grid.setObjectName("importMapping")
        self.grid.setAccessibleName(self.tr("Columns and where each goes"))
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Goes to")]
        )
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setColumnWidth(0, 200)
        self.grid.setColumnWidth(1, 330)
        self.problem = plain_label(wrap=True)
        self.problem.setObjectName("mappingProblem")
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        table: imports.SourceTable = self.state.table  # type: ignore[attr-defined]
        kind: str = self.state.kind  # type: ignore[attr-defined]
        mapping: tuple[str, ...] = self.state.mapping  # type: ignore[attr-defined]
        fields = imports.fields_for(kind)
        self.grid.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            samples = [row[index] for row in table.rows[:SAMPLES] if row[index].strip()]
            name = QTableWidgetItem(header)
            name.setToolTip("")
            self.grid.setItem(index, 0, name)
            shown = " · ".join(s.replace("\n", " ")[:40] for s in samples)
            self.grid.setItem(index, 1, QTableWidgetItem(shown))
            combo = QComboBox()
            combo.setObjectName(f"mapping_{index}")
            combo.addItem(self.tr(NOT_IMPORTED), "")
            for key, label in fields.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping[index])))
            combo.currentIndexChanged.connect(self._changed)
            self.grid.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self._changed()

    def mapping(self) -> tuple[str, ...]:
        return tuple(str(combo.currentData() or "") for combo in self.combos)

    def _changed(self, *_: object) -> None:
        self.state.mapping = self.mapping()  # type: ignore[attr-defined]
        set_plain(self.problem, self._problem())
        self.completeChanged.emit()

    def _problem(self) -> str:
        options = imports.ImportOptions(self.state.kind, self.mapping())  # type: ignore[attr-defined]
        try:
            imports.check_options(self.state.table, options)  # type: ignore[attr-defined]
        except ValidationError as exc:
            return str(next(iter(exc.fields.values())))
        return ""

    def isComplete(self) -> bool:
        return bool(self.combos) and not self._problem()

    def nextId(self) -> int:
        """Contacts skip the services-and-staff step that follows this one."""
        following = super().nextId()
        if self.state.kind != "bookings" and following != -1:  # type: ignore[attr-defined]
            ids = self.wizard().pageIds()
            return ids[ids.index(following) + 1]
        return following
