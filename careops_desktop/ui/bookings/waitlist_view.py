"""The Bookings tab's "Waitlist" window: who waits, for what, since when, and the offers sent.

A non-modal dialog over a small table model (the list is bounded: ``list_waitlist``
reads at most a few hundred entries in one query). "Add person…", "Offer a time…"
and "Remove…" (asked first) act on it; it reloads on every bookings change (joining,
offers and claims record one), so a customer joining on the page shows up live.
Customer text is shown as plain text (the model returns strings; no rich text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.clock_text import clock_time
from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.core.services import waitlist
from careops_desktop.core.services.waitlist import WaitlistRow
from careops_desktop.ui.bookings.page_data import Catalogue
from careops_desktop.ui.bookings.waitlist_forms import AddPersonDialog, OfferTimeDialog
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.data_table import data_table
from careops_desktop.ui.widgets.local_time import fmt_day

HEADERS = (  # translated where shown (context "Waitlist")
    QT_TRANSLATE_NOOP("Waitlist", "Name"),
    QT_TRANSLATE_NOOP("Waitlist", "Email or mobile"),
    QT_TRANSLATE_NOOP("Waitlist", "Booking"),
    QT_TRANSLATE_NOOP("Waitlist", "With"),
    QT_TRANSLATE_NOOP("Waitlist", "Dates"),
    QT_TRANSLATE_NOOP("Waitlist", "Waiting since"),
    QT_TRANSLATE_NOOP("Waitlist", "Offers"),
)
OFFER_WORDS = {
    "offered": QT_TRANSLATE_NOOP("Waitlist", "offer open"),
    "claimed": QT_TRANSLATE_NOOP("Waitlist", "booked"),
    "expired": QT_TRANSLATE_NOOP("Waitlist", "not claimed in time"),
    "withdrawn": QT_TRANSLATE_NOOP("Waitlist", "withdrawn"),
    "taken": QT_TRANSLATE_NOOP("Waitlist", "taken by someone else"),
}
STATUS_WORDS = {
    "waiting": "",
    "booked": QT_TRANSLATE_NOOP("Waitlist", "Booked"),
    "removed": QT_TRANSLATE_NOOP("Waitlist", "Removed"),
}


def _words(table: dict[str, str], key: str | None) -> str:
    """``table[key]`` in the window's language (an unknown key as it is)."""
    if key is None:
        return ""
    found = table.get(key)
    if found is None:
        return key
    return translate("Waitlist", found) if found else ""


Index = QModelIndex | QPersistentModelIndex


def _day_words(iso: str) -> str:
    return fmt_day(date.fromisoformat(iso))


def dates_text(row: WaitlistRow) -> str:
    """``Wed 10 Jun – Fri 12 Jun``; several ranges joined by commas."""
    parts = []
    for first, last in row.dates:
        parts.append(
            _day_words(first)
            if first == last
            else translate("Waitlist", "{first} – {last}").format(
                first=_day_words(first), last=_day_words(last)
            )
        )
    return ", ".join(parts)


def offers_text(row: WaitlistRow, zone: ZoneInfo) -> str:
    """How many offers were sent, and what became of the last one."""
    status = _words(STATUS_WORDS, row.status)
    if row.offers_sent == 0 or row.last_offer_start is None:
        return status or translate("Waitlist", "None yet")
    start = row.last_offer_start.astimezone(zone)
    sent = translate("Waitlist", "{count} sent (last: {day} {time}, {outcome})").format(
        count=row.offers_sent,
        day=fmt_day(start.date()),
        time=clock_time(row.last_offer_start, zone),
        outcome=_words(OFFER_WORDS, row.last_offer_status),
    )
    if status:
        return translate("Waitlist", "{status}; {offers}").format(status=status, offers=sent)
    return sent


