"""Dragging a booking on the week calendar: move it, change its provider, stretch its end.

:class:`CalendarDrag` is the gesture, owned by the
:class:`~careops_desktop.ui.widgets.week_calendar.WeekCalendar` (Qt thread only):

- the mouse: press on a block, move past the drag distance, release; pressing the
  bottom edge stretches the end instead;
- the keyboard: Alt+Up/Down moves the selected block one grid step, Alt+Left/Right
  to the previous/next column (a day in the week view, a provider in the day view),
  Alt+Shift+Up/Down changes its length; Enter drops, Esc cancels.

Every position snaps to the page's grid (``DropRules.step_minutes``) and is checked at
once against the page's own data (:class:`DropIndex`): the ghost block and its label
say free, taken, past, closed, outside hours or busy. A drop emits the calendar's
``dropRequested`` with a :class:`DropRequest`; the ghost stays until the view calls
:meth:`CalendarDrag.finish` (its dialog has closed). The calendar under the ghost is
painted once per drag into a pixmap, so a mouse move repaints only the pixmap and the
ghost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QToolTip

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.widgets.calendar_data import CalendarBlock, CalendarData, columns_by_key
from careops_desktop.ui.widgets.calendar_drop_rules import (
    LIVE_STATUSES,
    DropIndex,
    DropRules,
    Verdict,
)
from careops_desktop.ui.widgets.local_time import fmt_day, wall_range

if TYPE_CHECKING:
    from careops_desktop.ui.widgets.week_calendar import WeekCalendar

EDGE_PX = 6.0  # the bottom edge that stretches a block
NOT_MOVABLE = {  # shown as translate("CalendarDrop", words)
    "cancelled": str(QT_TRANSLATE_NOOP("CalendarDrop", "A cancelled booking cannot be moved.")),
    "completed": str(QT_TRANSLATE_NOOP("CalendarDrop", "A completed booking cannot be moved.")),
    "no_show": str(QT_TRANSLATE_NOOP("CalendarDrop", "A no-show cannot be moved.")),
}
VERDICT_LOOK = {  # kind → (colour, pen style, mark)
    "free": ("#16a34a", Qt.PenStyle.SolidLine, "✓"),
    "same": ("#6b7280", Qt.PenStyle.SolidLine, "•"),
    "closed": ("#d97706", Qt.PenStyle.DashLine, "?"),
    "outside_hours": ("#d97706", Qt.PenStyle.DashLine, "?"),
    "busy": ("#d97706", Qt.PenStyle.DashLine, "?"),
    "blocked": ("#d97706", Qt.PenStyle.DashLine, "?"),
    "taken": ("#dc2626", Qt.PenStyle.DotLine, "✕"),
    "past": ("#dc2626", Qt.PenStyle.DotLine, "✕"),
    "not_offered": ("#dc2626", Qt.PenStyle.DotLine, "✕"),
}


@dataclass(frozen=True)
class DropRequest:
    """Where a dragged booking was dropped (local wall-clock) and what the page said of it."""

    booking_id: int
    block: CalendarBlock
    column: str
    provider_id: int
    start: datetime
    end: datetime
    verdict: Verdict
    resize: bool

    @property
    def block_length(self) -> timedelta:
        return self.block.end - self.block.start

    @property
    def changed(self) -> bool:
        block = self.block
        return (self.provider_id, self.start, self.end) != (
            block.provider_id,
            block.start.replace(tzinfo=None),
            block.end.replace(tzinfo=None),
        )


def movable(block: CalendarBlock, data: CalendarData) -> bool:
    """Whether ``block`` may be dragged: a live booking on a page with drop rules."""
    return data.drop is not None and block.provider_id is not None and block.status in LIVE_STATUSES


def snap_nearest(minutes: float, step: int) -> int:
    """``minutes`` rounded to the nearest multiple of ``step``."""
    step = max(1, step)
    return round(minutes / step) * step


class CalendarDrag:
    """The drag gesture of one calendar (see the module docstring)."""

    def __init__(self, calendar: WeekCalendar, clock: Callable[[], datetime]) -> None:
        self.calendar = calendar
        self.clock = clock
        self.block: CalendarBlock | None = None
        self.resize = False
        self.armed = False  # pressed on a block, not yet moved far enough
        self.active = False  # the ghost is shown (dragging, keyboard moving, or dropped)
        self.keyboard = False
        self.pending = False  # dropped: waiting for the view's dialog
        self.press_pos = QPointF()
        self.grab_minutes = 0.0
        self.target: DropRequest | None = None
        self.refused: CalendarBlock | None = None  # pressed on a booking that cannot move
        self.said = ""  # the last "cannot be moved" shown
        self._index: DropIndex | None = None
        self._backdrop: QPixmap | None = None
        self._name_before: str | None = None  # the calendar's accessible name before a key move

    # -- state ------------------------------------------------------------------------------

    def _rules(self) -> DropRules:
        return self.calendar.data().drop or DropRules()

    def index(self) -> DropIndex:
        if self._index is None:
            data = self.calendar.data()
            self._index = DropIndex(self._rules(), data.blocks, data.time_blocks)
        return self._index

    def data_changed(self) -> None:
        """New page data: the backdrop and index are rebuilt; a vanished booking ends the drag."""
        self._index = None
        self._backdrop = None
        if self.block is None:
            return
        found = next((b for b in self.calendar.data().blocks if b.id == self.block.id), None)
        if found is None and not self.pending:
            self.cancel()
        elif found is not None:
            self.block = found

    def size_changed(self) -> None:
        self._backdrop = None

    def cancel(self) -> None:
        """Drop the gesture; nothing is asked or changed."""
        self.block = None
        self.armed = self.active = self.keyboard = self.pending = False
        self.target = None
        self._backdrop = None
        self.calendar.unsetCursor()
        self.calendar.update()
        if self._name_before is not None:
            self.calendar.setAccessibleName(self._name_before)
            self._name_before = None

    def finish(self) -> None:
        """The view is done with the dropped booking (its dialog closed)."""
        self.cancel()

    # -- the mouse --------------------------------------------------------------------------

    def on_edge(self, block: CalendarBlock, pos: QPointF) -> bool:
        rect = self.calendar.block_rect(block.id)
        return rect is not None and rect.bottom() - EDGE_PX <= pos.y() <= rect.bottom() + 1

    def press(self, block: CalendarBlock, pos: QPointF) -> None:
        """A left press on ``block``: arm a drag when the block may move."""
        self.refused = None
        if self.pending:
            return
        if not movable(block, self.calendar.data()):
            self.refused, self.press_pos = block, QPointF(pos)  # said once it is dragged
            return
        self.block = block
        self.resize = self.on_edge(block, pos)
        self.armed, self.active, self.keyboard = True, False, False
        self.press_pos = QPointF(pos)
        layout = self.calendar.layout_now()
        start = block.start.replace(tzinfo=None)
        start_minutes = start.hour * 60 + start.minute
        self.grab_minutes = layout.minutes_at(pos.y()) - start_minutes
        self.target = None

    def move(self, pos: QPointF) -> bool:
        """A mouse move with the button held; True when the drag took it."""
        if self.refused is not None:
            self._say_not_movable(pos)
            return True
        if self.block is None or not (self.armed or self.active) or self.keyboard:
            return False
        if not self.active:
            distance = (pos - self.press_pos).manhattanLength()
            if distance < QApplication.startDragDistance():
                return True
            self.active = True
            self.calendar.setCursor(
                Qt.CursorShape.SizeVerCursor if self.resize else Qt.CursorShape.ClosedHandCursor
            )
        target = self.target_at(pos)
        if target is not None and target != self.target:
            self.target = target
            self.calendar.update()
        return True

    def _say_not_movable(self, pos: QPointF) -> None:
        """Dragging a booking that cannot move: a tooltip says why (once per press)."""
        block = self.refused
        if block is None or (pos - self.press_pos).manhattanLength() < (
            QApplication.startDragDistance()
        ):
            return
        self.refused = None
        words = (
            translate("CalendarDrop", NOT_MOVABLE[block.status])
            if block.status in NOT_MOVABLE
            else translate("CalendarDrop", "This booking cannot be moved.")
        )
        if self.calendar.data().drop is None:
            words = translate("CalendarDrop", "Bookings cannot be moved on this page.")
        self.said = words
        QToolTip.showText(self.calendar.mapToGlobal(pos.toPoint()), words, self.calendar)

    def release(self, pos: QPointF) -> DropRequest | None:
        """The button is released: the drop to ask about, or None (no drag, or no change)."""
        self.refused = None
        if self.block is None or self.keyboard:
            return None
        if not self.active:
            self.cancel()
            return None
        target = self.target_at(pos) or self.target
        return self._drop(target)

    def _drop(self, target: DropRequest | None) -> DropRequest | None:
        if target is None or not target.changed:
            self.cancel()
            return None
        self.target = target
        self.pending = True
        self.armed = self.keyboard = False
        self.calendar.unsetCursor()
        self.calendar.update()
        return target

    def target_at(self, pos: QPointF) -> DropRequest | None:
        """Where the block would go for the mouse at ``pos`` (snapped), with its verdict."""
        block = self.block
        if block is None:
            return None
        data = self.calendar.data()
        layout = self.calendar.layout_now()
        step = self._rules().step_minutes
        start = block.start.replace(tzinfo=None)
        end = block.end.replace(tzinfo=None)
        if self.resize:
            midnight = datetime.combine(start.date(), time(0))
            minutes = snap_nearest(layout.minutes_at(pos.y()), step)
            first = (start - midnight).total_seconds() / 60 + step
            minutes = int(min(max(minutes, first), 24 * 60))
            return self.request(block.column, start, midnight + timedelta(minutes=minutes))
        column = data.columns[layout.column_at(pos.x(), len(data.columns))]
        length = end - start
        minutes = snap_nearest(layout.minutes_at(pos.y()) - self.grab_minutes, step)
        last = 24 * 60 - length.total_seconds() / 60
        minutes = int(min(max(minutes, 0), max(0.0, last)))
        new_start = datetime.combine(column.day, time(0)) + timedelta(minutes=minutes)
        return self.request(column.key, new_start, new_start + length)

    def request(self, column: str, start: datetime, end: datetime) -> DropRequest | None:
        """A :class:`DropRequest` for the dragged block at ``column`` for ``[start, end)``."""
        block = self.block
        if block is None or block.provider_id is None:
            return None
        index = self.index()
        provider_id = index.column_providers.get(column, block.provider_id)
        # only the end changed: a new length (the core's change_length); else a move
        resize = provider_id == block.provider_id and start == block.start.replace(tzinfo=None)
        candidate = DropRequest(
            block.id, block, column, provider_id, start, end, Verdict("same", ""), resize
        )
        if not candidate.changed:
            return candidate
        verdict = index.verdict(
            provider_id, start, end, block.id, self.clock(), block.booking_type_id
        )
        return DropRequest(block.id, block, column, provider_id, start, end, verdict, resize)

    # -- the keyboard -----------------------------------------------------------------------

    def key(self, event: QKeyEvent, selected: CalendarBlock | None) -> DropRequest | bool:
        """Alt+arrows, Enter and Esc; a :class:`DropRequest` on Enter, True when handled."""
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape and (self.active or self.armed) and not self.pending:
            self.cancel()  # a mouse drag too: the release then changes nothing
            return True
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.keyboard and self.target is not None:
            return self._drop(self.target) or True
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
        if not alt or key not in arrows or self.pending:
            return False
        if not self.keyboard:
            if selected is None or not movable(selected, self.calendar.data()):
                return False
            self.block = selected
            self.keyboard = self.active = True
            self.armed = False
            self.resize = False
            self.target = self.request(
                selected.column,
                selected.start.replace(tzinfo=None),
                selected.end.replace(tzinfo=None),
            )
        target = self.target
        if target is None:
            return True
        step = timedelta(minutes=self._rules().step_minutes)
        columns = self.calendar.data().columns
        down = key == Qt.Key.Key_Down
        column, start, end = target.column, target.start, target.end
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and shift:
            end = max(start + step, end + (step if down else -step))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            shift_by = step if down else -step
            start, end = start + shift_by, end + shift_by
        else:
            index = columns_by_key(columns).get(column, 0)
            index = min(max(index + (1 if key == Qt.Key.Key_Right else -1), 0), len(columns) - 1)
            moved_days = columns[index].day - start.date()
            column = columns[index].key
            start, end = start + moved_days, end + moved_days
        columns = self.calendar.data().columns
        day = columns[columns_by_key(columns).get(column, 0)].day
        midnight = datetime.combine(day, time(0))
        if start < midnight or end > midnight + timedelta(days=1):
            return True  # a step past midnight: the booking stays inside its column's day
        self.target = self.request(column, start, end)
        self._say(self.target)
        self.calendar.update()
        return True

    def _say(self, target: DropRequest | None) -> None:
        """A keyboard move tells assistive technology where the booking would go and what
        the page says of it (the ghost's colour and label, in words), through the
        calendar's accessible name; :meth:`cancel` gives the old name back."""
        if target is None:
            return
        if self._name_before is None:
            self._name_before = self.calendar.accessibleName()
        words = target.verdict.words or translate("CalendarDrop", "Where it is now.")
        name = translate("CalendarDrop", "Calendar: moving {title} to {day} {times}. {words}")
        name = name.format(
            title=target.block.title.replace("\n", " "),
            day=fmt_day(target.start.date()),
            times=wall_range(target.start, target.end),
            words=words,
        )
        self.calendar.setAccessibleName(name)

    # -- painting ---------------------------------------------------------------------------

    def backdrop(self, paint: Callable[[QPainter], None]) -> QPixmap:
        """The calendar without the ghost, painted once per drag (and after a resize)."""
        if self._backdrop is None:
            ratio = self.calendar.devicePixelRatioF()
            pixmap = QPixmap(self.calendar.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            painter = QPainter(pixmap)
            try:
                paint(painter)
                if self.block is not None:
                    rect = self.calendar.block_rect(self.block.id)
                    if rect is not None:  # where it comes from: faded
                        veil = self.calendar.palette().color(QPalette.ColorRole.Base)
                        veil.setAlpha(150)
                        painter.fillRect(rect, veil)
            finally:
                painter.end()
            self._backdrop = pixmap
        return self._backdrop

    def paint(self, painter: QPainter) -> None:
        """The ghost block at the target and a label saying whether it may go there."""
        target = self.target
        if target is None:
            return
        layout = self.calendar.layout_now()
        data = self.calendar.data()
        index = columns_by_key(data.columns).get(target.column)
        if index is None:
            return
        day = data.columns[index].day
        midnight = datetime.combine(day, time(0))
        top = layout.y_for((target.start - midnight).total_seconds() / 60)
        bottom = layout.y_for((target.end - midnight).total_seconds() / 60)
        rect = QRectF(
            layout.column_left(index) + 2, top + 1, layout.column_px - 5, bottom - top - 2
        )
        hex_colour, style, mark = VERDICT_LOOK[target.verdict.kind]
        colour = QColor(hex_colour)
        fill = QColor(colour)
        fill.setAlpha(70)
        painter.fillRect(rect, fill)
        if target.verdict.refused:
            hatch = QColor(colour)
            hatch.setAlpha(160)
            painter.fillRect(rect, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(colour, 2.5, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        self._paint_label(painter, rect, target, mark, colour)

    def _paint_label(
        self, painter: QPainter, ghost: QRectF, target: DropRequest, mark: str, colour: QColor
    ) -> None:
        palette = self.calendar.palette()
        metrics = QFontMetricsF(self.calendar.font())
        times = f"{fmt_day(target.start.date())} {wall_range(target.start, target.end)}"
        words = target.verdict.words or translate("CalendarDrop", "Where it is now.")
        text = f"{mark} {times}\n{words}"
        width = min(340.0, max(200.0, self.calendar.width() / 3))
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        box = metrics.boundingRect(QRectF(0, 0, width - 12, 400), flags, text)
        room = QRectF(0, 0, box.width() + 12, box.height() + 10)
        left = ghost.right() + 6
        if left + room.width() > self.calendar.width():
            left = max(0.0, ghost.left() - room.width() - 6)
        top = min(max(0.0, ghost.top()), max(0.0, self.calendar.height() - room.height()))
        room.moveTo(left, top)
        painter.fillRect(room, palette.color(QPalette.ColorRole.ToolTipBase))
        painter.setPen(QPen(colour, 2))
        painter.drawRect(room)
        painter.setPen(palette.color(QPalette.ColorRole.ToolTipText))
        painter.drawText(room.adjusted(6, 5, -6, -5), flags, text)
