"""Wizard pages 1–4: business profile, providers and hours, booking types, intake form."""

from __future__ import annotations

import zoneinfo
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import forms
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.wizard import steps
from careops_desktop.ui.wizard.base import SaveJob, StepPage, errors_by_row
from careops_desktop.ui.wizard.hours import WeeklyHoursEditor, guess_local_zone

TYPE_ROWS = 3


def timezone_combo(current: str) -> QComboBox:
    """An editable list of every IANA time zone, set to ``current``."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(sorted(zoneinfo.available_timezones()))
    combo.setCurrentText(current)
    return combo


class BusinessPage(StepPage):
    """Name, time zone, contact email, phone, address → the business profile."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Your business"),
            translate(
                "SetupWizard",
                "Tell CareOps about the business. The time zone decides how bookings are shown "
                "and offered; the email is where customers' replies go.",
            ),
        )
        self.name = QLineEdit()
        self.name.setObjectName("businessName")
        self.timezone = timezone_combo(guess_local_zone())
        self.timezone.setObjectName("businessTimezone")
        self.contact_email = QLineEdit()
        self.contact_email.setObjectName("businessEmail")
        self.phone = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        form = QFormLayout()
        form.addRow(translate("SetupWizard", "Business name"), self.errors.wrap("name", self.name))
        form.addRow(
            translate("SetupWizard", "Time zone"), self.errors.wrap("timezone", self.timezone)
        )
        form.addRow(
            translate("SetupWizard", "Contact email"),
            self.errors.wrap("contact_email", self.contact_email),
        )
        form.addRow(translate("SetupWizard", "Phone"), self.errors.wrap("phone", self.phone))
        form.addRow(translate("SetupWizard", "Address"), self.errors.wrap("address", self.address))
        self.body.addLayout(form)

    def save_job(self) -> SaveJob:
        return (
            steps.save_business,
            (self.actor,),
            {
                "name": self.name.text(),
                "timezone": self.timezone.currentText(),
                "contact_email": self.contact_email.text(),
                "phone": self.phone.text(),
                "address": self.address.toPlainText(),
            },
        )


