"""The reception-desk poster: one A4 page with the business name, a QR code and the address.

Drawn with Qt's own PDF writer (QPdfWriter + QPainter; QtGui only, no widgets) like the
report PDFs. Every text is drawn as plain text (``QPainter.drawText`` never reads markup),
so a business name such as ``<b>Bold</b> & Co`` prints exactly as typed. A long name is
set smaller and wrapped to at most three lines, then shortened with "…"; the page never
becomes two.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from careops_desktop.ui.i18n import translate
from careops_desktop.ui.printing.qr_paint import paint_qr, qr_matrix
from careops_desktop.ui.printing.report_pdf import PREFERRED_FAMILIES, ensure_gui_application

RESOLUTION = 300
MARGIN_MM = 18.0
INK = QColor("#0f172a")
MUTED = QColor("#475569")
ACCENT = QColor("#2563eb")
NAME_SIZES = (44, 38, 32, 27, 23, 20)  # points, tried in turn until the name fits
NAME_LINES = 3
URL_SIZES = (26, 22, 18, 15, 12)
HEADLINE = str(QT_TRANSLATE_NOOP("Poster", "Book your next appointment online"))
HOW_TO = str(
    QT_TRANSLATE_NOOP("Poster", "Scan the code with your phone's camera, or type this address:")
)
WIFI_HINT = str(QT_TRANSLATE_NOOP("Poster", "Your phone must be on our Wi-Fi."))


@dataclass(frozen=True)
class Poster:
    """What the poster says; ``url`` is the booking page's address for the QR code."""

    business_name: str
    url: str
    address: str = ""
    phone: str = ""
    headline: str = ""  # "": the shipped headline, in the window's language


@dataclass(frozen=True)
class PosterLayout:
    """Where things were drawn, in points from the page's top left (for tests)."""

    page: QRectF
    name: QRectF
    qr: QRectF
    url: QRectF
    name_text: str
    name_points: int


def _family() -> str:
    available = set(QFontDatabase.families())
    return next((name for name in PREFERRED_FAMILIES if name in available), "")


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(_family())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _px(points: float) -> float:
    return points * RESOLUTION / 72.0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def fit_name(name: str, width: float, device: QPaintDevice) -> tuple[str, QFont]:
    """The name (on one line of words) and the largest font that sets it in three lines.

    ``width`` is in ``device`` pixels; fonts are measured on ``device``.
    """
    text = _one_line(name) or translate("Poster", "Our booking page")
    flags = int(Qt.TextFlag.TextWordWrap)
    for points in NAME_SIZES:
        font = _font(points, bold=True)
        metrics = QFontMetricsF(font, device)
        needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
        if needed.height() <= metrics.lineSpacing() * NAME_LINES + 1 and needed.width() <= width:
            return text, font
    font = _font(NAME_SIZES[-1], bold=True)
    metrics = QFontMetricsF(font, device)
    limit = metrics.lineSpacing() * NAME_LINES + 1
    while len(text) > 1:
        text = text[:-1].rstrip()
        candidate = text + "…"
        needed = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, candidate)
        if needed.height() <= limit and needed.width() <= width:
            return candidate, font
    return "…", font


def _fit_line(
    text: str, width: float, sizes: tuple[int, ...], device: QPaintDevice
) -> tuple[str, QFont]:
    for points in sizes:
        font = _font(points, bold=True)
        if QFontMetricsF(font, device).horizontalAdvance(text) <= width:
            return text, font
    font = _font(sizes[-1], bold=True)
    elided = QFontMetricsF(font, device).elidedText(text, Qt.TextElideMode.ElideMiddle, width)
    return elided, font


