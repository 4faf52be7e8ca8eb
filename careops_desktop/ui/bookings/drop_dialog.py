"""The question after a booking is dropped on the calendar: move (or stretch) it, and tell?

:class:`DropDialog` opens for every drop (mouse or Alt+arrows + Enter). It says what
will change, asks before a time outside the provider's hours or busy in their own
calendar ("Move anyway"), refuses a taken or past time at once and offers the nearest
free times instead, and has a "Tell the customer" check box (on for a booking still to
come). Over blocked time (lunch, a meeting) it asks "This time is blocked (Lunch).
Move anyway?". OK runs the desk's undoable core commands (``bookings.move_at_desk``,
or ``bookings.resize_at_desk`` for a new end: ``reschedule`` / ``change_length`` inside,
the customer's message held for the undo window), so every rule is checked again in
the write transaction, and a refusal there shows here the same way. ``succeeded``
carries the :class:`~careops_desktop.core.services.bookings.DeskChange` to offer for undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import CareOpsError, SlotTaken, TimeBlocked, ValidationError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings, slots
from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.calendar_drag import DropRequest
from careops_desktop.ui.widgets.calendar_drop_rules import Verdict
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_day, to_local

ASK_WORDS = {  # translated where shown: translate("DropDialog", ASK_WORDS[kind])
    "closed": QT_TRANSLATE_NOOP(
        "DropDialog", "{provider} is closed that day. Move the booking anyway?"
    ),
    "outside_hours": QT_TRANSLATE_NOOP(
        "DropDialog", "That time is outside {provider}'s opening hours. Move the booking anyway?"
    ),
    "busy": QT_TRANSLATE_NOOP(
        "DropDialog", "{provider} is busy in their own calendar then. Move the booking anyway?"
    ),
    "core_hours": QT_TRANSLATE_NOOP(
        "DropDialog",
        "{provider} does not work at that time (opening hours or a closure). "
        "Move the booking anyway?",
    ),
    "blocked": QT_TRANSLATE_NOOP("DropDialog", "This time is blocked ({reason}). Move anyway?"),
}
REFUSED_WORDS = {
    "taken": QT_TRANSLATE_NOOP(
        "DropDialog",
        "That time is taken: {provider} has another booking then. Nothing was changed.",
    ),
    "past": QT_TRANSLATE_NOOP("DropDialog", "That time has already passed. Nothing was changed."),
    "not_offered": QT_TRANSLATE_NOOP(
        "DropDialog", "{provider} does not offer this booking type. Nothing was changed."
    ),
}


@read_only
def nearest_free_times(
    session: Session,
    booking_type_id: int,
    around: datetime,
    provider_id: int,
    exclude_booking_id: int,
) -> list[datetime]:
    """Up to three free starts nearest ``around`` for the provider (database worker)."""
    found = slots.nearest_free_slots(
        session, booking_type_id, around, provider_id, exclude_booking_id=exclude_booking_id
    )
    return [slot.start_utc for slot in found]


class DropDialog(CommandDialog):
    """Confirm a dropped booking (see the module docstring); ``succeeded(DeskChange)``."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        zone: ZoneInfo,
        request: DropRequest,
        provider_name: str,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("DropDialog", "Change booking length")
            if request.resize
            else translate("DropDialog", "Move booking")
        )
        super().__init__(ops, title, translate("DropDialog", "Move"), parent)
        self.setObjectName("dropDialog")
        self._actor = actor
        self.zone = zone
        self.request = request
        self.provider_name = provider_name
        self.booking: BookingView | None = None
        self.override = request.verdict.asks
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("dropSummary")
        self.warning = plain_label(wrap=True)
        self.warning.setObjectName("dropWarning")
        self.warning.setVisible(False)
        self.body.insertWidget(0, self.summary)
        self.body.insertWidget(1, self.warning)
        self.tell = QCheckBox(self.tr("Tell the customer"))
        self.tell.setObjectName("tellCustomer")
        self.tell.setChecked(request.block.start.replace(tzinfo=None) > now.replace(tzinfo=None))
        self.tell.setToolTip(self.tr("Send the customer the new time (email or text, as usual)."))
        self.form.addRow("", self.tell)
        self.alternatives = QWidget()
        self.alternatives.setObjectName("dropAlternatives")
        self.alternatives_row = QHBoxLayout(self.alternatives)
        self.alternatives_row.setContentsMargins(0, 0, 0, 0)
        self.alternatives.setVisible(False)
        self.form.addRow(self.tr("Free times"), self.alternatives)
        self._describe()
        self.ok_button.setEnabled(False)  # until the booking's version is known
        ops.query(
            bookings.get_booking,
            actor,
            request.booking_id,
            on_done=self._loaded,
            on_error=lambda exc: self.errors.show({"__all__": str(exc)}),
            owner=self,
        )
        self.resize(480, 260)

    # -- what it says -----------------------------------------------------------------------

    def _utc(self, moment: datetime) -> datetime:
        return moment.replace(tzinfo=self.zone).astimezone(UTC)

    def _describe(self) -> None:
        request = self.request
        when = self.tr("{day} {start}–{end}").format(
            day=fmt_day(request.start.date()),
            start=f"{request.start:%H:%M}",
            end=f"{request.end:%H:%M}",
        )
        minutes = int((request.end - request.start).total_seconds() // 60)
        if request.resize:
            text = counted(
                self.tr("Make {name}'s booking {when} (%n minute(s))?", "", minutes), minutes
            ).format(name=request.block.title, when=when)
        else:
            text = self.tr("Move {name}'s booking to {when} with {provider}?").format(
                name=request.block.title, when=when, provider=self.provider_name
            )
        set_plain(self.summary, text)
        kind = request.verdict.kind
        if kind in REFUSED_WORDS:
            refused = translate("DropDialog", REFUSED_WORDS[kind])
            self.errors.show({"__all__": refused.format(provider=self.provider_name)})
        elif self.override:
            self._ask(kind, request.verdict.reason)

    def _ask(self, kind: str, reason: str = "") -> None:
        self.override = True
        words = translate("DropDialog", ASK_WORDS[kind]).format(
            provider=self.provider_name, reason=reason or self.tr("blocked time")
        )
        set_plain(self.warning, words)
        self.warning.setVisible(True)
        self.ok_button.setText(self.tr("Move anyway"))

    # -- loading ----------------------------------------------------------------------------

    def _loaded(self, booking: BookingView) -> None:
        self.booking = booking
        if self.request.verdict.kind in ("taken", "past"):
            self._look_for_free_times()
        elif self.request.verdict.refused:
            self.ok_button.setEnabled(False)
        else:
            self.ok_button.setEnabled(True)

    def _look_for_free_times(self) -> None:
        if self.booking is None:
            return
        self.ok_button.setEnabled(False)
        self.ops.query(
            nearest_free_times,
            self.booking.booking_type_id,
            self._utc(self.request.start),
            self.request.provider_id,
            self.request.booking_id,
            on_done=self.offer,
            on_error=lambda exc: None,
            owner=self,
        )

    def offer(self, starts: Sequence[datetime]) -> None:
        """Buttons for the nearest free starts; choosing one moves the drop there."""
        while self.alternatives_row.count():
            item = self.alternatives_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for start in starts:
            button = QPushButton(fmt_datetime(start, self.zone))
            button.setObjectName("alternativeSlot")
            button.clicked.connect(lambda _=False, s=start: self.take(s))
            self.alternatives_row.addWidget(button)
        self.alternatives_row.addStretch(1)
        self.alternatives.setVisible(bool(starts))
        if not starts:
            self.errors.show(
                {"__all__": self.tr("No free time was found near it. Nothing was changed.")}
            )

    def take(self, start_utc: datetime) -> None:
        """Move the drop to the free start ``start_utc`` (same provider, same length)."""
        request = self.request
        start = to_local(start_utc, self.zone).replace(tzinfo=None)
        length = request.end - request.start if request.resize else request.block_length
        self.request = DropRequest(
            request.booking_id,
            request.block,
            request.column,
            request.provider_id,
            start,
            start + length,
            Verdict("free", ""),
            False,
        )
        self.alternatives.setVisible(False)
        self.errors.clear()
        self.override = False
        self.warning.setVisible(False)
        self.ok_button.setText(self.tr("Move"))
        self._describe()
        self.ok_button.setEnabled(self.booking is not None)

    # -- doing it ---------------------------------------------------------------------------

    def submit(self) -> None:
        request, booking = self.request, self.booking
        if booking is None or request.verdict.refused:
            return
        common = {
            "outside_hours": self.override,
            "expected_version": booking.version,
            "notify": self.tell.isChecked(),
        }
        if booking.session_id is not None:  # a class block: the whole session moves
            if request.resize:
                words = self.tr(
                    "A class session keeps its booking type's length; it cannot be resized."
                )
                self.errors.show({"__all__": words})
                return
            self.run(
                bookings.move_session_of,
                self._actor,
                request.booking_id,
                self._utc(request.start),
                request.provider_id,
                outside_hours=self.override,
                notify=self.tell.isChecked(),
            )
        elif request.resize:
            self.run(
                bookings.resize_at_desk,
                self._actor,
                request.booking_id,
                self._utc(request.end),
                **common,
            )
        else:
            self.run(
                bookings.move_at_desk,
                self._actor,
                request.booking_id,
                self._utc(request.start),
                request.provider_id,
                length=request.end - request.start,
                **common,
            )

    def handle_refusal(self, exc: CareOpsError) -> bool:
        if isinstance(exc, SlotTaken):
            self.errors.show({"__all__": str(exc)})
            self.offer(exc.alternatives)
            return True
        if isinstance(exc, TimeBlocked) and not self.override:
            self._ask("blocked", ", ".join(exc.reasons))
            return True
        if isinstance(exc, ValidationError) and "start" in exc.fields and not self.override:
            self._ask("core_hours")
            return True
        return False
