"""Settings → Calendar against a real CalDAV server (Radicale): readable errors, saving choices."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.integrations import secrets
from careops_desktop.jobs.calendar_jobs import build_calendar_jobs
from careops_desktop.runtime import Runtime
from careops_desktop.ui.bookings.outside_busy import NO_RUNTIME_TEXT, SyncNowButton
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.runtime_link import RuntimeLink
from careops_desktop.ui.settings.calendar_page import CalendarSettingsPage
from careops_desktop.ui.settings.registry import SETTINGS_PAGES, SettingsContext
from tests.core.booking_world import build_in
from tests.integrations.calendar_world import link_clinic, vevent
from tests.integrations.memory_keyring import memory_keyring
from tests.integrations.radicale_server import PASSWORD, USER, radicale
from tests.integrations.smtp_server import free_port
from tests.ui.conftest import wait_task

__all__ = ["memory_keyring", "radicale"]

OWNER = Actor(None, "Ada Owner", Role.OWNER, frozenset(Permission))


def _page(qtbot, ops) -> CalendarSettingsPage:  # type: ignore[no-untyped-def]
    page = CalendarSettingsPage(SettingsContext(ops, None, OWNER))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.rows), timeout=10_000)
    return page


def _test_and_wait(qtbot, page: CalendarSettingsPage, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: text in page.status.text() and not page._tasks, timeout=20_000)


def test_the_page_is_registered_under_settings() -> None:
    assert "calendar" in [spec.key for spec in SETTINGS_PAGES]


def test_wrong_password_and_unreachable_server_are_explained(  # type: ignore[no-untyped-def]
    qtbot, db, ops, radicale, memory_keyring
) -> None:
    build_in(db)
    page = _page(qtbot, ops)
    page.url.setText(radicale.url)
    page.username.setText(USER)
    page.password.setText("not-the-app-password")
    _test_and_wait(qtbot, page, "refused the user name or password (401)")
    assert "app password" in page.status.text()
    assert "not-the-app-password" not in page.status.text()

    page.url.setText(f"http://127.0.0.1:{free_port()}/")
    _test_and_wait(qtbot, page, "cannot be reached")
    assert page.test_button.isEnabled()

    page.url.setText("ftp://calendar.example.com/")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "https://" in page.errors.message("url")


def test_connect_pick_calendars_and_save(qtbot, db, ops, radicale, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    work = radicale.make_calendar("work", "Work")
    personal = radicale.make_calendar("personal", "Personal <b>home</b>")
    page = _page(qtbot, ops)
    page.url.setText(radicale.url)
    page.username.setText(USER)
    page.password.setText(PASSWORD)
    _test_and_wait(qtbot, page, "Connected. Calendars:")
    qtbot.waitUntil(lambda: page.rows and page.rows[0].write.count() == 3, timeout=10_000)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "keyring" in page.status.text() and not page._tasks, timeout=10_000)
    assert secrets.get_secret("caldav", "password") == PASSWORD
    assert page.password.text() == ""
    account = db.call(calendar_sync.get_account)
    assert (account.url, account.username) == (radicale.url, USER)

    alice = next(row for row in page.rows if row.provider.provider_id == world.alice)
    alice.write.setCurrentIndex(alice.write.findData(work))
    box = next(box for box, ref in alice.blocking if ref.url == personal)
    assert box.text() == "Personal <b>home</b>"  # a calendar's name is shown as written
    box.setChecked(True)
    qtbot.mouseClick(page.links_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved.") and not page._tasks)
    saved = {p.provider_id: p for p in db.call(calendar_sync.list_provider_calendars)}
    assert saved[world.alice].write_calendar == calendar_sync.CalendarRef(work, "Work")
    assert [r.url for r in saved[world.alice].blocking] == [personal]
    assert saved[world.bob].write_calendar is None


def test_sync_now_reads_the_calendars_without_blocking_the_window(  # type: ignore[no-untyped-def]
    qtbot, qloop, db, ops, radicale, memory_keyring
) -> None:
    linked = link_clinic(db, radicale)
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    stamp = f"{soon:%Y%m%dT%H%M%SZ}"
    radicale.put_event(linked.personal_url, vevent("x", f"DTSTART:{stamp}\nDURATION:PT1H"))
    # the runtime's own calendar job runs the pass, on the runtime's loop (not a second sync)
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=build_calendar_jobs(db))
    wait_task(qtbot, qloop.create_task(run_off_thread(runtime.start_in_thread)))
    link = RuntimeLink(db, host="127.0.0.1", port=0)
    link.runtime = runtime
    try:
        button = SyncNowButton(ops, lambda: link)
        qtbot.addWidget(button)
        messages: list[str] = []
        ops.statusMessage.connect(messages.append)
        button.click()
        assert not button.isEnabled()  # the click returned at once; the sync runs on
        qtbot.waitUntil(lambda: button.isEnabled() and bool(messages), timeout=20_000)
        assert messages[-1] == "Calendars read: 1, changes: 1."
        assert runtime.scheduler.jobs["calendar_sync"].failures == 0
    finally:
        wait_task(qtbot, qloop.create_task(run_off_thread(runtime.stop)))
    blocks = db.call(calendar_sync.busy_blocks_for, [linked.world.alice], soon, soon + timedelta(1))
    assert blocks[linked.world.alice] == [(soon, soon + timedelta(hours=1))]


def test_sync_now_without_a_runtime_says_where_the_sync_runs(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    button = SyncNowButton(ops, lambda: None)
    qtbot.addWidget(button)
    messages: list[str] = []
    ops.statusMessage.connect(messages.append)
    button.click()
    qtbot.waitUntil(lambda: button.isEnabled() and bool(messages), timeout=10_000)
    assert messages == [NO_RUNTIME_TEXT]
