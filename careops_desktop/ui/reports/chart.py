"""A small bar chart for one report section (painted, no extra dependency)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from careops_desktop.ui.plain import safe_tooltip

SERIES_COLOURS = ("#3b82f6", "#f59e0b", "#10b981", "#ef4444")


class BarChart(QWidget):
    """Grouped bars: one group per label, one bar per series; labels drawn as plain text."""

    def __init__(
        self,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.labels = list(labels)
        self.series = [(name, list(values)) for name, values in series]
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        legend = ", ".join(name for name, _ in self.series)
        self.setToolTip(safe_tooltip(legend))

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    @property
    def peak(self) -> float:
        return max((max(values, default=0.0) for _, values in self.series), default=0.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -28)
        count = max(1, len(self.labels))
        peak = self.peak or 1.0
        group = area.width() / count
        bars = max(1, len(self.series))
        bar_width = max(1.0, (group * 0.8) / bars)
        label_width = max(
            (painter.fontMetrics().horizontalAdvance(t) for t in self.labels), default=0
        )
        step = max(1, int((label_width + 8) // max(group, 1.0)) + 1)
        for index, label in enumerate(self.labels):
            x0 = area.left() + index * group + group * 0.1
            for s, (_name, values) in enumerate(self.series):
                value = values[index] if index < len(values) else 0.0
                height = area.height() * (value / peak)
                rect = QRectF(x0 + s * bar_width, area.bottom() - height, bar_width - 1, height)
                painter.fillRect(rect, QColor(SERIES_COLOURS[s % len(SERIES_COLOURS)]))
            if index % step == 0:
                painter.setPen(text_colour)
                label_rect = QRectF(
                    area.left() + index * group + group / 2 - label_width / 2 - 4,
                    area.bottom() + 4,
                    label_width + 8,
                    20,
                )
                painter.drawText(
                    label_rect,
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    label,
                )
        painter.end()
