"""The Reports tab: choose a report and a period, see its key figures, charts and tables.

The report is computed by the core (``reports.run_report``) on the database worker; this
page only lays it out, formatting each value by its column's kind. "Export…" (Ctrl+E)
saves the shown report as CSV, XLSX or PDF; "Export all bookings…" saves every booking
of the period as one table (``ui/reports/export.py``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.services import reports
from careops_desktop.core.services.reports import Report, Section
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.reports.chart import BarChart
from careops_desktop.ui.reports.export import ReportExporter
from careops_desktop.ui.reports.format import day_label, format_value, number
from careops_desktop.ui.table_model import Column
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.widgets.rows_model import RowsModel

PERIODS = (
    ("this_week", QT_TRANSLATE_NOOP("ReportsView", "This week")),
    ("last_week", QT_TRANSLATE_NOOP("ReportsView", "Last week")),
    ("this_month", QT_TRANSLATE_NOOP("ReportsView", "This month")),
    ("last_month", QT_TRANSLATE_NOOP("ReportsView", "Last month")),
    ("last_90", QT_TRANSLATE_NOOP("ReportsView", "Last 90 days")),
    ("custom", QT_TRANSLATE_NOOP("ReportsView", "Choose dates")),
)


def period_dates(key: str, today: date) -> tuple[date, date]:
    """The local dates (both included) of a named period around ``today``."""
    monday = today - timedelta(days=today.weekday())
    first = today.replace(day=1)
    if key == "this_week":
        return monday, monday + timedelta(days=6)
    if key == "last_week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if key == "last_month":
        end = first - timedelta(days=1)
        return end.replace(day=1), end
    if key == "last_90":
        return today - timedelta(days=89), today
    next_month = (first + timedelta(days=32)).replace(day=1)
    return first, next_month - timedelta(days=1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def section_rows(section: Section, currency: str) -> list[dict[str, str]]:
    """A section's rows as text keyed by column key (for the plain-text table)."""
    return [
        {
            column.key: format_value(value, column.kind, currency)
            for column, value in zip(section.columns, row, strict=False)
        }
        for row in section.rows
    ]


