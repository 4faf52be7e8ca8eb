"""What the window shows in words, and which of those words did not go through translation.

Used by the pseudo-locale sweep (tests/ui/test_pseudo_locale.py): in ``en-XA`` every
translated text reads ``[Šàʋè ~~~]``, so a word of plain English that is neither data
(a name from the database, a date Qt formatted) nor one of Qt's own standard buttons is a
text that does not go through translation. The sweep also finds labels and buttons
narrower than their text (German and the pseudo-locale are longer than English).
"""

from __future__ import annotations

import re
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
from sqlalchemy import String, Text, select

from careops_desktop.core.i18n.pseudo import CLOSE, OPEN

PSEUDO_PART = re.compile(re.escape(OPEN) + r"[^" + re.escape(CLOSE) + r"]*~" + re.escape(CLOSE))
TAG = re.compile(r"<[^<>]*>")
ENTITY = re.compile(r"&[A-Za-z]+;|&#[0-9]+;")
WORD = re.compile(r"[A-Za-z]{3,}")
# names that are not translated anywhere: the product, protocols, file kinds, units
NOT_TRANSLATED = frozenset(
    {
        "CareOps",
        "SMTP",
        "IMAP",
        "SMS",
        "CSV",
        "XLSX",
        "PDF",
        "URL",
        "HTTP",
        "HTTPS",
        "TLS",
        "SSL",
        "STARTTLS",
        "Twilio",
        "CalDAV",
        "iCalendar",
        "ics",
        "vCard",
        "UTC",
        "GMT",
        "BST",
        "PostgreSQL",
        "SQLite",
        "Qt",
        "PySide",
        "Python",
        "QR",
        "JSON",
        "www",
        "com",
        "org",
        "example",
        "http",
        "https",
        "localhost",
        "Ctrl",
        "Shift",
        "Alt",
        "Esc",
        "Enter",
        "Del",
        "Tab",
        "Home",
        "End",
        "PgUp",
        "PgDown",
        "Space",
        "Backspace",
        "Ed25519",
        "MIT",
    }
)


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
    """A QDialogButtonBox's standard button: Qt's own translator names it."""
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


def data_vocabulary(db: Any) -> list[str]:
    """Every text stored in the database's tables (names, subjects, notes…), longest first:
    what the window may show as it is."""
    from careops_desktop.core.models import Base

    values: set[str] = set()
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in session.execute(select(*columns).limit(5000)):
                for value in row:
                    if isinstance(value, str) and value.strip():
                        values.add(value.strip())
                        values.update(line.strip() for line in value.splitlines() if line.strip())
    return sorted(values, key=len, reverse=True)


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
    """The texts in ``shown`` with an English word left after removing the pseudo-translated
    parts, the data, the locale's date words and the names nobody translates."""
    locale = locale_words()
    found: list[str] = []
    for item in shown:
        rest = PSEUDO_PART.sub(" ", item.text)
        rest = ENTITY.sub(" ", rest)
        for value in data:
            if len(value) >= 2 and value in rest:
                rest = rest.replace(value, " ")
        for word in locale:
            rest = rest.replace(word, " ")
        words = [w for w in WORD.findall(rest) if w not in NOT_TRANSLATED]
        if words:
            found.append(f"{item.where}: {item.text!r}")
    return list(dict.fromkeys(found))


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
