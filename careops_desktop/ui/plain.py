"""Customer and staff text shown as text, never as markup (rule 8 of the architecture).

Qt guesses rich text for labels, tooltips and message boxes whose text looks like HTML, and a
guessed ``<img src=...>`` would be rendered. These helpers make the plain choice explicit.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def safe_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: escaped inside an explicit rich-text block.

    (A tooltip is rich text whenever Qt guesses so; escaping alone would then show
    ``&lt;`` for plain-looking text, so the block is always marked as rich.)
    """
    if not text:
        return ""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt><span style='white-space:pre-wrap'>{escaped}</span></qt>"


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel fixed to plain text (links and markup shown as written)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def set_plain(label: QLabel, text: str) -> None:
    """Set a label's text as plain text, whatever its format was."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
