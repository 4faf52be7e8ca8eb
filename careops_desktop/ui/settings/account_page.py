"""Settings for the person and this computer: change password, idle lock."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QSpinBox

from careops_desktop.core.services import auth
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.ui_state import idle_lock_minutes, set_idle_lock_minutes


class PasswordPage(SettingsFormPage):
    """Change your own password (the current one is asked for)."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            self.tr("Change the password you sign in with."),
            self.tr("Change password"),
        )
        self.old_password = QLineEdit()
        self.new_password = QLineEdit()
        self.confirm = QLineEdit()
        for edit, name in (
            (self.old_password, "oldPassword"),
            (self.new_password, "newPassword"),
            (self.confirm, "confirmPassword"),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        self.form.addRow(
            self.tr("Current password"), self.errors.wrap("old_password", self.old_password)
        )
        self.form.addRow(
            self.tr("New password"), self.errors.wrap("new_password", self.new_password)
        )
        self.form.addRow(self.tr("New password again"), self.errors.wrap("confirm", self.confirm))

    def save_job(self) -> SaveJob | None:
        if self.new_password.text() != self.confirm.text():
            self.errors.show({"confirm": self.tr("The two passwords are not the same.")})
            return None
        return (
            auth.change_password,
            (self.actor, self.old_password.text(), self.new_password.text()),
            {},
        )

    def saved(self, result: Any) -> None:
        for edit in (self.old_password, self.new_password, self.confirm):
            edit.clear()


class ThisComputerPage(SettingsFormPage):
    """How long this computer may sit untouched before CareOps locks the window."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            self.tr("These settings belong to this computer, not to the business."),
        )
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(0, 24 * 60)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setValue(idle_lock_minutes())
        self.form.addRow(self.tr("Lock the window after"), self.idle_minutes)

    def save(self) -> None:
        """Stored in QSettings (no database work); the open window follows at once."""
        set_idle_lock_minutes(self.idle_minutes.value())
        from PySide6.QtWidgets import QApplication

        from careops_desktop.ui.main_window import MainWindow

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.idle.set_minutes(self.idle_minutes.value())
        self.status.setText(self.tr("Saved."))
