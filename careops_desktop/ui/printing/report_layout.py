"""Page layout for the PDF writer: blocks of known height flowed onto pages.

Everything is measured first (so the writer knows the page count before it
draws "Page N of M"), then painted. A block that does not fit starts a new
page; rows of a table carry their header, which is repeated at the top of
each page the table continues on. This module uses QtGui only (no widgets).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen

from careops_desktop.core.services.reports import Column
from careops_desktop.exports.formatting import display_text, is_numeric

DrawFn = Callable[[QPainter, float], None]
GRID = QColor("#d1d5db")
HEADER_BAND = QColor("#e0e7ff")
ZEBRA = QColor("#f8fafc")
INK = QColor("#111827")
MUTED = QColor("#6b7280")


@dataclass
class Block:
    """Something to draw at a given top ``y``, ``height`` tall, across the content width."""

    height: float
    draw: DrawFn
    repeat: Sequence[Block] = ()  # drawn first when this block opens a new page


@dataclass
class Flow:
    """Blocks placed onto pages of ``page_height``."""

    page_height: float
    pages: list[list[tuple[Block, float]]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def add(self, block: Block, keep_with: float = 0.0) -> None:
        """Place ``block``; start a new page first unless it (and ``keep_with`` more) fits."""
        if self.y > 0 and self.y + block.height + keep_with > self.page_height:
            self.new_page()
            for extra in block.repeat:
                self._place(extra)
        self._place(block)

    def space(self, height: float) -> None:
        if self.y > 0:
            self.y = min(self.page_height, self.y + height)

    def _place(self, block: Block) -> None:
        self.pages[-1].append((block, self.y))
        self.y += block.height


class Fonts:
    """The fonts of the document, sized for the paint device."""

    def __init__(self, device: QPaintDevice, family: str = "") -> None:
        self.device = device
        self.body = self._font(family, 8.5)
        self.bold = self._font(family, 8.5, bold=True)
        self.small = self._font(family, 7.5)
        self.heading = self._font(family, 12, bold=True)
        self.title = self._font(family, 18, bold=True)
        self.figure = self._font(family, 14, bold=True)

    def _font(self, family: str, points: float, *, bold: bool = False) -> QFont:
        font = QFont(family) if family else QFont()
        font.setPointSizeF(points)
        font.setBold(bold)
        # no ligatures: text copied (or extracted) from the PDF reads "fi", not "ﬁ"
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def line(self, font: QFont) -> float:
        return self.metrics(font).height()


def text_block(fonts: Fonts, font: QFont, text: str, width: float, color: QColor = INK) -> Block:
    """One line of text (elided to ``width``)."""
    metrics = fonts.metrics(font)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    height = metrics.height() * 1.25

    def draw(painter: QPainter, y: float) -> None:
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(QRectF(0, y, width, height), Qt.AlignmentFlag.AlignVCenter, shown)

    return Block(height, draw)


@dataclass(frozen=True)
class TableShape:
    columns: Sequence[Column]
    widths: Sequence[float]
    row_height: float
    currency: str


def table_shape(
    fonts: Fonts,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    width: float,
    currency: str,
) -> TableShape:
    """Column widths from the header and a sample of values, fitted to ``width``."""
    body, bold = fonts.metrics(fonts.body), fonts.metrics(fonts.bold)
    pad = body.averageCharWidth() * 2.4  # more than the two cell paddings of _cells
    natural = []
    for index, column in enumerate(columns):
        longest = bold.horizontalAdvance(column.title)
        for row in rows[:300]:
            text = display_text(row[index], column.kind, currency)
            longest = max(longest, body.horizontalAdvance(text))
        natural.append(longest + pad)
    total = sum(natural)
    if total > width:  # shrink the wide text columns first, keep numbers readable
        fixed = sum(w for w, c in zip(natural, columns, strict=True) if is_numeric(c.kind))
        flexible = total - fixed
        room = max(width - fixed, width * 0.3)
        scale = room / flexible if flexible else width / total
        widths = [
            w if is_numeric(c.kind) else w * scale for w, c in zip(natural, columns, strict=True)
        ]
        if sum(widths) > width:
            widths = [w * width / sum(widths) for w in widths]
    else:  # text columns take the spare width (up to 2.5 times their own), numbers the rest
        text_width = sum(w for w, c in zip(natural, columns, strict=True) if not is_numeric(c.kind))
        grow = min(1.5, (width - total) / text_width) if text_width else 0.0
        widths = [
            w if is_numeric(c.kind) else w * (1 + grow)
            for w, c in zip(natural, columns, strict=True)
        ]
        numbers = [i for i, c in enumerate(columns) if is_numeric(c.kind)]
        takers = numbers or list(range(len(columns)))
        spare = (width - sum(widths)) / len(takers)
        widths = [w + spare if i in takers else w for i, w in enumerate(widths)]
    return TableShape(columns, widths, body.height() * 1.55, currency)


def header_block(fonts: Fonts, shape: TableShape) -> Block:
    """The table's header row: bold titles on a tinted band."""

    def draw(painter: QPainter, y: float) -> None:
        width = sum(shape.widths)
        painter.fillRect(QRectF(0, y, width, shape.row_height), HEADER_BAND)
        painter.setFont(fonts.bold)
        painter.setPen(INK)
        _cells(painter, fonts, shape, y, [c.title for c in shape.columns], header=True)

    return Block(shape.row_height, draw)


def row_block(
    fonts: Fonts, shape: TableShape, values: Sequence[object], index: int, repeat: Sequence[Block]
) -> Block:
    """One data row (striped every other row); ``repeat`` goes on top of a new page."""
    texts = [
        display_text(v, c.kind, shape.currency) for v, c in zip(values, shape.columns, strict=True)
    ]

    def draw(painter: QPainter, y: float) -> None:
        width = sum(shape.widths)
        if index % 2:
            painter.fillRect(QRectF(0, y, width, shape.row_height), ZEBRA)
        painter.setPen(QPen(GRID, 0))
        painter.drawLine(0, int(y + shape.row_height), int(width), int(y + shape.row_height))
        painter.setFont(fonts.body)
        painter.setPen(INK)
        _cells(painter, fonts, shape, y, texts, header=False)

    return Block(shape.row_height, draw, repeat)


def _cells(
    painter: QPainter,
    fonts: Fonts,
    shape: TableShape,
    y: float,
    texts: Sequence[str],
    *,
    header: bool,
) -> None:
    metrics = fonts.metrics(fonts.bold if header else fonts.body)
    pad = fonts.metrics(fonts.body).averageCharWidth() * 0.8
    x = 0.0
    for text, width, column in zip(texts, shape.widths, shape.columns, strict=True):
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width - 2 * pad))
        align = (
            Qt.AlignmentFlag.AlignRight if is_numeric(column.kind) else Qt.AlignmentFlag.AlignLeft
        )
        rect = QRectF(x + pad, y, width - 2 * pad, shape.row_height)
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)
        x += width