class ProvidersPage(StepPage):
    """You as a provider (and optionally one more, e.g. a room), with weekly hours."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Who takes bookings"),
            translate(
                "SetupWizard",
                "A provider is a person (or a room or chair) customers book. Start with "
                "yourself; set the hours you are open each week.",
            ),
        )
        self.provider_ids: list[int] = []
        self.your_name = QLineEdit(actor.name)
        self.your_name.setObjectName("providerName")
        self.other_name = QLineEdit()
        self.other_name.setObjectName("otherProviderName")
        self.other_name.setPlaceholderText(
            translate("SetupWizard", "optional, e.g. Treatment room 2")
        )
        self.hours = WeeklyHoursEditor()
        form = QFormLayout()
        form.addRow(
            translate("SetupWizard", "Your name as provider"),
            self.errors.wrap("p0.name", self.your_name),
        )
        form.addRow(
            translate("SetupWizard", "Another provider"),
            self.errors.wrap("p1.name", self.other_name),
        )
        form.addRow(
            translate("SetupWizard", "Weekly hours"), self.errors.wrap("p0.hours", self.hours)
        )
        self.body.addLayout(form)

    def show_errors(self, fields: dict[str, str]) -> None:
        mapped: dict[str, str] = {}
        for key, text in fields.items():
            prefix, _, name = key.partition(".")
            if name.startswith("hours"):
                mapped.setdefault("p0.hours", text)
            elif name == "name":
                mapped[key] = text
            else:
                mapped.setdefault(f"{prefix}.name", text)
        self.errors.show(mapped)

    def save_job(self) -> SaveJob:
        hours = tuple(self.hours.hours())
        names = [(self.your_name.text(), "practitioner", self.actor.user_id)]
        if self.other_name.text().strip():
            names.append((self.other_name.text(), "practitioner", None))
        entries = [
            steps.ProviderEntry(
                self.provider_ids[i] if i < len(self.provider_ids) else None,
                name,
                kind,
                user_id,
                hours,
            )
            for i, (name, kind, user_id) in enumerate(names)
        ]
        return steps.save_providers, (self.actor, entries), {}

    def saved(self, result: Any) -> None:
        self.provider_ids = list(result)


class BookingTypesPage(StepPage):
    """Up to three services with their length and price."""

    def __init__(self, ops: Ops, actor: Actor, providers_page: ProvidersPage) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "What customers can book"),
            translate(
                "SetupWizard",
                "Add the services you offer. Every provider above offers them; you can change "
                "that later under Settings → Booking types.",
            ),
        )
        self.providers_page = providers_page
        self.booking_type_ids: list[int | None] = [None] * TYPE_ROWS
        self.names: list[QLineEdit] = []
        self.minutes: list[QSpinBox] = []
        self.prices: list[QDoubleSpinBox] = []
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("SetupWizard", "Name")), 0, 0)
        grid.addWidget(QLabel(translate("SetupWizard", "Minutes")), 0, 1)
        grid.addWidget(QLabel(translate("SetupWizard", "Price")), 0, 2)
        for row in range(TYPE_ROWS):
            name = QLineEdit(translate("SetupWizard", "Consultation") if row == 0 else "")
            name.setObjectName(f"typeName{row}")
            minutes = QSpinBox()
            minutes.setRange(5, 600)
            minutes.setSingleStep(5)
            minutes.setValue(30)
            price = QDoubleSpinBox()
            price.setRange(0, 100_000)
            price.setDecimals(2)
            price.setSpecialValueText(translate("SetupWizard", "no price"))
            grid.addWidget(self.errors.wrap(f"t{row}.name", name), row + 1, 0)
            grid.addWidget(self.errors.wrap(f"t{row}.duration_minutes", minutes), row + 1, 1)
            grid.addWidget(self.errors.wrap(f"t{row}.price_minor", price), row + 1, 2)
            self.names.append(name)
            self.minutes.append(minutes)
            self.prices.append(price)
        self.body.addLayout(grid)
        self._rows: list[int] = []

    def save_job(self) -> SaveJob:
        self._rows = [r for r in range(TYPE_ROWS) if self.names[r].text().strip()]
        entries = [
            steps.BookingTypeEntry(
                self.booking_type_ids[r],
                self.names[r].text(),
                self.minutes[r].value(),
                round(self.prices[r].value() * 100) or None,
            )
            for r in self._rows
        ]
        return (
            steps.save_booking_types,
            (self.actor, entries, list(self.providers_page.provider_ids)),
            {},
        )

    def show_errors(self, fields: dict[str, str]) -> None:
        self.errors.show(
            errors_by_row(fields, self._rows, "t", ("name", "duration_minutes", "price_minor"))
        )

    def saved(self, result: Any) -> None:
        for row, type_id in zip(self._rows, result, strict=False):
            self.booking_type_ids[row] = type_id

    @property
    def saved_ids(self) -> list[int]:
        return [i for i in self.booking_type_ids if i is not None]


class FormsPage(StepPage):
    """Offer the starter intake form, sent with every booking type."""

    def __init__(self, ops: Ops, actor: Actor, types_page: BookingTypesPage) -> None:
        super().__init__(
            ops,
            actor,
            translate("SetupWizard", "Intake form"),
            translate(
                "SetupWizard",
                "CareOps can send customers a short form to fill in before their visit. "
                "Start with this one; you can edit it or add others in the Forms tab.",
            ),
        )
        self.types_page = types_page
        self.form_id: int | None = None
        definition = forms.starter_form_definition()
        self.use_starter = QCheckBox(
            translate("SetupWizard", "Send “{form}” with every booking").format(
                form=definition.name
            )
        )
        self.use_starter.setObjectName("useStarterForm")
        self.use_starter.setChecked(True)
        self.body.addWidget(self.use_starter)
        required = translate("SetupWizard", "• {question} (required)")
        questions = "\n".join(
            required.format(question=f.label) if f.required else f"• {f.label}"
            for f in definition.fields
        )
        self.body.addWidget(plain_label(questions, wrap=True))

    def save_job(self) -> SaveJob | None:
        if not self.use_starter.isChecked():
            return None
        return (
            steps.add_starter_form,
            (self.actor, self.form_id, self.types_page.saved_ids),
            {},
        )

    def saved(self, result: Any) -> None:
        self.form_id = int(result)
