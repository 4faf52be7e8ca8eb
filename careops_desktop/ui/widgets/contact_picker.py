"""Pick a contact by typing part of a name, email or phone (the search runs in SQL)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import contacts
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.table_model import Column
from careops_desktop.ui.widgets.rows_model import RowsModel
from careops_desktop.ui.widgets.search_box import SearchBox

MATCHES_SHOWN = 50


class ContactPicker(QWidget):
    """A search box over a short list of matches; ``contactChosen(id)`` when one is selected.

    Shows at most ``MATCHES_SHOWN`` matches, best by name; typing narrows them.
    """

    contactChosen = Signal(int)
    matchesLoaded = Signal(int)

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._actor = actor
        self._pending_select: int | None = None
        self.search = SearchBox(
            placeholder=self.tr("Find a contact by name, email or phone…"), delay_ms=200
        )
        self.model = RowsModel(
            [
                Column("name", self.tr("Name")),
                Column("email", self.tr("Email")),
                Column("phone", self.tr("Phone")),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.searchChanged.connect(self._load)
        self.search.returnPressed.connect(self._choose_first)
        self.setFocusProxy(self.search)
        self._load("")

    def _load(self, text: str) -> None:
        self._ops.query(
            contacts.search_contacts,
            self._actor,
            text,
            MATCHES_SHOWN,
            on_done=self._show,
            owner=self,
        )

    def _show(self, rows: list[Any]) -> None:
        chosen = self.selected_id()
        self.model.set_rows(rows)
        wanted = self._pending_select if self._pending_select is not None else chosen
        if wanted is not None:
            self.select(wanted)
        self.matchesLoaded.emit(len(rows))

    def _choose_first(self) -> None:
        if self.model.rowCount() and self.selected_id() is None:
            self.table.selectRow(0)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.contactChosen.emit(chosen)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row_at(rows[0].row())
        return None if row is None else int(row.id)

    def select(self, contact_id: int) -> None:
        """Select ``contact_id`` when it is among the matches (or once they arrive)."""
        for index, row in enumerate(self.model.rows()):
            if row.id == contact_id:
                self.table.selectRow(index)
                self.table.scrollTo(self.model.index(index, 0))
                self._pending_select = None
                return
        self._pending_select = contact_id

    def show_contact(self, contact_id: int, name: str) -> None:
        """Search for ``name`` and select ``contact_id`` (a contact made a moment ago)."""
        self._pending_select = contact_id
        self.search.setText(name)
        self.search.flush()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
