"""The Bookings tab's undoable actions on the chosen booking, and their shortcuts.

Complete, no-show, arrived and cancel run the core's ``*_at_desk`` commands
(each returns a :class:`DeskChange`) and offer the change on the tab's
:class:`UndoStack`; restore asks first (:class:`RestoreDialog`). Shortcuts,
live while the Bookings tab holds the focus:

- Ctrl+Z: undo the newest change (not while typing in a text field: that
  field's own undo runs);
- Ctrl+Shift+A: mark the chosen booking's customer as arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import BookingView, DeskChange
from careops_desktop.ui.bookings.dialogs import CancelDialog
from careops_desktop.ui.bookings.restore_dialog import RestoreDialog
from careops_desktop.ui.bookings.undo_notice import (
    UndoStack,
    focus_allows_undo,
    offer_desk_change,
)
from careops_desktop.ui.ops import Ops

UNDO_KEYS = QKeySequence.StandardKey.Undo
ARRIVED_KEYS = "Ctrl+Shift+A"

_COMMANDS: dict[str, Callable[..., Any]] = {
    "complete": bookings.complete_at_desk,
    "no_show": bookings.no_show_at_desk,
    "arrived": bookings.arrived_at_desk,
}


class DeskActions(QObject):
    """Runs the desk's actions for ``view`` (the Bookings tab) and offers each for undo."""

    def __init__(
        self,
        view: QWidget,
        ops: Ops,
        actor: Actor,
        selected: Callable[[], BookingView | None],
        zone_of: Callable[[], ZoneInfo],
        stack: UndoStack,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.ops = ops
        self.actor = actor
        self.selected = selected
        self.zone_of = zone_of
        self.stack = stack
        self.undo_shortcut = QShortcut(QKeySequence(UNDO_KEYS), view)
        self.arrived_shortcut = QShortcut(QKeySequence(ARRIVED_KEYS), view)
        for shortcut in (self.undo_shortcut, self.arrived_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut.activated.connect(self.undo_latest)
        self.arrived_shortcut.activated.connect(self._arrived_key)

    def handles(self, name: str) -> bool:
        """Whether ``name`` (a panel action) is one of these."""
        return name in _COMMANDS or name in ("cancel", "restore")

    def run(self, name: str, booking: BookingView) -> None:
        """Start action ``name`` on ``booking`` (see :meth:`handles`)."""
        if name in _COMMANDS:
            self.ops.command(
                _COMMANDS[name], self.actor, booking.id, on_done=self.offer, owner=self.view
            )
        elif name == "cancel":
            dialog = CancelDialog(self.ops, self.actor, booking, self.zone_of(), self.view)
            dialog.succeeded.connect(self.offer)
            dialog.open()
        elif name == "restore":
            RestoreDialog(self.ops, self.actor, booking, self.zone_of(), self.view).open()

    def offer(self, change: DeskChange) -> None:
        """Put a finished desk change on the undo stack (the notice shows it)."""
        offer_desk_change(self.stack, self.ops, self.actor, change, self.zone_of(), self.view)

    def undo_latest(self) -> None:
        """Ctrl+Z: undo the newest change, unless the focus is in a field being typed in."""
        if focus_allows_undo(QApplication.focusWidget()) and not self.stack.undo_latest():
            self.ops.statusMessage.emit(self.tr("There is nothing to undo."))

    def _arrived_key(self) -> None:
        booking = self.selected()
        if booking is not None and booking.status == "confirmed":
            self.run("arrived", booking)
