"""The Dashboard's charts (QtCharts): bookings per day, the no-show trend, the busiest hours.

The figures come from one core call, ``dashboard_charts.dashboard_charts``, run through
``ops.query`` (never on the Qt thread). :class:`DashboardChartsPanel` loads once when
built and again after bookings change — throttled: the first ``bookingsChanged`` starts a
short single-shot timer and every change until it fires rides along, so a burst of web
bookings costs one reload. The ``*_chart`` functions build a ``QChart`` from the core's
data and nothing else; every label on them is made here from dates and numbers, never
from customer text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCharts import (
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import (
    QDate,
    QLocale,
    QMargins,
    QPointF,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolTip, QWidget

from careops_desktop.core.services.dashboard import (
    BUSY_WEEKS,
    DashboardCharts,
    dashboard_charts,
)
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.tabs import TabContext

THROTTLE_MS = 2000
CHART_HEIGHT = 250
# (set name, colour) of the stacked bars, bottom first
DAY_SETS = (
    (QT_TRANSLATE_NOOP("DashboardCharts", "Completed"), "#10b981"),
    (QT_TRANSLATE_NOOP("DashboardCharts", "No-show"), "#ef4444"),
    (QT_TRANSLATE_NOOP("DashboardCharts", "Booked"), "#3b82f6"),
    (QT_TRANSLATE_NOOP("DashboardCharts", "Ahead"), "#93c5fd"),
)
TREND_COLOUR = "#ef4444"
TREND_LABEL_EVERY = 3  # weeks between labels on the trend's axis
HOURS_COLOUR = "#6366f1"
MAX_DOT = 26.0
MIN_DOT = 6.0


def _qdate(day: Any) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day_label(day: Any) -> str:
    """``7 Dec``: the day and the month's short name in the business's locale."""
    return QLocale().toString(_qdate(day), "d MMM")


def weekday_name(weekday: int, short: bool = False) -> str:
    """Monday (0) … Sunday (6) in the business's locale."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().dayName(weekday + 1, kind)


def hour_text(hour: int) -> str:
    """The full hour as the business's locale writes a time (``14:00``, ``2:00 PM``)."""
    return QLocale().toString(QTime(hour % 24, 0), QLocale.FormatType.ShortFormat)


def _text_colour(palette: QPalette | None) -> QColor:
    return (palette or QPalette()).color(QPalette.ColorRole.WindowText)


def _new_chart(title: str, palette: QPalette | None) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitleBrush(_text_colour(palette))
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setLabelColor(_text_colour(palette))
    return chart


def _style_axis(axis: Any, palette: QPalette | None) -> None:
    axis.setLabelsColor(_text_colour(palette))
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
    axis.setLabelsFont(font)
    grid = QColor(_text_colour(palette))
    grid.setAlpha(40)
    axis.setGridLineColor(grid)


def _count_axis(peak: float, palette: QPalette | None) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(4.0, float(peak)))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    _style_axis(axis, palette)
    return axis


def bookings_per_day_chart(charts: DashboardCharts, palette: QPalette | None = None) -> QChart:
    """Stacked bars per local day: completed, no-show, booked (past) and ahead (future)."""
    chart = _new_chart(
        translate(
            "DashboardCharts", "Bookings per day — the last {past} days and the next {ahead}"
        ).format(past=len(charts.past_days), ahead=len(charts.ahead_days)),
        palette,
    )
    sets: list[QBarSet] = []
    for name, colour in DAY_SETS:
        bar_set = QBarSet(translate("DashboardCharts", name))
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        sets.append(bar_set)
    completed, no_show, booked, ahead = sets
    for day in charts.days:
        past = day.day <= charts.today
        completed.append(day.completed)
        no_show.append(day.no_show)
        booked.append(day.confirmed if past else 0)
        ahead.append(0 if past else day.confirmed)
    series = QStackedBarSeries()
    series.setBarWidth(0.8)
    for bar_set in sets:
        series.append(bar_set)
    chart.addSeries(series)
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x_axis.setRange(-0.5, len(charts.days) - 0.5)
    for index, day in enumerate(charts.days):
        if day.day == charts.today:
            x_axis.append(translate("DashboardCharts", "Today"), index)
        elif day.day.weekday() == 0 and abs((day.day - charts.today).days) > 3:
            x_axis.append(_day_label(day.day), index)
    x_axis.setGridLineVisible(False)
    _style_axis(x_axis, palette)
    peak = max((d.booked for d in charts.days), default=0)
    y_axis = _count_axis(peak, palette)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def hovered(status: bool, index: int, bar_set: QBarSet) -> None:
        if status and 0 <= index < len(charts.days):
            day = charts.days[index]
            locale = QLocale()
            QToolTip.showText(
                QCursor.pos(),
                translate(
                    "DashboardCharts",
                    "{day}: {booked} booked ({completed} completed, {no_show} no-show, "
                    "{cancelled} cancelled)",
                ).format(
                    day=locale.toString(_qdate(day.day), "ddd d MMM"),
                    booked=locale.toString(day.booked),
                    completed=locale.toString(day.completed),
                    no_show=locale.toString(day.no_show),
                    cancelled=locale.toString(day.cancelled),
                ),
            )

    series.hovered.connect(hovered)
    return chart