def _draw(
    painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor, wrap: bool = True
) -> QRectF:
    """Draw ``text`` centred at the top of ``rect``; returns the rectangle it took."""
    painter.setFont(font)
    painter.setPen(colour)
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    if wrap:
        flags |= int(Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(rect, flags, text)
    painter.drawText(rect, flags, text)
    return QRectF(rect.left(), rect.top(), rect.width(), used.height())


def write_poster_pdf(path: Path, poster: Poster) -> PosterLayout:
    """Draw ``poster`` on one A4 page into the PDF file ``path``; returns where things went.

    Raises ``ValueError`` when the URL cannot be a QR code (empty or overlong).
    """
    matrix = qr_matrix(poster.url)
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(
        translate("Poster", "Booking page — {business}").format(
            business=_one_line(poster.business_name)
        )
    )
    writer.setCreator("CareOps Desktop")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    try:
        return _draw_poster(painter, writer, poster, matrix)
    finally:
        painter.end()


def _draw_poster(
    painter: QPainter, writer: QPdfWriter, poster: Poster, matrix: tuple[tuple[bool, ...], ...]
) -> PosterLayout:
    page = QRectF(0, 0, writer.width(), writer.height())
    width = page.width()
    y = 0.0
    band = QRectF(0, y, width, _px(6))
    painter.fillRect(band, ACCENT)
    y += band.height() + _px(22)

    name_text, name_font = fit_name(poster.business_name, width, writer)
    name_rect = _draw(painter, QRectF(0, y, width, page.height()), name_text, name_font, INK)
    y += name_rect.height() + _px(10)
    headline = _one_line(poster.headline) or translate("Poster", HEADLINE)
    y += _draw(painter, QRectF(0, y, width, page.height()), headline, _font(20), MUTED).height()
    y += _px(22)

    footer_lines = [line.strip() for line in poster.address.splitlines() if line.strip()][:4]
    if poster.phone.strip():
        footer_lines.append(
            translate("Poster", "Phone: {number}").format(number=_one_line(poster.phone))
        )
    footer_font = _font(13)
    footer_height = QFontMetricsF(footer_font, writer).lineSpacing() * max(1, len(footer_lines))
    url_text, url_font = _fit_line(_one_line(poster.url), width, URL_SIZES, writer)
    hint_line = QFontMetricsF(_font(14), writer).lineSpacing()
    below_qr = (
        _px(16)  # gap
        + hint_line * 2
        + _px(10)
        + QFontMetricsF(url_font, writer).lineSpacing()
        + _px(8)
        + hint_line
    )
    space = page.height() - y - below_qr - footer_height - _px(40)
    side = max(_px(120), min(width * 0.66, space))
    qr_rect = QRectF((width - side) / 2, y, side, side)
    paint_qr(painter, qr_rect, matrix)
    y += side + _px(16)

    how_to = translate("Poster", HOW_TO)
    y += _draw(painter, QRectF(0, y, width, page.height()), how_to, _font(14), MUTED).height()
    y += _px(10)
    url_rect = _draw(
        painter, QRectF(0, y, width, page.height()), url_text, url_font, ACCENT, wrap=False
    )
    y += url_rect.height() + _px(8)
    wifi_hint = translate("Poster", WIFI_HINT)
    _draw(painter, QRectF(0, y, width, page.height()), wifi_hint, _font(14), MUTED)

    if footer_lines:
        top = page.height() - footer_height
        painter.setPen(QPen(QColor("#cbd5e1"), _px(0.8)))
        painter.drawLine(int(width * 0.2), int(top - _px(12)), int(width * 0.8), int(top - _px(12)))
        _draw(
            painter,
            QRectF(0, top, width, footer_height + _px(4)),
            "\n".join(footer_lines),
            footer_font,
            MUTED,
            wrap=False,
        )
    scale = 72.0 / RESOLUTION
    return PosterLayout(
        page=_points(page, scale),
        name=_points(name_rect, scale),
        qr=_points(qr_rect, scale),
        url=_points(url_rect, scale),
        name_text=name_text,
        name_points=int(name_font.pointSize()),
    )


def _points(rect: QRectF, scale: float) -> QRectF:
    """A rectangle of device pixels in points, measured from the page's edge (margins added)."""
    margin = MARGIN_MM * 72.0 / 25.4
    return QRectF(
        rect.left() * scale + margin,
        rect.top() * scale + margin,
        rect.width() * scale,
        rect.height() * scale,
    )
