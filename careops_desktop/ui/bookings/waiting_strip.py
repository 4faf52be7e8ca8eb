"""The "Waiting" strip above the calendar: who has arrived today and for how long.

One button per waiting customer ("Ada Lovelace — waiting 12 min, booked 10:00
with Alice"), longest wait first; clicking it selects the booking. The minutes
are worked out on the Qt thread from the arrival time, once a minute by a
QTimer that runs only while the strip is shown; the list itself is read from
the database when bookings change (:meth:`WaitingStrip.reload`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from careops_desktop.core.clock_text import clock_time
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import Waiting
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label

MINUTE_MS = 60_000


def waiting_words(person: Waiting, now: datetime, zone: ZoneInfo) -> str:
    """One waiting customer as the strip shows them (a whole phrase, plain text)."""
    minutes = person.minutes_waiting(now)
    booked = clock_time(person.start, zone, "%H:%M")
    if minutes < 1:
        return translate(
            "WaitingStrip", "{name} — just arrived, booked {time} with {provider}"
        ).format(name=person.customer_name, time=booked, provider=person.provider_name)
    return translate(
        "WaitingStrip", "{name} — waiting {minutes} min, booked {time} with {provider}"
    ).format(name=person.customer_name, minutes=minutes, time=booked, provider=person.provider_name)


class WaitingStrip(QFrame):
    """Today's arrived customers; emits ``bookingChosen(id)`` when one is clicked."""

    bookingChosen = Signal(int)

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        zone_of: Callable[[], ZoneInfo],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.zone_of = zone_of
        self.clock = clock
        self.waiting: tuple[Waiting, ...] = ()
        self.buttons: list[QPushButton] = []
        self.setObjectName("waiting_strip")
        self.setAccessibleName(self.tr("Customers waiting"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = plain_label(self.tr("Waiting now:"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 2, 8, 2)
        self._row.addWidget(self.title)
        self._row.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setObjectName("waiting_strip_minutes")
        self._timer.setInterval(MINUTE_MS)
        self._timer.timeout.connect(self.tick)
        self.hide()

    def reload(self) -> None:
        """Read today's waiting customers again (after bookings changed)."""
        zone = self.zone_of()
        today = self.clock().astimezone(zone).date()
        start = datetime.combine(today, time(0), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
        self.ops.query(
            bookings.waiting_customers, self.actor, start, end, on_done=self.set_waiting, owner=self
        )

    def set_waiting(self, waiting: Sequence[Waiting]) -> None:
        """Show ``waiting`` (longest wait first); the strip hides when nobody waits."""
        self.waiting = tuple(waiting)
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for index, person in enumerate(self.waiting):
            button = QPushButton()
            button.setFlat(True)
            button.setObjectName(f"waiting_{person.booking_id}")
            button.clicked.connect(lambda _=False, b=person.booking_id: self.bookingChosen.emit(b))
            self._row.insertWidget(1 + index, button)
            self.buttons.append(button)
        self.tick()
        self.setVisible(bool(self.waiting))

    def tick(self) -> None:
        """Recount the minutes (no database work)."""
        now, zone = self.clock(), self.zone_of()
        for button, person in zip(self.buttons, self.waiting, strict=True):
            words = waiting_words(person, now, zone)
            button.setText(words.replace("&", "&&"))  # plain: no mnemonic from a name
            button.setAccessibleName(words)

    def texts(self) -> list[str]:
        """What the strip says, one entry per waiting customer (for tests and screen readers)."""
        return [button.accessibleName() for button in self.buttons]

    def showEvent(self, event: QShowEvent) -> None:
        self.tick()  # the minutes may have moved on while the strip was out of sight
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)
