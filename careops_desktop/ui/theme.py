"""The look: Fusion, a palette that follows the system's light or dark scheme, a small sheet."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from careops_desktop.config import resource_path

log = logging.getLogger(__name__)

STYLESHEET = ("styles", "careops.qss")


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion."""
    palette = QPalette()
    window, base, text = QColor("#202225"), QColor("#17181a"), QColor("#e6e6e6")
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#25272a"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2b2d31"))
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, QColor("#2b2d31"))
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3b82f6"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#7aa7ff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9a9ca0"))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#3a3d42"))
    palette.setColor(QPalette.ColorRole.Midlight, QColor("#303337"))
    disabled = QColor("#7a7c80")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication) -> None:
    """Fusion style, the scheme's palette and the sheet; follows later scheme changes."""
    app.setStyle("Fusion")
    app.setProperty("careopsStyle", "fusion")
    _apply_palette(app)
    try:
        sheet = resource_path(*STYLESHEET).read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet %s not found; using plain Fusion", "/".join(STYLESHEET))
        sheet = ""
    app.setStyleSheet(sheet)
    if not app.property("careopsThemeHooked"):
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda *_: _apply_palette(app))
        app.setProperty("careopsThemeHooked", True)


def palette_for(scheme: Qt.ColorScheme, app: QApplication) -> QPalette:
    """The palette for a colour scheme: the dark one for Dark, Fusion's own otherwise."""
    return dark_palette() if scheme == Qt.ColorScheme.Dark else app.style().standardPalette()


def _apply_palette(app: QApplication) -> None:
    app.setPalette(palette_for(QGuiApplication.styleHints().colorScheme(), app))
