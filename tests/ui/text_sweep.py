"""What the window shows in words, and which of those words did not go through translation.

Used by the pseudo-locale sweep (tests/ui/test_pseudo_locale.py): in ``en-XA`` every
translated text reads ``[Šàʋè ~~~]``, so a word of plain English that is neither data
(a name from the database, a date Qt formatted) nor one of Qt's own standard buttons is a
text that does not go through translation. The sweep also finds labels and buttons
narrower than their text (German and the pseudo-locale are longer than English).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.text_checks import TAG, english_left


@dataclass(frozen=True)
class Shown:
    """One text on screen and where it is."""

    text: str
    where: str


def _path(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 4:
        name = current.objectName() or type(current).__name__
        parts.append(name)
        current = current.parentWidget()
    return " < ".join(parts)


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) or widget is root


def _standard_button(button: QAbstractButton) -> bool:
    """A QDialogButtonBox's standard button or a QWizard's own: Qt's translator names it."""
    if button.objectName().startswith(("__qt__passive_wizardbutton", "qt_wizard_")):
        return True
    box = button.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def texts_of(root: QWidget) -> Iterator[Shown]:
    """Every text ``root`` and its visible children show: labels, buttons, titles, tabs,
    placeholders, tooltips, combo items, table and list headers, menu entries."""
    widgets = [root, *root.findChildren(QWidget)]
    if root.windowTitle():
        yield Shown(root.windowTitle(), f"title of {_path(root)}")
    for widget in widgets:
        if not _visible(widget, root):
            continue
        where = _path(widget)
        if widget.toolTip():
            yield Shown(TAG.sub(" ", widget.toolTip()), f"tooltip of {where}")
        if isinstance(widget, QLabel) and widget.property("careops_data") is not True:
            yield Shown(TAG.sub(" ", widget.text()), where)
        elif isinstance(widget, QAbstractButton) and not _standard_button(widget):
            yield Shown(widget.text(), where)
        elif isinstance(widget, QGroupBox):
            yield Shown(widget.title(), where)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield Shown(widget.tabText(index), f"tab {index} of {where}")
                yield Shown(widget.tabToolTip(index), f"tab {index} tooltip of {where}")
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield Shown(widget.placeholderText(), f"placeholder of {where}")
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield Shown(widget.itemText(index), f"item {index} of {where}")
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            model = widget.model()
            if model is None:
                continue
            header = getattr(widget, "horizontalHeader", None)
            columns = header().count() if header is not None else 1
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield Shown(header, f"column {column} of {where}")
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield Shown(widget.tabText(index), f"tab {index} of {where}")
        if not isinstance(widget, QMenu):
            for action in widget.actions():
                yield from _action_texts(action, where)


def _action_texts(action: Any, where: str, depth: int = 0) -> Iterator[Shown]:
    if action.isSeparator() or depth > 3:
        return
    yield Shown(action.text(), f"action of {where}")
    if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
        yield Shown(action.toolTip(), f"action tooltip of {where}")
    menu = action.menu()
    if menu is not None:
        for inner in menu.actions():
            yield from _action_texts(inner, f"menu {action.text()!r} of {where}", depth + 1)


def locale_words() -> list[str]:
    """Day and month names and am/pm markers the default QLocale writes (dates are data)."""
    locale = QLocale()
    words: set[str] = {locale.amText(), locale.pmText()}
    for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words.update(locale.dayName(day, form) for day in range(1, 8))
        words.update(locale.monthName(month, form) for month in range(1, 13))
        words.update(locale.standaloneMonthName(month, form) for month in range(1, 13))
    return sorted((w for w in words if w), key=len, reverse=True)


def untranslated(shown: Iterable[Shown], data: list[str]) -> list[str]:
    """The texts in ``shown`` with English left over (see ``tests/text_checks.py``), besides
    the day and month names the default QLocale writes."""
    return [
        f"{item.where}: {item.text!r}"
        for item in dict.fromkeys(shown)
        if english_left(item.text, data, locale_words())
    ]


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs (unless they wrap or elide)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text().strip() or widget.pixmap() is not None:
                continue
            if widget.property("careops_elides") is True:
                continue
            needed = widget.minimumSizeHint().width()
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            needed = widget.minimumSizeHint().width()
        else:
            continue
        if widget.width() + 2 < needed:
            found.append(
                f"{_path(widget)}: {widget.text()!r} is {widget.width()} px wide, needs {needed}"
            )
    return found
