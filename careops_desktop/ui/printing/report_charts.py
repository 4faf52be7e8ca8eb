"""Simple bar charts painted with QPainter for the PDF writer.

Dates along the bottom get vertical bars (a trend); names get horizontal
bars, largest first (a ranking). Several value columns are drawn side by
side with a legend. Empty or all-zero data gives no chart at all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from careops_desktop.core.services.reports import Column, Section
from careops_desktop.exports.formatting import display_text
from careops_desktop.ui.printing.report_layout import GRID, INK, MUTED, Block, Fonts

SERIES_COLORS = (QColor("#2563eb"), QColor("#f59e0b"), QColor("#10b981"))
MAX_BARS = 15  # horizontal bars shown (the largest)
Series = list[tuple[Column, list[float]]]


TICKS = 4


def nice_step(value: float, *, whole: bool) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) so that 4 steps reach ``value``."""
    raw = max(value, 1e-9) / TICKS
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return float(max(1, math.ceil(step))) if whole else step


def chart_block(fonts: Fonts, section: Section, width: float, currency: str) -> Block | None:
    """The section's chart as a block, or None when there is nothing to draw."""
    chart = section.chart
    if chart is None or not section.rows:
        return None
    labels = section.values(chart.label)
    series = [
        (section.columns[section.column_index(key)], [_number(v) for v in section.values(key)])
        for key in chart.values
    ]
    if not any(v > 0 for _, values in series for v in values):
        return None
    if all(isinstance(label, date) for label in labels):
        return _vertical(fonts, chart.title, labels, series, width, currency)
    return _horizontal(fonts, chart.title, labels, series, width, currency)


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _legend(
    painter: QPainter,
    fonts: Fonts,
    series: Series,
    x: float,
    y: float,
) -> None:
    metrics = fonts.metrics(fonts.small)
    box = metrics.height() * 0.7
    painter.setFont(fonts.small)
    for n, (column, _) in enumerate(series):
        title = column.title
        painter.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), SERIES_COLORS[n])
        painter.setPen(MUTED)
        painter.drawText(QPointF(x + box * 1.5, y + metrics.ascent()), title)
        x += box * 2.5 + metrics.horizontalAdvance(title)


def _heading(
    painter: QPainter,
    fonts: Fonts,
    title: str,
    series: Series,
    width: float,
    y: float,
) -> None:
    """The chart's title in bold at the top left; a legend from 55% across when there
    are several series. Leaves the pen and font changed."""
    painter.setFont(fonts.bold)
    painter.setPen(INK)
    painter.drawText(QPointF(0, y + fonts.metrics(fonts.bold).ascent()), title)
    if len(series) > 1:
        _legend(painter, fonts, series, width * 0.55, y)


def _vertical(
    fonts: Fonts,
    title: str,
    labels: Sequence[object],
    series: Series,
    width: float,
    currency: str,
) -> Block:
    small = fonts.metrics(fonts.small)
    line = small.height()
    height = line * 18
    kind = series[0][0].kind
    step = nice_step(max(max(values) for _, values in series), whole=kind == "int")
    top_value = step * TICKS
    days = [label for label in labels if isinstance(label, date)]
    monthly = len(days) > 1 and all(d.day == 1 for d in days) and (days[-1] - days[0]).days > 62

    def label_text(day: date) -> str:
        shown = QDate(day.year, day.month, day.day)
        return QLocale().toString(shown, "MMM yy" if monthly else "d MMM")

    def draw(painter: QPainter, y: float) -> None:
        _heading(painter, fonts, title, series, width, y)
        axis_w = max(small.horizontalAdvance(display_text(top_value, kind, currency)), line * 2)
        left, plot_top = axis_w + line * 0.6, y + line * 1.8
        plot_h, plot_w = height - line * 4.2, width - axis_w - line * 0.6
        painter.setFont(fonts.small)
        for tick in range(TICKS + 1):
            value = step * tick
            gy = plot_top + plot_h - plot_h * tick / TICKS
            painter.setPen(QPen(GRID, 0))
            painter.drawLine(QPointF(left, gy), QPointF(left + plot_w, gy))
            painter.setPen(MUTED)
            rect = QRectF(0, gy - line / 2, axis_w, line)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                display_text(value if kind == "percent" else round(value), kind, currency),
            )
        slot = plot_w / len(labels)
        bar = slot * 0.8 / len(series)
        for n, (_, values) in enumerate(series):
            for i, value in enumerate(values):
                h = plot_h * value / top_value
                x = left + i * slot + slot * 0.1 + n * bar
                painter.fillRect(
                    QRectF(x, plot_top + plot_h - h, max(bar, 0.5), h), SERIES_COLORS[n]
                )
        every = max(
            1, math.ceil(len(labels) / max(1, plot_w // (small.horizontalAdvance("30 Sep") * 1.4)))
        )
        painter.setPen(MUTED)
        for i, label in enumerate(labels):
            if i % every or not isinstance(label, date):
                continue
            cx = left + (i + 0.5) * slot
            text = label_text(label)
            tw = small.horizontalAdvance(text)
            painter.drawText(QPointF(cx - tw / 2, plot_top + plot_h + line), text)

    return Block(height, draw)


def _horizontal(
    fonts: Fonts,
    title: str,
    labels: Sequence[object],
    series: Series,
    width: float,
    currency: str,
) -> Block:
    small = fonts.metrics(fonts.small)
    line = small.height()
    order = sorted(range(len(labels)), key=lambda i: -series[0][1][i])[:MAX_BARS]
    row_h = line * (0.9 + 0.7 * len(series))
    height = line * 2.2 + row_h * len(order) + line * 0.5
    top_value = max(max(values[i] for i in order) for _, values in series) or 1.0
    if series[0][0].kind == "percent":
        top_value = max(top_value, 1.0)  # a share is drawn against the whole
    label_w = min(width * 0.32, max(small.horizontalAdvance(str(labels[i])) for i in order) + line)

    def draw(painter: QPainter, y: float) -> None:
        _heading(painter, fonts, title, series, width, y)
        painter.setFont(fonts.small)
        value_w = line * 6
        bar_w = width - label_w - value_w
        top = y + line * 2.0
        for row, i in enumerate(order):
            ry = top + row * row_h
            painter.setPen(INK)
            name = small.elidedText(
                str(labels[i]), Qt.TextElideMode.ElideRight, label_w - line * 0.5
            )
            painter.drawText(
                QRectF(0, ry, label_w - line * 0.5, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            for n, (column, values) in enumerate(series):
                by = ry + line * 0.45 + n * line * 0.7
                length = bar_w * values[i] / top_value
                painter.fillRect(
                    QRectF(label_w, by, max(length, 0.5), line * 0.6), SERIES_COLORS[n]
                )
                kind = column.kind
                painter.setPen(MUTED)
                painter.drawText(
                    QPointF(label_w + length + line * 0.3, by + line * 0.55),
                    display_text(values[i] if kind != "int" else int(values[i]), kind, currency),
                )

    return Block(height, draw)
