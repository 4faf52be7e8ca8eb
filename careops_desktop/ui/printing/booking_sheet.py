"""One booking's details on paper: who, when, what, with whom, how to reach them, notes.

Drawn with the report writer's pieces (:mod:`.report_layout` blocks flowed onto pages,
:func:`.report_pdf.paint_pages` for the header and "Page N of M"), on a PDF writer or a
printer alike. Customer text (name, notes, reason) is drawn with ``QPainter.drawText``,
which never interprets markup; long values wrap, and notes keep their own line breaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.printing.report_layout import INK, MUTED, Block, Flow, Fonts, text_block
from careops_desktop.ui.printing.report_pdf import family, footer_height, paint_pages
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_range

STATUS_WORDS = {
    "confirmed": "Confirmed",
    "completed": "Completed",
    "no_show": "No-show",
    "cancelled": "Cancelled",
}
WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class BookingSheet:
    """What a booking's printout shows, already in words (times in the business's zone)."""

    business_name: str
    title: str
    rows: tuple[tuple[str, str], ...]
    notes: str
    printed_at: datetime


def booking_sheet(booking: BookingView, zone: ZoneInfo, business_name: str) -> BookingSheet:
    """The rows of ``booking``'s printout; blank values are left out."""
    reach = "\n".join(v for v in (booking.contact_email, booking.contact_phone) if v)
    where = "on the booking page" if booking.source == "web" else "at the desk"
    rows = [
        ("When", fmt_range(booking.start, booking.end, zone)),
        ("Status", STATUS_WORDS.get(booking.status, booking.status)),
        ("Booking type", booking.booking_type_name),
        ("With", booking.provider_name),
        ("Where", booking.location),
        ("Contact", reach),
        ("Booked", f"{fmt_datetime(booking.created_at, zone)} {where}"),
        ("Forms", "Sent" if booking.forms_sent else "Not sent"),
    ]
    if booking.status == "cancelled":
        rows.append(("Cancelled", fmt_datetime(booking.cancelled_at, zone)))
        rows.append(("Reason", booking.cancel_reason))
    return BookingSheet(
        business_name,
        booking.contact_name,
        tuple((label, value) for label, value in rows if value),
        booking.notes,
        datetime.now(zone),
    )


def booking_page_layout() -> QPageLayout:
    """A4 portrait with the reports' margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(14, 14, 14, 16),
        QPageLayout.Unit.Millimeter,
    )


def paint_booking(device: QPagedPaintDevice, sheet: BookingSheet) -> int:
    """Draw ``sheet`` on ``device`` as it is laid out now; returns the number of pages."""
    fonts = Fonts(device, family())
    width = float(device.width())
    running = fonts.line(fonts.small) * 2.0
    flow = Flow(float(device.height()) - footer_height(fonts) - running)
    if sheet.business_name:
        flow.add(text_block(fonts, fonts.small, sheet.business_name, width, MUTED))
    flow.add(text_block(fonts, fonts.title, "Booking", width))
    flow.add(_wrapped(fonts, fonts.heading, sheet.title, 0.0, width))
    flow.add(
        text_block(fonts, fonts.small, f"Printed {sheet.printed_at:%d %b %Y %H:%M}", width, MUTED)
    )
    flow.space(fonts.line(fonts.body))
    label_width = fonts.metrics(fonts.bold).horizontalAdvance("Booking type") * 1.6
    for label, value in sheet.rows:
        flow.add(_row(fonts, label, value, label_width, width))
    flow.space(fonts.line(fonts.body))
    flow.add(text_block(fonts, fonts.heading, "Notes", width), keep_with=fonts.line(fonts.body))
    paragraphs = sheet.notes.splitlines() if sheet.notes.strip() else ["No notes."]
    for paragraph in paragraphs:
        flow.add(_wrapped(fonts, fonts.body, paragraph or " ", 0.0, width))
    footer = f"Booking · {sheet.title}"
    return paint_pages(device, fonts, flow, f"{sheet.business_name} — {footer}", footer)


def _wrapped(fonts: Fonts, font: QFont, text: str, x: float, width: float) -> Block:
    """``text`` wrapped at word boundaries into ``width`` from ``x``, drawn as plain text."""
    metrics = fonts.metrics(font)
    height = metrics.boundingRect(QRectF(0, 0, width - x, 1e6), WRAP, text).height()
    height = max(height, metrics.height()) + metrics.height() * 0.25

    def draw(painter: QPainter, y: float) -> None:
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(QRectF(x, y, width - x, height), WRAP, text)

    return Block(height, draw)


def _row(fonts: Fonts, label: str, value: str, label_width: float, width: float) -> Block:
    """A bold label and its (wrapped) value beside it."""
    value_block = _wrapped(fonts, fonts.body, value, label_width, width)
    height = max(value_block.height, fonts.line(fonts.bold)) + fonts.line(fonts.body) * 0.3

    def draw(painter: QPainter, y: float) -> None:
        painter.setFont(fonts.bold)
        painter.setPen(MUTED)
        painter.drawText(QRectF(0, y, label_width, height), WRAP, label)
        value_block.draw(painter, y)

    return Block(height, draw)
