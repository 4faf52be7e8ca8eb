"""Outside-calendar busy time in the Bookings tab: greyed blocks, and "book anyway?" at the desk.

- :func:`busy_for_week` / :func:`busy_for_day` turn the providers' external busy
  periods into the week calendar's :class:`BusyBlock` values (local wall-clock,
  split at local midnights), labelled with the calendar's name only.
- :func:`desk_slots_for_day` is the desk dialog's slot list: external busy time
  does not hide a start there (staff may know the private event can move), but
  such a start is labelled "busy in <calendar>".
- :func:`confirm_then` asks before a desk booking that overlaps external busy time
  is made, instead of silently double-booking the person.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import BookingType
from careops_desktop.core.services import calendar, slots
from careops_desktop.core.services.calendar import ExternalBlock
from careops_desktop.core.services.slots import DaySlots
from careops_desktop.ui import off_thread
from careops_desktop.ui.bookings.blocked_time import desk_blocked_labels
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import safe_tooltip
from careops_desktop.ui.widgets.calendar_data import BusyBlock

if TYPE_CHECKING:
    from careops_desktop.ui.runtime_link import RuntimeLink


def _pieces(block: ExternalBlock, zone: ZoneInfo) -> list[tuple[date, datetime, datetime]]:
    """The block cut at local midnights: (day, local start, local end), naive wall-clock."""
    start = block.start.astimezone(zone).replace(tzinfo=None)
    end = block.end.astimezone(zone).replace(tzinfo=None)
    found = []
    while start < end:
        midnight = datetime.combine(start.date() + timedelta(days=1), time(0))
        found.append((start.date(), start, min(end, midnight)))
        start = midnight
    return found


def busy_for_week(
    blocks: Iterable[ExternalBlock], zone: ZoneInfo, names: dict[int, str] | None = None
) -> list[BusyBlock]:
    """Blocks for day columns keyed ``YYYY-MM-DD``; with ``names``, the provider is named."""
    found = []
    for block in blocks:
        label = block.calendar_name
        if names:
            label = translate("OutsideBusy", "{calendar} · {provider}").format(
                calendar=label, provider=names.get(block.provider_id, "")
            )
        for day, start, end in _pieces(block, zone):
            found.append(BusyBlock(day.isoformat(), start, end, label))
    return found


def busy_for_day(blocks: Iterable[ExternalBlock], zone: ZoneInfo, day: date) -> list[BusyBlock]:
    """Blocks for provider columns keyed ``p<id>`` on ``day``."""
    return [
        BusyBlock(f"p{block.provider_id}", start, end, block.calendar_name)
        for block in blocks
        for piece_day, start, end in _pieces(block, zone)
        if piece_day == day
    ]


@read_only
def desk_slots_for_day(
    session: Session,
    booking_type_id: int,
    day: date,
    provider_id: int | None = None,
    *,
    exclude_booking_id: int | None = None,
) -> DaySlots:
    """The desk's free starts: outside-calendar busy time and blocked time (lunch) label a
    start instead of hiding it.

    ``exclude_booking_id``: the booking being moved, whose own time counts as free.
    """
    found = slots.slots_for_day(
        session,
        booking_type_id,
        day,
        provider_id,
        with_external_busy=False,
        exclude_booking_id=exclude_booking_id,
        with_blocks=False,
    )
    found = desk_blocked_labels(session, found, booking_type_id)
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None or not found.slots:
        return found
    length = timedelta(minutes=booking_type.duration_minutes)
    ids = sorted({s.provider_id for s in found.slots})
    span = (found.slots[0].start_utc, found.slots[-1].start_utc + length)
    blocks = calendar.external_blocks(session, ids, *span)
    marked = []
    for slot in found.slots:
        end = slot.start_utc + length
        hits = _names(
            b
            for b in blocks
            if b.provider_id == slot.provider_id and b.start < end and b.end > slot.start_utc
        )
        label = slot.start_local_label
        if hits:
            label = translate("OutsideBusy", "{time} — busy in {calendars}").format(
                time=label, calendars=hits
            )
        marked.append(dataclasses.replace(slot, start_local_label=label))
    return dataclasses.replace(found, slots=tuple(marked))


@read_only
def clashes_for(
    session: Session, booking_type_id: int, provider_id: int, start: datetime
) -> list[ExternalBlock]:
    """Outside busy periods that a booking of this type at ``start`` would overlap."""
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        return []
    end = start + timedelta(minutes=booking_type.duration_minutes)
    return list(calendar.overlapping_blocks(session, provider_id, start, end))


def _names(blocks: Iterable[ExternalBlock]) -> str:
    return ", ".join(dict.fromkeys(b.calendar_name for b in blocks))


def confirm_then(
    parent: QWidget,
    ops: Ops,
    booking_type_id: int,
    provider_id: int,
    start: datetime,
    book: Callable[[], None],
) -> None:
    """Call ``book()`` at once, or after "Book anyway" when the time is busy elsewhere."""

    def checked(found: Sequence[ExternalBlock]) -> None:
        if not found:
            book()
            return
        box = QMessageBox(parent)
        box.setObjectName("externalBusyConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("OutsideBusy", "Busy in another calendar"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            translate(
                "OutsideBusy",
                "This time is busy in {calendars}. Book anyway? The person may be double-booked.",
            ).format(calendars=_names(found))
        )
        yes = box.addButton(
            translate("OutsideBusy", "Book anyway"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            translate("OutsideBusy", "Choose another time"), QMessageBox.ButtonRole.RejectRole
        )
        box.finished.connect(lambda _r: book() if box.clickedButton() is yes else None)
        box.open()

    ops.query(
        clashes_for,
        booking_type_id,
        provider_id,
        start,
        on_done=checked,
        on_error=lambda _exc: book(),
        owner=parent,
    )


CALENDAR_JOB = "calendar_sync"
NO_RUNTIME_TEXT = QT_TRANSLATE_NOOP(  # translated where shown (context "SyncNowButton")
    "SyncNowButton",
    "Calendars are synced by the booking page's jobs, which do not run in this window.",
)


class SyncNowButton(QPushButton):
    """The Bookings tab's "Sync calendars": send waiting changes, read every calendar now.

    Starts the runtime's ``calendar_sync`` job at once (``RuntimeLink.run_job_once``, on
    the runtime's loop, with the one ``CalendarSync`` its scheduled passes share) and
    awaits its report, so the window never waits; the outcome goes to the status bar.
    ``runtime_link``: returns the window's link (None when this window runs no runtime).
    """

    def __init__(
        self,
        ops: Ops,
        runtime_link: Callable[[], RuntimeLink | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("SyncNowButton", "Sync calendars"), parent)
        self.setObjectName("syncCalendars")
        self.ops = ops
        self.runtime_link = runtime_link
        self.task: asyncio.Task[None] | None = None
        self.clicked.connect(self.sync_now)

    def sync_now(self) -> None:
        if self.task is not None and not self.task.done():
            return
        self.setEnabled(False)
        self.task = off_thread.spawn(self._run())

    async def _run(self) -> None:
        from careops_desktop.jobs.calendar_jobs import ReadReport  # caldav: not at start-up

        link = self.runtime_link()
        try:
            if link is None or not link.jobs_running:
                raise LookupError(NO_RUNTIME_TEXT)
            report = await link.run_job_once(CALENDAR_JOB)
            if not isinstance(report, ReadReport):
                raise TypeError(f"the calendar job returned {type(report).__name__}")
            if report.waiting:
                text = report.waiting
            elif report.errors:
                text = report.errors[0]
            else:
                text = self.tr("Calendars read: {calendars}, changes: {changes}.").format(
                    calendars=report.calendars, changes=report.rows_changed
                )
        except LookupError:
            text = self.tr(NO_RUNTIME_TEXT)
        except Exception as exc:  # a bug must not leave the button dead
            text = self.tr("The calendar sync failed ({error}).").format(error=type(exc).__name__)
        if shiboken6.isValid(self):
            self.setEnabled(True)
            self.setToolTip(safe_tooltip(text))
            self.ops.statusMessage.emit(text)
