"""Counts over groups of bookings drawn side by side in lanes too narrow to read.

The layout (:class:`~careops_desktop.ui.widgets.week_layout.CalendarLayout`) finds the
groups; this paints each count ("6 bookings") in the tooltip colours across the top of
its group, and says in the tooltip how to read them (the day view).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette

from careops_desktop.ui.i18n import counted, translate

if TYPE_CHECKING:
    from careops_desktop.ui.widgets.week_layout import Badge


def badge_text(count: int) -> str:
    return counted(translate("WeekCalendar", "%n booking(s)", "", count), count)


def badge_tooltip(count: int) -> str:
    """The tooltip over a count (plain words, no customer text)."""
    return translate(
        "WeekCalendar",
        "%n bookings overlap here, too narrow to read. Double-click the day's header, "
        "or choose Day, to see each provider in a column.",
        "",
        count,
    )


def paint_badges(painter: QPainter, badges: Sequence[Badge], palette: QPalette) -> None:
    """Each badge as a framed count in the tooltip colours."""
    if not badges:
        return
    metrics = QFontMetricsF(painter.font())
    painter.setPen(palette.color(QPalette.ColorRole.ToolTipText))
    for badge in badges:
        painter.fillRect(badge.rect, palette.color(QPalette.ColorRole.ToolTipBase))
        painter.drawRect(badge.rect)
        text = metrics.elidedText(
            badge_text(badge.count), Qt.TextElideMode.ElideRight, badge.rect.width() - 4
        )
        painter.drawText(badge.rect, int(Qt.AlignmentFlag.AlignCenter), text)
