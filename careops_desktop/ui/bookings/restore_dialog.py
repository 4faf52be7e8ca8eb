"""Restore a cancelled booking from its detail panel, when its time is still free."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QCheckBox, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import BookingView
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.local_time import fmt_datetime


class RestoreDialog(CommandDialog):
    """Ask before bringing a cancelled booking back; "Tell the customer" is on by default.

    The core checks the time is still free (and has not passed); a refusal is
    shown in the dialog in its words and nothing changes.
    """

    def __init__(
        self, ops: Ops, actor: Actor, booking: BookingView, zone: ZoneInfo, parent: QWidget | None
    ) -> None:
        super().__init__(
            ops,
            translate("RestoreDialog", "Restore booking"),
            translate("RestoreDialog", "Restore booking"),
            parent,
        )
        self._actor = actor
        self._booking = booking
        self.body.insertWidget(
            0,
            plain_label(
                self.tr(
                    "Restore {contact}'s {type} on {when} with {provider}? "
                    "It is confirmed again if the time is still free."
                ).format(
                    contact=booking.contact_name,
                    type=booking.booking_type_name,
                    when=fmt_datetime(booking.start, zone),
                    provider=booking.provider_name,
                ),
                wrap=True,
            ),
        )
        self.tell_customer = QCheckBox(
            self.tr("Tell the customer (the confirmation is sent again)")
        )
        self.tell_customer.setChecked(bool(booking.customer_email or booking.customer_phone))
        self.form.addRow(self.tell_customer)

    def submit(self) -> None:
        self.run(
            bookings.restore,
            self._actor,
            self._booking.id,
            tell_customer=self.tell_customer.isChecked(),
            expected_version=self._booking.version,
        )
