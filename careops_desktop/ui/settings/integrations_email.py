"""Settings → Integrations → Sending email (SMTP, "Send test email") and Reading email (IMAP).

Server settings are saved through ``integrations.integration_settings`` (the database, no secrets);
passwords go to the system keyring through ``integrations.secrets`` on a thread of their
own, after the settings were accepted. A blank password field keeps the stored one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from careops_desktop.core.errors import ValidationError
from careops_desktop.integrations import integration_settings, secrets
from careops_desktop.integrations.email_out import send_test_email
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.off_thread import in_background
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.dates_text import date_and_time_text
from careops_desktop.ui.settings.integration_common import (
    health_text,
    port_spin,
    secret_field,
    secrets_present,
    security_combo,
    set_security,
    show_presence,
    store_secrets,
)
from careops_desktop.ui.settings.registry import SettingsContext

PRESET_NAMES = (
    ("custom", QT_TRANSLATE_NOOP("MailServerSettings", "Other server")),
    ("gmail", "Gmail"),
    ("outlook", "Outlook / Microsoft 365"),
)


def _preset_combo() -> QComboBox:
    combo = QComboBox()
    for key, label in PRESET_NAMES:
        combo.addItem(translate("MailServerSettings", label), key)
    return combo


class _MailServerSection(SettingsFormPage):
    """What both mail sections share: a provider preset, the server, the login.

    ``kind`` ("smtp" or "imap") names the widgets (``smtpHost``, ``imapUsername``...) and
    the password's keyring entry ``(kind, "password")``; ``presets`` are the providers'
    server settings, applied when a provider is chosen (not while settings are shown).
    """

    def __init__(
        self,
        context: SettingsContext,
        intro: str,
        kind: str,
        presets: Mapping[
            str, integration_settings.SmtpSettings | integration_settings.ImapSettings
        ],
    ) -> None:
        super().__init__(context, intro)
        self.kind = kind
        self._presets = presets
        self.preset = _preset_combo()
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.host = QLineEdit()
        self.host.setObjectName(f"{kind}Host")
        self.port = port_spin()
        self.security = security_combo()
        self.username = QLineEdit()
        self.username.setObjectName(f"{kind}Username")
        self.password = secret_field(f"{kind}Password")
        self._loading = False

    def _add_server_rows(self, *more: tuple[str, str, QWidget]) -> None:
        """The Provider row, the server and login rows, then ``more`` (field key, label, widget)."""
        self.form.addRow(self.tr("Provider"), self.preset)
        for key, label, widget in (
            ("host", self.tr("Server"), self.host),
            ("port", self.tr("Port"), self.port),
            ("security", self.tr("Security"), self.security),
            ("username", self.tr("User name"), self.username),
            ("password", self.tr("Password"), self.password),
            *more,
        ):
            self.form.addRow(label, self.errors.wrap(key, widget))

    def _refresh_secret(self) -> None:
        """Say in the password field whether the keyring holds one (looked up off the Qt thread)."""
        in_background(
            self,
            secrets_present,
            [(self.kind, "password")],
            on_done=lambda present: show_presence([self.password], present),
            on_error=lambda exc: self.errors.show({"__all__": str(exc)}),
        )

    def _store_typed_password(
        self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None]
    ) -> None:
        """Move a typed password (none typed: nothing) to the keyring, off the Qt thread."""
        password = self.password.text()
        if not password:
            return
        self.password.clear()
        in_background(
            self,
            store_secrets,
            [(self.kind, "password", password)],
            on_done=on_done,
            on_error=on_error,
        )

    def _show_server(
        self, settings: integration_settings.SmtpSettings | integration_settings.ImapSettings
    ) -> None:
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        set_security(self.security, settings.security)
        self.username.setText(settings.username)

    def _apply_preset(self) -> None:
        preset = self._presets.get(str(self.preset.currentData()))
        if preset is None or self._loading:
            return
        self.host.setText(preset.host)
        self.port.setValue(preset.port)
        set_security(self.security, preset.security)


class SmtpSection(_MailServerSection):
    """The outgoing mail server, and a button that sends a test email with what is typed."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            self.tr(
                "Email to customers leaves through this mail server. The password is kept in "
                "the system keyring, never in the database."
            ),
            "smtp",
            integration_settings.SMTP_PRESETS,
        )
        self.preset.setObjectName("smtpPreset")
        self.port.setObjectName("smtpPort")
        self.security.setObjectName("smtpSecurity")
        self.username.setPlaceholderText(self.tr("blank: the server needs no login"))
        self.from_address = QLineEdit()
        self.from_address.setObjectName("smtpFrom")
        self.from_name = QLineEdit()
        self.from_name.setObjectName("smtpFromName")
        self._add_server_rows(
            ("from_address", self.tr("Send as"), self.from_address),
            ("from_name", self.tr("Sender name"), self.from_name),
        )
        self.health = plain_label(wrap=True)
        self.health.setObjectName("smtpHealth")
        self.test_to = QLineEdit()
        self.test_to.setObjectName("testEmailTo")
        self.test_to.setPlaceholderText(self.tr("send a test to this address"))
        self.test_button = QPushButton(self.tr("Send test email"))
        self.test_button.setObjectName("sendTestEmail")
        self.test_button.clicked.connect(self.send_test)
        self.test_result = plain_label(wrap=True)
        self.test_result.setObjectName("testEmailResult")
        row = QHBoxLayout()
        row.addWidget(self.test_to, 1)
        row.addWidget(self.test_button)
        self.extra.addWidget(self.health)
        self.extra.addLayout(row)
        self.extra.addWidget(self.test_result)
        self.load()

    def load(self) -> None:
        self.ops.query(
            integration_settings.get_smtp, on_done=self._show, on_error=self.refused, owner=self
        )
        self.ops.query(
            integration_settings.get_health, "email", on_done=self._show_health, owner=self
        )
        self._refresh_secret()

    def _show(self, settings: integration_settings.SmtpSettings) -> None:
        self._loading = True
        self._show_server(settings)
        self.from_address.setText(settings.from_address)
        self.from_name.setText(settings.from_name)
        self._loading = False

    def _show_health(self, health: tuple[bool, str]) -> None:
        set_plain(self.health, health_text(*health))

    def typed(self) -> integration_settings.SmtpSettings:
        return integration_settings.SmtpSettings(
            host=self.host.text(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            username=self.username.text(),
            from_address=self.from_address.text(),
            from_name=self.from_name.text(),
        )

    def save_job(self) -> SaveJob | None:
        return (integration_settings.save_smtp, (self.actor, self.typed()), {})

    def saved(self, result: Any) -> None:
        self._store_typed_password(lambda _none: self._refresh_secret(), self._secret_refused)

    def _secret_refused(self, exc: Exception) -> None:
        set_plain(self.status, self.tr("Saved, but the password was not stored."))
        self.errors.show({"password": str(exc)})

    def send_test(self) -> None:
        """Try the typed settings (saved or not): send a test email, off the Qt thread."""
        try:
            settings = integration_settings.validate_smtp(self.typed())
        except ValidationError as exc:
            self.errors.show(exc.fields)
            return
        to = self.test_to.text().strip()
        if not to:
            set_plain(self.test_result, self.tr("Enter the address to send the test to."))
            return
        typed_password = self.password.text()
        self.test_button.setEnabled(False)
        set_plain(
            self.test_result, self.tr("Sending a test email to {address}…").format(address=to)
        )

        def work() -> str:
            password = typed_password or (
                secrets.get_secret("smtp", "password") if settings.username else None
            )
            return send_test_email(settings, password, to, settings.from_name or "CareOps")

        in_background(self, work, on_done=self._test_sent, on_error=self._test_failed)

    def _test_sent(self, message_id: str) -> None:
        self.test_button.setEnabled(True)
        set_plain(
            self.test_result,
            self.tr("Sent. Look for it in {address}.").format(address=self.test_to.text().strip()),
        )

    def _test_failed(self, exc: Exception) -> None:
        self.test_button.setEnabled(True)
        set_plain(self.test_result, self.tr("Not sent: {reason}").format(reason=exc))


def _local_time(value: object) -> str:
    try:
        when = datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return ""
    return date_and_time_text(when.astimezone())


def poll_state_text(state: dict[str, Any]) -> str:
    """The IMAP poll's last success and last problem, in sentences (plain text)."""
    error = str(state.get("last_error") or "")
    success = _local_time(state.get("last_success_at"))
    failed_at = _local_time(state.get("last_poll_at"))
    since = _local_time(state.get("failing_since"))
    lines = []
    if success:
        lines.append(
            translate("MailServerSettings", "Email was last read successfully at {moment}.").format(
                moment=success
            )
        )
    elif error or failed_at:
        lines.append(translate("MailServerSettings", "Email has not been read successfully yet."))
    if error:
        lines.append(
            translate(
                "MailServerSettings",
                "Reading email has failed since {since}; the last try at {moment} said: {error}",
            ).format(since=since or failed_at, moment=failed_at, error=error)
        )
    return "\n".join(lines)


class ImapSection(_MailServerSection):
    """The mailbox whose replies come into the Inbox."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            self.tr(
                "Replies from customers are read from this mailbox. Mail stays unread in your "
                "mail program unless you choose otherwise."
            ),
            "imap",
            integration_settings.IMAP_PRESETS,
        )
        self.enabled = QCheckBox(self.tr("Read replies from this mailbox"))
        self.enabled.setObjectName("imapEnabled")
        self.folder = QLineEdit()
        self.mark_seen = QCheckBox(self.tr("Mark fetched mail as read"))
        self.poll = QSpinBox()
        self.poll.setRange(30, 86_400)
        self.poll.setSuffix(self.tr(" seconds"))
        self.form.addRow("", self.enabled)
        self._add_server_rows(
            ("folder", self.tr("Folder"), self.folder),
            ("mark_seen", "", self.mark_seen),
            ("poll_seconds", self.tr("Check every"), self.poll),
        )
        self.state = plain_label(wrap=True)
        self.state.setObjectName("imapState")
        self.extra.addWidget(self.state)
        self.load()

    def load(self) -> None:
        self.ops.query(
            integration_settings.get_imap, on_done=self._show, on_error=self.refused, owner=self
        )
        self.ops.query(
            integration_settings.get_state, "email", "imap", on_done=self._show_state, owner=self
        )
        self._refresh_secret()

    def _show(self, settings: integration_settings.ImapSettings) -> None:
        self._loading = True
        self.enabled.setChecked(settings.enabled)
        self._show_server(settings)
        self.folder.setText(settings.folder)
        self.mark_seen.setChecked(settings.mark_seen)
        self.poll.setValue(settings.poll_seconds)
        self._loading = False

    def _show_state(self, state: dict[str, Any]) -> None:
        set_plain(self.state, poll_state_text(state))

    def save_job(self) -> SaveJob | None:
        typed = integration_settings.ImapSettings(
            enabled=self.enabled.isChecked(),
            host=self.host.text(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            username=self.username.text(),
            folder=self.folder.text(),
            mark_seen=self.mark_seen.isChecked(),
            poll_seconds=self.poll.value(),
        )
        return (integration_settings.save_imap, (self.actor, typed), {})

    def saved(self, result: Any) -> None:
        self._store_typed_password(
            lambda _none: show_presence([self.password], [True]),
            lambda exc: self.errors.show({"password": str(exc)}),
        )
