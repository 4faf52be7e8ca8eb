"""The Bookings tab's printing: the day sheet (all providers or one) and one booking.

Each fetches what it prints on the database worker, then opens the print preview
(:func:`careops_desktop.ui.printing.print_jobs.open_preview`), from which the system
print dialog prints it. ``on_open`` receives the preview (the tab keeps it for tests).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import reports
from careops_desktop.core.services.bookings import BookingView
from careops_desktop.core.services.business import BusinessProfile, get_profile
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.printing.booking_sheet import booking_sheet
from careops_desktop.ui.printing.print_jobs import (
    PrintPreview,
    booking_job,
    open_preview,
    report_job,
)

OnOpen = Callable[[PrintPreview], None]


def may_print_day_sheet(actor: Actor) -> bool:
    """Who may print the day sheet (the core checks the same: ``DAY_SHEET_READERS``)."""
    return any(actor.can(p) for p in reports.DAY_SHEET_READERS)


def print_day_sheet(
    ops: Ops,
    actor: Actor,
    parent: QWidget,
    day: date,
    zone: ZoneInfo,
    provider_id: int | None,
    on_open: OnOpen,
) -> None:
    """Preview the day sheet of ``day`` for ``provider_id`` (None: every provider)."""
    ops.query(
        reports.day_sheet,
        actor,
        day,
        day,
        zone.key,
        provider_id=provider_id,
        on_done=lambda report: on_open(open_preview(report_job(report), parent)),
        owner=parent,
    )


def print_booking(
    ops: Ops, parent: QWidget, booking: BookingView, zone: ZoneInfo, on_open: OnOpen
) -> None:
    """Preview ``booking``'s details (headed with the business's name)."""

    def got(profile: BusinessProfile) -> None:
        sheet = booking_sheet(booking, zone, profile.name)
        on_open(open_preview(booking_job(sheet), parent))

    ops.query(get_profile, on_done=got, owner=parent)
