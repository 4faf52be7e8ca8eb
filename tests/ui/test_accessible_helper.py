"""ui/accessible.py: where an unnamed field's name comes from, and what it never does."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.ui.accessible import make_accessible, name_unnamed
from careops_desktop.ui.widgets.field_errors import FieldErrors


def test_names_come_from_rows_headers_placeholders_and_labels(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    errors = FieldErrors()
    wrapped, plain_row = QSpinBox(), QLineEdit()
    placeholder = QLineEdit()
    placeholder.setPlaceholderText("reason, e.g. Holiday")
    after_label, after_long = QLineEdit(), QLineEdit()
    already = QLineEdit()
    already.setAccessibleName("Kept as it was")
    form = QFormLayout()
    form.addRow("Minutes before", errors.wrap("minutes", wrapped))
    form.addRow("Subject", plain_row)
    grid = QGridLayout()
    grid.addWidget(QLabel("From"), 0, 1)
    monday, first_name = QLineEdit(), QLineEdit()
    grid.addWidget(QLabel("Monday"), 1, 0)
    grid.addWidget(monday, 1, 1)
    grid.addWidget(QLabel("Tuesday"), 2, 0)
    grid.addWidget(first_name, 2, 1)
    row = QHBoxLayout()
    row.addWidget(QLabel("to"))
    row.addWidget(after_label)
    row.addWidget(QLabel("A long explanation of what happens next, " * 3))
    row.addWidget(after_long)
    layout = QVBoxLayout(root)
    layout.addLayout(form)
    layout.addLayout(grid)
    layout.addLayout(row)
    for widget in (placeholder, already):
        layout.addWidget(widget)
    icon_only = QPushButton()
    icon_only.setToolTip("<b>Refresh</b> the list")
    layout.addWidget(icon_only)
    table = QTableView()
    layout.addWidget(table)
    name_unnamed(root)
    assert wrapped.accessibleName() == "Minutes before"
    assert plain_row.accessibleName() == "Subject"
    assert placeholder.accessibleName() == "Reason, e.g. Holiday"
    assert monday.accessibleName() == "Monday, From"
    assert first_name.accessibleName() == "Tuesday, From"
    assert after_label.accessibleName() == "To"
    assert after_long.accessibleName() == ""  # a long text explains, it does not name
    assert already.accessibleName() == "Kept as it was"
    assert icon_only.accessibleName() == "Refresh the list"  # tags dropped


def test_a_wrapper_with_two_fields_does_not_lend_both_its_label(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    box = QWidget()
    inner = QVBoxLayout(box)
    first, second = QLineEdit(), QLineEdit()
    inner.addWidget(first)
    inner.addWidget(second)
    second.setPlaceholderText("Phone")
    QFormLayout(root).addRow("Contact", box)
    name_unnamed(root)
    assert first.accessibleName() == ""
    assert second.accessibleName() == "Phone"


def test_tab_leaves_a_row_picking_table_and_dialogs_are_named_when_shown(qtbot) -> None:
    from careops_desktop.ui.accessible import NamedOnShow

    class Dialog(NamedOnShow, QDialog):
        pass

    dialog = Dialog()
    qtbot.addWidget(dialog)
    field = QLineEdit()
    rows = QTableView()
    rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    editable = QTableView()
    QFormLayout(dialog).addRow("Email", field)
    dialog.layout().addRow(rows)
    dialog.layout().addRow(editable)
    assert rows.tabKeyNavigation()
    dialog.show()
    assert field.accessibleName() == "Email"
    assert not rows.tabKeyNavigation()
    assert editable.tabKeyNavigation()  # a table one edits cell by cell keeps Tab
    make_accessible(dialog)  # again: idempotent
    assert field.accessibleName() == "Email"
