"""Sign in (or unlock) with email and password; the last email is remembered on this computer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import AccountLocked, CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import auth
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.qsettings_keys import LAST_EMAIL
from careops_desktop.ui.ui_state import app_settings


def locked_message(exc: AccountLocked) -> str:
    """The lockout in words, with the time the account opens again in local time."""
    until = exc.until.astimezone()
    locale = QLocale()
    time = QTime(until.hour, until.minute)
    if until.date() == datetime.now().astimezone().date():
        when = locale.toString(time, QLocale.FormatType.ShortFormat)
    else:
        moment = QDateTime(QDate(until.year, until.month, until.day), time)
        when = locale.toString(moment, QLocale.FormatType.ShortFormat)
    return translate(
        "LoginDialog",
        "This account is locked after too many wrong passwords. "
        "Try again after {time}, or ask an owner to reset your password.",
    ).format(time=when)


class LoginDialog(NamedOnShow, QDialog):
    """Email + password → ``auth.login`` through ``ops``; ``actor`` is set on success.

    ``unlock_email`` turns it into the lock screen: the email is fixed and Cancel means
    "sign out" to the caller.
    """

    def __init__(
        self,
        ops: Ops,
        *,
        business_name: str = "",
        unlock_email: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: Actor | None = None
        self.email_used = ""
        self._unlock = unlock_email is not None
        self.setObjectName("loginDialog")
        self.setWindowTitle(
            self.tr("Unlock CareOps") if self._unlock else self.tr("Sign in to CareOps")
        )
        self.setMinimumWidth(440)

        heading = plain_label(business_name or "CareOps")
        heading.setObjectName("pageHeading")
        intro = plain_label(
            self.tr("The window was locked. Enter your password to go on.")
            if self._unlock
            else self.tr("Sign in with your email and password."),
            wrap=True,
        )
        self.email = QLineEdit()
        self.email.setObjectName("loginEmail")
        self.email.setPlaceholderText(self.tr("you@example.com"))
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = plain_label(wrap=True)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Password"), self.password)

        self.buttons = QDialogButtonBox()
        self.sign_in: QPushButton = self.buttons.addButton(
            self.tr("Unlock") if self._unlock else self.tr("Sign in"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.sign_in.setObjectName("signInButton")
        self.sign_in.setDefault(True)
        cancel = self.buttons.addButton(
            self.tr("Sign out") if self._unlock else self.tr("Quit"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        cancel.setObjectName("cancelButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if self._unlock:
            self.email.setText(unlock_email or "")
            self.email.setReadOnly(True)
            self.password.setFocus()
        else:
            last = str(app_settings().value(LAST_EMAIL, "") or "")
            self.email.setText(last)
            (self.password if last else self.email).setFocus()

    @property
    def error_text(self) -> str:
        """The refusal shown (blank when none)."""
        return self.error.text() if not self.error.isHidden() else ""

    def _show_error(self, text: str) -> None:
        set_plain(self.error, text)
        self.error.show()

    def _submit(self) -> None:
        email = self.email.text().strip()
        password = self.password.text()
        if not email or not password:
            self._show_error(self.tr("Enter your email and password."))
            return
        self.sign_in.setEnabled(False)
        self.error.hide()
        self.ops.command(
            auth.login, email, password, on_done=self._signed_in, on_error=self._refused, owner=self
        )

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.email_used = self.email.text().strip()
        if not self._unlock:
            app_settings().setValue(LAST_EMAIL, self.email_used)
        self.password.clear()
        self.accept()

    def _refused(self, exc: CareOpsError) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self._show_error(locked_message(exc) if isinstance(exc, AccountLocked) else str(exc))
