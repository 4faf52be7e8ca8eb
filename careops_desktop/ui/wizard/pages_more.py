"""Wizard pages 5–9: inventory, a test booking, email, the checklist, activate or later."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import business
from careops_desktop.core.services.business import ChecklistItem
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.registry import INTEGRATIONS, SettingsContext, find_page
from careops_desktop.ui.wizard import steps
from careops_desktop.ui.wizard.base import SaveJob, StepPage, errors_by_row
from careops_desktop.ui.wizard.pages_setup import BookingTypesPage

ITEM_ROWS = 3


class InventoryPage(StepPage):
    """Optional: up to three stock items with their quantity and low-stock threshold."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Stock (optional)"),
            translate(
                "SetupWizard",
                "If bookings use up supplies, list them here and CareOps warns you when one "
                "runs low. Leave the names empty to skip.",
            ),
        )
        self.item_ids: list[int | None] = [None] * ITEM_ROWS
        self.names: list[QLineEdit] = []
        self.quantities: list[QSpinBox] = []
        self.thresholds: list[QSpinBox] = []
        grid = QGridLayout()
        titles = (
            translate("SetupWizard", "Item"),
            translate("SetupWizard", "In stock"),
            translate("SetupWizard", "Warn at"),
        )
        for column, title in enumerate(titles):
            grid.addWidget(QLabel(title), 0, column)
        for row in range(ITEM_ROWS):
            name = QLineEdit()
            name.setObjectName(f"itemName{row}")
            quantity = QSpinBox()
            quantity.setRange(0, 1_000_000)
            threshold = QSpinBox()
            threshold.setRange(0, 1_000_000)
            grid.addWidget(self.errors.wrap(f"i{row}.name", name), row + 1, 0)
            grid.addWidget(self.errors.wrap(f"i{row}.quantity", quantity), row + 1, 1)
            grid.addWidget(self.errors.wrap(f"i{row}.low_threshold", threshold), row + 1, 2)
            self.names.append(name)
            self.quantities.append(quantity)
            self.thresholds.append(threshold)
        self.body.addLayout(grid)
        self._rows: list[int] = []

    def save_job(self) -> SaveJob | None:
        self._rows = [r for r in range(ITEM_ROWS) if self.names[r].text().strip()]
        if not self._rows:
            return None
        entries = [
            steps.ItemEntry(
                self.item_ids[r],
                self.names[r].text(),
                "pcs",
                self.quantities[r].value(),
                self.thresholds[r].value(),
            )
            for r in self._rows
        ]
        return steps.save_items, (self.actor, entries), {}

    def show_errors(self, fields: dict[str, str]) -> None:
        self.errors.show(
            errors_by_row(fields, self._rows, "i", ("name", "quantity", "low_threshold"))
        )

    def saved(self, result: Any) -> None:
        for row, item_id in zip(self._rows, result, strict=False):
            self.item_ids[row] = item_id


class TryBookingPage(StepPage):
    """Optional: a test contact booked at the first free time tomorrow."""

    def __init__(self, ops: Ops, actor: Actor, types_page: BookingTypesPage) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Try it (optional)"),
            translate(
                "SetupWizard",
                "Make a test customer and book them in, to see how a booking looks. "
                "You can cancel it afterwards in the Bookings tab.",
            ),
        )
        self.types_page = types_page
        self.made = False
        self.wanted = QCheckBox(translate("SetupWizard", "Make a test booking"))
        self.wanted.setObjectName("makeTestBooking")
        self.contact_name = QLineEdit(translate("SetupWizard", "Test Customer"))
        self.contact_email = QLineEdit()
        self.contact_email.setPlaceholderText(
            translate("SetupWizard", "optional; use your own address")
        )
        self.result_label = plain_label(wrap=True)
        self.result_label.setObjectName("testBookingResult")
        form = QFormLayout()
        form.addRow(self.wanted)
        form.addRow(
            translate("SetupWizard", "Customer name"), self.errors.wrap("name", self.contact_name)
        )
        form.addRow(
            translate("SetupWizard", "Customer email"),
            self.errors.wrap("email", self.contact_email),
        )
        self.errors.add_alias("booking", "name")
        self.body.addLayout(form)
        self.body.addWidget(self.result_label)

    def save_job(self) -> SaveJob | None:
        if self.made or not self.wanted.isChecked() or not self.types_page.saved_ids:
            return None
        return (
            steps.make_test_booking,
            (self.actor,),
            {
                "name": self.contact_name.text(),
                "email": self.contact_email.text(),
                "booking_type_id": self.types_page.saved_ids[0],
            },
        )

    def saved(self, result: Any) -> None:
        self.made = True
        set_plain(
            self.result_label, translate("SetupWizard", "Booked: {booking}").format(booking=result)
        )


