"""The calendar's legend: each provider's colour, and how each status looks.

One painted row (no child widget per entry): a swatch and a name per provider, then a
small sample block per status drawn with the calendar's own look
(:func:`~careops_desktop.ui.widgets.block_style.block_look`), so the legend always
matches the blocks. Names are drawn with ``drawText`` (never markup); the accessible
description lists the same entries as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.widgets.block_style import STATUS_LEGEND, STATUS_MARKS, block_look

SWATCH = 12.0
GAP = 14.0


class CalendarLegend(QWidget):
    """Provider colours and status styles in one row (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarLegend")
        self.setAccessibleName(self.tr("Calendar legend"))
        self._providers: tuple[tuple[str, str], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._describe()

    def set_providers(self, providers: Sequence[tuple[str, str]]) -> None:
        """``(name, colour)`` per provider shown on the page."""
        providers = tuple(providers)
        if providers != self._providers:
            self._providers = providers
            self._describe()
            self.updateGeometry()
            self.update()

    def providers(self) -> tuple[tuple[str, str], ...]:
        return self._providers

    def _describe(self) -> None:
        names = ", ".join(name for name, _ in self._providers)
        states = ", ".join(translate("WeekCalendar", words) for _, words in STATUS_LEGEND)
        self.setAccessibleDescription(
            self.tr("Providers: {names}. Statuses: {states}.").format(
                names=names or self.tr("none"), states=states
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(400, int(QFontMetricsF(self.font()).height() + 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        background = palette.color(QPalette.ColorRole.Base)
        metrics = QFontMetricsF(self.font())
        height = self.height()
        x = 4.0
        middle = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        for name, colour in self._providers:
            fill = QColor(colour)
            swatch = QRectF(x, (height - SWATCH) / 2, SWATCH, SWATCH)
            painter.fillRect(swatch, fill if fill.isValid() else QColor("#6b7280"))
            painter.setPen(text)
            painter.drawRect(swatch)
            x += SWATCH + 4
            words = name.replace("\n", " ")
            width = metrics.horizontalAdvance(words)
            painter.drawText(QRectF(x, 0, width + 2, height), middle, words)
            x += width + GAP
        if self._providers:
            painter.fillRect(QRectF(x - GAP / 2, 4, 1, height - 8), text)
        sample_colour = self._providers[0][1] if self._providers else ""
        bold = QFont(self.font())
        bold.setBold(True)
        for status, words in STATUS_LEGEND:
            look = block_look(status, sample_colour, background)
            label = STATUS_MARKS.get(status, "") + translate("WeekCalendar", words)
            font = QFont(bold)
            font.setStrikeOut(look.strike)
            width = QFontMetricsF(font).horizontalAdvance(label) + 10
            rect = QRectF(x, 3, width, height - 6)
            painter.fillRect(rect, look.fill)
            painter.setPen(QPen(look.border, 1, look.border_style))
            painter.drawRect(rect)
            if look.outline:
                painter.setPen(QPen(text, 2.5))
                painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
            painter.setFont(font)
            painter.setPen(look.text)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
            painter.setFont(self.font())
            x += width + 6
