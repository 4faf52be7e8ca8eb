"""Settings → Updates: the opt-in check for a newer CareOps (a setting of this computer).

Off by default. When the person turns it on and presses "Check now", one plain request
goes to the release feed's address (no query, no cookies, the version in the User-Agent
only) on the shared pool (``off_thread``); the signed answer says whether a newer version
exists, with its notes (plain text) and a link the person may open. Nothing is downloaded
or installed. The choice and the address live in QSettings (``updates/…``), not in the
business's database: each front-desk computer decides for itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.integrations import update_check
from careops_desktop.integrations.release_feed import FeedError, Release
from careops_desktop.ui import off_thread
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.qsettings_keys import UPDATES_ENABLED_KEY, UPDATES_FEED_URL_KEY
from careops_desktop.ui.settings.dates_text import date_text
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.ui_state import app_settings
from careops_desktop.ui.updates_at_start import check_enabled, feed_url


def published_text(published: str) -> str:
    """The feed's release date (``2027-01-15``) as the locale writes a date; else as given."""
    try:
        return date_text(date.fromisoformat(published))
    except ValueError:
        return published


class UpdatesPage(QWidget):
    """Turn the update check on or off, set the feed's address, and check now."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.context = context
        self.setMaximumWidth(860)
        self.open_url = QDesktopServices.openUrl  # the tests replace it
        self._release_url = ""
        outer = QVBoxLayout(self)
        outer.addWidget(
            plain_label(
                self.tr(
                    "CareOps can ask its release feed whether a newer version exists. This is off "
                    "until you turn it on. When on, CareOps asks once a day when it starts, and "
                    "whenever you press Check now: one plain request to the address below, with "
                    "nothing about you or your business in it. It never downloads or installs "
                    "anything by itself."
                ),
                wrap=True,
            )
        )
        form = QFormLayout()
        self.enabled = QCheckBox(self.tr("Check for updates"))
        self.enabled.setObjectName("checkForUpdates")
        self.enabled.setChecked(check_enabled())
        form.addRow("", self.enabled)
        self.address = QLineEdit(feed_url())
        self.address.setObjectName("feedUrl")
        self.address.setToolTip(self.tr("The address of the signed release feed."))
        form.addRow(self.tr("Release feed address"), self.address)
        outer.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.check_button = QPushButton(self.tr("Check now"))
        self.check_button.setObjectName("checkNow")
        self.check_button.clicked.connect(self.check_now)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.result = plain_label(wrap=True)
        self.result.setObjectName("updateResult")
        outer.addWidget(self.result)
        self.notes = QPlainTextEdit()  # plain text only: the notes are never rendered
        self.notes.setObjectName("releaseNotes")
        self.notes.setAccessibleName(self.tr("Release notes"))
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(220)
        self.notes.hide()
        outer.addWidget(self.notes)
        self.open_button = QPushButton(self.tr("Open the download page"))
        self.open_button.setObjectName("openRelease")
        self.open_button.clicked.connect(self._open_release)
        self.open_button.hide()
        link_row = QHBoxLayout()
        link_row.addWidget(self.open_button)
        link_row.addStretch(1)
        outer.addLayout(link_row)
        outer.addStretch(1)
        self.enabled.toggled.connect(self._follow_enabled)
        self._follow_enabled(self.enabled.isChecked())

    def _follow_enabled(self, on: bool) -> None:
        self.check_button.setEnabled(on)

    def save(self) -> bool:
        """Keep the choice and the address on this computer; False (said why) when refused."""
        address = self.address.text().strip() or update_check.DEFAULT_FEED_URL
        problem = update_check.feed_url_problem(address)
        if problem:
            set_plain(self.result, problem)
            return False
        settings = app_settings()
        settings.setValue(UPDATES_ENABLED_KEY, "true" if self.enabled.isChecked() else "false")
        settings.setValue(UPDATES_FEED_URL_KEY, address)
        settings.sync()
        set_plain(self.result, self.tr("Saved."))
        return True

    def check_now(self) -> None:
        """Ask the feed on the shared pool; the answer is shown when it comes."""
        if not self.enabled.isChecked() or not self.save():
            return
        self._show_release(None)
        set_plain(self.result, self.tr("Asking the release feed…"))
        self.check_button.setEnabled(False)
        off_thread.in_background(
            self,
            update_check.check_with_release_key,
            self.address.text().strip() or update_check.DEFAULT_FEED_URL,
            on_done=self._answered,
            on_error=self._failed,
        )

    def _answered(self, answer: update_check.UpdateAnswer) -> None:
        self.check_button.setEnabled(self.enabled.isChecked())
        if not answer.newer:
            set_plain(
                self.result,
                self.tr("You have the newest version of CareOps ({version}).").format(
                    version=answer.current
                ),
            )
            return
        release = answer.release
        available = self.tr("CareOps {version} is available; you have {current}.").format(
            version=release.version, current=answer.current
        )
        if release.published:
            released = self.tr("It was released on {date}.").format(
                date=published_text(release.published)
            )
            available = f"{available} {released}"
        set_plain(self.result, available)
        self._show_release(release)

    def _failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(self.enabled.isChecked())
        self._show_release(None)
        if isinstance(exc, FeedError):
            set_plain(self.result, str(exc))
        else:
            set_plain(
                self.result,
                self.tr("The update check failed: {reason}.").format(reason=type(exc).__name__),
            )

    def _show_release(self, release: Release | None) -> None:
        self._release_url = release.url if release else ""
        self.notes.setPlainText(release.notes if release else "")
        self.notes.setVisible(bool(release and release.notes))
        self.open_button.setVisible(bool(self._release_url))
        self.open_button.setToolTip(self._release_url)

    def _open_release(self) -> None:
        if self._release_url.startswith("https://"):
            self.open_url(QUrl(self._release_url))
