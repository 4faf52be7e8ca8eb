"""Weekly opening hours: one row per weekday with "open", a start and an end time.

Day names, the order of the rows (from the locale's first day of the week) and the time
format follow the business locale (``QLocale()``); ``open_boxes[0]`` is always Monday.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import time
from pathlib import Path

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QTimeEdit, QWidget

from careops_desktop.core.services.providers import HoursRange

DEFAULT_OPEN = (time(9, 0), time(17, 0))


def guess_local_zone() -> str:
    """The computer's IANA time zone name (``TZ``, /etc/timezone, /etc/localtime), or UTC."""
    env = os.environ.get("TZ", "").lstrip(":")
    if "/" in env:
        return env
    try:
        text = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if text:
            return text
    except OSError:
        pass
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    return "UTC"


class WeeklyHoursEditor(QWidget):
    """Edits one range per weekday; ``hours()`` gives ``HoursRange``s for the core."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyHours")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Open")), 0, 1)
        grid.addWidget(QLabel(self.tr("From")), 0, 2)
        grid.addWidget(QLabel(self.tr("To")), 0, 3)
        locale = QLocale()
        first = (locale.firstDayOfWeek().value - 1) % 7  # the rows start on the locale's first day
        time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
        self.open_boxes: list[QCheckBox] = []
        self.starts: list[QTimeEdit] = []
        self.ends: list[QTimeEdit] = []
        for day in range(7):
            name = locale.dayName(day + 1, QLocale.FormatType.LongFormat)
            row = (day - first) % 7 + 1
            open_box = QCheckBox()
            open_box.setObjectName(f"open_{day}")
            start = QTimeEdit(QTime(DEFAULT_OPEN[0].hour, DEFAULT_OPEN[0].minute))
            end = QTimeEdit(QTime(DEFAULT_OPEN[1].hour, DEFAULT_OPEN[1].minute))
            for edit in (start, end):
                edit.setDisplayFormat(time_format)
            open_box.toggled.connect(start.setEnabled)
            open_box.toggled.connect(end.setEnabled)
            open_box.setChecked(day < 5)
            start.setEnabled(day < 5)
            end.setEnabled(day < 5)
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(open_box, row, 1)
            grid.addWidget(start, row, 2)
            grid.addWidget(end, row, 3)
            self.open_boxes.append(open_box)
            grid.setColumnStretch(4, 1)
            self.starts.append(start)
            self.ends.append(end)

    def hours(self) -> list[HoursRange]:
        """The open days' ranges (a start after its end is left for the core to refuse)."""
        ranges = []
        for day in range(7):
            if self.open_boxes[day].isChecked():
                start, end = self.starts[day].time(), self.ends[day].time()
                ranges.append(
                    HoursRange(
                        day, time(start.hour(), start.minute()), time(end.hour(), end.minute())
                    )
                )
        return ranges

    def set_hours(self, ranges: Iterable[HoursRange]) -> None:
        """Show ``ranges`` (the first range of each day; days without one are closed)."""
        by_day: dict[int, HoursRange] = {}
        for r in ranges:
            by_day.setdefault(r.weekday, r)
        for day in range(7):
            found = by_day.get(day)
            self.open_boxes[day].setChecked(found is not None)
            if found is not None:
                self.starts[day].setTime(QTime(found.start.hour, found.start.minute))
                self.ends[day].setTime(QTime(found.end.hour, found.end.minute))
