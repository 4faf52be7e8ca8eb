"""Settings → Integrations: the keyring's state, then email out, email in and text messages.

Each part saves on its own. When the computer has no system keyring the page says so
plainly ("credentials unavailable: …"); settings still save and everything else works.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from careops_desktop.integrations import integration_settings, secrets
from careops_desktop.ui.off_thread import in_background
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.integration_common import (
    health_text,
    secret_field,
    secrets_present,
    show_presence,
    store_secrets,
)
from careops_desktop.ui.settings.integrations_email import ImapSection, SmtpSection
from careops_desktop.ui.settings.registry import SettingsContext


class SmsSection(SettingsFormPage):
    """Twilio: the account (in the keyring) and the number texts come from."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            self.tr(
                "Text messages go through your Twilio account. The account SID and auth token "
                "are kept in the system keyring."
            ),
        )
        self.enabled = QCheckBox(self.tr("Send and receive text messages"))
        self.enabled.setObjectName("smsEnabled")
        self.account_sid = secret_field("twilioSid")
        self.auth_token = secret_field("twilioToken")
        self.from_number = QLineEdit()
        self.from_number.setObjectName("smsFrom")
        self.from_number.setPlaceholderText("+447700900123")
        self.base_url = QLineEdit()
        self.base_url.setObjectName("smsBaseUrl")
        self.poll = QSpinBox()
        self.poll.setRange(30, 86_400)
        self.poll.setSuffix(self.tr(" seconds"))
        self.form.addRow("", self.enabled)
        for key, label, widget in (
            ("account_sid", self.tr("Account SID"), self.account_sid),
            ("auth_token", self.tr("Auth token"), self.auth_token),
            ("from_number", self.tr("Twilio number"), self.from_number),
            ("base_url", self.tr("API address"), self.base_url),
            ("poll_seconds", self.tr("Check for replies every"), self.poll),
        ):
            self.form.addRow(label, self.errors.wrap(key, widget))
        self.health = plain_label(wrap=True)
        self.health.setObjectName("smsHealth")
        self.extra.addWidget(self.health)
        self.load()

    def load(self) -> None:
        self.ops.query(
            integration_settings.get_sms, on_done=self._show, on_error=self.refused, owner=self
        )
        self.ops.query(
            integration_settings.get_health, "sms", on_done=self._show_health, owner=self
        )
        self._refresh_secrets()

    def _refresh_secrets(self) -> None:
        in_background(
            self,
            secrets_present,
            [("twilio", "account_sid"), ("twilio", "auth_token")],
            on_done=lambda present: show_presence([self.account_sid, self.auth_token], present),
            on_error=lambda exc: self.errors.show({"__all__": str(exc)}),
        )

    def _show(self, settings: integration_settings.SmsSettings) -> None:
        self.enabled.setChecked(settings.enabled)
        self.from_number.setText(settings.from_number)
        self.base_url.setText(settings.base_url)
        self.poll.setValue(settings.poll_seconds)

    def _show_health(self, health: tuple[bool, str]) -> None:
        connected, error = health
        set_plain(self.health, health_text(connected, error))

    def save_job(self) -> SaveJob | None:
        typed = integration_settings.SmsSettings(
            enabled=self.enabled.isChecked(),
            from_number=self.from_number.text(),
            base_url=self.base_url.text(),
            poll_seconds=self.poll.value(),
        )
        return (integration_settings.save_sms, (self.actor, typed), {})

    def saved(self, result: Any) -> None:
        values = [
            ("twilio", "account_sid", self.account_sid.text().strip()),
            ("twilio", "auth_token", self.auth_token.text().strip()),
        ]
        if not any(value for _, _, value in values):
            return
        self.account_sid.clear()
        self.auth_token.clear()
        in_background(
            self,
            store_secrets,
            values,
            on_done=lambda _none: self._refresh_secrets(),
            on_error=lambda exc: self.errors.show({"auth_token": str(exc)}),
        )


class IntegrationsPage(QWidget):
    """The keyring line and one tab per outside service."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.keyring_state = plain_label(wrap=True)
        self.keyring_state.setObjectName("keyringState")
        self.smtp = SmtpSection(context)
        self.imap = ImapSection(context)
        self.sms = SmsSection(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.smtp, self.tr("Sending email"))
        self.tabs.addTab(self.imap, self.tr("Reading email"))
        self.tabs.addTab(self.sms, self.tr("Text messages"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.keyring_state)
        layout.addWidget(self.tabs, 1)
        in_background(
            self,
            secrets.status,
            on_done=lambda state: set_plain(self.keyring_state, state.text),
            on_error=lambda exc: set_plain(self.keyring_state, str(exc)),
        )
