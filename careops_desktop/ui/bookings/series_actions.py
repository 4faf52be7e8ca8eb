"""Cancel or move a visit of a recurring series: "This visit only" or "This and the following".

"This visit only" opens the usual Cancel / Reschedule dialog (the customer gets
the usual message); "This and the following visits" opens the dialogs here,
which change them all in one transaction (``bookings.cancel_visits`` /
``bookings.move_visits``) and send the customer one message listing the changes.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.bookings.dialogs import CancelDialog, RescheduleDialog
from careops_desktop.ui.bookings.page_data import Catalogue
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.local_time import fmt_datetime

THIS_ONLY = QT_TRANSLATE_NOOP("SeriesActions", "This visit only")
FOLLOWING = QT_TRANSLATE_NOOP("SeriesActions", "This and the following visits")


def ask_which(parent: QWidget, doing: str, then: Callable[[bool], None]) -> QMessageBox:
    """Ask "This visit only" / "This and the following visits"; ``then(following)``.

    ``doing``: "cancel" or "move"."""
    box = QMessageBox(parent)
    box.setObjectName("seriesWhich")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("SeriesActions", "A visit of a series"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    if doing == "cancel":
        question = translate(
            "SeriesActions",
            "This booking is one visit of a series. Which visits do you want to cancel?",
        )
    else:
        question = translate(
            "SeriesActions",
            "This booking is one visit of a series. Which visits do you want to move?",
        )
    box.setText(question)
    only = box.addButton(translate("SeriesActions", THIS_ONLY), QMessageBox.ButtonRole.AcceptRole)
    following = box.addButton(
        translate("SeriesActions", FOLLOWING), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    only.setObjectName("seriesThisOnly")
    following.setObjectName("seriesFollowing")

    def chosen(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is only:
            then(False)
        elif clicked is following:
            then(True)

    box.finished.connect(chosen)
    box.open()
    return box


class CancelFollowingDialog(CommandDialog):
    """Cancel a visit and every later visit of its series, after saying what happens."""

    def __init__(
        self, ops: Ops, actor: Actor, booking: BookingView, zone: ZoneInfo, parent: QWidget | None
    ) -> None:
        super().__init__(
            ops,
            translate("CancelFollowingDialog", "Cancel visits"),
            translate("CancelFollowingDialog", "Cancel visits"),
            parent,
        )
        self._actor = actor
        self._booking = booking
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Keep visits"))
        name, kind = booking.contact_name, booking.booking_type_name
        when = fmt_datetime(booking.start, zone)
        self.body.insertWidget(
            0,
            plain_label(
                self.tr(
                    "Cancel {name}'s {type} on {when} and every later visit of the series? "
                    "The customer gets one message listing them."
                ).format(name=name, type=kind, when=when),
                wrap=True,
            ),
        )
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Reason (shown to staff; optional)"))
        self.form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        self.ok_button.setDefault(False)

    def submit(self) -> None:
        self.run(
            bookings.cancel_visits,
            self._actor,
            self._booking.id,
            following=True,
            reason=self.reason.text(),
            expected_version=self._booking.version,
        )


class MoveFollowingDialog(RescheduleDialog):
    """Move a visit, and every later visit by the same number of days to the same time."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        catalogue: Catalogue,
        booking: BookingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, actor, catalogue, booking, parent)
        self.setWindowTitle(translate("MoveFollowingDialog", "Move this and the following visits"))
        self.ok_button.setText(translate("MoveFollowingDialog", "Move visits"))
        self.body.insertWidget(
            1,
            plain_label(
                translate(
                    "MoveFollowingDialog",
                    "Every later visit of the series moves by the same number of days to the "
                    "same time. The customer gets one message listing the changes.",
                ),
                wrap=True,
            ),
        )
        self._following_actor = actor

    def submit(self) -> None:
        slot = self.chooser.chosen()
        if slot is None:
            self.show_errors(
                {"start": translate("MoveFollowingDialog", "Choose a free start time.")}
            )
            return
        self.run(
            bookings.move_visits,
            self._following_actor,
            self._booking.id,
            slot.start_utc,
            following=True,
            provider_id=self.chooser.provider.currentData() or slot.provider_id,
            expected_version=self._booking.version,
        )


def open_series_action(
    parent: QWidget,
    ops: Ops,
    actor: Actor,
    catalogue: Catalogue,
    booking: BookingView,
    name: str,
) -> QMessageBox:
    """For ``name`` "cancel" or "reschedule" on a visit of a series: ask which, then open
    the dialog for this visit only or for it and the following ones."""
    doing = "cancel" if name == "cancel" else "move"

    def then(following: bool) -> None:
        zone = catalogue.zone
        if name == "cancel":
            dialog: CommandDialog = (
                CancelFollowingDialog(ops, actor, booking, zone, parent)
                if following
                else CancelDialog(ops, actor, booking, zone, parent)
            )
        elif following:
            dialog = MoveFollowingDialog(ops, actor, catalogue, booking, parent)
        else:
            dialog = RescheduleDialog(ops, actor, catalogue, booking, parent)
        dialog.open()

    return ask_which(parent, doing, then)
