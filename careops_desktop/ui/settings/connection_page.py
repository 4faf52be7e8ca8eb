"""Settings → Database connection: the database in use, and this computer's default.

Shows the database this window works on (a SQLite file, or PostgreSQL user@host/db —
never a password). An owner may enter a PostgreSQL address and its password, test
the connection (on a thread of its own, with readable refusals) and save it as this
computer's database from the next start: the address without its password goes to
``connection.json`` in the data folder (read by ``config.default_database_url``) and
to QSettings, the password to the OS keyring (``integrations/secrets.py``).
"use the SQLite file again" forgets the saved connection.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop import config
from careops_desktop.integrations import secrets
from careops_desktop.ui import off_thread
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.qsettings_keys import SAVED_URL_KEY
from careops_desktop.ui.settings.connection_check import (
    EXAMPLE,
    ConnectionProblem,
    check_connection,
    describe_database,
    parse_postgres_url,
)
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.ui_state import app_settings

log = logging.getLogger(__name__)


def save_default(url_without_password: str, password: str) -> str:
    """Store the connection for this computer (worker thread: the keyring may block).

    Returns the words for the page; a keyring that cannot be used keeps the address and
    says that the password was not kept.
    """
    kept = False
    note = ""
    try:
        secrets.set_secret("postgresql", "password", password)
        kept = bool(password)
    except secrets.SecretsUnavailable as exc:
        note = translate(
            "ConnectionPage",
            "The password was not kept ({reason}); the server must accept this computer "
            "without it (e.g. ~/.pgpass).",
        ).format(reason=exc)
    config.save_connection(url_without_password, password_in_keyring=kept)
    saved = translate(
        "ConnectionPage", "Saved. CareOps opens this database from its next start on this computer."
    )
    return f"{saved} {note}" if note else saved


def forget_default() -> str:
    """Forget the saved connection (worker thread); the SQLite file is used again."""
    config.save_connection(None)
    try:
        secrets.delete_secret("postgresql", "password")
    except secrets.SecretsUnavailable:
        pass
    return translate(
        "ConnectionPage",
        "Forgotten. CareOps opens the SQLite file in the data folder from its next start.",
    )


class ConnectionPage(QWidget):
    """The database in use; an owner's form for a PostgreSQL server (see the module doc)."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.context = context
        self.may_change = context.actor.is_owner
        self._tasks: set[asyncio.Task[Any]] = set()
        self.setMaximumWidth(860)

        in_use = describe_database(context.ops.database.url)
        self.in_use = plain_label(
            self.tr("This window works on: {database}").format(database=in_use), wrap=True
        )
        self.in_use.setObjectName("connectionInUse")
        saved = config.saved_connection()
        saved_text = (
            self.tr("This computer's saved connection: {database}").format(
                database=describe_database(saved[0])
            )
            if saved
            else self.tr(
                "No connection is saved: CareOps uses the SQLite file in the data folder "
                "(or --db / CAREOPS_DB when given)."
            )
        )
        self.saved_label = plain_label(saved_text, wrap=True)
        self.saved_label.setObjectName("connectionSaved")
        self.url = QLineEdit()
        self.url.setObjectName("connectionUrl")
        self.url.setPlaceholderText(EXAMPLE)
        remembered = app_settings().value(SAVED_URL_KEY, "")
        self.url.setText(str(remembered or (saved[0] if saved else "")))
        self.password = QLineEdit()
        self.password.setObjectName("connectionPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.save_button = QPushButton(self.tr("Save as this computer's database"))
        self.save_button.setObjectName("saveConnection")
        self.forget_button = QPushButton(self.tr("Use the SQLite file again"))
        self.forget_button.setObjectName("forgetConnection")
        self.status = plain_label(wrap=True)
        self.status.setObjectName("connectionStatus")
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        self.forget_button.clicked.connect(self.forget)

        form = QFormLayout()
        form.addRow(self.tr("PostgreSQL address"), self.url)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.save_button, self.forget_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_use)
        layout.addWidget(self.saved_label)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Several front desks share one PostgreSQL server: enter its address here "
                    "on every desk (see the README, “Several front desks”). A SQLite file stays "
                    "on one computer and is never shared over a network drive."
                ),
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        if not self.may_change:
            for widget in (self.url, self.password, self.test_button, self.save_button):
                widget.setEnabled(False)
            self.forget_button.setEnabled(False)
            set_plain(self.status, self.tr("Only an owner changes the database connection."))

    # -- actions --------------------------------------------------------------------------

    def test(self) -> None:
        """Try the address (off the Qt thread) and show what the server said."""
        parsed = self._parsed()
        if parsed is None:
            return
        off_thread.spawn(self._test(parsed), into=self._tasks)

    def save(self) -> None:
        """Keep the address (without password) and the password (keyring) for next start."""
        parsed = self._parsed()
        if parsed is None:
            return
        without = parsed._replace(password=None).render_as_string(hide_password=False)
        password = self.password.text() or (parsed.password or "")
        app_settings().setValue(SAVED_URL_KEY, without)
        off_thread.spawn(self._save(without, password), into=self._tasks)

    def forget(self) -> None:
        app_settings().remove(SAVED_URL_KEY)
        off_thread.spawn(self._forget(), into=self._tasks)

    # -- work -----------------------------------------------------------------------------

    def _parsed(self) -> Any:
        try:
            parsed = parse_postgres_url(self.url.text())
        except ConnectionProblem as exc:
            set_plain(self.status, str(exc))
            return None
        if parsed.password is not None and not self.password.text():
            # a password typed into the address moves to its own field, never to storage
            self.password.setText(parsed.password)
        if parsed.password is not None:
            self.url.setText(parsed._replace(password=None).render_as_string(hide_password=False))
        if self.password.text():
            parsed = parsed.set(password=self.password.text())
        return parsed

    async def _test(self, parsed: Any) -> None:
        self._busy(True, self.tr("Connecting…"))
        try:
            found = await run_off_thread(check_connection, parsed)
            text = found.text
        except ConnectionProblem as exc:
            text = str(exc)
        if shiboken6.isValid(self):
            self._busy(False, text)

    async def _save(self, without: str, password: str) -> None:
        self._busy(True, self.tr("Saving…"))
        try:
            text = await run_off_thread(save_default, without, password)
        except OSError as exc:
            text = self.tr("Nothing was saved: {reason}.").format(
                reason=exc.strerror or type(exc).__name__
            )
        if shiboken6.isValid(self):
            saved = describe_database(without)
            set_plain(
                self.saved_label,
                self.tr("This computer's saved connection: {database}").format(database=saved),
            )
            self._busy(False, text)

    async def _forget(self) -> None:
        self._busy(True, "")
        text = await run_off_thread(forget_default)
        if shiboken6.isValid(self):
            set_plain(self.saved_label, self.tr("No connection is saved."))
            self._busy(False, text)

    def _busy(self, busy: bool, text: str) -> None:
        for button in (self.test_button, self.save_button, self.forget_button):
            button.setEnabled(not busy)
        set_plain(self.status, text)