class EmailPage(StepPage):
    """Optional: connect email now (the Integrations settings page), or later."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Email (optional)"),
            translate(
                "SetupWizard",
                "CareOps sends confirmations and reminders by email once an email account is "
                "connected. You can do this now or later under Settings → Integrations.",
            ),
        )
        self.open_button = QPushButton(translate("SetupWizard", "Set up email now…"))
        self.open_button.setObjectName("openIntegrations")
        self.open_button.clicked.connect(self._open_integrations)
        self.open_button.setVisible(find_page(INTEGRATIONS) is not None)
        self.body.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _open_integrations(self) -> None:
        spec = find_page(INTEGRATIONS)
        if spec is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(spec.title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(dialog)
        layout.addWidget(spec.factory(SettingsContext(self.ops, None, self.actor)))
        close = QPushButton(translate("SetupWizard", "Close"))
        close.clicked.connect(dialog.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        dialog.resize(640, 520)
        dialog.open()


class ReviewPage(StepPage):
    """The setup checklist: what is done, what is still missing and where to do it."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Check"),
            translate(
                "SetupWizard", "Here is what CareOps needs before customers can book online."
            ),
        )
        self.items: list[ChecklistItem] = []
        self.list_box = QVBoxLayout()
        self.body.addLayout(self.list_box)
        self._labels: list[QLabel] = []

    def initializePage(self) -> None:
        self.ops.query(business.setup_checklist, on_done=self._show, owner=self)

    def _show(self, items: list[ChecklistItem]) -> None:
        self.items = items
        for label in self._labels:
            self.list_box.removeWidget(label)
            label.deleteLater()
        self._labels = []
        for item in items:
            mark = "✔" if item.done else ("○" if item.optional else "✘")
            text = f"{mark}  {item.label}" + ("" if item.done else f"\n     {item.hint}")
            label = plain_label(text, wrap=True)
            label.setObjectName(f"check_{item.key}")
            self.list_box.addWidget(label)
            self._labels.append(label)

    @property
    def ready(self) -> bool:
        return bool(self.items) and all(i.done or i.optional for i in self.items)


class FinishPage(StepPage):
    """Activate now (take online bookings) or finish later."""

    def __init__(self, ops: Ops, actor: Actor, review: ReviewPage) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Ready"),
            translate(
                "SetupWizard",
                "When the business is active, customers can book on the booking page. "
                "You can also finish later: the checklist stays under Settings.",
            ),
        )
        self.review = review
        self.activated = False
        self.activate_now = QRadioButton(
            translate("SetupWizard", "Activate now: start taking online bookings")
        )
        self.activate_now.setObjectName("activateNow")
        self.later = QRadioButton(translate("SetupWizard", "Finish later"))
        self.later.setObjectName("finishLater")
        self.body.addWidget(self.errors.wrap("activate", self.activate_now))
        self.body.addWidget(self.later)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        (self.activate_now if self.review.ready else self.later).setChecked(True)

    def save_job(self) -> SaveJob | None:
        if not self.activate_now.isChecked():
            return None
        return business.activate, (self.actor,), {}

    def saved(self, result: Any) -> None:
        self.activated = True

    def _failed(self, exc: CareOpsError) -> None:
        self._saving = False
        self.errors.show({"activate": str(exc)})
