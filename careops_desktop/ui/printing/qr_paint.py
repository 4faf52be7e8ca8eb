"""A QR code's modules (segno) and how to paint them with QPainter (QtGui only, no files).

``qr_matrix(text)`` gives segno's matrix as rows of booleans (True = dark), without the
quiet zone; ``qr_path(matrix, rect)`` turns it into one filled path (dark runs of a row
merged, so a PDF viewer shows no seams between modules); ``paint_qr`` fills the light
background with its quiet zone and the dark modules. The settings page's widget and the
printed poster both draw through here, so what is tested once holds for both.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from careops_desktop.ui.i18n import translate

QUIET_ZONE = 4  # modules of light margin the QR standard asks for around the symbol
MAX_TEXT = 2000  # far more than any address; segno refuses what a QR code cannot hold

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(text: str) -> Matrix:
    """The modules of a QR code for ``text`` (error correction M or better), row by row.

    Raises ``ValueError`` for empty or overlong text.
    """
    import segno

    if not text or len(text) > MAX_TEXT:
        raise ValueError(translate("QrPaint", "A QR code needs between 1 and 2,000 characters."))
    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def symbol_modules(matrix: Matrix, quiet_zone: int = QUIET_ZONE) -> int:
    """The width of the drawn symbol in modules, quiet zone included."""
    return len(matrix) + 2 * quiet_zone


def qr_path(matrix: Matrix, rect: QRectF, quiet_zone: int = QUIET_ZONE) -> QPainterPath:
    """The dark modules of ``matrix`` as one path filling the square ``rect``."""
    module = rect.width() / symbol_modules(matrix, quiet_zone)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for row_index, row in enumerate(matrix):
        top = rect.top() + (row_index + quiet_zone) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            left = rect.left() + (start + quiet_zone) * module
            path.addRect(QRectF(left, top, (column - start) * module, module))
    return path


def paint_qr(
    painter: QPainter,
    rect: QRectF,
    matrix: Matrix,
    *,
    dark: QColor | None = None,
    light: QColor | None = None,
    quiet_zone: int = QUIET_ZONE,
) -> None:
    """Paint ``matrix`` into the square ``rect``: light background and quiet zone, dark modules."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(rect, light or QColor("white"))
    painter.setBrush(dark or QColor("black"))
    painter.drawPath(qr_path(matrix, rect, quiet_zone))
    painter.restore()
