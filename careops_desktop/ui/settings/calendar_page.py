"""Settings → Calendar: the CalDAV account, and each provider's calendars.

The account (server address, user, options) is saved in the database; the app
password (or OAuth token) goes to the OS keyring only. "Test connection" lists the
account's calendars (on a thread of its own) or says in words what went wrong:
a wrong password, a wrong address, a server that does not answer, a certificate
problem. Then, per provider, pick the calendar their bookings are written to and
the calendars whose busy times block their slots.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.services import calendar
from careops_desktop.core.services.calendar import (
    CalendarAccount,
    CalendarRef,
    ProviderCalendars,
)
from careops_desktop.integrations import secrets
from careops_desktop.integrations.caldav_client import (
    CalDavConnection,
    CalendarError,
    RemoteCalendar,
)
from careops_desktop.ui import off_thread
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.dates_text import date_and_time_text
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.widgets.field_errors import FieldErrors

SOURCES = (
    ("auto", QT_TRANSLATE_NOOP("CalendarSettingsPage", "Automatic")),
    ("events", QT_TRANSLATE_NOOP("CalendarSettingsPage", "Events")),
    ("freebusy", QT_TRANSLATE_NOOP("CalendarSettingsPage", "Free-busy report")),
)
AUTHS = (
    ("password", QT_TRANSLATE_NOOP("CalendarSettingsPage", "App password")),
    ("token", QT_TRANSLATE_NOOP("CalendarSettingsPage", "OAuth token (Google)")),
)


def list_calendars(account: CalendarAccount, typed_secret: str) -> list[RemoteCalendar]:
    """The account's calendars (worker thread); the typed secret, else the stored one."""
    secret = typed_secret
    if not secret:
        try:
            secret = secrets.get_secret("caldav", "password") or ""
        except secrets.SecretsUnavailable as exc:
            raise CalendarError(str(exc)) from None
    if not secret:
        raise CalendarError(translate("CalendarSettingsPage", "Enter the app password first."))
    with CalDavConnection(
        account.url, account.username, secret, account.auth, account.timeout_seconds
    ) as connection:
        found = connection.calendars()
    if not found:
        raise CalendarError(
            translate(
                "CalendarSettingsPage",
                "The account has no calendars yet; make one in your calendar app.",
            )
        )
    return found


def store_secret(secret: str) -> str:
    """Keep the app password in the keyring (worker thread); words for the page."""
    if not secret:
        return translate("CalendarSettingsPage", "Saved.")
    try:
        secrets.set_secret("caldav", "password", secret)
    except (secrets.SecretsUnavailable, ValueError) as exc:
        return translate(
            "CalendarSettingsPage", "Saved, but the password was not kept: {reason}"
        ).format(reason=exc)
    return translate("CalendarSettingsPage", "Saved. The password is kept in the system keyring.")


class ProviderRow:
    """One provider's choices: the write calendar and the blocking calendars."""

    def __init__(self, provider: ProviderCalendars, calendars: list[RemoteCalendar]) -> None:
        self.provider = provider
        self.write = QComboBox()
        self.write.setObjectName(f"writeCalendar{provider.provider_id}")
        self.write.addItem(translate("CalendarSettingsPage", "Not written to a calendar"), None)
        known = {c.url: c.name for c in calendars}
        if provider.write_calendar and provider.write_calendar.url not in known:
            known[provider.write_calendar.url] = provider.write_calendar.name
        for ref in provider.blocking:
            known.setdefault(ref.url, ref.name)
        for url, name in known.items():
            self.write.addItem(name or url, url)
        if provider.write_calendar:
            self.write.setCurrentIndex(max(0, self.write.findData(provider.write_calendar.url)))
        chosen = {ref.url for ref in provider.blocking}
        self.blocking: list[tuple[QCheckBox, CalendarRef]] = []
        for url, name in known.items():
            box = QCheckBox(name or url)
            box.setChecked(url in chosen)
            self.blocking.append((box, CalendarRef(url, name)))
        self.names = dict(known)
        status = translate("CalendarSettingsPage", "Never synced.")
        if provider.last_synced_at is not None:
            status = translate("CalendarSettingsPage", "Last read {moment} UTC.").format(
                moment=date_and_time_text(provider.last_synced_at)
            )
        if provider.last_error:
            status = provider.last_error
        self.status = plain_label(status, wrap=True)

    def choice(self) -> tuple[CalendarRef | None, list[CalendarRef]]:
        url = self.write.currentData()
        write = CalendarRef(str(url), self.names.get(str(url), "")) if url else None
        return write, [ref for box, ref in self.blocking if box.isChecked()]


