"""The Dashboard's charts: drawn from the core's figures, reloaded (throttled) on bookings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QScatterSeries, QStackedBarSeries
from sqlalchemy import text

from careops_desktop.core.services import bookings
from careops_desktop.core.services.dashboard import dashboard_charts
from careops_desktop.ui.dashboard import charts as charts_module
from careops_desktop.ui.dashboard.charts import (
    DAY_SETS,
    DashboardChartsPanel,
    busy_hour_points,
)
from careops_desktop.ui.dashboard.view import DashboardView
from careops_desktop.ui.events_bridge import EventsBridge
from careops_desktop.ui.main_window import MainWindow
from tests.ui.conftest import demo_actor


def _open(qtbot, demo_db, demo_ops) -> tuple[MainWindow, EventsBridge, DashboardChartsPanel]:
    bridge = EventsBridge()
    window = MainWindow(demo_ops, bridge, demo_actor(demo_db), idle_minutes=0)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    page = window.show_tab("dashboard")
    assert isinstance(page, DashboardView)
    qtbot.waitUntil(lambda: page.charts.data is not None, timeout=20_000)
    return window, bridge, page.charts


def _close(qtbot, window: MainWindow, bridge: EventsBridge, demo_ops) -> None:
    window.close()
    qtbot.waitUntil(lambda: demo_ops.pending == 0, timeout=10_000)
    bridge.close()


def _bars(panel: DashboardChartsPanel) -> dict[str, list[float]]:
    series = panel.per_day.chart().series()
    assert len(series) == 1 and isinstance(series[0], QStackedBarSeries)
    return {s.label(): [s.at(i) for i in range(s.count())] for s in series[0].barSets()}


def test_the_charts_show_the_cores_figures(qtbot, demo_db, demo_ops) -> None:
    window, bridge, panel = _open(qtbot, demo_db, demo_ops)
    expected = demo_db.call(dashboard_charts)
    shown = panel.data
    assert shown is not None and shown.today == expected.today
    assert shown.days == expected.days and shown.busy_hours == expected.busy_hours

    bars = _bars(panel)
    assert list(bars) == [name for name, _colour in DAY_SETS]
    assert len(bars["Completed"]) == len(expected.days)
    for index, day in enumerate(expected.days):
        stacked = sum(values[index] for values in bars.values())
        assert stacked == day.booked, day.day
        assert bars["No-show"][index] == day.no_show
        if day.day > expected.today:
            assert bars["Booked"][index] == 0 and bars["Ahead"][index] == day.confirmed
    assert sum(d.booked for d in expected.days) > 0  # the demo has bookings both ways
    x_axis = panel.per_day.chart().axes()[0]
    assert isinstance(x_axis, QCategoryAxis) and "Today" in x_axis.categoriesLabels()

    (line,) = panel.trend.chart().series()
    assert isinstance(line, QLineSeries)
    rated = [w for w in expected.no_show_weeks if w.rate is not None]
    assert line.count() == len(rated) > 0
    assert [round(line.at(i).y(), 6) for i in range(line.count())] == [
        round(w.rate * 100, 6) for w in rated
    ]

    (dots,) = panel.hours.chart().series()
    assert isinstance(dots, QScatterSeries)
    points = busy_hour_points(expected)
    assert dots.count() == len(points) > 0
    for index, (hour, weekday, _count) in enumerate(points):
        assert (dots.at(index).x(), dots.at(index).y()) == (hour + 0.5, 6 - weekday)
    _close(qtbot, window, bridge, demo_ops)


def test_a_burst_of_booking_changes_reloads_once_after_the_throttle(
    qtbot, demo_db, demo_ops, monkeypatch
) -> None:
    monkeypatch.setattr(charts_module, "THROTTLE_MS", 300)
    window, bridge, panel = _open(qtbot, demo_db, demo_ops)
    panel.throttle.setInterval(300)
    loads: list[object] = []
    panel.loaded.connect(loads.append)
    # a confirmed booking ahead, cancelled for real: core → event → bridge → throttle
    now = datetime.now(UTC)
    with demo_db.engine.connect() as connection:
        ids = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT id FROM bookings WHERE status = 'confirmed' AND start_at > :a "
                    "ORDER BY start_at LIMIT 3"
                ),
                {"a": (now + timedelta(days=2)).replace(tzinfo=None)},
            )
        ]
    assert len(ids) == 3
    before = {d.day: d for d in panel.data.days}
    actor = demo_actor(demo_db)
    changed: list[object] = []
    bridge.bookingsChanged.connect(changed.append)
    for booking_id in ids:
        demo_db.call(bookings.cancel, actor, booking_id, "test")
    qtbot.waitUntil(lambda: len(changed) == 3, timeout=10_000)
    assert panel.throttle.isActive() and loads == []  # nothing reloaded yet
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=10_000)
    qtbot.wait(500)
    assert len(loads) == 1  # three changes, one reload
    after = {d.day: d for d in panel.data.days}
    assert sum(d.cancelled for d in after.values()) == sum(d.cancelled for d in before.values()) + 3
    assert sum(d.confirmed for d in after.values()) == sum(d.confirmed for d in before.values()) - 3
    _close(qtbot, window, bridge, demo_ops)
    assert not panel.throttle.isActive()


def test_closing_the_window_stops_the_throttle(qtbot, demo_db, demo_ops) -> None:
    window, bridge, panel = _open(qtbot, demo_db, demo_ops)
    bridge.bookingsChanged.emit(None)
    assert panel.throttle.isActive()
    _close(qtbot, window, bridge, demo_ops)
    assert not panel.throttle.isActive()
    bridge.bookingsChanged.emit(None)  # heard no more
    assert not panel.throttle.isActive()
