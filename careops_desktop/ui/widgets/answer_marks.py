"""The week calendar's marks for customers' answers (issue 19), painted over the blocks.

A visit the customer confirmed by reply gets a small white badge with a green tick in
its top-right corner; a visit within 24 hours that was reminded but not answered gets
an amber badge with a question mark. The tooltip says the same in words
(:func:`answer_words`). Blocks too small for a badge get none.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.widgets.week_layout import Drawn

BADGES = {  # answer → (badge fill, mark colour, mark)
    "confirmed": ("#ffffff", "#15803d", "✓"),
    "unconfirmed": ("#fbbf24", "#1f2937", "?"),
}
WORDS = {
    "confirmed": str(QT_TRANSLATE_NOOP("WeekCalendar", "Confirmed by the customer")),
    "unconfirmed": str(QT_TRANSLATE_NOOP("WeekCalendar", "Not confirmed by the customer yet")),
}
BADGE_PX = 14.0


def answer_words(answer: str) -> str:
    """The tooltip line for a block's ``customer_answer`` ("" for none)."""
    return translate("WeekCalendar", WORDS[answer]) if answer in WORDS else ""


def paint_answer_marks(painter: QPainter, drawn_blocks: Sequence[Drawn], font: QFont) -> None:
    """Draw the badge of each block that has one (see the module doc)."""
    marked = [d for d in drawn_blocks if d.block.customer_answer in BADGES]
    if not marked:
        return
    painter.save()
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(int(BADGE_PX - 3))
    painter.setFont(bold)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for drawn in marked:
        rect = drawn.rect
        if rect.width() < BADGE_PX * 3 or rect.height() < BADGE_PX + 2:
            continue
        fill, mark_colour, mark = BADGES[drawn.block.customer_answer]
        badge = QRectF(rect.right() - BADGE_PX - 2, rect.top() + 2, BADGE_PX, BADGE_PX)
        painter.setPen(QPen(QColor(mark_colour), 1))
        painter.setBrush(QColor(fill))
        painter.drawEllipse(badge)
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), mark)
    painter.restore()
