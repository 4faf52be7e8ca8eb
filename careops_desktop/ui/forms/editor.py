"""The form definition editor: name, questions (key, label, type, required, options) and
which booking types send the form. Saving is one command; refusals show in the editor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.models import FIELD_TYPES
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.bookings import BookingTypeView
from careops_desktop.core.services.forms import FormField, FormView
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.forms.tab_data import (
    field_columns,
    field_error_text,
    save_form,
    type_words,
)
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.widgets.field_errors import FieldErrors
from careops_desktop.ui.widgets.rows_model import RowsModel


class FieldDialog(NamedOnShow, QDialog):
    """Add or change one question; the form is checked as a whole when saved."""

    def __init__(self, field: FormField | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question"))
        self.key = QLineEdit(field.key if field else "")
        self.key.setPlaceholderText(self.tr("e.g. allergies"))
        self.label = QLineEdit(field.label if field else "")
        self.type = QComboBox()
        for kind in FIELD_TYPES:
            self.type.addItem(type_words(kind), kind)
        self.type.setCurrentIndex(max(0, self.type.findData(field.type if field else "text")))
        self.required = QCheckBox(self.tr("An answer is required"))
        self.required.setChecked(bool(field and field.required))
        self.options = QPlainTextEdit("\n".join(field.options) if field else "")
        self.options.setPlaceholderText(self.tr("One choice per line (for a Choice question)"))
        self.options.setMaximumHeight(100)
        form = QFormLayout(self)
        form.addRow(self.tr("Question"), self.label)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Type"), self.type)
        form.addRow("", self.required)
        form.addRow(self.tr("Choices"), self.options)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()

    def _type_changed(self) -> None:
        self.options.setEnabled(self.type.currentData() == "select")

    def field(self) -> FormField:
        options = tuple(line.strip() for line in self.options.toPlainText().splitlines())
        kind = str(self.type.currentData())
        return FormField(
            self.key.text().strip(),
            self.label.text().strip(),
            kind,
            self.required.isChecked(),
            tuple(o for o in options if o) if kind == "select" else (),
        )


class FormEditor(QWidget):
    """Edits one form (or a new one); ``saved(FormView)`` after a successful save."""

    saved = Signal(object)

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.form_id: int | None = None
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(60)
        self.active = QCheckBox(self.tr("In use (sent for the booking types ticked below)"))
        self.fields = RowsModel(field_columns(), row_id=lambda row: 0, parent=self)
        self.fields_table = QTableView()
        self.fields_table.setModel(self.fields)
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields_table.verticalHeader().hide()
        self.fields_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields_table.doubleClicked.connect(lambda _i: self.edit_field())
        self.types = QStandardItemModel(self)
        self.types_view = QListView()
        self.types_view.setModel(self.types)
        self.types_view.setMaximumHeight(110)
        self.types_view.setAccessibleName(self.tr("Booking types that send this form"))
        buttons = QHBoxLayout()
        self.field_buttons: dict[str, QPushButton] = {}
        for name, words, slot in (
            ("add", self.tr("Add question…"), self.add_field),
            ("edit", self.tr("Change…"), self.edit_field),
            ("remove", self.tr("Remove"), self.remove_field),
            ("up", self.tr("Up"), lambda: self.move_field(-1)),
            ("down", self.tr("Down"), lambda: self.move_field(1)),
        ):
            button = QPushButton(words)
            button.clicked.connect(slot)
            self.field_buttons[name] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save form"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Description"), self.errors.wrap("description", self.description))
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.errors.banner)
        layout.addLayout(form)
        layout.addWidget(self.errors.wrap("fields", self.fields_table), 1)
        layout.addLayout(buttons)
        layout.addWidget(self.types_view)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

    def set_booking_types(self, types: Sequence[BookingTypeView]) -> None:
        checked = set(self.checked_types())
        self.types.clear()
        for kind in types:
            item = QStandardItem(self.tr("Send for: {booking_type}").format(booking_type=kind.name))
            item.setData(kind.id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if kind.id in checked else Qt.CheckState.Unchecked
            )
            self.types.appendRow(item)

    def checked_types(self) -> list[int]:
        found = []
        for row in range(self.types.rowCount()):
            item = self.types.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def load(self, form: FormView | None, fields: Sequence[FormField] = ()) -> None:
        """Edit ``form`` (None: a new form, starting with ``fields``)."""
        self.errors.clear()
        self.form_id = form.id if form else None
        self.name.setText(form.name if form else "")
        self.description.setPlainText(form.description if form else "")
        self.active.setChecked(form.is_active if form else True)
        self.fields.set_rows(list(form.fields if form else fields))
        wanted = set(form.booking_type_ids if form else ())
        for row in range(self.types.rowCount()):
            item = self.types.item(row)
            on = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # -- questions ----------------------------------------------------------------------------

    def _current_row(self) -> int | None:
        rows = self.fields_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def add_field(self) -> FieldDialog:
        dialog = FieldDialog(None, self)
        dialog.accepted.connect(lambda: self._put(None, dialog.field()))
        dialog.open()
        return dialog

    def edit_field(self) -> FieldDialog | None:
        row = self._current_row()
        if row is None:
            return None
        dialog = FieldDialog(self.fields.row_at(row), self)
        dialog.accepted.connect(lambda: self._put(row, dialog.field()))
        dialog.open()
        return dialog

    def _put(self, row: int | None, field: FormField) -> None:
        rows = self.fields.rows()
        if row is None:
            rows.append(field)
            row = len(rows) - 1
        else:
            rows[row] = field
        self.fields.set_rows(rows)
        self.fields_table.selectRow(row)

    def remove_field(self) -> None:
        row = self._current_row()
        if row is not None:
            rows = self.fields.rows()
            del rows[row]
            self.fields.set_rows(rows)

    def move_field(self, step: int) -> None:
        row = self._current_row()
        if row is None or not 0 <= row + step < self.fields.rowCount():
            return
        rows = self.fields.rows()
        rows[row], rows[row + step] = rows[row + step], rows[row]
        self.fields.set_rows(rows)
        self.fields_table.selectRow(row + step)

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        self.errors.clear()
        self.save_button.setEnabled(False)
        fields = [replace(f) for f in self.fields.rows()]

        def done(view: FormView) -> None:
            self.save_button.setEnabled(True)
            self.form_id = view.id
            self.saved.emit(view)

        def refused(exc: CareOpsError) -> None:
            self.save_button.setEnabled(True)
            raw = exc.fields if isinstance(exc, ValidationError) else {"__all__": str(exc)}
            shown = {k: v for k, v in raw.items() if k in ("name", "description", "fields")}
            others = [field_error_text(k, v, fields) for k, v in raw.items() if k not in shown]
            if others:
                shown["__all__"] = "\n".join(others)
            self.errors.show(shown)

        self.ops.command(
            save_form,
            self.actor,
            self.form_id,
            name=self.name.text(),
            description=self.description.toPlainText(),
            fields=fields,
            is_active=self.active.isChecked(),
            booking_type_ids=self.checked_types(),
            on_done=done,
            on_error=refused,
            owner=self,
        )
