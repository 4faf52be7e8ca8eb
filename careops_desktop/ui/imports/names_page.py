"""The wizard's step for bookings: services and staff named differently in the old tool.

Each service and staff name in the file that is not already a CareOps booking type or
provider gets a choice of the CareOps ones ("Leave as written" refuses its rows, with
the reason, in the dry run).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage

from careops_desktop.core.services import imports
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted
from careops_desktop.ui.plain import plain_label, set_plain

AS_WRITTEN = QT_TRANSLATE_NOOP("NamesPage", "Leave as written")
SERVICE = QT_TRANSLATE_NOOP("NamesPage", "Service")
STAFF = QT_TRANSLATE_NOOP("NamesPage", "Staff")


class NamesPage(QWizardPage):
    """One line per unknown name: what it is, the name, and the CareOps one it means."""

    def __init__(self, state: Any) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Services and staff"))
        self.setSubTitle(
            self.tr("Say which CareOps booking type or provider each name in the file means.")
        )
        self.grid = QTableWidget(0, 3)
        self.grid.setObjectName("importNames")
        self.grid.setAccessibleName(
            self.tr("Services and staff from the file and their match here")
        )
        self.grid.setHorizontalHeaderLabels(
            [self.tr("In the file"), self.tr("Name"), self.tr("In CareOps")]
        )
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setColumnWidth(0, 140)
        self.grid.setColumnWidth(1, 280)
        self.status = plain_label(wrap=True)
        self.status.setObjectName("importNamesStatus")
        self.combos: dict[tuple[str, str], QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.grid, 1)
        self.loaded = False

    def initializePage(self) -> None:
        self.loaded = False
        set_plain(self.status, self.tr("Reading the booking types and providers…"))
        self.state.ops.query(imports.booking_names, on_done=self._fill, owner=self)

    def _fill(self, names: tuple[dict[str, int], dict[str, int]]) -> None:
        if not shiboken6.isValid(self):
            return
        types, providers = names
        table, mapping = self.state.table, self.state.mapping
        unknown: list[tuple[str, str, dict[str, int]]] = []
        for field, what, known in (
            ("booking_type", SERVICE, types),
            ("provider", STAFF, providers),
        ):
            ours = {name.casefold() for name in known}
            for name in imports.names_in_file(table, mapping, field):
                if name.casefold() not in ours:
                    unknown.append((what, name, known))
        self.grid.setRowCount(len(unknown))
        self.combos = {}
        for row, (what, name, known) in enumerate(unknown):
            self.grid.setItem(row, 0, QTableWidgetItem(self.tr(what)))
            self.grid.setItem(row, 1, QTableWidgetItem(name))
            combo = QComboBox()
            combo.setObjectName(f"names_{row}")
            combo.addItem(self.tr(AS_WRITTEN), None)
            for ours_name, key in sorted(known.items()):
                combo.addItem(ours_name, key)
            self.grid.setCellWidget(row, 2, combo)
            self.combos[(what, name)] = combo
        count = len(unknown)
        set_plain(
            self.status,
            self.tr("Every service and staff name in the file is already in CareOps.")
            if not unknown
            else counted(self.tr("%Ln name(s) in the file not in CareOps yet.", "", count), count),
        )
        self.loaded = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.loaded

    def validatePage(self) -> bool:
        self.state.type_names = {}
        self.state.provider_names = {}
        for (what, name), combo in self.combos.items():
            key = combo.currentData()
            if key is None:
                continue
            target = self.state.type_names if what == SERVICE else self.state.provider_names
            target[name] = int(key)
        return True
