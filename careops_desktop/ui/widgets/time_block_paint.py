"""Blocked time in the week calendar: hatched stretches with their reason, and the range being
dragged out on empty space (press, drag down, release → "Block time").

:func:`paint_time_blocks` is called by :mod:`.week_paint` (below the bookings, so a
booking made over a block stays visible); :func:`mark_rect` and :func:`mark_at` say
where a block is drawn, for clicks. Texts go through ``QPainter.drawText`` (no markup).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.widgets.calendar_data import (
    CalendarData,
    TimeBlockMark,
    columns_by_key,
    minutes_into_day,
)
from careops_desktop.ui.widgets.local_time import wall_range
from careops_desktop.ui.widgets.week_layout import CalendarLayout

BLOCK_HUE = "#b45309"  # amber: blocked time, told apart from closures by its hatch and border


def _span_rect(
    layout: CalendarLayout,
    data: CalendarData,
    column: str,
    start: datetime,
    end: datetime,
    index_of: dict[str, int] | None = None,
) -> QRectF | None:
    index = (index_of or columns_by_key(data.columns)).get(column)
    if index is None:
        return None
    day = data.columns[index].day
    top = max(layout.header_px, layout.y_for(minutes_into_day(start, day)))
    bottom = min(layout.y_for(layout.last_hour * 60), layout.y_for(minutes_into_day(end, day)))
    if bottom <= top:
        return None
    return QRectF(layout.column_left(index) + 1, top, layout.column_px - 2, bottom - top)


def mark_rect(layout: CalendarLayout, data: CalendarData, mark: TimeBlockMark) -> QRectF | None:
    """Where ``mark`` is drawn, or None when it is not on the page."""
    return _span_rect(layout, data, mark.column, mark.start, mark.end)


def mark_at(layout: CalendarLayout, data: CalendarData, pos: QPointF) -> TimeBlockMark | None:
    """The blocked time under ``pos`` (the last drawn on top), or None."""
    index_of = columns_by_key(data.columns)
    for mark in reversed(data.time_blocks):
        rect = _span_rect(layout, data, mark.column, mark.start, mark.end, index_of)
        if rect is not None and rect.contains(pos):
            return mark
    return None


def paint_time_blocks(
    painter: QPainter, data: CalendarData, layout: CalendarLayout, font: QFont, palette: QPalette
) -> None:
    """Each blocked stretch hatched, outlined dashed, with "reason · 12:00–13:00" on a plate."""
    if not data.time_blocks:
        return
    index_of = columns_by_key(data.columns)
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    hue = QColor(BLOCK_HUE)
    if base.lightness() < 128:
        hue = hue.lighter(160)
    fill = QColor(hue)
    fill.setAlpha(40)
    hatch = QColor(hue)
    hatch.setAlpha(150)
    border = QPen(hue, 1.5, Qt.PenStyle.DashLine)
    plate = QColor(base)
    plate.setAlpha(225)
    metrics = QFontMetricsF(font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for mark in data.time_blocks:
        rect = _span_rect(layout, data, mark.column, mark.start, mark.end, index_of)
        if rect is None:
            continue
        painter.fillRect(rect, fill)
        painter.fillRect(rect, QBrush(hatch, Qt.BrushStyle.FDiagPattern))
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        room = rect.width() - 10
        if room < 12:
            continue
        times = wall_range(mark.start, mark.end)
        words = mark.label.replace("\n", " ") or translate("WeekCalendar", "Blocked")
        label = metrics.elidedText(f"{words} · {times}", Qt.TextElideMode.ElideRight, room)
        height = min(rect.height() - 2, metrics.height() + 2)
        if height < metrics.height() * 0.6:
            continue
        width = metrics.horizontalAdvance(label) + 8
        plate_rect = QRectF(rect.left() + 2, rect.top() + 1, min(width, rect.width() - 4), height)
        painter.fillRect(plate_rect, plate)
        painter.setPen(text)
        painter.drawText(plate_rect.adjusted(4, 0, -2, 0), flags, label)


def paint_range_drag(
    painter: QPainter,
    data: CalendarData,
    layout: CalendarLayout,
    palette: QPalette,
    span: tuple[str, datetime, datetime] | None,
) -> None:
    """The range being dragged out on empty space: a translucent highlight with its times."""
    if span is None:
        return
    rect = _span_rect(layout, data, *span)
    if rect is None:
        return
    highlight = palette.color(QPalette.ColorRole.Highlight)
    shade = QColor(highlight)
    shade.setAlpha(70)
    painter.fillRect(rect, shade)
    painter.setPen(QPen(highlight, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    painter.drawText(
        rect.adjusted(4, 2, -4, -2),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
        wall_range(span[1], span[2]),
    )
