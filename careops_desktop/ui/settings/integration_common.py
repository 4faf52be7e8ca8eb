"""Shared pieces of the integration settings: server fields and secrets.

Keyring lookups and network tries block, and neither belongs on the database worker: the
pages run them with :func:`careops_desktop.ui.off_thread.in_background`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from careops_desktop.integrations import secrets
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

SECURITY_CHOICES = (
    ("ssl", "SSL/TLS"),
    ("starttls", "STARTTLS"),
    ("none", QT_TRANSLATE_NOOP("IntegrationSettings", "None (not encrypted)")),
)
KEEP_SECRET = QT_TRANSLATE_NOOP(
    "IntegrationSettings", "stored in the system keyring; leave blank to keep it"
)
NO_SECRET = QT_TRANSLATE_NOOP("IntegrationSettings", "not stored yet")


def security_combo() -> QComboBox:
    combo = QComboBox()
    for value, label in SECURITY_CHOICES:
        combo.addItem(translate("IntegrationSettings", label), value)
    return combo


def set_security(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))


def port_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 65535)
    return spin


def secret_field(name: str) -> QLineEdit:
    """A password-style field; blank on save means "keep what the keyring has"."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(translate("IntegrationSettings", NO_SECRET))
    return edit


def secrets_present(pairs: list[tuple[str, str]]) -> list[bool]:
    """Which of ``(integration, field)`` have a stored secret (blocking; run in background)."""
    return [secrets.has_secret(integration, field) for integration, field in pairs]


def store_secrets(values: list[tuple[str, str, str]]) -> None:
    """Store each non-empty ``(integration, field, value)`` (blocking; run in background)."""
    for integration, field, value in values:
        if value:
            secrets.set_secret(integration, field, value)


def show_presence(fields: list[QLineEdit], present: list[bool]) -> None:
    for edit, stored in zip(fields, present, strict=True):
        edit.setPlaceholderText(
            translate("IntegrationSettings", KEEP_SECRET if stored else NO_SECRET)
        )


def health_text(connected: bool, error: str) -> str:
    """The last outcome of talking to a service, in words."""
    if error:
        return translate("IntegrationSettings", "Last problem: {error}").format(error=error)
    return translate("IntegrationSettings", "Working.") if connected else ""
