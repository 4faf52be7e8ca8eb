#!/usr/bin/env python3
"""Draw the app icon and write it in the formats the installers need.

    QT_QPA_PLATFORM=offscreen python scripts/make-icons.py

Writes ``resources/icons/careops.png`` (256 px: the window icon and the Linux desktop
entry), ``careops.ico`` (Windows: the programs and the installer) and ``careops.icns``
(macOS: the .app). Qt's own image plugins write all three; run it again after changing
the drawing and commit the files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    """A rounded teal square holding a white calendar page with a check mark."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("#0f766e")))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    p.setBrush(QBrush(QColor("#ffffff")))
    p.drawRoundedRect(QRectF(52 * s, 64 * s, 152 * s, 136 * s), 16 * s, 16 * s)
    p.setBrush(QBrush(QColor("#99f6e4")))
    p.drawRoundedRect(QRectF(52 * s, 64 * s, 152 * s, 36 * s), 16 * s, 16 * s)
    p.drawRect(QRectF(52 * s, 84 * s, 152 * s, 16 * s))
    p.setBrush(QBrush(QColor("#134e4a")))
    for x in (84, 156):
        p.drawRoundedRect(QRectF((x - 6) * s, 48 * s, 12 * s, 36 * s), 6 * s, 6 * s)
    pen = QPen(QColor("#0f766e"), 18 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.drawPolyline([QPointF(90 * s, 150 * s), QPointF(118 * s, 176 * s), QPointF(168 * s, 120 * s)])
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw(256)
    for name, fmt in (("careops.png", "PNG"), ("careops.ico", "ICO"), ("careops.icns", "ICNS")):
        if not image.save(str(OUT / name), fmt):
            raise SystemExit(f"Qt could not write {name} ({fmt})")
        print(OUT / name, (OUT / name).stat().st_size, "bytes")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
