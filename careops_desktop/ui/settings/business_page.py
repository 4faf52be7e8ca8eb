"""Settings → Business (profile, booking page address, setup checklist) and → Booking policy."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.services import business, page_publishing
from careops_desktop.core.services.business import BusinessProfile, ChecklistItem
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.wizard.pages_setup import timezone_combo

POLICY_FIELDS: tuple[tuple[str, str, str], ...] = (
    (
        "min_notice_minutes",
        QT_TRANSLATE_NOOP("PolicySettingsPage", "Minimum notice"),
        QT_TRANSLATE_NOOP("PolicySettingsPage", " minutes"),
    ),
    (
        "booking_horizon_days",
        QT_TRANSLATE_NOOP("PolicySettingsPage", "Book at most"),
        QT_TRANSLATE_NOOP("PolicySettingsPage", " days ahead"),
    ),
    (
        "cancellation_cutoff_hours",
        QT_TRANSLATE_NOOP("PolicySettingsPage", "Customers may cancel until"),
        QT_TRANSLATE_NOOP("PolicySettingsPage", " hours before"),
    ),
    (
        "slot_step_minutes",
        QT_TRANSLATE_NOOP("PolicySettingsPage", "Offer a start every"),
        QT_TRANSLATE_NOOP("PolicySettingsPage", " minutes"),
    ),
    (
        "form_due_hours_before",
        QT_TRANSLATE_NOOP("PolicySettingsPage", "Forms are due"),
        QT_TRANSLATE_NOOP("PolicySettingsPage", " hours before"),
    ),
)


class BusinessSettingsPage(SettingsFormPage):
    """The business profile and where the booking page listens; the setup checklist."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context, self.tr("The business as customers see it, and its booking page.")
        )
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.timezone = timezone_combo("UTC")
        self.contact_email = QLineEdit()
        self.phone = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.page_enabled = QCheckBox(self.tr("Customers can book on the booking page"))
        self.page_bind_address = QLineEdit()
        self.page_port = QSpinBox()
        self.page_port.setRange(1, 65535)
        self.public_url = QLineEdit()
        self.public_url.setPlaceholderText(
            self.tr("blank: this computer's address on the network; https://… when published")
        )
        self.trusted_proxies = QLineEdit()
        self.trusted_proxies.setObjectName("trustedProxies")
        self.trusted_proxies.setPlaceholderText(
            self.tr("blank: none; the reverse proxy's address, such as 127.0.0.1 or 10.0.0.0/8")
        )
        for key, label, widget in (
            ("name", self.tr("Business name"), self.name),
            ("timezone", self.tr("Time zone"), self.timezone),
            ("contact_email", self.tr("Contact email"), self.contact_email),
            ("phone", self.tr("Phone"), self.phone),
            ("address", self.tr("Address"), self.address),
            ("currency", self.tr("Currency"), self.currency),
            ("page_enabled", self.tr("Booking page"), self.page_enabled),
            ("page_bind_address", self.tr("Listen on address"), self.page_bind_address),
            ("page_port", self.tr("Port"), self.page_port),
            ("public_url", self.tr("Address customers use"), self.public_url),
            ("trusted_proxies", self.tr("Trusted proxy addresses"), self.trusted_proxies),
        ):
            self.form.addRow(label, self.errors.wrap(key, widget))
        self.checklist_title = plain_label(self.tr("Setup checklist"))
        self.checklist_title.setObjectName("sectionTitle")
        self.checklist = plain_label(wrap=True)
        self.checklist.setObjectName("settingsChecklist")
        self.activation = plain_label()
        self.activation.setObjectName("activationState")
        self.activate_button = QPushButton(self.tr("Activate"))
        self.activate_button.setObjectName("activateButton")
        self.activate_button.clicked.connect(self._toggle_active)
        row = QHBoxLayout()
        row.addWidget(self.activation, 1)
        row.addWidget(self.activate_button)
        self.extra.addSpacing(12)
        self.extra.addWidget(self.checklist_title)
        self.extra.addWidget(self.checklist)
        self.extra.addLayout(row)
        self.profile: BusinessProfile | None = None
        if context.events is not None:
            context.events.settingsChanged.connect(self._load_checklist)
        self.load()

    def load(self) -> None:
        self.ops.query(business.get_profile, on_done=self._show, on_error=self.refused, owner=self)
        self.ops.query(page_publishing.trusted_proxies, on_done=self._show_proxies, owner=self)
        self._load_checklist()

    def _show_proxies(self, proxies: tuple[str, ...]) -> None:
        self.trusted_proxies.setText(", ".join(proxies))

    def _load_checklist(self, *_event: object) -> None:
        self.ops.query(business.setup_checklist, on_done=self._show_checklist, owner=self)

    def _show(self, profile: BusinessProfile) -> None:
        self.profile = profile
        self.name.setText(profile.name)
        self.timezone.setCurrentText(profile.timezone)
        self.contact_email.setText(profile.contact_email)
        self.phone.setText(profile.phone)
        self.address.setPlainText(profile.address)
        self.currency.setText(profile.currency)
        self.page_enabled.setChecked(profile.page_enabled)
        self.page_bind_address.setText(profile.page_bind_address)
        self.page_port.setValue(profile.page_port)
        self.public_url.setText(profile.public_url)
        self._show_activation(profile.is_active)

    def _show_activation(self, active: bool) -> None:
        set_plain(
            self.activation,
            self.tr("Active: customers can book online.") if active else self.tr("Not active yet."),
        )
        self.activate_button.setText(self.tr("Deactivate") if active else self.tr("Activate"))

    def _show_checklist(self, items: list[ChecklistItem]) -> None:
        lines = []
        for item in items:
            mark = "✔" if item.done else ("○" if item.optional else "✘")
            if item.done:
                lines.append(f"{mark}  {item.label}")
            else:
                lines.append(
                    self.tr("{mark}  {step} — {hint}").format(
                        mark=mark, step=item.label, hint=item.hint
                    )
                )
        set_plain(self.checklist, "\n".join(lines))

    def _toggle_active(self) -> None:
        active = bool(self.profile and self.profile.is_active)
        fn = business.deactivate if active else business.activate
        self.ops.command(
            fn,
            self.actor,
            on_done=lambda _r: self.load(),
            on_error=self._refused_activation,
            owner=self,
        )

    def _refused_activation(self, exc: CareOpsError) -> None:
        self.errors.show({"__all__": str(exc)})

    def save_job(self) -> SaveJob:
        values: dict[str, Any] = {
            "name": self.name.text(),
            "timezone": self.timezone.currentText(),
            "contact_email": self.contact_email.text(),
            "phone": self.phone.text(),
            "address": self.address.toPlainText(),
            "currency": self.currency.text(),
            "page_enabled": self.page_enabled.isChecked(),
            "page_bind_address": self.page_bind_address.text(),
            "page_port": self.page_port.value(),
            "public_url": self.public_url.text(),
            "trusted_proxies": self.trusted_proxies.text(),
        }
        return page_publishing.update_profile_and_proxies, (self.actor,), values

    def saved(self, result: Any) -> None:
        self._show(result)
        self._load_checklist()


class PolicySettingsPage(SettingsFormPage):
    """How far ahead and how late customers may book and cancel on the booking page."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(context, self.tr("The rules the booking page applies to customers."))
        self.spins: dict[str, QSpinBox] = {}
        for key, label, suffix in POLICY_FIELDS:
            low, high = business.POLICY_RANGES[key]
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(low, high)
            spin.setSuffix(self.tr(suffix))
            self.spins[key] = spin
            self.form.addRow(self.tr(label), self.errors.wrap(key, spin))
        self.load()

    def load(self) -> None:
        self.ops.query(business.get_profile, on_done=self._show, on_error=self.refused, owner=self)

    def _show(self, profile: BusinessProfile) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(getattr(profile, key)))

    def save_job(self) -> SaveJob:
        values = {key: spin.value() for key, spin in self.spins.items()}
        return business.update_profile, (self.actor,), values
