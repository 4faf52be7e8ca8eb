"""First run: make the owner account (the first person who signs in)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import auth
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.qsettings_keys import LAST_EMAIL
from careops_desktop.ui.ui_state import app_settings
from careops_desktop.ui.widgets.field_errors import FieldErrors


class CreateOwnerDialog(NamedOnShow, QDialog):
    """Name, email, password twice → ``auth.create_first_owner``; ``actor`` set on success."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor: Actor | None = None
        self.email_used = ""
        self.setObjectName("createOwnerDialog")
        self.setWindowTitle(self.tr("Welcome to CareOps"))
        self.setMinimumWidth(440)
        heading = plain_label(self.tr("Welcome to CareOps"))
        heading.setObjectName("pageHeading")
        intro = plain_label(
            self.tr(
                "First, make your own account. You will be the owner: you can add your staff "
                "later under Settings → Staff."
            ),
            wrap=True,
        )
        self.errors = FieldErrors()
        self.full_name = QLineEdit()
        self.full_name.setObjectName("ownerName")
        self.email = QLineEdit()
        self.email.setObjectName("ownerEmail")
        self.password = QLineEdit()
        self.password.setObjectName("ownerPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("at least {count} characters").format(count=auth.PASSWORD_MIN)
        )
        self.confirm = QLineEdit()
        self.confirm.setObjectName("ownerConfirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.errors.wrap("full_name", self.full_name))
        form.addRow(self.tr("Email"), self.errors.wrap("email", self.email))
        form.addRow(self.tr("Password"), self.errors.wrap("password", self.password))
        form.addRow(self.tr("Password again"), self.errors.wrap("confirm", self.confirm))
        buttons = QDialogButtonBox()
        self.create_button: QPushButton = buttons.addButton(
            self.tr("Create my account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createOwnerButton")
        self.create_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.errors.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.full_name.setFocus()

    def _submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.errors.show({"confirm": self.tr("The two passwords are not the same.")})
            return
        self.create_button.setEnabled(False)
        self.ops.command(
            auth.create_first_owner,
            email=self.email.text(),
            password=self.password.text(),
            full_name=self.full_name.text(),
            on_done=self._created,
            on_error=self._refused,
            owner=self,
        )

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.email_used = self.email.text().strip().lower()
        app_settings().setValue(LAST_EMAIL, self.email_used)
        self.accept()

    def _refused(self, exc: CareOpsError) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(exc.fields)
        else:
            self.errors.show({"__all__": str(exc)})