def no_show_trend_chart(charts: DashboardCharts, palette: QPalette | None = None) -> QChart:
    """The no-show rate (percent of completed plus no-shows) per week, as a line."""
    chart = _new_chart(
        translate("DashboardCharts", "No-show rate — last {weeks} weeks").format(
            weeks=len(charts.no_show_weeks)
        ),
        palette,
    )
    line = QLineSeries()
    line.setName(translate("DashboardCharts", "No-show rate"))
    pen = QPen(QColor(TREND_COLOUR))
    pen.setWidthF(2.0)
    line.setPen(pen)
    line.setPointsVisible(True)
    peak = 0.0
    for index, week in enumerate(charts.no_show_weeks):
        if week.rate is not None:
            percent = week.rate * 100
            peak = max(peak, percent)
            line.append(QPointF(index, percent))
    chart.addSeries(line)
    weeks = len(charts.no_show_weeks)
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x_axis.setRange(-0.5, weeks - 0.5)
    labelled = sorted(range(weeks - 1, -1, -TREND_LABEL_EVERY))  # the latest week always
    for index in labelled:
        x_axis.append(_day_label(charts.no_show_weeks[index].week_start), index)
    x_axis.setGridLineVisible(False)
    _style_axis(x_axis, palette)
    y_axis = QValueAxis()
    y_axis.setRange(0, max(8, math.ceil(peak / 4) * 4))  # four whole-percent steps
    y_axis.setLabelFormat("%d%%")
    y_axis.setTickCount(5)
    _style_axis(y_axis, palette)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    line.attachAxis(x_axis)
    line.attachAxis(y_axis)
    chart.legend().hide()

    def hovered(point: QPointF, state: bool) -> None:
        index = round(point.x())
        if state and 0 <= index < len(charts.no_show_weeks):
            week = charts.no_show_weeks[index]
            locale = QLocale()
            QToolTip.showText(
                QCursor.pos(),
                translate(
                    "DashboardCharts", "Week of {day}: {percent}% ({no_show} no-shows of {seen})"
                ).format(
                    day=_day_label(week.week_start),
                    percent=locale.toString(round(point.y())),
                    no_show=locale.toString(week.no_show),
                    seen=locale.toString(week.completed + week.no_show),
                ),
            )

    line.hovered.connect(hovered)
    return chart


def busy_hour_points(charts: DashboardCharts) -> list[tuple[int, int, int]]:
    """(hour, weekday, bookings) for every local hour of the week that had bookings."""
    return [
        (hour, weekday, count)
        for weekday, row in enumerate(charts.busy_hours)
        for hour, count in enumerate(row)
        if count
    ]


def busiest_hours_chart(charts: DashboardCharts, palette: QPalette | None = None) -> QChart:
    """A punch card: a dot per weekday and hour, its size by the bookings that started then."""
    chart = _new_chart(
        translate(
            "DashboardCharts", "Busiest hours — bookings started in the last {weeks} weeks"
        ).format(weeks=BUSY_WEEKS),
        palette,
    )
    points = busy_hour_points(charts)
    series = QScatterSeries()
    series.setName(translate("DashboardCharts", "Bookings"))
    series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
    series.setMarkerSize(MIN_DOT)
    colour = QColor(HOURS_COLOUR)
    series.setColor(colour)
    series.setBorderColor(colour)
    peak = max((count for _h, _d, count in points), default=0)
    for index, (hour, weekday, count) in enumerate(points):
        series.append(QPointF(hour + 0.5, 6 - weekday))
        size = MIN_DOT + (MAX_DOT - MIN_DOT) * math.sqrt(count / peak)
        series.setPointConfiguration(index, {QXYSeries.PointConfiguration.Size: size})
    chart.addSeries(series)
    hours = [hour for hour, _d, _c in points]
    first = max(0, min(hours, default=8) - 1)
    last = min(24, max(hours, default=18) + 2)
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x_axis.setRange(first, last)
    step = 1 if last - first <= 12 else 2
    for hour in range(first, last + 1, step):
        x_axis.append(hour_text(hour), hour)
    _style_axis(x_axis, palette)
    y_axis = QCategoryAxis()
    y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    y_axis.setRange(-0.6, 6.6)
    for weekday in range(6, -1, -1):
        y_axis.append(weekday_name(weekday, short=True), 6 - weekday)
    y_axis.setGridLineVisible(False)
    _style_axis(y_axis, palette)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    chart.legend().hide()

    def hovered(point: QPointF, state: bool) -> None:
        hour, weekday = int(point.x()), 6 - round(point.y())
        if state and 0 <= weekday < 7 and 0 <= hour < 24:
            count = charts.busy_hours[weekday][hour]
            QToolTip.showText(
                QCursor.pos(),
                translate(
                    "DashboardCharts",
                    "{weekday} {start}–{end} — bookings in {weeks} weeks: {count}",
                ).format(
                    weekday=weekday_name(weekday),
                    start=hour_text(hour),
                    end=hour_text(hour + 1),
                    weeks=BUSY_WEEKS,
                    count=QLocale().toString(count),
                ),
            )

    series.hovered.connect(hovered)
    return chart


