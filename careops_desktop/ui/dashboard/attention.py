"""The Dashboard's messaging section: messages that could not be sent, and due reminders.

Shown under "Needs attention" when the core's dashboard reports failed messages or
reminders due but not sent (``DashboardData.failed_messages`` / ``reminders_due``):

- each failed message (the newest :data:`FAILED_SHOWN`, from ``outbox.list_failed``) with
  its channel, recipient and error in plain text and a **Retry now** button that runs
  ``outbox.retry_now`` through ``ops.command`` (MANAGE_INBOX) and then wakes the runtime's
  outbox relay, so it goes at once;
- the due reminders with **Send due reminders now**, which wakes the runtime's
  ``booking-reminders`` job on the runtime's own loop (``RuntimeLink.run_job_now``); when
  this window runs no runtime the section says so instead of offering the button.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Permission
from careops_desktop.core.services import outbox
from careops_desktop.core.services.dashboard import DashboardData
from careops_desktop.core.services.outbox import OutboxRow
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.plain import plain_label, safe_tooltip, set_plain
from careops_desktop.ui.tabs import TabContext

log = logging.getLogger(__name__)

FAILED_SHOWN = 5
ERROR_SHOWN = 90
RELAY_JOB = "outbox-relay"
REMINDERS_JOB = "booking-reminders"
RECHECK_MS = 1500  # the reminders job runs at once when woken; look again after this
KIND_TITLES = {
    "reminder": QT_TRANSLATE_NOOP("MessagingAttention", "Reminder"),
    "confirmation": QT_TRANSLATE_NOOP("MessagingAttention", "Confirmation"),
    "welcome": QT_TRANSLATE_NOOP("MessagingAttention", "Welcome"),
    "reply": QT_TRANSLATE_NOOP("MessagingAttention", "Reply"),
    "form_link": QT_TRANSLATE_NOOP("MessagingAttention", "Form link"),
    "form_reminder": QT_TRANSLATE_NOOP("MessagingAttention", "Form reminder"),
    "low_stock": QT_TRANSLATE_NOOP("MessagingAttention", "Low-stock alert"),
    "reschedule": QT_TRANSLATE_NOOP("MessagingAttention", "New time"),
    "cancellation": QT_TRANSLATE_NOOP("MessagingAttention", "Cancellation"),
    "manual": QT_TRANSLATE_NOOP("MessagingAttention", "Message"),
    "calendar_upsert": QT_TRANSLATE_NOOP("MessagingAttention", "Calendar entry"),
    "calendar_delete": QT_TRANSLATE_NOOP("MessagingAttention", "Calendar removal"),
}
CHANNEL_WORDS = {
    "sms": QT_TRANSLATE_NOOP("MessagingAttention", "SMS"),
    "email": QT_TRANSLATE_NOOP("MessagingAttention", "Email"),
    "calendar": QT_TRANSLATE_NOOP("MessagingAttention", "Calendar"),
}


def _one_line(text: str, limit: int) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def failed_text(row: OutboxRow) -> str:
    """One line for a failed message: what, to whom, and why (customer text kept as text)."""
    title = KIND_TITLES.get(row.kind)
    what = (
        translate("MessagingAttention", title)
        if title
        else row.kind.replace("_", " ").capitalize() or translate("MessagingAttention", "Message")
    )
    channel_words = CHANNEL_WORDS.get(row.channel)
    channel = translate("MessagingAttention", channel_words) if channel_words else ""
    error = _one_line(row.last_error, ERROR_SHOWN) or translate(
        "MessagingAttention", "no reason given"
    )
    return translate("MessagingAttention", "{what} ({channel}) to {recipient} — {error}").format(
        what=what, channel=channel, recipient=row.recipient, error=error
    )


class FailedMessageRow(QWidget):
    """One failed message and its Retry now button (hidden without MANAGE_INBOX)."""

    def __init__(self, row: OutboxRow, can_retry: bool) -> None:
        super().__init__()
        self.row = row
        self.setObjectName(f"failedMessage_{row.id}")
        self.label = plain_label(failed_text(row))
        self.label.setToolTip(safe_tooltip(row.last_error))
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retry = QPushButton(self.tr("Retry now"))
        self.retry.setObjectName("retryNowButton")
        self.retry.setVisible(can_retry)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(22, 0, 0, 0)
        layout.addWidget(self.retry)
        layout.addWidget(self.label, 1)


class MessagingAttention(QWidget):
    """Failed messages with Retry now; due reminders with Send due reminders now."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("messagingAttention")
        self.can_retry = context.actor.can(Permission.MANAGE_INBOX)
        self.rows: list[FailedMessageRow] = []
        self.failed_total = 0
        self._loading = False
        self._closed = False

        self.failed_box = QVBoxLayout()
        self.failed_box.setSpacing(2)
        self.more_label = plain_label()
        self.more_label.setObjectName("failedMoreLabel")
        self.more_label.setContentsMargins(22, 0, 0, 0)
        self.more_label.hide()

        self.reminders = QWidget()
        self.reminders.setObjectName("dueReminders")
        self.reminders_label = plain_label()
        self.reminders_label.setObjectName("dueRemindersLabel")
        self.send_reminders = QPushButton(self.tr("Send due reminders now"))
        self.send_reminders.setObjectName("sendRemindersButton")
        self.send_reminders.clicked.connect(self.send_due_reminders)
        reminders_row = QHBoxLayout(self.reminders)
        reminders_row.setContentsMargins(22, 0, 0, 0)
        reminders_row.addWidget(self.send_reminders)
        reminders_row.addWidget(self.reminders_label, 1)
        self.reminders.hide()

        self.recheck = QTimer(self)
        self.recheck.setObjectName("remindersRecheck")
        self.recheck.setSingleShot(True)
        self.recheck.setInterval(RECHECK_MS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.failed_box)
        layout.addWidget(self.more_label)
        layout.addWidget(self.reminders)
        self.setVisible(False)

    # -- the runtime ---------------------------------------------------------------------

    def _link(self) -> object | None:
        return getattr(self.context.window, "runtime_link", None)

    def _wake(self, job: str) -> bool:
        link = self._link()
        run_job_now = getattr(link, "run_job_now", None)
        return bool(callable(run_job_now) and run_job_now(job))

    def jobs_reachable(self) -> bool:
        """True when this window runs the runtime (its jobs can be woken from here)."""
        link = self._link()
        return bool(getattr(link, "jobs_running", False))

    # -- showing -------------------------------------------------------------------------

    def show_data(self, data: DashboardData) -> None:
        """Follow a fresh dashboard load: list the failed messages, offer the reminders."""
        if self._closed:
            return
        self.failed_total = data.failed_messages or 0
        if self.failed_total:
            self._load_failed()
        else:
            self._show_failed([])
        due = data.reminders_due or 0
        self.reminders.setVisible(bool(due))
        if due:
            reachable = self.jobs_reachable()
            self.send_reminders.setVisible(reachable)
            self.send_reminders.setEnabled(reachable and not self.recheck.isActive())
            words = (
                self.tr("%n booking reminder(s) due but not sent.", "", due)
                if reachable
                else self.tr(
                    "%n booking reminder(s) due but not sent: the reminders job is not "
                    "running in this window (is the app's booking page stopped?).",
                    "",
                    due,
                )
            )
            set_plain(self.reminders_label, counted(words, due))
        self._update_visible()

    def _update_visible(self) -> None:
        self.setVisible(bool(self.rows) or self.reminders.isVisibleTo(self))

    def _load_failed(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.context.ops.query(
            outbox.list_failed,
            FAILED_SHOWN,
            on_done=self._show_failed,
            on_error=self._failed_unavailable,
            owner=self,
        )

    def _failed_unavailable(self, exc: BaseException) -> None:
        self._loading = False
        log.warning("failed messages unavailable: %s", exc)

    def _show_failed(self, rows: list[OutboxRow]) -> None:
        self._loading = False
        if self._closed:
            return
        for old in self.rows:
            self.failed_box.removeWidget(old)
            old.deleteLater()
        self.rows = []
        for row in rows:
            widget = FailedMessageRow(row, self.can_retry)
            widget.retry.clicked.connect(lambda _=False, w=widget: self.retry(w))
            self.failed_box.addWidget(widget)
            self.rows.append(widget)
        more = self.failed_total - len(rows)
        self.more_label.setVisible(more > 0)
        if more > 0:
            set_plain(
                self.more_label,
                self.tr("…and {count} more, marked in their Inbox threads.").format(
                    count=QLocale().toString(more)
                ),
            )
        self._update_visible()

    # -- actions -------------------------------------------------------------------------

    def retry(self, widget: FailedMessageRow) -> None:
        """Queue the message again with fresh tries, then wake the relay."""
        widget.retry.setEnabled(False)
        widget.retry.setText(self.tr("Queued…"))
        self.context.ops.command(
            outbox.retry_now,
            self.context.actor,
            widget.row.id,
            on_done=self._retried,
            on_error=partial(self._retry_refused, widget),
            owner=self,
            success_message=self.tr("The message will be sent again now."),
        )

    def _retried(self, _result: object) -> None:
        self._wake(RELAY_JOB)  # the list follows through the outbox event

    def _retry_refused(self, widget: FailedMessageRow, exc: CareOpsError) -> None:
        self.context.ops.show_error(str(exc))
        if widget in self.rows:
            widget.retry.setEnabled(True)
            widget.retry.setText(self.tr("Retry now"))

    def send_due_reminders(self) -> None:
        """Wake the reminders job on the runtime's loop; look again shortly after."""
        if not self._wake(REMINDERS_JOB):
            set_plain(
                self.reminders_label, self.tr("The reminders job is not running in this window.")
            )
            self.send_reminders.hide()
            return
        self.send_reminders.setEnabled(False)
        set_plain(self.reminders_label, self.tr("Sending the due reminders…"))
        self.recheck.start()

    def shutdown(self) -> None:
        self._closed = True
        self.recheck.stop()
