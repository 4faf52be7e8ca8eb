"""A custom-painted week (or day) calendar: columns of days or providers, rows of hours.

One widget paints everything with QPainter — no child widget per booking —
so a busy week of a few hundred bookings draws in a few milliseconds. The
input is :class:`~careops_desktop.ui.widgets.calendar_data.CalendarData`
(plain frozen dataclasses); every text is drawn with ``QPainter.drawText``,
which never interprets markup, and tooltips are escaped.

Signals (all on the Qt thread):
- ``bookingActivated(int)`` — a block was clicked (or chosen with the keyboard);
- ``bookingOpened(int)`` — a block was double-clicked or Enter was pressed on it;
- ``slotRequested(str, object)`` — empty space was double-clicked: the column key
  and the local ``datetime`` there, rounded down to ``slot_minutes``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from careops_desktop.ui.widgets.calendar_data import (
    CalendarBlock,
    CalendarData,
    columns_by_key,
    hour_range,
    minutes_into_day,
    place_in_lanes,
    snap_minutes,
)

STATUS_COLOURS: dict[str, tuple[str, str]] = {  # status → (fill, text)
    "confirmed": ("#2563eb", "#ffffff"),
    "completed": ("#15803d", "#ffffff"),
    "no_show": ("#f59e0b", "#1f2937"),
    "cancelled": ("#d1d5db", "#374151"),
}
STATUS_WORDS = {
    "confirmed": "Confirmed",
    "completed": "Completed",
    "no_show": "No-show",
    "cancelled": "Cancelled",
}
DEFAULT_COLOURS = ("#6b7280", "#ffffff")
MIN_HOUR_PX = 36.0
MIN_COLUMN_PX = 70.0


@dataclass
class _Drawn:
    """A block's rectangle and the texts already elided to fit it."""

    block: CalendarBlock
    rect: QRectF
    lines: tuple[str, ...]


