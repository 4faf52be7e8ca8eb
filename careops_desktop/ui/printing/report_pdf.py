"""PDF reports drawn with Qt's own PDF writer (QPdfWriter + QPainter; QtGui only).

The same painting (:func:`paint_report`) draws on a ``QPrinter`` for the print
dialog and its preview (:mod:`.print_jobs`).

A title with the business and the period, the key figures in boxes, then
each section: its bar chart and its table, paginated with the header row
repeated on every page and "Page N of M" at the foot. Wide reports (more
than seven columns) are printed landscape.

Qt needs a QGuiApplication for fonts: the running app's is used, else one
is made (offscreen when there is no display). Call from the thread that
owns the application, or from a worker thread when the window's
QApplication already exists (painting on a PDF device is allowed there).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from careops_desktop.core.services.reports import KeyFigure, Report, Section
from careops_desktop.exports.formatting import display_text
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.printing.report_charts import chart_block
from careops_desktop.ui.printing.report_layout import (
    INK,
    MUTED,
    Block,
    Flow,
    Fonts,
    header_block,
    row_block,
    table_shape,
    text_block,
)
from careops_desktop.ui.widgets.local_time import UTC_ZONE, fmt_datetime

RESOLUTION = 300  # dots per inch of the drawing surface (the PDF itself is vector)
MARGINS_MM = QMarginsF(14, 14, 14, 16)
FIGURE_BOX = QColor("#f1f5f9")
PREFERRED_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")
_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Make sure a QGuiApplication exists (offscreen when there is no display)."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1] or ["careops"])


def family() -> str:
    available = set(QFontDatabase.families())
    return next((name for name in PREFERRED_FAMILIES if name in available), "")


def write_report_pdf(path: Path, report: Report) -> int:
    """Draw ``report`` into the PDF file ``path``; returns the number of pages."""
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{report.title} — {report.business_name}")
    writer.setCreator("CareOps Desktop")
    writer.setPageLayout(report_page_layout(report))
    return paint_report(writer, report)


def report_page_layout(report: Report) -> QPageLayout:
    """A4 with the report's margins; landscape for wide reports (more than seven columns)."""
    widest = max((len(s.columns) for s in report.sections), default=0)
    landscape = widest > 7
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def paint_report(device: QPagedPaintDevice, report: Report) -> int:
    """Draw ``report`` on ``device`` (a PDF writer or a printer) as it is laid out now;
    returns the number of pages. Every text is drawn with ``drawText``: never markup."""
    fonts = Fonts(device, family())
    width = float(device.width())
    running = fonts.line(fonts.small) * 2.0
    flow = Flow(float(device.height()) - footer_height(fonts) - running)
    _title(flow, fonts, report, width)
    _figures(flow, fonts, report, width)
    for section in report.sections:
        _section(flow, fonts, report, section, width)
    running_text = translate("ReportPdf", "{business} — {title} — {period}").format(
        business=report.business_name, title=report.title, period=report.period_label
    )
    footer_text = translate("ReportPdf", "{title} · {period}").format(
        title=report.title, period=report.period_label
    )
    return paint_pages(device, fonts, flow, running_text, footer_text)


def footer_height(fonts: Fonts) -> float:
    """The room kept at the foot of every page for "Page N of M"."""
    return fonts.line(fonts.small) * 2.2


def paint_pages(
    device: QPagedPaintDevice, fonts: Fonts, flow: Flow, running_text: str, footer_text: str
) -> int:
    """Paint the pages of ``flow`` on ``device``: from page 2 a running header
    (``running_text``), on every page a footer (``footer_text``, "Page N of M")."""
    width = float(device.width())
    running = fonts.line(fonts.small) * 2.0
    pages = len(flow.pages)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("ReportPdf", "Cannot draw on the printer or the PDF file."))
    try:
        for number, placed in enumerate(flow.pages, start=1):
            if number > 1:
                device.newPage()
            _running_header(painter, fonts, running_text, width, number)
            painter.save()
            painter.translate(0, running if number > 1 else 0)
            for block, y in placed:
                block.draw(painter, y)
            painter.restore()
            _footer(painter, fonts, footer_text, width, float(device.height()), number, pages)
    finally:
        painter.end()
    return pages