class WaitlistModel(QAbstractTableModel):
    """The rows of :func:`waitlist.list_waitlist`, as plain strings."""

    def __init__(self, zone_of: Callable[[], ZoneInfo]) -> None:
        super().__init__()
        self.zone_of = zone_of
        self.rows: list[WaitlistRow] = []

    def set_rows(self, rows: Sequence[WaitlistRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("Waitlist", HEADERS[section])
        return None

    def text(self, row: WaitlistRow, column: int) -> str:
        """What one cell says (plain text)."""
        zone = self.zone_of()
        if column == 0:
            return row.name
        if column == 1:
            return " · ".join(v for v in (row.email, row.phone) if v)
        if column == 2:
            return row.booking_type_name
        if column == 3:
            return row.provider_name or translate("Waitlist", "Anyone")
        if column == 4:
            return dates_text(row)
        if column == 5:
            joined = row.joined_at.astimezone(zone)
            return translate("Waitlist", "{day} {time}").format(
                day=fmt_day(joined.date()), time=clock_time(row.joined_at, zone)
            )
        return offers_text(row, zone)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self.rows[index.row()], index.column())
        return None


class WaitlistWindow(QDialog):
    """The waitlist, with Add person…, Offer a time…, Remove… and "Show booked and removed"."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        catalogue_of: Callable[[], Catalogue],
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("waitlistWindow")
        self.setWindowTitle(self.tr("Waitlist"))
        self.setAccessibleName(self.tr("Waitlist"))
        self.ops = ops
        self.actor = actor
        self.catalogue_of = catalogue_of
        self.clock = clock
        self.model = WaitlistModel(lambda: self.catalogue_of().zone)
        self.table = data_table(self.model, (160, 200, 130, 110, 170, 130))
        self.table.setObjectName("waitlistTable")
        self.table.setAccessibleName(self.tr("People waiting"))
        self.summary = plain_label("")
        self.summary.setObjectName("waitlistSummary")
        self.show_closed = QCheckBox(self.tr("Show booked and removed"))
        self.add_button = QPushButton(self.tr("Add person…"))
        self.offer_button = QPushButton(self.tr("Offer a time…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.close_button = QPushButton(self.tr("Close"))
        may = Permission.MANAGE_BOOKINGS in actor.permissions
        self.add_button.setEnabled(may)
        self.add_button.setToolTip(
            self.tr("Put someone who phoned or came in on the list (Ctrl+N).")
        )
        self.offer_button.setToolTip(
            self.tr("Send the chosen person a free time to claim (Ctrl+O).")
        )
        self.remove_button.setToolTip(self.tr("Take the chosen person off the list (Delete)."))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.offer_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_closed)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "People are offered a freed time in the order they joined. An offer can be "
                    "claimed for 2 hours; then it goes to the next person."
                ),
                wrap=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.resize(1100, 480)
        self.add_button.clicked.connect(self.add_person)
        self.offer_button.clicked.connect(self.offer_time)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.close_button.clicked.connect(self.close)
        self.show_closed.toggled.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.table.doubleClicked.connect(lambda _index: self.offer_time())
        self.shortcuts = []
        for keys, target, action in (
            (QKeySequence(QKeySequence.StandardKey.New), self, self.add_person),
            (QKeySequence("Ctrl+O"), self, self.offer_time),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_chosen),
        ):
            shortcut = QShortcut(keys, target)
            shortcut.activated.connect(action)
            self.shortcuts.append(shortcut)
        self._chosen_changed()
        self.reload()

    def reload(self, *_args: object) -> None:
        """Read the list again (off the Qt thread); the choice is kept where it can be."""
        self.ops.query(
            waitlist.list_waitlist,
            include_closed=self.show_closed.isChecked(),
            on_done=self._loaded,
            owner=self,
        )

    def _loaded(self, rows: list[WaitlistRow]) -> None:
        kept = self.chosen()
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if r.status == "waiting")
        set_plain(
            self.summary,
            self.tr("Nobody is waiting.")
            if waiting == 0
            else counted(self.tr("%Ln [person is|people are] waiting.", "", waiting), waiting),
        )
        if kept is not None:
            for number, row in enumerate(rows):
                if row.entry_id == kept.entry_id:
                    self.table.selectRow(number)
        self._chosen_changed()

    def chosen(self) -> WaitlistRow | None:
        """The selected entry, if any."""
        picked = self.table.selectionModel().selectedRows()
        if not picked or picked[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[picked[0].row()]

    def _chosen_changed(self, *_args: object) -> None:
        row = self.chosen()
        may = Permission.MANAGE_BOOKINGS in self.actor.permissions
        live = row is not None and row.status == "waiting" and may
        self.offer_button.setEnabled(live)
        self.remove_button.setEnabled(live)

    def add_person(self) -> AddPersonDialog | None:
        if not self.add_button.isEnabled():
            return None
        catalogue = self.catalogue_of()
        today = self.clock().astimezone(catalogue.zone).date()
        dialog = AddPersonDialog(self.ops, self.actor, catalogue, today, self)
        dialog.succeeded.connect(self.reload)
        dialog.open()
        return dialog

    def offer_time(self) -> OfferTimeDialog | None:
        row = self.chosen()
        if row is None or not self.offer_button.isEnabled():
            return None
        zone = self.catalogue_of().zone
        today = self.clock().astimezone(zone).date()
        first = date.fromisoformat(row.dates[0][0]) if row.dates else today
        dialog = OfferTimeDialog(self.ops, self.actor, row, zone, max(first, today), self)
        dialog.succeeded.connect(self.reload)
        dialog.open()
        return dialog

    def remove_chosen(self) -> QMessageBox | None:
        row = self.chosen()
        if row is None or not self.remove_button.isEnabled():
            return None
        box = QMessageBox(self)
        box.setObjectName("waitlistRemoveConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove from the waitlist"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Take {name} off the waitlist for {type}? "
                "An offer they have not claimed yet is withdrawn."
            ).format(name=row.name, type=row.booking_type_name)
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)

        def finished(_result: int) -> None:
            if box.clickedButton() is remove:
                self.ops.command(
                    waitlist.remove_entry, self.actor, row.entry_id, on_done=self.reload, owner=self
                )

        box.finished.connect(finished)
        box.open()
        return box