def _chart_view(name: str) -> QChartView:
    view = QChartView()
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view.setFixedHeight(CHART_HEIGHT)
    view.setStyleSheet("background: transparent;")
    return view


class DashboardChartsPanel(QWidget):
    """Three charts side by side; ``loaded(DashboardCharts)`` after each load."""

    loaded = Signal(object)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("dashboardCharts")
        self.data: DashboardCharts | None = None
        self._in_flight = False
        self._again = False
        self._closed = False
        self.per_day = _chart_view("bookingsPerDayChart")
        self.trend = _chart_view("noShowTrendChart")
        self.hours = _chart_view("busiestHoursChart")
        self.status = plain_label()
        self.status.setObjectName("chartsStatus")
        self.status.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.per_day, 5)
        row.addWidget(self.trend, 3)
        row.addWidget(self.hours, 4)
        row.addWidget(self.status)
        self.throttle = QTimer(self)
        self.throttle.setObjectName("dashboardChartsThrottle")
        self.throttle.setSingleShot(True)
        self.throttle.setInterval(THROTTLE_MS)
        self.throttle.timeout.connect(self.refresh)
        # one chart per turn of the event loop (all three at once was one 35 ms slice under load)
        self._to_draw: list[tuple[QChartView, Callable[[DashboardCharts, QPalette], QChart]]] = []
        self._drawing: DashboardCharts | None = None
        self.next_chart = QTimer(self)
        self.next_chart.setObjectName("dashboardChartsNext")
        self.next_chart.setSingleShot(True)
        self.next_chart.setInterval(0)
        self.next_chart.timeout.connect(self._draw_next)
        context.events.bookingsChanged.connect(self.refresh_soon)
        self.refresh()

    def refresh_soon(self, *_event: object) -> None:
        """Reload after :data:`THROTTLE_MS`; changes meanwhile share that one reload."""
        if not self._closed and not self.throttle.isActive():
            self.throttle.start()

    def refresh(self) -> None:
        """Reload now (a reload already running is followed by one more)."""
        if self._closed:
            return
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self.context.ops.query(
            dashboard_charts, on_done=self._show, on_error=self._failed, owner=self
        )

    def shutdown(self) -> None:
        """Stop the throttle timer and stop listening (the window is closing)."""
        self._closed = True
        self.throttle.stop()
        self.next_chart.stop()
        try:
            self.context.events.bookingsChanged.disconnect(self.refresh_soon)
        except (RuntimeError, TypeError):
            pass

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        set_plain(self.status, self.tr("The charts could not be loaded: {error}").format(error=exc))
        self.status.show()

    def _show(self, data: DashboardCharts) -> None:
        self._drawing = data
        self.status.hide()
        self._to_draw = [
            (self.per_day, bookings_per_day_chart),
            (self.trend, no_show_trend_chart),
            (self.hours, busiest_hours_chart),
        ]
        self._draw_next()

    def _draw_next(self) -> None:
        """Draw the next chart of the load; after the last, ``loaded`` (and a queued reload)."""
        data = self._drawing
        if self._closed or not self._to_draw or data is None:
            return
        view, build = self._to_draw.pop(0)
        old = view.chart()
        view.setChart(build(data, self.palette()))
        if old is not None and shiboken6.isValid(old):
            old.deleteLater()
        if self._to_draw:
            self.next_chart.start()
            return
        self._in_flight = False
        self.data = data  # what the three charts show, once all are drawn
        self.loaded.emit(data)
        if self._again:
            self._again = False
            self.refresh()
