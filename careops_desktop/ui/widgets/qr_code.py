"""A QR code widget: segno's matrix painted with QPainter (no image files, no temp files).

``QrCodeWidget(text)`` draws the code square and crisp (a whole number of pixels per
module, centred, on white with the quiet zone, also in a dark theme, so phones can read
it). ``module_rect(row, column)`` says where a module was drawn (tests sample it).
Text that cannot be a QR code (empty, overlong) draws nothing and sets ``error``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from careops_desktop.ui.plain import safe_tooltip
from careops_desktop.ui.printing.qr_paint import (
    QUIET_ZONE,
    Matrix,
    paint_qr,
    qr_matrix,
    symbol_modules,
)

DEFAULT_SIDE = 168


class QrCodeWidget(QWidget):
    """A square QR code of ``text``; ``side`` is its preferred size in pixels."""

    def __init__(self, text: str = "", side: int = DEFAULT_SIDE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._side = side
        self.text = ""
        self.matrix: Matrix = ()
        self.error = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(side, side)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Show the code of ``text`` (an address); nothing when it cannot be encoded."""
        self.text = text
        try:
            self.matrix = qr_matrix(text) if text else ()
            self.error = ""
        except ValueError as exc:
            self.matrix, self.error = (), str(exc)
        described = self.tr("QR code of {text}").format(text=text)
        self.setToolTip(safe_tooltip(described if self.matrix else self.error))
        self.setAccessibleName(described if self.matrix else self.tr("No QR code"))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def symbol_rect(self) -> QRect:
        """The square the symbol (quiet zone included) is painted in, in widget pixels."""
        if not self.matrix:
            return QRect()
        modules = symbol_modules(self.matrix)
        module = max(1, min(self.width(), self.height()) // modules)
        side = module * modules
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def module_rect(self, row: int, column: int) -> QRect:
        """Where module (``row``, ``column``) of the matrix is painted."""
        symbol = self.symbol_rect()
        module = symbol.width() // symbol_modules(self.matrix)
        return QRect(
            symbol.left() + (column + QUIET_ZONE) * module,
            symbol.top() + (row + QUIET_ZONE) * module,
            module,
            module,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.matrix:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        paint_qr(
            painter,
            QRectF(self.symbol_rect()),
            self.matrix,
            dark=QColor(Qt.GlobalColor.black),
            light=QColor(Qt.GlobalColor.white),
        )
        painter.end()