class ReportsView(QWidget):
    """Report chooser, period, Run; the report below (``report`` holds the last one)."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("reportsView")
        self.report: Report | None = None
        self._run_number = 0
        self.chooser = QComboBox()
        self.chooser.setObjectName("reportChooser")
        for info in reports.REPORTS.values():
            self.chooser.addItem(info.title, info.name)
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        for key, words in PERIODS:
            self.period.addItem(translate("ReportsView", words), key)
        self.period.setCurrentIndex(2)
        self.start = QDateEdit()
        self.end = QDateEdit()
        self.start.setAccessibleName(self.tr("From"))
        self.end.setAccessibleName(self.tr("To"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")  # month names in the business's locale
        self.run_button = QPushButton(self.tr("Show report"))
        self.run_button.setObjectName("runReport")
        self.run_button.clicked.connect(self.run)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.chooser.currentIndexChanged.connect(lambda _i: self.run())
        self.exporter = ReportExporter(self, context.ops, context.actor)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportReport")
        self.export_button.setToolTip(
            self.tr("Save this report as CSV, Excel (XLSX) or PDF ({shortcut})").format(
                shortcut="Ctrl+E"
            )
        )
        self.export_button.clicked.connect(self.choose_export_file)
        self.bookings_button = QPushButton(self.tr("Export all bookings…"))
        self.bookings_button.setObjectName("exportPeriodBookings")
        self.bookings_button.setToolTip(
            self.tr("Save every booking of the period, one row each, as CSV or Excel (XLSX)")
        )
        self.bookings_button.clicked.connect(self.choose_bookings_file)
        for button in (self.export_button, self.bookings_button):
            button.setEnabled(False)  # until a report is shown
        self.export_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        self.export_shortcut.activated.connect(self.choose_export_file)
        self._exporting = False
        self.exporter.started.connect(self._export_started)
        self.exporter.finished.connect(self._export_finished)
        self.description = plain_label(wrap=True)
        self.status = plain_label(wrap=True)
        self.status.setObjectName("reportStatus")
        bar = QHBoxLayout()
        to_label = plain_label(self.tr("to"))
        for widget in (self.chooser, self.period, self.start, to_label, self.end):
            bar.addWidget(widget)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.bookings_button)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.description)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self._period_chosen(self.period.currentIndex())

    # -- tab protocol -------------------------------------------------------------------

    def print_page(self) -> None:
        """Ctrl+P: preview (then print) the report shown, drawn as its PDF is."""
        if self.report is not None:
            from careops_desktop.ui.printing.print_jobs import open_preview, report_job

            self.preview = open_preview(report_job(self.report), self)

    def apply_filter(self, filter: Any) -> None:
        """``{"report": name, "start": date, "end": date}`` (any part)."""
        if not isinstance(filter, dict):
            return
        if "report" in filter:
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(filter["report"])))
        if "start" in filter and "end" in filter:
            self.period.setCurrentIndex(self.period.findData("custom"))
            self.start.setDate(_qdate(filter["start"]))
            self.end.setDate(_qdate(filter["end"]))
        self.run()

    # -- running ------------------------------------------------------------------------

    def _period_chosen(self, _index: int) -> None:
        key = self.period.currentData()
        custom = key == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            first, last = period_dates(key, date.today())
            self.start.setDate(_qdate(first))
            self.end.setDate(_qdate(last))
            self.run()

    def run(self) -> None:
        """Compute the chosen report for the chosen dates."""
        name = self.chooser.currentData()
        info = reports.REPORTS.get(name)
        set_plain(self.description, info.description if info else "")
        set_plain(self.status, self.tr("Working…"))
        self.run_button.setEnabled(False)
        self._run_number += 1
        number_now = self._run_number

        def done(report: Report) -> None:
            if number_now == self._run_number:  # a later run supersedes this one
                self._show(report)

        def refused(exc: CareOpsError) -> None:
            if number_now == self._run_number:
                self.run_button.setEnabled(True)
                set_plain(self.status, str(exc))

        self.context.ops.query(
            reports.run_report,
            self.context.actor,
            name,
            self.start.date().toPython(),
            self.end.date().toPython(),
            on_done=done,
            on_error=refused,
            owner=self,
        )

    # -- exporting ----------------------------------------------------------------------

    def choose_export_file(self) -> None:
        """Ask where to save the shown report (CSV, XLSX or PDF), then write it."""
        if self.report is not None and self.export_button.isEnabled():
            self.exporter.choose_report_file(self.report)

    def choose_bookings_file(self) -> None:
        """Ask where to save every booking of the shown report's period, then write it."""
        if self.report is not None and self.bookings_button.isEnabled():
            self.exporter.choose_bookings_file(self.report.start, self.report.end)

    def _export_started(self) -> None:
        self._exporting = True
        self._update_export_buttons()
        set_plain(self.status, self.tr("Exporting…"))

    def _export_finished(self, words: str) -> None:
        self._exporting = False
        self._update_export_buttons()
        set_plain(self.status, words)

    def _update_export_buttons(self) -> None:
        ready = self.report is not None and not self._exporting
        self.export_button.setEnabled(ready)
        self.bookings_button.setEnabled(ready)

    def _clear(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show(self, report: Report) -> None:
        self.run_button.setEnabled(True)
        self.report = report
        self._update_export_buttons()
        self._clear()
        set_plain(self.status, f"{report.title} · {report.period_label} · {report.timezone}")
        figures = QHBoxLayout()
        for figure in report.figures:
            card = QFrame()
            card.setObjectName("reportFigure")
            card.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(card)
            value = plain_label(format_value(figure.value, figure.kind, report.currency))
            value.setObjectName("cardValue")
            box.addWidget(value)
            box.addWidget(plain_label(figure.label, wrap=True))
            figures.addWidget(card)
        figures.addStretch(1)
        holder = QWidget()
        holder.setLayout(figures)
        self.body_layout.addWidget(holder)
        for note in report.notes:
            self.body_layout.addWidget(plain_label(note, wrap=True))
        for section in report.sections:
            self._add_section(section, report.currency)
        self.body_layout.addStretch(1)

    def _add_section(self, section: Section, currency: str) -> None:
        title = plain_label(section.title)
        title.setObjectName("sectionTitle")
        self.body_layout.addWidget(title)
        if section.note:
            self.body_layout.addWidget(plain_label(section.note, wrap=True))
        if section.chart is not None and section.rows:
            chart = section.chart
            labels = [
                format_value(v, "text", currency) if not isinstance(v, date) else day_label(v)
                for v in section.values(chart.label)
            ]
            series = [
                (
                    section.columns[section.column_index(key)].title,
                    [number(v) for v in section.values(key)],
                )
                for key in chart.values
            ]
            self.body_layout.addWidget(BarChart(labels, series))
        model = RowsModel(
            [Column(c.key, c.title, tooltip=c.kind == "text") for c in section.columns],
            row_id=lambda _row: 0,
            parent=self,
        )
        model.set_rows(section_rows(section, currency))
        table = QTableView()
        table.setObjectName(f"section_{section.key}")
        table.setAccessibleName(section.title)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        shown_rows = min(len(section.rows), 12)
        height = table.verticalHeader().defaultSectionSize() * max(shown_rows, 1)
        table.setFixedHeight(height + table.horizontalHeader().sizeHint().height() + 4)
        self.body_layout.addWidget(table)
