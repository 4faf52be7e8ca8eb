"""The week calendar's geometry: where hours, columns and booking blocks go.

:class:`CalendarLayout` turns a :class:`~careops_desktop.ui.widgets.calendar_data.CalendarData`
and a widget size into pixel positions: the header and gutter, the height of an hour, the
width of a column, and one rectangle (with its texts already elided to fit) per block.
Painting (:mod:`.week_paint`) only draws what is here; the widget (:mod:`.week_calendar`)
asks it what lies under the mouse. No Qt widget is involved: a font's metrics are enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from careops_desktop.ui.widgets.block_style import STATUS_MARKS
from careops_desktop.ui.widgets.calendar_data import (
    CalendarBlock,
    CalendarData,
    block_times,
    columns_by_key,
    hour_range,
    minutes_into_day,
    place_in_lanes,
    snap_minutes,
)

MIN_HOUR_PX = 36.0
MIN_COLUMN_PX = 70.0
NARROW_PX = 56.0  # a lane narrower than this shows initials (the tooltip has the name)
COUNT_PX = 28.0  # lanes narrower than this get a count over their group ("6 bookings")


@dataclass
class Badge:
    """A count drawn over a group of side-by-side blocks too narrow to read."""

    rect: QRectF
    count: int
    column: str


@dataclass
class Drawn:
    """A block's rectangle and the texts already elided to fit it."""

    block: CalendarBlock
    rect: QRectF
    lines: tuple[str, ...]


