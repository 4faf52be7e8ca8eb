"""Accessible names for screen readers, from what a sighted person reads beside a widget.

Qt names a button from its text and a field from its *buddy* label (a QFormLayout row
label is one) — but only when the field is the row's widget itself. Our fields are often
wrapped (``FieldErrors.wrap`` puts the error text under them) or sit in a plain box
layout after a label, and tables have no label at all: a screen reader then says just
"edit" or "table". :func:`name_unnamed` gives each such interactive widget a name from,
in order: its form row's label, its placeholder text, its tooltip, the label just before
it in its layout, its group box's title, and for an item view its column titles. It
never replaces a name that is already set, and is cheap enough to run when a page or a
dialog is built (the main window, the settings view and every dialog call
:func:`make_accessible`, which also lets Tab leave row-picking tables).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from careops_desktop.ui.i18n import translate

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
    QAbstractSlider,
)
_TAGS = re.compile(r"<[^>]+>")
_ANCESTORS = 4  # how far up a wrapped field looks for its form row
_LABEL_MAX = 60


def _named_by_qt(widget: QWidget) -> bool:
    """Qt names it already: a button from its text, a form row's field from its label.
    (Decided without asking Qt's accessibility layer, which would create and cache an
    interface for every widget even when no screen reader runs.)"""
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return True
    return bool(widget.accessibleName())


def make_accessible(root: QWidget) -> None:
    """Name the unnamed (:func:`name_unnamed`) and let Tab leave row-picking tables
    (:func:`release_tab`) under ``root``: run when a page or a dialog is built or shown."""
    name_unnamed(root)
    release_tab(root)


def release_tab(root: QWidget) -> None:
    """A table that selects whole rows and edits nothing is one stop for Tab (arrow keys
    move inside it); Qt's default moves Tab from cell to cell, trapping a keyboard user
    in a long list."""
    for view in root.findChildren(QAbstractItemView):
        whole_rows = view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
        read_only = view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        if whole_rows and read_only and view.tabKeyNavigation():
            view.setTabKeyNavigation(False)


def name_unnamed(root: QWidget) -> int:
    """Name every interactive widget under ``root`` that has no accessible name yet (see
    the module docstring); returns how many were named."""
    named = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if _named_by_qt(widget):
            continue
        name = _guess(widget)
        if name:
            widget.setAccessibleName(name[:1].upper() + name[1:])
            named += 1
    return named


def _internal(widget: QWidget) -> bool:
    """Parts of another widget (a spin box's editor, a line edit's clear button, scroll
    bars, a table's header): the screen reader hears the outer widget."""
    parent = widget.parentWidget()
    if isinstance(parent, QLineEdit | QAbstractItemView):
        return True
    outer = parent
    for _ in range(3):  # a combo box's popup list sits in a frame inside it
        if isinstance(outer, QComboBox | QAbstractSpinBox):
            return True
        outer = outer.parentWidget() if outer is not None else None
    return widget.objectName().startswith("qt_") or (
        parent is not None and parent.objectName().startswith("qt_scrollarea")
    )


def _clean(text: str) -> str:
    text = _TAGS.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":").strip()


def _guess(widget: QWidget) -> str:
    row = _form_label(widget)
    if row:
        return row
    placeholder = getattr(widget, "placeholderText", None)
    if callable(placeholder) and placeholder():
        return _clean(placeholder())
    if widget.toolTip():
        return _clean(widget.toolTip())
    before = _label_before(widget)
    if before:
        return before
    group = _group_title(widget)
    if group:
        return group
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        return _columns(widget.model())
    return ""


def _form_label(widget: QWidget) -> str:
    """The label of the QFormLayout row (or the header and row labels of the QGridLayout
    cell) holding ``widget`` or a wrapper around it, when the wrapper holds no other
    interactive widget that would then share the name."""
    current: QWidget | None = widget
    for _ in range(_ANCESTORS):
        if current is None or current.isWindow():
            return ""
        parent = current.parentWidget()
        if parent is None:
            return ""
        name = _row_label(parent, current) or _cell_label(parent, current)
        if name:
            return "" if current is not widget and _interactive_count(current) > 1 else name
        current = parent
    return ""


def _row_label(parent: QWidget, field: QWidget) -> str:
    for form in parent.findChildren(QFormLayout):
        label = form.labelForField(field)
        if isinstance(label, QLabel) and label.text():
            return _clean(label.text())
    return ""


def _cell_label(parent: QWidget, cell: QWidget) -> str:
    """``Monday, From`` for a cell under a "From" header in a "Monday" row; ``Name, row 2``
    for a cell under a "Name" header in a row without a label."""
    for grid in parent.findChildren(QGridLayout):
        index = grid.indexOf(cell)
        if index < 0:
            continue
        position: tuple[int, int, int, int] = grid.getItemPosition(index)  # type: ignore[assignment]
        row, column = position[0], position[1]
        header = _label_at(grid, 0, column) if row > 0 else ""
        side = _label_at(grid, row, 0) if column > 0 else ""
        if header and side:
            return f"{side}, {header}"
        if header:  # "row N" only where the column has several rows
            if grid.rowCount() > 2:
                return translate("Accessible", "{column}, row {row}").format(column=header, row=row)
            return header
        return side
    return ""


def _label_at(grid: QGridLayout, row: int, column: int) -> str:
    item = grid.itemAtPosition(row, column)
    label = item.widget() if item is not None else None
    return _clean(label.text()) if isinstance(label, QLabel) and label.text() else ""


def _interactive_count(box: QWidget) -> int:
    return sum(
        1 for w in box.findChildren(QWidget) if isinstance(w, INTERACTIVE) and not _internal(w)
    )


def _label_before(widget: QWidget) -> str:
    """The text of a QLabel just before ``widget`` in the layout that holds it."""
    parent = widget.parentWidget()
    top = parent.layout() if parent is not None else None
    if top is None:
        return ""
    found = _find_in(top, widget)
    if found is None:
        return ""
    layout, index = found
    if index > 0:
        item = layout.itemAt(index - 1)
        before = item.widget() if item is not None else None
        if isinstance(before, QLabel) and before.buddy() is None:
            text = _clean(before.text())
            if 0 < len(text) <= _LABEL_MAX:  # a longer text explains, it does not name
                return text
    return ""


def _find_in(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return (layout, index) if isinstance(layout, QBoxLayout | QGridLayout) else None
        child = item.layout()
        if child is not None:
            found = _find_in(child, widget)
            if found is not None:
                return found
    return None


def _group_title(widget: QWidget) -> str:
    parent = widget.parentWidget()
    for _ in range(_ANCESTORS):
        if parent is None or parent.isWindow():
            return ""
        if isinstance(parent, QGroupBox) and parent.title():
            return _clean(parent.title())
        parent = parent.parentWidget()
    return ""


def _columns(model: QAbstractItemModel) -> str:
    """``Table: Name, Email, Phone`` from the model's first column titles."""
    titles = []
    for column in range(min(model.columnCount(), 4)):
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(title, str) and title:
            titles.append(title)
    if not titles:
        return ""
    return translate("Accessible", "Table: {columns}").format(columns=", ".join(titles))


class NamedOnShow:
    """Mixin for a dialog or window (put it first: ``class D(NamedOnShow, QDialog)``):
    each time it is shown, :func:`make_accessible` runs over it."""

    def showEvent(self, event: QShowEvent) -> None:
        assert isinstance(self, QWidget)
        make_accessible(self)
        super().showEvent(event)  # type: ignore[misc]
