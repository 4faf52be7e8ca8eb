"""A custom-painted week (or day) calendar: columns of days or providers, rows of hours.

One widget paints everything with QPainter — no child widget per booking —
so a busy week of a few hundred bookings draws in a few milliseconds. The
input is :class:`~careops_desktop.ui.widgets.calendar_data.CalendarData`
(plain frozen dataclasses); every text is drawn with ``QPainter.drawText``,
which never interprets markup, and tooltips are escaped. The geometry lives in
:mod:`.week_layout` (recomputed once before the next paint after any number of
resizes), the drawing in :mod:`.week_paint`; this module is the widget: input,
selection, mouse, keyboard and tooltips.

Signals (all on the Qt thread):
- ``bookingActivated(int)`` — a block was clicked (or chosen with the keyboard);
- ``bookingOpened(int)`` — a block was double-clicked or Enter was pressed on it;
- ``slotRequested(str, object)`` — empty space was double-clicked: the column key
  and the local ``datetime`` there, rounded down to ``slot_minutes``;
- ``timeRangeChosen(str, object, object)`` — a range was dragged out on empty space
  (press, drag, release): the column key and the local start and end (Block time);
- ``timeBlockClicked(object, object)`` — blocked time was clicked: its
  :class:`TimeBlockMark` and the global point (for an Edit / Remove menu).
- ``dropRequested(object)`` — a booking was dragged (or moved with Alt+arrows) and
  dropped: a :class:`~careops_desktop.ui.widgets.calendar_drag.DropRequest`; the ghost
  stays until :meth:`WeekCalendar.finish_drop` (see :mod:`.calendar_drag`);
- ``dayRequested(object)`` — a day's header was double-clicked in the week view.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.plain import safe_tooltip
from careops_desktop.ui.widgets.answer_marks import answer_words
from careops_desktop.ui.widgets.calendar_data import CalendarBlock, CalendarData, block_times
from careops_desktop.ui.widgets.calendar_drag import CalendarDrag, DropRequest, movable
from careops_desktop.ui.widgets.empty_drag import EmptySpaceDrag
from careops_desktop.ui.widgets.local_time import fmt_day, wall_range
from careops_desktop.ui.widgets.time_block_paint import mark_at, paint_range_drag
from careops_desktop.ui.widgets.week_badges import badge_tooltip, paint_badges
from careops_desktop.ui.widgets.week_layout import CalendarLayout
from careops_desktop.ui.widgets.week_paint import STATUS_COLOURS, Scene, paint_calendar

__all__ = ["STATUS_COLOURS", "STATUS_WORDS", "WeekCalendar", "tooltip_html"]

# English words, shown as translate("WeekCalendar", word)
STATUS_WORDS = {
    "confirmed": str(QT_TRANSLATE_NOOP("WeekCalendar", "Confirmed")),
    "arrived": str(QT_TRANSLATE_NOOP("WeekCalendar", "Arrived")),
    "completed": str(QT_TRANSLATE_NOOP("WeekCalendar", "Completed")),
    "no_show": str(QT_TRANSLATE_NOOP("WeekCalendar", "No-show")),
    "cancelled": str(QT_TRANSLATE_NOOP("WeekCalendar", "Cancelled")),
}


class WeekCalendar(QWidget):
    """Paints one :class:`CalendarData` page; see the module docstring for its signals."""

    bookingActivated = Signal(int)
    bookingOpened = Signal(int)
    slotRequested = Signal(str, object)
    timeRangeChosen = Signal(str, object, object)
    timeBlockClicked = Signal(object, object)
    dropRequested = Signal(object)
    dayRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = CalendarData()
        self._clock: Callable[[], datetime] = datetime.now
        self.slot_minutes = 15
        self._layout = CalendarLayout()
        self._stale = True  # the layout is recomputed before its next use
        self._selected: int | None = None
        self._range = EmptySpaceDrag()  # press-drag-release on empty space: Block time
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self.update)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # the resize cursor over a block's bottom edge
        self.drag = CalendarDrag(self, lambda: self._clock())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("Calendar"))
        self._reframe()

    # -- input ------------------------------------------------------------------------------

    def set_data(self, data: CalendarData) -> None:
        """Show ``data``; the selection survives when its booking is still there."""
        self._data = data
        if self._selected is not None and all(b.id != self._selected for b in data.blocks):
            self._selected = None
        self._reframe()
        if self.isVisible():
            self._ensure_layout()  # a hidden calendar lays out when it is shown (its size)
        self.drag.data_changed()
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
        return self._ensure_layout().block_rect(booking_id)

    def point_for(self, column_key: str, moment: datetime) -> QPointF | None:
        """The widget point of ``moment`` in the middle of column ``column_key``."""
        return self._ensure_layout().point_for(self._data, column_key, moment)

    def slot_at(self, pos: QPointF) -> tuple[str, datetime] | None:
        """The column key and the snapped local time under ``pos``, or None outside the grid."""
        return self._ensure_layout().slot_at(self._data, pos, self.slot_minutes)

    def block_at(self, pos: QPointF) -> CalendarBlock | None:
        return self._ensure_layout().block_at(pos)

    def layout_now(self) -> CalendarLayout:
        """The current geometry (laid out first when stale)."""
        return self._ensure_layout()

    def crowded(self) -> bool:
        """Whether some lanes are too narrow for names (initials are shown there)."""
        return bool(self._ensure_layout().crowded)

    def finish_drop(self) -> None:
        """The view has dealt with the last ``dropRequested``: the ghost goes."""
        self.drag.finish()

    def _reframe(self) -> None:
        """The minimum size for the page's columns and hours (font and data only)."""
        self._stale = True
        self.setMinimumSize(*self._layout.frame(self._data, QFontMetricsF(self.font())))

    def _ensure_layout(self) -> CalendarLayout:
        """Every rectangle and elided text for the current size; paint then only draws.

        Recomputed once after any number of resizes (a first show resizes several times).
        """
        if self._stale:
            self._stale = False
            metrics = QFontMetricsF(self.font())
            self._layout.compute(self._data, self.width(), self.height(), metrics)
        return self._layout

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self.drag.active:  # the calendar once per drag, then the ghost per move
                painter.drawPixmap(0, 0, self.drag.backdrop(self._paint_scene))
                self.drag.paint(painter)
            else:
                self._paint_scene(painter)
        finally:
            painter.end()

    def _paint_scene(self, painter: QPainter) -> None:
        scene = Scene(
            self._data,
            self._ensure_layout(),
            self.palette(),
            self.font(),
            self.width(),
            self.height(),
            self._clock(),
            self._selected,
        )
        paint_calendar(painter, scene)
        paint_badges(painter, scene.layout.badges, self.palette())
        span = self._range.span(self.slot_minutes)
        paint_range_drag(painter, self._data, scene.layout, self.palette(), span)

    # -- events -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._stale = True
        self.drag.size_changed()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._now_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._now_timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reframe()
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            block = self.block_at(event.position())
            if block is not None:
                self._selected = block.id
                self.update()
                self.drag.press(block, event.position())
                self.bookingActivated.emit(block.id)
                return
            self._range.press(self.slot_at(event.position()), event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = self._range.press_x
        if x is not None and event.buttons() & Qt.MouseButton.LeftButton:
            pos = QPointF(x, event.position().y())  # the drag stays in its column
            if self._range.move(self.slot_at(pos), pos, QApplication.startDragDistance()):
                self.update()
            return
        if event.buttons() & Qt.MouseButton.LeftButton:
            if self.drag.move(event.position()):
                return
        elif not self.drag.active:  # hovering: the bottom edge of a movable block stretches
            block = self.block_at(event.position())
            edge = (
                block is not None
                and movable(block, self._data)
                and self.drag.on_edge(block, event.position())
            )
            if edge:
                self.setCursor(Qt.CursorShape.SizeVerCursor)
            else:
                self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._range.press_x is not None:
            span = self._range.release(self.slot_minutes)
            self.update()
            if span is not None:
                self.timeRangeChosen.emit(*span)
                return
            mark = mark_at(self._ensure_layout(), self._data, event.position())
            if mark is not None:
                self.timeBlockClicked.emit(mark, event.globalPosition().toPoint())
                return
        if event.button() == Qt.MouseButton.LeftButton:
            dropped = self.drag.release(event.position())
            if dropped is not None:
                self.dropRequested.emit(dropped)
                return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        block = self.block_at(event.position())
        if block is not None:
            self.bookingOpened.emit(block.id)
            return
        layout = self._ensure_layout()
        if event.position().y() < layout.header_px and self._data.columns:
            if event.position().x() >= layout.gutter_px:
                index = layout.column_at(event.position().x(), len(self._data.columns))
                self.dayRequested.emit(self._data.columns[index].day)
            return
        slot = self.slot_at(event.position())
        if slot is not None:
            self.slotRequested.emit(slot[0], slot[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        selected = next((b for b in self._data.blocks if b.id == self._selected), None)
        handled = self.drag.key(event, selected)
        if isinstance(handled, DropRequest):
            self.dropRequested.emit(handled)
            return
        if handled:
            return
        key = int(event.key())
        ids = self._ensure_layout().reading_order()
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
            badge = self._ensure_layout().badge_at(pos)
            if badge is not None:
                QToolTip.showText(event.globalPos(), badge_tooltip(badge.count), self)  # type: ignore[attr-defined]
                return True
            block = self.block_at(pos)
            mark = mark_at(self._ensure_layout(), self._data, pos) if block is None else None
            if mark is not None:
                words = f"{mark.label}\n{wall_range(mark.start, mark.end)}"
                QToolTip.showText(event.globalPos(), safe_tooltip(words), self)  # type: ignore[attr-defined]
                return True
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
        html.escape(f"{fmt_day(block.start.date())} {block_times(block)}"),
        html.escape(
            translate("WeekCalendar", STATUS_WORDS[block.status])
            if block.status in STATUS_WORDS
            else block.status
        ),
        html.escape(answer_words(block.customer_answer)),
    ]
    return "<qt>" + "<br>".join(p for p in parts if p) + "</qt>"
