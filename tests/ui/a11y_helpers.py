"""What assistive technology is told about a widget, and a walk that lists the unnamed ones.

"Accessible name" here is what a screen reader gets: the name Qt's accessible interface
reports (``QAccessible.queryAccessibleInterface(w).text(Name)``, which Qt derives from a
button's text or a buddy label, e.g. a QFormLayout row's label), else ``accessibleName()``.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from careops_desktop.ui.widgets.week_calendar import WeekCalendar

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,  # push, tool, check and radio buttons
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes, date/time edits
    QAbstractItemView,  # tables, lists, trees
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
    QAbstractSlider,
    WeekCalendar,
)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` ("" when it has none)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside another widget (a combo box's or spin box's line edit, a line
    edit's clear button, a table's header, a scroll area's scroll bars, a tab bar's scroll
    arrows): the screen reader hears the outer widget."""
    parent = widget.parentWidget()
    if isinstance(parent, QLineEdit | QAbstractItemView):
        return True
    outer = parent
    for _ in range(3):  # a combo box's popup list sits in a frame inside it
        if isinstance(outer, QComboBox | QAbstractSpinBox):
            return True
        outer = outer.parentWidget() if outer is not None else None
    if parent is not None and parent.objectName().startswith("qt_scrollarea"):
        return True
    if isinstance(parent, QTabBar) and isinstance(widget, QAbstractButton):
        return True  # the tab bar's scroll arrows
    return widget.objectName().startswith("qt_")


def chain(widget: QWidget) -> str:
    """``Class#objectName`` of the widget and its parents, innermost first."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        parts.append(type(current).__name__ + (f"#{name}" if name else ""))
        current = current.parentWidget()
    return " < ".join(parts)


_REPORTED: set[int] = set()  # each widget once per walk (a settings page is in its tab too)


def reset_reported() -> None:
    _REPORTED.clear()


def unnamed_widgets(root: QWidget, where: str) -> list[str]:
    """One precise line for every interactive widget under ``root`` without a name (hidden
    ones too: they are shown later, e.g. a "New contact" box)."""
    QApplication.processEvents()
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if id(widget) in _REPORTED:
            continue
        if not isinstance(widget, INTERACTIVE) or _is_internal(widget):
            continue
        if accessible_name(widget):
            continue
        _REPORTED.add(id(widget))
        window = widget.window()
        found.append(
            f"{where}: {type(widget).__name__} objectName={widget.objectName()!r} "
            f"in window {window.windowTitle()!r}; parents: {chain(widget)}"
        )
    return found
