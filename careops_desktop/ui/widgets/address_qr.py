"""The booking page's address with its QR code: a row for Settings, a popup for the status bar.

:class:`AddressRow` shows one address (its QR code, the address as selectable plain text,
**Copy address** and optionally **Print poster…**). The status bar gets a "QR code"
button (:class:`BookingPageButton`, placed by ``MainWindow.place_booking_page_button``)
whose :class:`BookingPagePopup` shows every address with its code, for a customer at the
desk to scan. The button knows nothing of the window: it emits ``openSettings``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.ui.plain import plain_label, safe_tooltip, set_plain
from careops_desktop.ui.printing.qr_paint import paint_qr, qr_matrix
from careops_desktop.ui.widgets.qr_code import QrCodeWidget


class AddressRow(QWidget):
    """One address: its QR code, the address as selectable text, Copy (and Print poster…)."""

    posterRequested = Signal(str)

    def __init__(self, url: str, *, poster: bool = True, side: int = 168) -> None:
        super().__init__()
        self.url = url
        self.setObjectName("bookingPageAddress")
        self.qr = QrCodeWidget(url, side)
        self.address = plain_label(url)
        self.address.setObjectName("bookingPageUrl")
        font = self.address.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.address.setFont(font)
        self.copy_button = QPushButton(self.tr("Copy address"))
        self.copy_button.setObjectName("copyAddressButton")
        self.copy_button.clicked.connect(self.copy)
        self.poster_button = QPushButton(self.tr("Print poster…"))
        self.poster_button.setObjectName("printPosterButton")
        self.poster_button.setVisible(poster)
        self.poster_button.clicked.connect(lambda: self.posterRequested.emit(self.url))
        self.copied = plain_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.poster_button)
        buttons.addWidget(self.copied)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.address)
        column.addLayout(buttons)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.qr)
        row.addSpacing(12)
        row.addLayout(column, 1)

    def copy(self) -> None:
        """Put the address on the clipboard."""
        QGuiApplication.clipboard().setText(self.url)
        set_plain(self.copied, self.tr("Copied."))


class BookingPagePopup(QFrame):
    """The status bar's popup: each address with its QR code and Copy, and a Settings link."""

    openSettings = Signal()

    def __init__(self, urls: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("bookingPagePopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        title = plain_label(self.tr("Customers book at"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.rows = [AddressRow(url, poster=False, side=140) for url in urls]
        for row in self.rows:
            layout.addWidget(row)
        self.settings_button = QPushButton(self.tr("Booking page settings and poster…"))
        self.settings_button.setObjectName("bookingPageSettingsButton")
        self.settings_button.clicked.connect(self.openSettings.emit)
        self.settings_button.clicked.connect(self.close)
        layout.addWidget(self.settings_button)


def qr_icon(url: str, side: int = 64) -> QIcon:
    """A small picture of the QR code of ``url`` (for the status bar button)."""
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    try:
        paint_qr(painter, QRectF(0, 0, side, side), qr_matrix(url), quiet_zone=1)
    finally:
        painter.end()
    return QIcon(pixmap)


class BookingPageButton(QToolButton):
    """The status bar's "QR" button: shows :class:`BookingPagePopup` above itself.

    ``openSettings`` is emitted when the popup's settings button is pressed (shown only
    when ``can_open_settings``); whoever places the button decides what that opens.
    """

    openSettings = Signal()

    def __init__(
        self, urls: list[str], *, can_open_settings: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.urls = list(urls)
        self.can_open_settings = can_open_settings
        self.popup: BookingPagePopup | None = None
        self.setObjectName("bookingPageQrButton")
        self.setIcon(qr_icon(self.urls[0]))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setAccessibleName(self.tr("Show the booking page's QR code"))
        self.setAutoRaise(True)
        self.setToolTip(safe_tooltip(self.tr("Show the booking page's QR code")))
        self.clicked.connect(self.show_popup)

    def show_popup(self) -> BookingPagePopup:
        popup = BookingPagePopup(self.urls, self)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.settings_button.setVisible(self.can_open_settings)
        popup.openSettings.connect(self.openSettings.emit)
        popup.adjustSize()
        corner = self.mapToGlobal(QPoint(self.width(), 0))
        popup.move(corner.x() - popup.width(), corner.y() - popup.height() - 4)
        popup.show()
        self.popup = popup
        return popup
