"""A check box whose words wrap: a long sentence (or its longer German) never gets cut off.

QCheckBox draws its text on one line. :func:`wrapping_check` puts an empty QCheckBox beside
a word-wrapped QLabel that toggles it when clicked; the check box carries the words as its
accessible name, so keyboard and screen-reader use are those of a plain check box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class _ToggleLabel(QLabel):
    """The check box's words: a click toggles the box, as a click on its own text would."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def wrapping_check(text: str, parent: QWidget | None = None) -> tuple[QWidget, QCheckBox]:
    """``(row, box)``: a row to put in a layout, and the check box to read and set."""
    row = QWidget(parent)
    box = QCheckBox(row)
    box.setAccessibleName(text)
    label = _ToggleLabel(text, box)
    label.setObjectName("wrappingCheckText")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row, box
