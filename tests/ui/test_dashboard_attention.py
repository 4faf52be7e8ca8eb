"""The Dashboard's failed messages (Retry now) and due reminders (Send due reminders now)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from careops_desktop.core.models import Booking, OutboxMessage, utcnow
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.jobs.messaging import Automations
from careops_desktop.jobs.scheduler import Job
from careops_desktop.runtime import Runtime
from careops_desktop.ui.dashboard.attention import FAILED_SHOWN, MessagingAttention
from careops_desktop.ui.dashboard.view import DashboardView
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.runtime_link import RuntimeLink
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
)
from tests.ui.conftest import wait_task
from tests.ui.tab_helpers import owner_actor

HOSTILE_TO = '<img src="http://127.0.0.1:9/x">@example.com'
HOSTILE_ERROR = "<b>550</b> no such user\n\n<script>alert(1)</script>"


def _world(db, *, failed: int = 0, due_reminders: int = 0) -> list[int]:
    """A business with ``failed`` failed messages and bookings owed a reminder."""
    now = utcnow()
    booking_ids = []
    with db.write_session() as s:
        add_business(s, timezone="Europe/London")
        contact = add_contact(s, "Ada Lovelace")
        kind = add_booking_type(s, "Check-up")
        for n in range(due_reminders):
            provider = add_provider(s, f"Provider {n}")
            booking_ids.append(
                add_booking(
                    s,
                    contact_id=contact,
                    booking_type_id=kind,
                    provider_id=provider,
                    start=now + timedelta(hours=3 + n),
                    created_at=now - timedelta(days=5),
                )
            )
        for n in range(failed):
            s.add(
                OutboxMessage(
                    channel="email",
                    kind="reminder",
                    recipient=HOSTILE_TO if n == 0 else f"person{n}@example.com",
                    subject="Reminder",
                    status="failed",
                    attempts=8,
                    last_error=HOSTILE_ERROR if n == 0 else "421 try later",
                    created_at=now - timedelta(minutes=n),
                )
            )
    return booking_ids


def _open(qtbot, ops, bridge, actor: Actor, link: RuntimeLink | None = None) -> DashboardView:
    window = MainWindow(ops, bridge, actor, idle_minutes=0, runtime_link=link)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    page = window.show_tab("dashboard")
    assert isinstance(page, DashboardView)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    return page


def _close(qtbot, page: DashboardView, ops) -> None:
    page.window().close()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)


def test_failed_messages_are_listed_as_plain_text_and_retried(qtbot, db, ops, bridge) -> None:
    _world(db, failed=FAILED_SHOWN + 2)
    page = _open(qtbot, ops, bridge, owner_actor())
    section = page.attention
    qtbot.waitUntil(lambda: len(section.rows) == FAILED_SHOWN, timeout=10_000)
    assert section.isVisible()
    assert section.more_label.text() == "…and 2 more, marked in their Inbox threads."
    first = section.rows[0]
    assert first.label.textFormat() == Qt.TextFormat.PlainText
    assert first.label.text() == (
        f"Reminder (Email) to {HOSTILE_TO} — <b>550</b> no such user <script>alert(1)</script>"
    )
    assert "&lt;script&gt;" in first.label.toolTip()  # tooltips are rich text: escaped
    for label in section.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert first.retry.isVisible()

    target = first.row.id
    qtbot.mouseClick(first.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(section.rows) == FAILED_SHOWN and section.rows[0].row.id != target)
    with db.session() as s:
        row = s.get(OutboxMessage, target)
        assert (row.status, row.attempts) == ("queued", 0)
    assert page.data.failed_messages == FAILED_SHOWN + 1
    _close(qtbot, page, ops)


def test_a_refused_retry_is_shown_and_the_button_comes_back(qtbot, db, ops, bridge) -> None:
    _world(db, failed=1)
    page = _open(qtbot, ops, bridge, owner_actor())
    section = page.attention
    qtbot.waitUntil(lambda: len(section.rows) == 1, timeout=10_000)
    with db.write_session() as s:  # sent meanwhile by another front-desk PC
        s.get(OutboxMessage, section.rows[0].row.id).status = "sent"
    shown: list[str] = []
    ops.errorShown.connect(shown.append)
    section.rows[0].retry.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["status: This message has already been sent."]
    assert section.rows[0].retry.isEnabled()
    for box in QApplication.topLevelWidgets():  # the refusal's message box, for the next test
        if isinstance(box, QMessageBox):
            box.close()
            box.deleteLater()
    _close(qtbot, page, ops)


def test_without_inbox_rights_failures_show_but_cannot_be_retried(qtbot, db, ops, bridge) -> None:
    _world(db, failed=1)
    settings_only = Actor(1, "Sam", Role.STAFF, frozenset({Permission.MANAGE_SETTINGS}))
    page = _open(qtbot, ops, bridge, settings_only)
    section = page.attention
    qtbot.waitUntil(lambda: len(section.rows) == 1, timeout=10_000)
    assert not section.rows[0].retry.isVisible()
    assert section.rows[0].label.isVisible()
    _close(qtbot, page, ops)


def test_nothing_to_show_hides_the_section(qtbot, db, ops, bridge) -> None:
    _world(db)
    page = _open(qtbot, ops, bridge, owner_actor())
    assert isinstance(page.attention, MessagingAttention)
    assert not page.attention.isVisible()
    assert page.data.reminders_due == 0
    _close(qtbot, page, ops)


def test_due_reminders_without_a_runtime_say_so(qtbot, db, ops, bridge) -> None:
    _world(db, due_reminders=2)
    page = _open(qtbot, ops, bridge, owner_actor())
    section = page.attention
    assert page.data.reminders_due == 2
    assert page.data.alerts[0].kind == "reminders_due"
    assert section.reminders.isVisible()
    assert not section.send_reminders.isVisible()
    assert "not running in this window" in section.reminders_label.text()
    _close(qtbot, page, ops)


def test_send_due_reminders_now_wakes_the_job_on_the_runtime_loop(
    qtbot, qloop, db, ops, bridge
) -> None:
    booking_ids = _world(db, due_reminders=2)
    automations = Automations(db)
    woken: list[str] = []

    async def reminders() -> object:
        import threading

        woken.append(threading.current_thread().name)
        return await automations.booking_reminders()

    # the job would only run on its own in an hour: the button must wake it
    job = Job("booking-reminders", 3600, reminders, initial_delay=3600)
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[job])
    wait_task(qtbot, qloop.create_task(run_off_thread(runtime.start_in_thread)))
    link = RuntimeLink(db, host="127.0.0.1", port=0)
    link.runtime = runtime
    try:
        page = _open(qtbot, ops, bridge, owner_actor(), link)
        section = page.attention
        assert page.data.reminders_due == 2
        assert section.send_reminders.isVisible() and section.send_reminders.isEnabled()
        assert link.run_job_now("no-such-job") is False
        qtbot.mouseClick(section.send_reminders, Qt.MouseButton.LeftButton)
        assert not section.send_reminders.isEnabled()
        qtbot.waitUntil(lambda: woken == ["careops-runtime"], timeout=10_000)
        qtbot.waitUntil(lambda: page.data.reminders_due == 0, timeout=10_000)
        assert not section.isVisible()
        with db.session() as s:
            reminded = s.scalars(
                select(Booking.id).where(Booking.reminder_sent_at.is_not(None))
            ).all()
            queued = s.scalars(
                select(OutboxMessage.booking_id).where(OutboxMessage.kind == "reminder")
            ).all()
        assert sorted(reminded) == sorted(queued) == sorted(booking_ids)
        _close(qtbot, page, ops)
    finally:
        wait_task(qtbot, qloop.create_task(run_off_thread(runtime.stop)))
    assert link.run_job_now("booking-reminders") is False  # stopped: nothing to wake