class CalendarSettingsPage(QWidget):
    """The account form, Test connection, and the providers' calendar choices."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self._tasks: set[asyncio.Task[Any]] = set()
        self.calendars: list[RemoteCalendar] = []
        self.rows: list[ProviderRow] = []
        self.errors = FieldErrors()
        self.setMaximumWidth(900)

        self.url = QLineEdit()
        self.url.setObjectName("calendarUrl")
        self.url.setPlaceholderText("https://caldav.fastmail.com/  ·  https://caldav.icloud.com/")
        self.username = QLineEdit()
        self.username.setObjectName("calendarUser")
        self.password = QLineEdit()
        self.password.setObjectName("calendarPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        self.auth = QComboBox()
        for key, text in AUTHS:
            self.auth.addItem(self.tr(text), key)
        self.source = QComboBox()
        for key, text in SOURCES:
            self.source.addItem(self.tr(text), key)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 1440)
        self.minutes.setSuffix(self.tr(" min"))
        self.all_day = QCheckBox(self.tr("All-day events block the whole day"))
        self.tentative = QCheckBox(self.tr("Tentative events block"))
        self.notes = QCheckBox(self.tr("Put the customer's booking notes into the event"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testCalendar")
        self.save_button = QPushButton(self.tr("Save account"))
        self.save_button.setObjectName("saveCalendarAccount")
        self.links_button = QPushButton(self.tr("Save calendars"))
        self.links_button.setObjectName("saveCalendarLinks")
        self.status = plain_label(wrap=True)
        self.status.setObjectName("calendarStatus")
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save_account)
        self.links_button.clicked.connect(self.save_links)

        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.errors.wrap("url", self.url))
        form.addRow(self.tr("User"), self.errors.wrap("username", self.username))
        form.addRow(self.tr("Sign in with"), self.errors.wrap("auth", self.auth))
        form.addRow(self.tr("App password"), self.password)
        form.addRow(self.tr("Read busy time every"), self.errors.wrap("sync_minutes", self.minutes))
        form.addRow(self.tr("Busy time from"), self.errors.wrap("busy_source", self.source))
        for box in (self.all_day, self.tentative, self.notes):
            form.addRow("", box)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.grid = QGridLayout()
        providers = QGroupBox(self.tr("Calendars of each provider"))
        inner = QVBoxLayout(providers)
        inner.addLayout(self.grid)
        inner.addWidget(self.links_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Connect a CalDAV account (iCloud, Fastmail, Nextcloud, Google and others). "
                    "Each provider's bookings are written to their calendar, and busy times in "
                    "the calendars you tick are never offered on the booking page."
                ),
                wrap=True,
            )
        )
        layout.addWidget(self.errors.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(providers)
        layout.addStretch(1)
        self.load()

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        self.ops.query(calendar.get_account, on_done=self._show_account, owner=self)
        self.ops.query(calendar.list_provider_calendars, on_done=self._show_providers, owner=self)

    def _show_account(self, account: CalendarAccount) -> None:
        self.url.setText(account.url)
        self.username.setText(account.username)
        self.auth.setCurrentIndex(max(0, self.auth.findData(account.auth)))
        self.source.setCurrentIndex(max(0, self.source.findData(account.busy_source)))
        self.minutes.setValue(account.sync_minutes)
        self.all_day.setChecked(account.all_day_blocks)
        self.tentative.setChecked(account.tentative_blocks)
        self.notes.setChecked(account.include_notes)

    def _show_providers(self, providers: list[ProviderCalendars]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = [ProviderRow(p, self.calendars) for p in providers]
        for index, row in enumerate(self.rows):
            self.grid.addWidget(plain_label(row.provider.provider_name), index * 2, 0)
            self.grid.addWidget(row.write, index * 2, 1)
            boxes = QWidget()
            line = QHBoxLayout(boxes)
            line.setContentsMargins(0, 0, 0, 0)
            for box, _ref in row.blocking:
                line.addWidget(box)
            line.addStretch(1)
            self.grid.addWidget(boxes, index * 2, 2)
            self.grid.addWidget(row.status, index * 2 + 1, 1, 1, 2)
        self.links_button.setEnabled(bool(self.rows))

    def account(self) -> CalendarAccount:
        """The account as typed (not yet validated)."""
        return dataclasses.replace(
            CalendarAccount(),
            url=self.url.text().strip(),
            username=self.username.text().strip(),
            auth=str(self.auth.currentData()),
            busy_source=str(self.source.currentData()),
            sync_minutes=self.minutes.value(),
            all_day_blocks=self.all_day.isChecked(),
            tentative_blocks=self.tentative.isChecked(),
            include_notes=self.notes.isChecked(),
        )

    # -- actions ------------------------------------------------------------------------------

    def test(self) -> None:
        """List the account's calendars off the Qt thread, or say what went wrong."""
        self.errors.clear()
        try:
            account = calendar.validate_account(self.account())
        except ValidationError as exc:
            self.errors.show(exc.fields)
            return
        off_thread.spawn(self._test(account, self.password.text()), into=self._tasks)

    async def _test(self, account: CalendarAccount, secret: str) -> None:
        self._busy(True, self.tr("Connecting…"))
        try:
            found = await run_off_thread(list_calendars, account, secret)
            names = ", ".join(c.name or c.url for c in found)
            text = self.tr("Connected. Calendars: {names}.").format(names=names)
        except CareOpsError as exc:
            found, text = [], str(exc)
        if not shiboken6.isValid(self):
            return
        self._busy(False, text)
        if found:
            self.calendars = found
            self.ops.query(
                calendar.list_provider_calendars, on_done=self._show_providers, owner=self
            )

    def save_account(self) -> None:
        self.errors.clear()
        self._busy(True, self.tr("Saving…"))
        self.ops.command(
            calendar.save_account,
            self.actor,
            self.account(),
            on_done=self._account_saved,
            on_error=self._refused,
            owner=self,
        )

    def _account_saved(self, _account: CalendarAccount) -> None:
        secret = self.password.text()
        self.password.clear()
        off_thread.spawn(self._keep_secret(secret), into=self._tasks)

    async def _keep_secret(self, secret: str) -> None:
        text = await run_off_thread(store_secret, secret)
        if shiboken6.isValid(self):
            self._busy(False, text)

    def save_links(self) -> None:
        self.errors.clear()
        off_thread.spawn(self._save_links(), into=self._tasks)

    async def _save_links(self) -> None:
        self._busy(True, self.tr("Saving…"))
        text = self.tr("Saved. Bookings of providers with a calendar are sent to it.")
        for row in list(self.rows):
            write, blocking = row.choice()
            try:
                await self.ops.run(
                    calendar.set_provider_calendars,
                    self.actor,
                    row.provider.provider_id,
                    write,
                    blocking,
                )
            except ValidationError as exc:
                text = self.tr("{provider}: {problems}").format(
                    provider=row.provider.provider_name, problems="; ".join(exc.fields.values())
                )
                break
            except CareOpsError as exc:
                text = str(exc)
                break
        if shiboken6.isValid(self):
            self._busy(False, text)

    def _refused(self, exc: CareOpsError) -> None:
        self._busy(False, "")
        if isinstance(exc, ValidationError):
            self.errors.show(exc.fields)
        else:
            self.errors.show({"__all__": str(exc)})

    def _busy(self, busy: bool, text: str) -> None:
        for button in (self.test_button, self.save_button, self.links_button):
            button.setEnabled(not busy)
        set_plain(self.status, text)