class CalendarLayout:
    """Pixel positions of one calendar page at one size (see the module docstring)."""

    def __init__(self) -> None:
        self.first_hour, self.last_hour = 8, 18
        self.header_px = 0.0
        self.gutter_px = 0.0
        self.hour_px = MIN_HOUR_PX
        self.column_px = MIN_COLUMN_PX
        self.drawn: list[Drawn] = []
        self.crowded: set[str] = set()  # column keys whose lanes are too narrow for names
        self.badges: list[Badge] = []

    def y_for(self, minutes: float) -> float:
        """The y of ``minutes`` after midnight."""
        return self.header_px + (minutes - self.first_hour * 60) / 60.0 * self.hour_px

    def column_left(self, index: int) -> float:
        return self.gutter_px + index * self.column_px

    def minutes_at(self, y: float) -> float:
        """Minutes after midnight at ``y`` (the inverse of :meth:`y_for`)."""
        return self.first_hour * 60 + (y - self.header_px) / self.hour_px * 60

    def column_at(self, x: float, count: int) -> int:
        """The index of the column under ``x``, held inside ``0 .. count - 1``."""
        index = int((x - self.gutter_px) // max(1.0, self.column_px))
        return min(max(index, 0), max(0, count - 1))

    def frame(self, data: CalendarData, metrics: QFontMetricsF) -> tuple[int, int]:
        """Set the header, gutter and hours for ``data``; returns the minimum widget size."""
        self.header_px = metrics.height() * 2 + 10
        from careops_desktop.ui.widgets.week_paint import hour_text  # (imports this module)

        widest = max(metrics.horizontalAdvance(hour_text(hour)) for hour in (0, 10, 12, 23))
        self.gutter_px = widest + 14
        self.first_hour, self.last_hour = hour_range(data)
        hours = self.last_hour - self.first_hour
        count = max(1, len(data.columns))
        return (
            int(self.gutter_px + count * MIN_COLUMN_PX),
            int(self.header_px + hours * MIN_HOUR_PX),
        )

    def compute(
        self, data: CalendarData, width: float, height: float, metrics: QFontMetricsF
    ) -> None:
        """Recompute every rectangle and elided text for a widget of ``width`` × ``height``."""
        self.frame(data, metrics)
        hours = self.last_hour - self.first_hour
        count = max(1, len(data.columns))
        self.hour_px = max(MIN_HOUR_PX, (height - self.header_px) / hours)
        self.column_px = max(MIN_COLUMN_PX, (width - self.gutter_px) / count)
        index_of = columns_by_key(data.columns)
        per_column: dict[str, list[CalendarBlock]] = {}
        for block in data.blocks:
            if block.column in index_of:
                per_column.setdefault(block.column, []).append(block)
        drawn: list[Drawn] = []
        self.crowded = set()
        self.badges = []
        top_limit = self.y_for(self.first_hour * 60)
        bottom_limit = self.y_for(self.last_hour * 60)
        for key, blocks in per_column.items():
            index = index_of[key]
            # minutes_into_day's arithmetic with the column's midnight worked out once
            midnight = datetime.combine(data.columns[index].day, time(0))
            left = self.column_left(index) + 2
            lane_room = self.column_px - 5
            badge, badge_end = None, 0.0
            for placed in place_in_lanes(blocks):
                lane_w = lane_room / placed.lanes
                start = (placed.block.start.replace(tzinfo=None) - midnight).total_seconds()
                end = (placed.block.end.replace(tzinfo=None) - midnight).total_seconds()
                top = max(top_limit, self.y_for(start / 60.0))
                bottom = min(bottom_limit, self.y_for(end / 60.0))
                if bottom <= top:
                    continue
                rect = QRectF(left + placed.lane * lane_w, top + 1, lane_w - 2, bottom - top - 2)
                if lane_w < NARROW_PX:
                    self.crowded.add(key)
                if lane_w < COUNT_PX:  # one count per group of overlapping blocks
                    if badge is not None and start < badge_end:
                        badge.count += 1
                        badge_end = max(badge_end, end)
                    else:
                        room = QRectF(left, top + 1, lane_room - 2, metrics.height() + 4)
                        badge, badge_end = Badge(room, 1, key), end
                        self.badges.append(badge)
                drawn.append(Drawn(placed.block, rect, elide_block(placed.block, rect, metrics)))
        self.drawn = drawn

    # -- what is where ----------------------------------------------------------------------

    def block_rect(self, booking_id: int) -> QRectF | None:
        """Where the block of ``booking_id`` is drawn, or None when it is not shown."""
        for drawn in self.drawn:
            if drawn.block.id == booking_id:
                return QRectF(drawn.rect)
        return None

    def badge_at(self, pos: QPointF) -> Badge | None:
        """The count badge under ``pos``, if any."""
        return next((b for b in self.badges if b.rect.contains(pos)), None)

    def block_at(self, pos: QPointF) -> CalendarBlock | None:
        """The topmost block under ``pos``."""
        for drawn in reversed(self.drawn):
            if drawn.rect.contains(pos):
                return drawn.block
        return None

    def point_for(self, data: CalendarData, column_key: str, moment: datetime) -> QPointF | None:
        """The point of ``moment`` in the middle of column ``column_key``."""
        index = columns_by_key(data.columns).get(column_key)
        if index is None:
            return None
        day = data.columns[index].day
        x = self.gutter_px + (index + 0.5) * self.column_px
        return QPointF(x, self.y_for(minutes_into_day(moment, day)))

    def slot_at(
        self, data: CalendarData, pos: QPointF, slot_minutes: int
    ) -> tuple[str, datetime] | None:
        """The column key and the snapped local time under ``pos``, or None outside the grid."""
        if pos.x() < self.gutter_px or pos.y() < self.header_px or not data.columns:
            return None
        index = int((pos.x() - self.gutter_px) // self.column_px)
        if not 0 <= index < len(data.columns):
            return None
        column = data.columns[index]
        minutes = self.first_hour * 60 + (pos.y() - self.header_px) / self.hour_px * 60
        minutes = min(max(minutes, 0.0), 24 * 60 - 1)
        snapped = snap_minutes(minutes, slot_minutes)
        return column.key, datetime.combine(column.day, time(0)) + timedelta(minutes=snapped)

    def reading_order(self) -> list[int]:
        """Booking ids column by column, top to bottom (the keyboard's order)."""
        ordered = sorted(
            self.drawn, key=lambda d: (d.rect.left() // max(1.0, self.column_px), d.rect.top())
        )
        return [d.block.id for d in ordered]


def elide_block(block: CalendarBlock, rect: QRectF, metrics: QFontMetricsF) -> tuple[str, ...]:
    """The lines of ``block`` that fit ``rect``, each elided to its width."""
    room = rect.width() - 8
    if room < 8:
        return ()
    fits = max(1, int((rect.height() - 4) // metrics.height()))
    title = block.title if room + 8 >= NARROW_PX else initials(block.title)
    title = STATUS_MARKS.get(block.status, "") + title
    wanted = [text for text in (title, block.subtitle) if text]
    if len(wanted) < fits:  # the time line only when there is room for it
        wanted.append(block_times(block))
    elide = Qt.TextElideMode.ElideRight
    # only the lines that fit are measured (eliding is the costly part of the layout)
    return tuple(metrics.elidedText(text.replace("\n", " "), elide, room) for text in wanted[:fits])


def initials(name: str) -> str:
    """``"Nina New"`` → ``"NN"``; one word: its first two letters."""
    words = name.split()
    if len(words) >= 2:
        return (words[0][:1] + words[-1][:1]).upper()
    return name.strip()[:2]