def _title(flow: Flow, fonts: Fonts, report: Report, width: float) -> None:
    flow.add(text_block(fonts, fonts.small, report.business_name, width, MUTED))
    flow.add(text_block(fonts, fonts.title, report.title, width))
    period = translate("ReportPdf", "{period}  ·  {time_zone}").format(
        period=report.period_label, time_zone=report.timezone
    )
    flow.add(text_block(fonts, fonts.body, period, width))
    generated = translate("ReportPdf", "Generated {when} UTC by CareOps Desktop").format(
        when=fmt_datetime(report.generated_at, UTC_ZONE)
    )
    flow.add(text_block(fonts, fonts.small, generated, width, MUTED))
    flow.space(fonts.line(fonts.body))


def _figures(flow: Flow, fonts: Fonts, report: Report, width: float) -> None:
    per_row = 5 if width > 3000 else 4
    gap = fonts.line(fonts.small) * 0.6
    box_w = (width - gap * (per_row - 1)) / per_row
    label_h, value_h = fonts.line(fonts.small), fonts.line(fonts.figure)
    box_h = label_h * 2.3 + value_h
    figures = list(report.figures)
    for start in range(0, len(figures), per_row):
        chunk = figures[start : start + per_row]

        def draw(painter: QPainter, y: float, chunk: list[KeyFigure] = chunk) -> None:
            for n, figure in enumerate(chunk):
                x = n * (box_w + gap)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(FIGURE_BOX)
                painter.drawRoundedRect(QRectF(x, y, box_w, box_h), gap, gap)
                pad = gap * 1.2
                small = fonts.metrics(fonts.small)
                label = small.elidedText(figure.label, Qt.TextElideMode.ElideRight, box_w - 2 * pad)
                painter.setFont(fonts.small)
                painter.setPen(MUTED)
                painter.drawText(QPointF(x + pad, y + pad + small.ascent()), label)
                painter.setFont(fonts.figure)
                painter.setPen(INK)
                value = display_text(figure.value, figure.kind, report.currency)
                big = fonts.metrics(fonts.figure)
                shown = big.elidedText(value, Qt.TextElideMode.ElideRight, box_w - 2 * pad)
                painter.drawText(QPointF(x + pad, y + pad + label_h * 1.2 + big.ascent()), shown)

        flow.add(Block(box_h + gap, draw))
    for note in report.notes:
        flow.add(text_block(fonts, fonts.small, note, width, MUTED))
    flow.space(fonts.line(fonts.body))


def _section(flow: Flow, fonts: Fonts, report: Report, section: Section, width: float) -> None:
    if section.new_page and flow.y > 0:
        flow.new_page()
    title = text_block(fonts, fonts.heading, section.title, width)
    shape = table_shape(fonts, section.columns, section.rows, width, report.currency)
    chart = chart_block(fonts, section, width, report.currency)
    first_rows = shape.row_height * (2 + min(3, len(section.rows)))
    flow.add(title, keep_with=(chart.height if chart else 0) + first_rows)
    if chart is not None:
        flow.add(chart, keep_with=first_rows)
        flow.space(fonts.line(fonts.body) * 0.6)
    if not section.rows:
        note = section.note or translate("ReportPdf", "No data for this period.")
        flow.add(text_block(fonts, fonts.body, note, width, MUTED))
        flow.space(fonts.line(fonts.body))
        return
    header = header_block(fonts, shape)
    continued_text = translate("ReportPdf", "{title} (continued)").format(title=section.title)
    continued = text_block(fonts, fonts.bold, continued_text, width, MUTED)
    flow.add(header, keep_with=shape.row_height)
    count = len(section.rows)
    for index, row in enumerate(section.rows):
        left = count - index - 1  # keep the last two rows together: no lone row on a page
        keep = shape.row_height if left == 1 else 0.0
        flow.add(row_block(fonts, shape, row, index, (continued, header)), keep_with=keep)
    flow.space(fonts.line(fonts.body) * 1.2)


def _running_header(painter: QPainter, fonts: Fonts, text: str, width: float, number: int) -> None:
    if number == 1:
        return
    painter.setFont(fonts.small)
    painter.setPen(MUTED)
    metrics = fonts.metrics(fonts.small)
    painter.drawText(
        QPointF(0, metrics.ascent()), metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    )


def _footer(
    painter: QPainter,
    fonts: Fonts,
    left: str,
    width: float,
    height: float,
    number: int,
    pages: int,
) -> None:
    metrics = fonts.metrics(fonts.small)
    y = height - metrics.descent()
    painter.setFont(fonts.small)
    painter.setPen(MUTED)
    painter.drawText(
        QPointF(0, y), metrics.elidedText(left, Qt.TextElideMode.ElideRight, width * 0.6)
    )
    page = translate("ReportPdf", "Page {number} of {pages}").format(number=number, pages=pages)
    painter.drawText(QPointF(width - metrics.horizontalAdvance(page), y), page)
