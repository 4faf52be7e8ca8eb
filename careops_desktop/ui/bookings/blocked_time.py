"""Blocked time in the Bookings tab: hatched marks on the calendar, labelled desk slots, and
"book anyway?" before the desk books over a block.

- :func:`marks_for_day` / :func:`marks_for_week` turn the core's block occurrences
  into the calendar's :class:`TimeBlockMark` values (cut at local midnights);
- :func:`desk_blocked_labels` marks the desk's slot list: blocked time does not hide
  a start there (the desk may fit someone in over lunch), it labels it;
- :func:`confirm_over_blocks` asks before a desk booking over blocked time and then
  books with the desk's "book anyway" (``outside_hours``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import BookingType
from careops_desktop.core.services import time_blocks
from careops_desktop.core.services.slots import DaySlots
from careops_desktop.core.services.time_blocks import BlockOccurrence
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.widgets.calendar_data import TimeBlockMark


def _pieces(occ: BlockOccurrence) -> list[tuple[date, datetime, datetime]]:
    """The occurrence cut at local midnights: (day, local start, local end), naive."""
    start, end = occ.wall_start, occ.wall_end
    found = []
    while start < end:
        midnight = datetime.combine(start.date() + timedelta(days=1), time(0))
        found.append((start.date(), start, min(end, midnight)))
        start = midnight
    return found


def _mark(
    occ: BlockOccurrence, column: str, start: datetime, end: datetime, label: str
) -> TimeBlockMark:
    return TimeBlockMark(
        column, start, end, label, occ.block_id, occ.day, occ.repeats, occ.provider_id, occ.reason
    )


def marks_for_day(
    occurrences: Iterable[BlockOccurrence], day: date, provider_ids: Sequence[int]
) -> list[TimeBlockMark]:
    """Marks for provider columns ``p<id>`` on ``day``; a whole-business block in each."""
    found = []
    for occ in occurrences:
        targets = provider_ids if occ.provider_id is None else [occ.provider_id]
        for piece_day, start, end in _pieces(occ):
            if piece_day != day:
                continue
            for pid in targets:
                if pid in provider_ids:
                    found.append(_mark(occ, f"p{pid}", start, end, occ.reason))
    return found


def marks_for_week(
    occurrences: Iterable[BlockOccurrence], names: Mapping[int, str], with_provider: bool
) -> list[TimeBlockMark]:
    """Marks for day columns keyed ``YYYY-MM-DD``; ``with_provider``: whose block it is."""
    found = []
    for occ in occurrences:
        label = occ.reason
        if with_provider:
            who = (
                translate("BlockedTime", "everyone")
                if occ.provider_id is None
                else names.get(occ.provider_id, "")
            )
            label = translate("BlockedTime", "{reason} · {who}").format(reason=label, who=who)
        for piece_day, start, end in _pieces(occ):
            found.append(_mark(occ, piece_day.isoformat(), start, end, label))
    return found


def desk_blocked_labels(session: Session, found: DaySlots, booking_type_id: int) -> DaySlots:
    """``found`` with each start that meets blocked time labelled "— blocked: Lunch"."""
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None or not found.slots:
        return found
    length = timedelta(minutes=booking_type.duration_minutes)
    ids = sorted({s.provider_id for s in found.slots})
    occs = time_blocks.occurrences_between(session, ids, found.day, found.day)
    if not occs:
        return found
    marked = []
    for slot in found.slots:
        end = slot.start_utc + length
        hits = dict.fromkeys(
            o.reason
            for o in occs
            if o.provider_id in (None, slot.provider_id)
            and o.start < end
            and slot.start_utc < o.end
        )
        label = slot.start_local_label
        if hits:
            label = translate("BlockedTime", "{time} — blocked: {reasons}").format(
                time=label, reasons=", ".join(hits)
            )
        marked.append(dataclasses.replace(slot, start_local_label=label))
    return dataclasses.replace(found, slots=tuple(marked))


@read_only
def blocked_reasons_for(
    session: Session, booking_type_id: int, provider_id: int, start: datetime
) -> list[str]:
    """The reasons of blocked time a booking of this type at ``start`` would meet."""
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        return []
    end = start + timedelta(minutes=booking_type.duration_minutes)
    found = time_blocks.blocks_over(session, provider_id, start, end)
    return list(dict.fromkeys(o.reason for o in found))


def ask_book_over(parent: QWidget, reasons: Sequence[str], book: Callable[[], None]) -> None:
    """ "This time is blocked (Lunch). Book anyway?" → ``book()`` on "Book anyway"."""
    box = QMessageBox(parent)
    box.setObjectName("blockedTimeConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("BlockedTime", "Blocked time"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        translate("BlockedTime", "This time is blocked ({reasons}). Book anyway?").format(
            reasons=", ".join(reasons) or translate("BlockedTime", "blocked time")
        )
    )
    yes = box.addButton(translate("BlockedTime", "Book anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        translate("BlockedTime", "Choose another time"), QMessageBox.ButtonRole.RejectRole
    )
    box.finished.connect(lambda _r: book() if box.clickedButton() is yes else None)
    box.open()


def confirm_over_blocks(
    parent: QWidget,
    ops: Ops,
    booking_type_id: int,
    provider_id: int,
    start: datetime,
    book: Callable[[bool], None],
) -> None:
    """``book(False)`` at once when the time is not blocked; else ask, and ``book(True)``
    (the desk's "book anyway") after "Book anyway"."""

    def checked(reasons: Sequence[str]) -> None:
        if not reasons:
            book(False)
        else:
            ask_book_over(parent, reasons, lambda: book(True))

    ops.query(
        blocked_reasons_for,
        booking_type_id,
        provider_id,
        start,
        on_done=checked,
        on_error=lambda _exc: book(False),  # the core checks again and refuses in words
        owner=parent,
    )
