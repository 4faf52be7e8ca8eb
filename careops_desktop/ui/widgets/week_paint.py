"""The week calendar's painting: grid, opening hours, closures, busy time, blocks, now line.

:func:`paint_calendar` draws one page with a ``QPainter`` from a computed
:class:`~careops_desktop.ui.widgets.week_layout.CalendarLayout`; it measures nothing
but the header's texts. Every text goes through ``QPainter.drawText``, which never
interprets markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.widgets.answer_marks import paint_answer_marks
from careops_desktop.ui.widgets.block_style import STATUS_COLOURS, BlockLook, block_look
from careops_desktop.ui.widgets.calendar_data import (
    CalendarColumn,
    CalendarData,
    columns_by_key,
    minutes_into_day,
)
from careops_desktop.ui.widgets.local_time import day_header_texts, fmt_wall_time
from careops_desktop.ui.widgets.time_block_paint import paint_time_blocks
from careops_desktop.ui.widgets.week_layout import CalendarLayout

NOW_COLOUR = "#dc2626"
__all__ = ["NOW_COLOUR", "STATUS_COLOURS", "Scene", "column_title", "hour_text", "paint_calendar"]


@dataclass(frozen=True)
class Scene:
    """What one paint needs besides the painter: the page, its layout and the widget's look."""

    data: CalendarData
    layout: CalendarLayout
    palette: QPalette
    font: QFont
    width: float
    height: float
    now: datetime
    selected: int | None


def paint_calendar(painter: QPainter, scene: Scene) -> None:
    """Draw the whole page of ``scene``."""
    layout, palette = scene.layout, scene.palette
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightness() < 128
    closed_shade = base.darker(112) if not dark else base.lighter(135)
    grid = QColor(text)
    grid.setAlpha(40)
    half_grid = QColor(text)
    half_grid.setAlpha(16)
    painter.fillRect(
        QRectF(0, 0, scene.width, scene.height), palette.color(QPalette.ColorRole.Window)
    )
    columns = scene.data.columns
    index_of = columns_by_key(columns)
    grid_top, grid_bottom = layout.header_px, layout.y_for(layout.last_hour * 60)
    grid_right = layout.column_left(len(columns))
    # closed time shaded, opening hours bright
    for index in range(len(columns)):
        painter.fillRect(
            QRectF(layout.column_left(index), grid_top, layout.column_px, grid_bottom - grid_top),
            closed_shade,
        )
    for rng in scene.data.open_hours:
        found = index_of.get(rng.column)
        if found is None:
            continue
        top = layout.y_for(rng.start.hour * 60 + rng.start.minute)
        bottom = layout.y_for(rng.end.hour * 60 + rng.end.minute)
        painter.fillRect(
            QRectF(layout.column_left(found), top, layout.column_px, bottom - top), base
        )
    # hour and half-hour lines, column separators: 1-px rectangles on whole pixels
    # (fillRect takes the raster engine's fast path; drawLine with a translucent pen
    # does not)
    width = grid_right - layout.gutter_px
    for hour in range(layout.first_hour, layout.last_hour + 1):
        y = round(layout.y_for(hour * 60))
        painter.fillRect(QRectF(layout.gutter_px, y, width, 1), grid)
        if hour < layout.last_hour:
            half = round(layout.y_for(hour * 60 + 30))
            painter.fillRect(QRectF(layout.gutter_px, half, width, 1), half_grid)
    for index in range(len(columns) + 1):
        x = round(layout.column_left(index))
        painter.fillRect(QRectF(x, grid_top, 1, grid_bottom - grid_top), grid)
    _paint_closures(painter, scene, index_of, text)
    _paint_busy(painter, scene, index_of, text)
    paint_time_blocks(painter, scene.data, layout, scene.font, palette)  # blocked time
    _paint_blocks(painter, scene)
    paint_answer_marks(painter, scene.layout.drawn, scene.font)  # customers' answers (issue 19)
    _paint_now(painter, scene)
    _paint_header_and_gutter(painter, scene)


def _paint_closures(
    painter: QPainter, scene: Scene, index_of: dict[str, int], text: QColor
) -> None:
    layout = scene.layout
    top, bottom = layout.header_px, layout.y_for(layout.last_hour * 60)
    hatch = QColor(text)
    hatch.setAlpha(60)
    for closure in scene.data.closures:
        index = index_of.get(closure.column)
        if index is None:
            continue
        rect = QRectF(layout.column_left(index), top, layout.column_px, bottom - top)
        painter.fillRect(rect, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        painter.setPen(text)
        label = rect.adjusted(4, 4, -4, 0)
        label.setHeight(QFontMetricsF(scene.font).height() * 2 + 4)
        closed = translate("WeekCalendar", "Closed")
        words = closure.label.replace("\n", " ") or closed
        painter.drawText(
            label,
            int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap),
            f"{closed}\n{words}" if closure.label else words,
        )


