"""Press on empty calendar space, drag, release: the time range to block, in one column.

Pure state (no painting, no signals): :class:`~.week_calendar.WeekCalendar` feeds it
the snapped slot under the mouse and asks for the span to draw and to emit. A press
that never moves past the drag distance is not a drag (a click or a double-click
keeps its own meaning).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPointF

Span = tuple[str, datetime, datetime]  # column key, local start, local end


class EmptySpaceDrag:
    """The range dragged out from a press on empty space; see the module docstring."""

    def __init__(self) -> None:
        self._anchor: tuple[str, datetime] | None = None
        self._press: QPointF | None = None
        self._current: datetime | None = None
        self.dragging = False

    @property
    def press_x(self) -> float | None:
        """The x of the press: the drag stays in that column."""
        return None if self._press is None else self._press.x()

    def press(self, slot: tuple[str, datetime] | None, pos: QPointF) -> None:
        """A left press on empty space at ``pos`` over ``slot`` (None: outside the grid)."""
        self._anchor = slot
        self._press = QPointF(pos) if slot is not None else None
        self._current = slot[1] if slot is not None else None
        self.dragging = False

    def move(self, slot: tuple[str, datetime] | None, pos: QPointF, threshold: float) -> bool:
        """The mouse moved with the button held; True when the drawn range changed."""
        if self._anchor is None or self._press is None:
            return False
        if not self.dragging and abs(pos.y() - self._press.y()) < threshold:
            return False
        self.dragging = True
        if slot is None or slot[0] != self._anchor[0] or slot[1] == self._current:
            return False
        self._current = slot[1]
        return True

    def span(self, step_minutes: int) -> Span | None:
        """The range now dragged out (each end snapped; at least one step), or None."""
        if not self.dragging or self._anchor is None or self._current is None:
            return None
        column, anchor = self._anchor
        start, last = min(anchor, self._current), max(anchor, self._current)
        return column, start, last + timedelta(minutes=max(1, step_minutes))

    def release(self, step_minutes: int) -> Span | None:
        """The button was released: the dragged range (None for a plain click); forgets it."""
        found = self.span(step_minutes)
        self.cancel()
        return found

    def cancel(self) -> None:
        self._anchor = self._press = self._current = None
        self.dragging = False
