"""How a booking block looks: the provider's colour, and its status by style and mark.

A status is never told by hue alone (colour-blind users, dark mode): each has a
shape or a word as well —

- confirmed: the provider's colour, a plain border;
- arrived: a thick outline in the window's text colour and a "▶" before the name;
- completed: a "✓" before the name;
- no-show: a faded fill, a dashed border and a "⚠" before the name;
- cancelled: a pale fill, a dotted border and the name struck through.

Text on a block is black or white, whichever reads better on its fill (WCAG relative
luminance), so any colour chosen in Settings stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

STATUS_COLOURS: dict[str, tuple[str, str]] = {  # status → (fill, text) without a provider colour
    "confirmed": ("#2563eb", "#ffffff"),
    "arrived": ("#2563eb", "#ffffff"),
    "completed": ("#15803d", "#ffffff"),
    "no_show": ("#f59e0b", "#1f2937"),
    "cancelled": ("#d1d5db", "#374151"),
}
DEFAULT_COLOURS = ("#6b7280", "#ffffff")
STATUS_MARKS = {"arrived": "▶ ", "completed": "✓ ", "no_show": "⚠ "}
STATUS_LEGEND = (  # (status, words) in the legend's order
    ("confirmed", str(QT_TRANSLATE_NOOP("WeekCalendar", "Booked"))),
    ("arrived", str(QT_TRANSLATE_NOOP("WeekCalendar", "Arrived"))),
    ("completed", str(QT_TRANSLATE_NOOP("WeekCalendar", "Completed"))),
    ("no_show", str(QT_TRANSLATE_NOOP("WeekCalendar", "No-show"))),
    ("cancelled", str(QT_TRANSLATE_NOOP("WeekCalendar", "Cancelled"))),
)
DARK_TEXT, LIGHT_TEXT = "#000000", "#ffffff"  # pure: at least 4.58:1 on any fill


@dataclass(frozen=True)
class BlockLook:
    """The fill, text colour, border and marks of one block."""

    fill: QColor
    text: QColor
    border: QColor
    border_style: Qt.PenStyle
    outline: bool  # arrived: a thick outline in the window's text colour
    strike: bool  # cancelled: the name struck through


def luminance(color: QColor) -> float:
    """WCAG relative luminance of ``color`` (0 black … 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def readable_text(fill: QColor) -> QColor:
    """Black or white text, whichever contrasts more with ``fill``."""
    lum = luminance(fill)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return QColor(DARK_TEXT if on_black >= on_white else LIGHT_TEXT)


def _blend(color: QColor, toward: QColor, amount: float) -> QColor:
    """``color`` moved ``amount`` (0..1) of the way to ``toward``."""
    return QColor.fromRgbF(
        color.redF() + (toward.redF() - color.redF()) * amount,
        color.greenF() + (toward.greenF() - color.greenF()) * amount,
        color.blueF() + (toward.blueF() - color.blueF()) * amount,
    )


def block_look(status: str, color: str, background: QColor) -> BlockLook:
    """The look of a block of ``status`` in provider colour ``color`` ("" for none).

    ``background``: the calendar's base colour (light or dark), toward which pale
    and faded fills are blended.
    """
    provider = QColor(color) if color else QColor()
    if not provider.isValid():
        fill_hex, _text = STATUS_COLOURS.get(status, DEFAULT_COLOURS)
        fill = QColor(fill_hex)
    elif status == "cancelled":
        fill = _blend(provider, background, 0.72)
    elif status == "no_show":
        fill = _blend(provider, background, 0.45)
    else:
        fill = provider
    border = fill.darker(135) if background.lightness() >= 128 else fill.lighter(150)
    style = {
        "cancelled": Qt.PenStyle.DotLine,
        "no_show": Qt.PenStyle.DashLine,
    }.get(status, Qt.PenStyle.SolidLine)
    return BlockLook(
        fill=fill,
        text=readable_text(fill),
        border=border,
        border_style=style,
        outline=status == "arrived",
        strike=status == "cancelled",
    )