def _paint_busy(painter: QPainter, scene: Scene, index_of: dict[str, int], text: QColor) -> None:
    layout = scene.layout
    fill = QColor(128, 128, 128, 90)
    metrics = QFontMetricsF(scene.font)
    for busy in scene.data.busy:
        index = index_of.get(busy.column)
        if index is None:
            continue
        day = scene.data.columns[index].day
        top = max(layout.header_px, layout.y_for(minutes_into_day(busy.start, day)))
        bottom = min(
            layout.y_for(layout.last_hour * 60), layout.y_for(minutes_into_day(busy.end, day))
        )
        if bottom <= top:
            continue
        rect = QRectF(layout.column_left(index) + 1, top, layout.column_px - 2, bottom - top)
        painter.fillRect(rect, fill)
        painter.setPen(text)
        room = rect.width() - 8
        label = metrics.elidedText(
            busy.label.replace("\n", " ") or translate("WeekCalendar", "Busy"),
            Qt.TextElideMode.ElideRight,
            room,
        )
        painter.drawText(
            rect.adjusted(4, 2, -4, -2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            label,
        )


def _paint_blocks(painter: QPainter, scene: Scene) -> None:
    """Blocks in passes (fills, then texts by font) so the painter rarely switches state.

    Each block's look (provider colour, status style) comes from :func:`block_look`.
    """
    drawn_blocks = scene.layout.drawn
    highlight = scene.palette.color(QPalette.ColorRole.Highlight)
    background = scene.palette.color(QPalette.ColorRole.Base)
    outline = QPen(scene.palette.color(QPalette.ColorRole.WindowText), 3)
    line_h = QFontMetricsF(scene.font).height()
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    looks: dict[tuple[str, str], tuple[BlockLook, QPen]] = {}
    per_block: list[BlockLook] = []
    for drawn in drawn_blocks:
        key = (drawn.block.status, drawn.block.color)
        found = looks.get(key)
        if found is None:
            look = block_look(key[0], key[1], background)
            found = looks[key] = (look, QPen(look.border, 1, look.border_style))
        look, border = found
        per_block.append(look)
        painter.fillRect(drawn.rect, look.fill)
        painter.setPen(border)
        painter.drawRect(drawn.rect)
        if look.outline:
            painter.setPen(outline)
            painter.drawRect(drawn.rect.adjusted(1.5, 1.5, -1.5, -1.5))
        if drawn.block.id == scene.selected:
            painter.setPen(QPen(highlight, 2.5))
            painter.drawRect(drawn.rect.adjusted(-1, -1, 1, 1))
    base_font = QFont(scene.font)
    bold = QFont(base_font)
    bold.setBold(True)
    struck = QFont(bold)
    struck.setStrikeOut(True)
    struck_base = QFont(base_font)
    struck_base.setStrikeOut(True)
    for first in (True, False):
        for drawn, look in zip(drawn_blocks, per_block, strict=True):
            if not drawn.lines or (not first and len(drawn.lines) < 2):
                continue
            if first:
                painter.setFont(struck if look.strike else bold)
            else:
                painter.setFont(struck_base if look.strike else base_font)
            painter.setPen(look.text)
            left, width = drawn.rect.left() + 4, drawn.rect.width() - 6
            y = drawn.rect.top() + 2
            lines = drawn.lines[:1] if first else drawn.lines[1:]
            if not first:
                y += line_h
            for line in lines:
                painter.drawText(QRectF(left, y, width, line_h), flags, line)
                y += line_h
    painter.setFont(base_font)


def _paint_now(painter: QPainter, scene: Scene) -> None:
    layout = scene.layout
    top, bottom = layout.header_px, layout.y_for(layout.last_hour * 60)
    for index, column in enumerate(scene.data.columns):
        minutes = minutes_into_day(scene.now, column.day)
        if not 0 <= minutes < 24 * 60:
            continue
        y = layout.y_for(minutes)
        if not top <= y <= bottom:
            continue
        x = layout.column_left(index)
        painter.fillRect(QRectF(x, round(y) - 1, layout.column_px, 2), QColor(NOW_COLOUR))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(NOW_COLOUR))
        painter.drawEllipse(QPointF(x + 2, y), 3, 3)


def _paint_header_and_gutter(painter: QPainter, scene: Scene) -> None:
    layout, palette = scene.layout, scene.palette
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    painter.fillRect(QRectF(0, 0, scene.width, layout.header_px), window)
    painter.fillRect(QRectF(0, layout.header_px, layout.gutter_px, scene.height), window)
    today = scene.now.date()
    metrics = QFontMetricsF(scene.font)
    center = int(Qt.AlignmentFlag.AlignCenter)
    for index, column in enumerate(scene.data.columns):
        rect = QRectF(layout.column_left(index), 2, layout.column_px, layout.header_px - 4)
        if column.day == today:
            painter.fillRect(
                rect.adjusted(2, 0, -2, 0), palette.color(QPalette.ColorRole.Highlight)
            )
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(text)
        room = rect.width() - 6
        title = column_title(column, room, metrics)
        first = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        second = metrics.elidedText(
            column.subtitle.replace("\n", " ") or day_header_texts(column.day)[1],
            Qt.TextElideMode.ElideRight,
            room,
        )
        half = rect.height() / 2
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), half), center, first)
        painter.drawText(QRectF(rect.left(), rect.top() + half, rect.width(), half), center, second)
    painter.setPen(text)
    flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    for hour in range(layout.first_hour, layout.last_hour):
        y = layout.y_for(hour * 60)
        painter.drawText(
            QRectF(0, y - 1, layout.gutter_px - 6, metrics.height()), flags, hour_text(hour)
        )


def hour_text(hour: int) -> str:
    """The gutter's label of ``hour`` per the business locale (``14:00``, ``2:00 PM``)."""
    return fmt_wall_time(datetime(2000, 1, 1, hour))


def column_title(column: CalendarColumn, room: float, metrics: QFontMetricsF) -> str:
    """A column's first header line. A day column of the week view (its key is the day's
    ISO date) is named per the business locale, as long as fits ``room`` (``Montag,
    10. März`` … ``Mo.``); any other column (a provider) shows its ``title``."""
    if column.key != column.day.isoformat():
        return column.title.replace("\n", " ")
    texts = day_header_texts(column.day)
    return next((text for text in texts if metrics.horizontalAdvance(text) <= room), texts[-1])
