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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.printing.report_layout import INK, MUTED, Block, Flow, Fonts, text_block
from careops_desktop.ui.printing.report_pdf import family, footer_height, paint_pages
from careops_desktop.ui.widgets.local_time import UTC_ZONE, fmt_datetime, fmt_range

STATUS_WORDS = {  # translated where printed (context "BookingSheet")
    "confirmed": str(QT_TRANSLATE_NOOP("BookingSheet", "Confirmed")),
    "arrived": str(QT_TRANSLATE_NOOP("BookingSheet", "Arrived")),
    "completed": str(QT_TRANSLATE_NOOP("BookingSheet", "Completed")),
    "no_show": str(QT_TRANSLATE_NOOP("BookingSheet", "No-show")),
    "cancelled": str(QT_TRANSLATE_NOOP("BookingSheet", "Cancelled")),
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

    @property
    def zone(self) -> ZoneInfo:
        """The zone the sheet was printed in (its ``printed_at``'s)."""
        found = self.printed_at.tzinfo
        return found if isinstance(found, ZoneInfo) else UTC_ZONE


def booking_sheet(booking: BookingView, zone: ZoneInfo, business_name: str) -> BookingSheet:
    """The rows of ``booking``'s printout; blank values are left out."""
    reach = "\n".join(v for v in (booking.contact_email, booking.contact_phone) if v)
    booked = fmt_datetime(booking.created_at, zone)
    if booking.source == "web":
        where = translate("BookingSheet", "{when} on the booking page").format(when=booked)
    else:
        where = translate("BookingSheet", "{when} at the desk").format(when=booked)
    status = STATUS_WORDS.get(booking.status)
    rows = [
        (translate("BookingSheet", "When"), fmt_range(booking.start, booking.end, zone)),
        (
            translate("BookingSheet", "Status"),
            translate("BookingSheet", status) if status else booking.status,
        ),
        (translate("BookingSheet", "Booking type"), booking.booking_type_name),
        (translate("BookingSheet", "With"), booking.provider_name),
        (translate("BookingSheet", "Where"), booking.location),
        (translate("BookingSheet", "Contact"), reach),
        (translate("BookingSheet", "Booked"), where),
        (
            translate("BookingSheet", "Forms"),
            translate("BookingSheet", "Sent")
            if booking.forms_sent
            else translate("BookingSheet", "Not sent"),
        ),
    ]
    if booking.status == "cancelled":
        rows.append(
            (translate("BookingSheet", "Cancelled"), fmt_datetime(booking.cancelled_at, zone))
        )
        rows.append((translate("BookingSheet", "Reason"), booking.cancel_reason))
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
    flow.add(text_block(fonts, fonts.title, translate("BookingSheet", "Booking"), width))
    flow.add(_wrapped(fonts, fonts.heading, sheet.title, 0.0, width))
    printed = translate("BookingSheet", "Printed {when}").format(
        when=fmt_datetime(sheet.printed_at, sheet.zone)
    )
    flow.add(text_block(fonts, fonts.small, printed, width, MUTED))
    flow.space(fonts.line(fonts.body))
    bold = fonts.metrics(fonts.bold)  # the widest label sets the column (German is longer)
    widest = max((bold.horizontalAdvance(label) for label, _v in sheet.rows), default=0)
    label_width = min(max(widest * 1.15, bold.horizontalAdvance("Booking type") * 1.6), width / 3)
    for label, value in sheet.rows:
        flow.add(_row(fonts, label, value, label_width, width))
    flow.space(fonts.line(fonts.body))
    flow.add(
        text_block(fonts, fonts.heading, translate("BookingSheet", "Notes"), width),
        keep_with=fonts.line(fonts.body),
    )
    paragraphs = (
        sheet.notes.splitlines()
        if sheet.notes.strip()
        else [translate("BookingSheet", "No notes.")]
    )
    for paragraph in paragraphs:
        flow.add(_wrapped(fonts, fonts.body, paragraph or " ", 0.0, width))
    footer = translate("BookingSheet", "Booking · {name}").format(name=sheet.title)
    running_text = translate("BookingSheet", "{business} — {footer}").format(
        business=sheet.business_name, footer=footer
    )
    return paint_pages(device, fonts, flow, running_text, footer)


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
