"""Undo for the desk's booking changes: a stack of recent changes and the notice that offers it.

Any change the desk makes can be offered for undo with
:meth:`UndoStack.record_undo` (a sentence saying what changed, and a callable
that starts the undo): the notice shows the newest one with an "Undo" button
for two minutes, and Ctrl+Z in the Bookings tab undoes the newest that is
still live. The stack takes any callable, so moves, resizes and blocks made by
other parts of the tab are offered the same way. :func:`offer_desk_change`
wires a core :class:`~careops_desktop.core.services.bookings.DeskChange` to
``bookings.undo`` (which has the last word on the two minutes and the time
still being free). Everything here runs on the Qt thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import DeskChange, UndoResult
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.local_time import fmt_datetime

UNDO_SECONDS = bookings.UNDO_WINDOW.total_seconds()
MESSAGE_SECONDS = 10.0  # how long the notice shows what an undo did


@dataclass(frozen=True)
class UndoEntry:
    """One change that can still be undone until ``expires`` (``time.monotonic`` seconds)."""

    description: str
    undo: Callable[[], object]
    expires: float


class UndoStack(QObject):
    """Recent desk changes, newest last; each can be undone for :data:`UNDO_SECONDS`.

    ``changed`` fires when an entry is recorded or taken; ``message`` carries a
    sentence about what an undo did, for the notice to show.
    """

    changed = Signal()
    message = Signal(str)

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._entries: list[UndoEntry] = []

    def record_undo(
        self, description: str, undo: Callable[[], object], seconds: float = UNDO_SECONDS
    ) -> None:
        """Offer ``undo`` (called once, on the Qt thread) for ``seconds``; newest first."""
        self._entries.append(UndoEntry(description, undo, self._clock() + seconds))
        self.changed.emit()

    def latest(self) -> UndoEntry | None:
        """The newest change that can still be undone (expired ones are dropped)."""
        now = self._clock()
        self._entries = [e for e in self._entries if e.expires > now]
        return self._entries[-1] if self._entries else None

    def seconds_left(self, entry: UndoEntry) -> float:
        """How long ``entry`` can still be undone (0 when it no longer can)."""
        return max(0.0, entry.expires - self._clock())

    def undo_latest(self) -> bool:
        """Start undoing the newest live change; False when there is none."""
        entry = self.latest()
        if entry is None:
            return False
        self._entries.remove(entry)
        self.changed.emit()
        entry.undo()
        return True

    def say(self, text: str) -> None:
        """Show ``text`` (what an undo did) in the notice."""
        self.message.emit(text)


class UndoNotice(QFrame):
    """A bar saying what was just changed, with "Undo" while the change can be undone.

    Its one timer runs only while the bar is shown: it hides the bar when the
    newest change can no longer be undone, or after a message was read.
    """

    def __init__(self, stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.setObjectName("undo_notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Undo notice"))
        self.setStyleSheet(
            "QFrame#undo_notice { border: 1px solid palette(highlight); border-radius: 4px; }"
        )
        self.text = plain_label(wrap=True)
        self.text.setObjectName("undo_notice_text")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setToolTip(self.tr("Undo this change (Ctrl+Z)"))
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss the notice"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setObjectName("undo_notice_timer")
        self._timer.timeout.connect(self._refresh)
        self.undo_button.clicked.connect(self.stack.undo_latest)
        self.close_button.clicked.connect(self.hide)
        stack.changed.connect(self._refresh)
        stack.message.connect(self.show_message)
        self.hide()

    def _refresh(self) -> None:
        entry = self.stack.latest()
        if entry is None:
            self._timer.stop()
            self.hide()
            return
        set_plain(self.text, entry.description)
        self.undo_button.show()
        self.show()
        self._timer.start(int(self.stack.seconds_left(entry) * 1000) + 50)

    def show_message(self, text: str) -> None:
        """Show what an undo did, without a button, for a few seconds."""
        set_plain(self.text, text)
        self.undo_button.hide()
        self.show()
        self._timer.start(int(MESSAGE_SECONDS * 1000))

    def showEvent(self, event: QShowEvent) -> None:
        # shown again (the tab came back): look again at once whether Undo still applies
        if not self._timer.isActive():
            self._timer.start(0 if self.undo_button.isVisibleTo(self) else 1000)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)


def change_words(change: DeskChange, zone: ZoneInfo) -> str:
    """What a desk change did, as one sentence for the notice."""
    view = change.view
    name, when = view.contact_name, fmt_datetime(view.start, zone)
    sentences = {
        "cancel": translate("UndoNotice", "{name}'s booking on {when} was cancelled."),
        "no_show": translate("UndoNotice", "{name}'s booking on {when} was marked as a no-show."),
        "complete": translate("UndoNotice", "{name}'s booking on {when} was marked as completed."),
        "arrived": translate("UndoNotice", "{name} was marked as arrived."),
        "move": translate("UndoNotice", "{name}'s booking was moved to {when}."),
        "resize": translate("UndoNotice", "{name}'s booking on {when} was given a new length."),
    }
    sentence = sentences.get(
        change.kind, translate("UndoNotice", "{name}'s booking on {when} was changed.")
    )
    said = sentence.format(name=name, when=when)
    if change.held_outbox_ids:
        return translate(
            "UndoNotice", "{said} The customer is told in 2 minutes unless you undo it."
        ).format(said=said)
    return said


def undone_words(result: UndoResult) -> str:
    """What an undo did, in the desk's words (the customer's message included)."""
    name = result.view.contact_name
    words = [
        translate("UndoNotice", "The change to {name}'s booking was undone.").format(name=name)
    ]
    if result.withdrawn:
        words.append(
            translate("UndoNotice", "The message to the customer was withdrawn; nothing was sent.")
        )
    if result.already_told:
        words.append(
            translate(
                "UndoNotice",
                "The customer had already been sent a message about the change. "
                "Please let them know it was undone.",
            )
        )
    return " ".join(words)


def offer_desk_change(
    stack: UndoStack,
    ops: Ops,
    actor: Actor,
    change: DeskChange,
    zone: ZoneInfo,
    owner: QObject | None = None,
) -> None:
    """Offer ``change`` for undo; undoing it runs ``bookings.undo`` as a command.

    A refusal (too late, the time was booked meanwhile, changed again) is shown
    in the core's words; nothing changes then.
    """

    def undo() -> None:
        ops.command(
            bookings.undo,
            actor,
            change,
            on_done=lambda result: stack.say(undone_words(result)),
            owner=owner,
        )

    stack.record_undo(change_words(change, zone), undo)


def focus_allows_undo(widget: QWidget | None) -> bool:
    """Ctrl+Z is the tab's undo unless the focus is in a field being typed in."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return bool(widget.isReadOnly())
    return True
