"""The Reports tab shows the core's report: figures, charts and tables as plain text."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QTableView
from sqlalchemy import text

from careops_desktop.core.services import reports
from careops_desktop.ui.events_bridge import EventsBridge
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.reports.chart import BarChart
from careops_desktop.ui.reports.format import format_value
from careops_desktop.ui.reports.view import ReportsView, period_dates
from careops_desktop.ui.tabs import visible_specs
from tests.ui.conftest import demo_actor


def _open(qtbot, demo_db, demo_ops, who: str = "owner") -> tuple[MainWindow, EventsBridge]:
    bridge = EventsBridge()
    window = MainWindow(demo_ops, bridge, demo_actor(demo_db, who), idle_minutes=0)
    qtbot.addWidget(window)
    window.show()
    return window, bridge


def test_bookings_report_figures_match_the_core(qtbot, demo_db, demo_ops) -> None:
    window, bridge = _open(qtbot, demo_db, demo_ops)
    page = window.show_tab("reports")
    assert isinstance(page, ReportsView)
    start, end = date.today() - timedelta(days=30), date.today()
    page.apply_filter({"report": "bookings", "start": start, "end": end})
    qtbot.waitUntil(
        lambda: (
            page.report is not None
            and page.report.name == "bookings"
            and page.report.start == start
        ),
        timeout=20_000,
    )
    expected = demo_db.call(reports.run_report, demo_actor(demo_db), "bookings", start, end)
    shown = [label.text() for label in page.body.findChildren(type(page.status))]
    for figure in expected.figures:
        assert format_value(figure.value, figure.kind, expected.currency) in shown
    tables = page.body.findChildren(QTableView)
    assert len(tables) == len(expected.sections)
    first = expected.sections[0]
    model = tables[0].model()
    assert model.rowCount() == len(first.rows)
    assert model.index(0, 0).data() == format_value(
        first.rows[0][0], first.columns[0].kind, expected.currency
    )
    if any(s.chart for s in expected.sections):
        assert page.body.findChildren(BarChart)
    window.close()
    qtbot.waitUntil(lambda: demo_ops.pending == 0, timeout=10_000)
    bridge.close()


def test_day_sheet_shows_names_literally(qtbot, demo_db, demo_ops) -> None:
    with demo_db.write_session() as session:
        session.execute(text("UPDATE contacts SET name = '<b>x</b> ' || id"))
    window, bridge = _open(qtbot, demo_db, demo_ops)
    page = window.show_tab("reports")
    today = date.today()
    page.apply_filter({"report": "day_sheet", "start": today, "end": today + timedelta(6)})
    qtbot.waitUntil(
        lambda: page.report is not None and page.report.name == "day_sheet", timeout=20_000
    )
    cells = [
        table.model().index(row, column).data()
        for table in page.body.findChildren(QTableView)
        for row in range(table.model().rowCount())
        for column in range(table.model().columnCount())
    ]
    assert any(str(cell).startswith("<b>x</b> ") for cell in cells)
    window.close()
    qtbot.waitUntil(lambda: demo_ops.pending == 0, timeout=10_000)
    bridge.close()


def test_reports_need_their_permission(demo_db) -> None:
    assert "reports" not in [s.key for s in visible_specs(demo_actor(demo_db, "staff"))]
    assert "reports" in [s.key for s in visible_specs(demo_actor(demo_db, "manager"))]


def test_named_periods() -> None:
    wednesday = date(2025, 3, 12)
    assert period_dates("this_week", wednesday) == (date(2025, 3, 10), date(2025, 3, 16))
    assert period_dates("last_week", wednesday) == (date(2025, 3, 3), date(2025, 3, 9))
    assert period_dates("this_month", wednesday) == (date(2025, 3, 1), date(2025, 3, 31))
    assert period_dates("last_month", wednesday) == (date(2025, 2, 1), date(2025, 2, 28))
    assert period_dates("last_90", wednesday) == (date(2024, 12, 13), wednesday)
    assert format_value(123456, "money", "GBP") == "£1,234.56"
    assert format_value(0.257, "percent") == "26 %"
    assert format_value(None, "int") == ""