class WeekCalendar(QWidget):
    """Paints one :class:`CalendarData` page; see the module docstring for its signals."""

    bookingActivated = Signal(int)
    bookingOpened = Signal(int)
    slotRequested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = CalendarData()
        self._clock: Callable[[], datetime] = datetime.now
        self.slot_minutes = 15
        self._first_hour, self._last_hour = 8, 18
        self._drawn: list[_Drawn] = []
        self._selected: int | None = None
        self._header_px = 0.0
        self._gutter_px = 0.0
        self._hour_px = MIN_HOUR_PX
        self._column_px = MIN_COLUMN_PX
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self.update)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName("Calendar")
        self._relayout()

    # -- input ------------------------------------------------------------------------------

    def set_data(self, data: CalendarData) -> None:
        """Show ``data``; the selection survives when its booking is still there."""
        self._data = data
        if self._selected is not None and all(b.id != self._selected for b in data.blocks):
            self._selected = None
        self._relayout()
        self.update()

    def data(self) -> CalendarData:
        return self._data

    def set_clock(self, clock: Callable[[], datetime]) -> None:
        """Where the line at "now" comes from: a function returning local wall-clock time."""
        self._clock = clock
        self.update()

    def selected_booking(self) -> int | None:
        return self._selected

    def select_booking(self, booking_id: int | None) -> None:
        self._selected = booking_id
        self.update()

    # -- geometry (public so tests and the view can aim at things) -------------------------

    def block_rect(self, booking_id: int) -> QRectF | None:
        """Where the block of ``booking_id`` is drawn, or None when it is not shown."""
        for drawn in self._drawn:
            if drawn.block.id == booking_id:
                return QRectF(drawn.rect)
        return None

    def point_for(self, column_key: str, moment: datetime) -> QPointF | None:
        """The widget point of ``moment`` in the middle of column ``column_key``."""
        index = columns_by_key(self._data.columns).get(column_key)
        if index is None:
            return None
        day = self._data.columns[index].day
        x = self._gutter_px + (index + 0.5) * self._column_px
        return QPointF(x, self._y_for(minutes_into_day(moment, day)))

    def slot_at(self, pos: QPointF) -> tuple[str, datetime] | None:
        """The column key and the snapped local time under ``pos``, or None outside the grid."""
        if pos.x() < self._gutter_px or pos.y() < self._header_px or not self._data.columns:
            return None
        index = int((pos.x() - self._gutter_px) // self._column_px)
        if not 0 <= index < len(self._data.columns):
            return None
        column = self._data.columns[index]
        minutes = self._first_hour * 60 + (pos.y() - self._header_px) / self._hour_px * 60
        minutes = min(max(minutes, 0.0), 24 * 60 - 1)
        snapped = snap_minutes(minutes, self.slot_minutes)
        return column.key, datetime.combine(column.day, time(0)) + timedelta(minutes=snapped)

    def block_at(self, pos: QPointF) -> CalendarBlock | None:
        for drawn in reversed(self._drawn):
            if drawn.rect.contains(pos):
                return drawn.block
        return None

    def _y_for(self, minutes: float) -> float:
        return self._header_px + (minutes - self._first_hour * 60) / 60.0 * self._hour_px

    def _relayout(self) -> None:
        """Recompute every rectangle and elided text; paint then only draws."""
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        self._header_px = line * 2 + 10
        self._gutter_px = metrics.horizontalAdvance("00:00") + 14
        self._first_hour, self._last_hour = hour_range(self._data)
        hours = self._last_hour - self._first_hour
        count = max(1, len(self._data.columns))
        self.setMinimumSize(
            int(self._gutter_px + count * MIN_COLUMN_PX),
            int(self._header_px + hours * MIN_HOUR_PX),
        )
        self._hour_px = max(MIN_HOUR_PX, (self.height() - self._header_px) / hours)
        self._column_px = max(MIN_COLUMN_PX, (self.width() - self._gutter_px) / count)
        index_of = columns_by_key(self._data.columns)
        per_column: dict[str, list[CalendarBlock]] = {}
        for block in self._data.blocks:
            if block.column in index_of:
                per_column.setdefault(block.column, []).append(block)
        drawn: list[_Drawn] = []
        top_limit, bottom_limit = (
            self._y_for(self._first_hour * 60),
            self._y_for(self._last_hour * 60),
        )
        for key, blocks in per_column.items():
            index = index_of[key]
            # minutes_into_day's arithmetic with the column's midnight worked out once
            midnight = datetime.combine(self._data.columns[index].day, time(0))
            left = self._gutter_px + index * self._column_px + 2
            width = self._column_px - 5
            for placed in place_in_lanes(blocks):
                lane_w = width / placed.lanes
                start = (placed.block.start.replace(tzinfo=None) - midnight).total_seconds()
                end = (placed.block.end.replace(tzinfo=None) - midnight).total_seconds()
                top = max(top_limit, self._y_for(start / 60.0))
                bottom = min(bottom_limit, self._y_for(end / 60.0))
                if bottom <= top:
                    continue
                rect = QRectF(left + placed.lane * lane_w, top + 1, lane_w - 2, bottom - top - 2)
                drawn.append(_Drawn(placed.block, rect, self._elide(placed.block, rect, metrics)))
        self._drawn = drawn

    @staticmethod
    def _elide(block: CalendarBlock, rect: QRectF, metrics: QFontMetricsF) -> tuple[str, ...]:
        room = rect.width() - 8
        if room < 8:
            return ()
        fits = max(1, int((rect.height() - 4) // metrics.height()))
        wanted = [text for text in (block.title, block.subtitle) if text]
        if len(wanted) < fits:  # the time line only when there is room for it
            wanted.append(f"{block.start:%H:%M}–{block.end:%H:%M}")
        elide = Qt.TextElideMode.ElideRight
        # only the lines that fit are measured (eliding is the costly part of the layout)
        return tuple(
            metrics.elidedText(text.replace("\n", " "), elide, room) for text in wanted[:fits]
        )

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        closed_shade = base.darker(112) if not dark else base.lighter(135)
        grid = QColor(text)
        grid.setAlpha(40)
        half_grid = QColor(text)
        half_grid.setAlpha(16)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        columns = self._data.columns
        index_of = columns_by_key(columns)
        grid_top, grid_bottom = self._header_px, self._y_for(self._last_hour * 60)
        grid_right = self._gutter_px + len(columns) * self._column_px
        # closed time shaded, opening hours bright
        for index in range(len(columns)):
            x = self._gutter_px + index * self._column_px
            painter.fillRect(
                QRectF(x, grid_top, self._column_px, grid_bottom - grid_top), closed_shade
            )
        for rng in self._data.open_hours:
            found = index_of.get(rng.column)
            if found is None:
                continue
            x = self._gutter_px + found * self._column_px
            top = self._y_for(rng.start.hour * 60 + rng.start.minute)
            bottom = self._y_for(rng.end.hour * 60 + rng.end.minute)
            painter.fillRect(QRectF(x, top, self._column_px, bottom - top), base)
        # hour and half-hour lines, column separators: 1-px rectangles on whole pixels
        # (fillRect takes the raster engine's fast path; drawLine with a translucent pen
        # does not)
        width = grid_right - self._gutter_px
        for hour in range(self._first_hour, self._last_hour + 1):
            y = round(self._y_for(hour * 60))
            painter.fillRect(QRectF(self._gutter_px, y, width, 1), grid)
            if hour < self._last_hour:
                half = round(self._y_for(hour * 60 + 30))
                painter.fillRect(QRectF(self._gutter_px, half, width, 1), half_grid)
        for index in range(len(columns) + 1):
            x = round(self._gutter_px + index * self._column_px)
            painter.fillRect(QRectF(x, grid_top, 1, grid_bottom - grid_top), grid)
        self._paint_closures(painter, index_of, grid_top, grid_bottom, text)
        self._paint_busy(painter, index_of, text)
        self._paint_blocks(painter, palette)
        self._paint_now(painter, grid_top, grid_bottom)
        self._paint_header_and_gutter(painter, palette)

    def _paint_closures(
        self, painter: QPainter, index_of: dict[str, int], top: float, bottom: float, text: QColor
    ) -> None:
        hatch = QColor(text)
        hatch.setAlpha(60)
        for closure in self._data.closures:
            index = index_of.get(closure.column)
            if index is None:
                continue
            rect = QRectF(
                self._gutter_px + index * self._column_px, top, self._column_px, bottom - top
            )
            painter.fillRect(rect, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.setPen(text)
            label = rect.adjusted(4, 4, -4, 0)
            label.setHeight(QFontMetricsF(self.font()).height() * 2 + 4)
            words = closure.label.replace("\n", " ") or "Closed"
            painter.drawText(
                label,
                int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap),
                "Closed\n" + words if closure.label else words,
            )

    def _paint_busy(self, painter: QPainter, index_of: dict[str, int], text: QColor) -> None:
        fill = QColor(128, 128, 128, 90)
        metrics = QFontMetricsF(self.font())
        for busy in self._data.busy:
            index = index_of.get(busy.column)
            if index is None:
                continue
            day = self._data.columns[index].day
            top = max(self._header_px, self._y_for(minutes_into_day(busy.start, day)))
            bottom = min(
                self._y_for(self._last_hour * 60), self._y_for(minutes_into_day(busy.end, day))
            )
            if bottom <= top:
                continue
            rect = QRectF(
                self._gutter_px + index * self._column_px + 1,
                top,
                self._column_px - 2,
                bottom - top,
            )
            painter.fillRect(rect, fill)
            painter.setPen(text)
            room = rect.width() - 8
            label = metrics.elidedText(
                busy.label.replace("\n", " ") or "Busy", Qt.TextElideMode.ElideRight, room
            )
            painter.drawText(
                rect.adjusted(4, 2, -4, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                label,
            )

    def _paint_blocks(self, painter: QPainter, palette: QPalette) -> None:
        """Blocks in passes (fills, then texts by font) so the painter rarely switches state."""
        highlight = palette.color(QPalette.ColorRole.Highlight)
        line_h = QFontMetricsF(self.font()).height()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        pens: dict[str, tuple[QColor, QPen, QColor]] = {}
        for status, (fill_hex, text_hex) in (*STATUS_COLOURS.items(), ("", DEFAULT_COLOURS)):
            fill = QColor(fill_hex)
            pens[status] = (fill, QPen(fill.darker(130), 1), QColor(text_hex))
        for drawn in self._drawn:
            fill, border, _text = pens.get(drawn.block.status, pens[""])
            painter.fillRect(drawn.rect, fill)
            painter.setPen(border)
            painter.drawRect(drawn.rect)
            if drawn.block.id == self._selected:
                painter.setPen(QPen(highlight, 2.5))
                painter.drawRect(drawn.rect.adjusted(-1, -1, 1, 1))
        base_font = QFont(self.font())
        bold = QFont(base_font)
        bold.setBold(True)
        struck = QFont(bold)
        struck.setStrikeOut(True)
        for first in (True, False):
            for drawn in self._drawn:
                if not drawn.lines or (not first and len(drawn.lines) < 2):
                    continue
                if first:
                    painter.setFont(struck if drawn.block.status == "cancelled" else bold)
                else:
                    painter.setFont(base_font)
                painter.setPen(pens.get(drawn.block.status, pens[""])[2])
                left, width = drawn.rect.left() + 4, drawn.rect.width() - 6
                y = drawn.rect.top() + 2
                lines = drawn.lines[:1] if first else drawn.lines[1:]
                if not first:
                    y += line_h
                for line in lines:
                    painter.drawText(QRectF(left, y, width, line_h), flags, line)
                    y += line_h
        painter.setFont(base_font)

    def _paint_now(self, painter: QPainter, top: float, bottom: float) -> None:
        now = self._clock()
        for index, column in enumerate(self._data.columns):
            minutes = minutes_into_day(now, column.day)
            if not 0 <= minutes < 24 * 60:
                continue
            y = self._y_for(minutes)
            if not top <= y <= bottom:
                continue
            x = self._gutter_px + index * self._column_px
            painter.fillRect(QRectF(x, round(y) - 1, self._column_px, 2), QColor("#dc2626"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#dc2626"))
            painter.drawEllipse(QPointF(x + 2, y), 3, 3)

    def _paint_header_and_gutter(self, painter: QPainter, palette: QPalette) -> None:
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(QRectF(0, 0, self.width(), self._header_px), window)
        painter.fillRect(QRectF(0, self._header_px, self._gutter_px, self.height()), window)
        today = self._clock().date()
        metrics = QFontMetricsF(self.font())
        center = int(Qt.AlignmentFlag.AlignCenter)
        for index, column in enumerate(self._data.columns):
            rect = QRectF(
                self._gutter_px + index * self._column_px, 2, self._column_px, self._header_px - 4
            )
            if column.day == today:
                painter.fillRect(
                    rect.adjusted(2, 0, -2, 0), palette.color(QPalette.ColorRole.Highlight)
                )
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                painter.setPen(text)
            title = column.title.replace("\n", " ")
            room = rect.width() - 6
            first = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
            second = metrics.elidedText(
                column.subtitle.replace("\n", " ") or f"{column.day:%a %d %b}",
                Qt.TextElideMode.ElideRight,
                room,
            )
            half = rect.height() / 2
            painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), half), center, first)
            painter.drawText(
                QRectF(rect.left(), rect.top() + half, rect.width(), half), center, second
            )
        painter.setPen(text)
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for hour in range(self._first_hour, self._last_hour):
            y = self._y_for(hour * 60)
            painter.drawText(
                QRectF(0, y - 1, self._gutter_px - 6, metrics.height()), flags, f"{hour:02d}:00"
            )

    # -- events -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._now_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._now_timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._relayout()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            block = self.block_at(event.position())
            if block is not None:
                self._selected = block.id
                self.update()
                self.bookingActivated.emit(block.id)
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        block = self.block_at(event.position())
        if block is not None:
            self.bookingOpened.emit(block.id)
            return
        slot = self.slot_at(event.position())
        if slot is not None:
            self.slotRequested.emit(slot[0], slot[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = int(event.key())
        ordered = sorted(
            self._drawn, key=lambda d: (d.rect.left() // max(1.0, self._column_px), d.rect.top())
        )
        ids = [d.block.id for d in ordered]
        if key in (int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter)) and self._selected in ids:
            self.bookingOpened.emit(self._selected)
            return
        step = {
            int(Qt.Key.Key_Down): 1,
            int(Qt.Key.Key_Right): 1,
            int(Qt.Key.Key_Up): -1,
            int(Qt.Key.Key_Left): -1,
        }
        if key in step and ids:
            if self._selected in ids:
                position = (ids.index(self._selected) + step[key]) % len(ids)
            else:
                position = 0 if step[key] > 0 else len(ids) - 1
            self._selected = ids[position]
            self.update()
            self.bookingActivated.emit(self._selected)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = QPointF(event.pos())  # type: ignore[attr-defined]
            block = self.block_at(pos)
            if block is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), tooltip_html(block), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)


def tooltip_html(block: CalendarBlock) -> str:
    """A tooltip for ``block`` as rich text whose every customer word is escaped."""
    parts = [
        f"<b>{html.escape(block.title)}</b>",
        html.escape(block.subtitle),
        html.escape(f"{block.start:%a %d %b %H:%M}–{block.end:%H:%M}"),
        html.escape(STATUS_WORDS.get(block.status, block.status)),
    ]
    return "<qt>" + "<br>".join(p for p in parts if p) + "</qt>"
