"""Settings → Backups: back up now, the list, restore (checked, confirmed, the app reopens)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from careops_desktop.config import backups_dir
from careops_desktop.core import backup
from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.ui.restore_request import restore_requests
from careops_desktop.ui.settings.backups_page import BackupsPage
from careops_desktop.ui.settings.registry import SettingsContext
from tests.ui.conftest import demo_actor
from tests.ui.shell_helpers import copy_demo, finish, start_controller, wait_dialog, wait_window

OLD = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)


def _page(qtbot, ops, actor) -> BackupsPage:
    page = BackupsPage(SettingsContext(ops, None, actor))
    qtbot.addWidget(page)
    page.show()
    return page


def _select(page: BackupsPage, row: int) -> None:
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data), 4096):
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))


def test_back_up_now_then_the_list_newest_first(qtbot, demo_db, demo_ops) -> None:
    backup.take_backup(demo_db.engine, backups_dir(), now=OLD, kind="daily")
    other = backups_dir() / "another-daily-20250107-080000.sqlite3"  # another database's
    other.write_bytes(b"x")
    page = _page(qtbot, demo_ops, demo_actor(demo_db, "owner"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert str(backups_dir()) in page.intro.text()
    assert not page.restore_button.isEnabled()  # nothing selected yet

    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15_000)
    assert page.status.text().startswith("Backup written: demo-copy-manual-")
    assert page.model.item(0, 2).text() == "Made by hand"
    assert page.model.item(1, 2).text() == "Daily (automatic)"
    assert page.model.item(1, 0).text().startswith("2025-01-06")
    assert page.model.item(0, 1).text().endswith(("KB", "MB"))
    newest = page.rows[0].path
    assert backup.integrity_problems(newest) == []
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=5_000)


def test_a_damaged_backup_is_refused_in_words(qtbot, demo_db, demo_ops) -> None:
    bad = backup.take_backup(demo_db.engine, backups_dir(), now=OLD, kind="daily")
    _damage(bad)
    page = _page(qtbot, demo_ops, demo_actor(demo_db, "manager"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    _select(page, 0)
    assert page.restore_button.isEnabled()
    requested: list[str] = []
    restore_requests().requested.connect(requested.append)
    try:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "cannot be restored" in page.status.text(), timeout=10_000)
    finally:
        restore_requests().requested.disconnect(requested.append)
    assert "integrity check" in page.status.text() and "Nothing was changed" in page.status.text()
    assert page.confirm_box is None and requested == []


def test_restore_names_what_is_replaced_and_asks_first(qtbot, demo_db, demo_ops) -> None:
    good = backup.take_backup(demo_db.engine, backups_dir(), now=OLD, kind="daily")
    page = _page(qtbot, demo_ops, demo_actor(demo_db, "owner"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    _select(page, 0)
    requested: list[str] = []
    restore_requests().requested.connect(requested.append)
    try:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.confirm_box is not None, timeout=10_000)
        box = page.confirm_box
        details = box.informativeText()
        assert str(backup.sqlite_path(demo_db.engine)) in details
        assert "A copy of the database as it is now is kept" in details
        assert "close this window" in details
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.waitUntil(lambda: page.confirm_box is None, timeout=5_000)
        assert requested == []

        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.confirm_box is not None, timeout=10_000)
        restore = next(b for b in page.confirm_box.buttons() if b.text() == "Restore and reopen")
        restore.click()
        qtbot.waitUntil(lambda: requested == [str(good)], timeout=5_000)
    finally:
        restore_requests().requested.disconnect(requested.append)


def test_staff_with_settings_rights_cannot_restore_and_the_folder_opens(
    qtbot, demo_db, demo_ops
) -> None:
    backup.take_backup(demo_db.engine, backups_dir(), now=OLD, kind="daily")
    clerk = Actor(7, "Desk Clerk", Role.STAFF, frozenset({Permission.MANAGE_SETTINGS}))
    page = _page(qtbot, demo_ops, clerk)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    _select(page, 0)
    assert not page.restore_button.isEnabled()
    assert "Owners and managers" in page.restore_button.toolTip()
    opened: list[QUrl] = []
    page.open_url = opened.append
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(backups_dir()))]


def test_restore_from_settings_closes_restores_and_reopens(
    qloop, qtbot, tmp_path, demo_template
) -> None:
    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller)
    view = window.show_tab("settings", {"page": "backups"})
    page = view.pages["backups"]
    qtbot.waitUntil(lambda: page.is_sqlite and page.backup_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15_000)

    # after the backup: a contact that the restore will take away again
    other = Database(url)
    try:
        with other.write_session() as session:
            session.add(Contact(name="Added After The Backup", email="late@example.com"))
    finally:
        other.close()

    _select(page, 0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_box is not None, timeout=10_000)
    next(b for b in page.confirm_box.buttons() if b.text() == "Restore and reopen").click()

    box = wait_dialog(qtbot, controller, QMessageBox, timeout=20_000)
    assert "restored from" in box.text() and "kept as" in box.text()
    box.accept()
    reopened = wait_window(qtbot, controller, timeout=20_000)
    assert reopened is not window
    assert finish(qtbot, controller, task) == 0

    check = Database(url)
    try:
        with check.session() as session:
            names = set(session.scalars(select(Contact.name)))
    finally:
        check.close()
    assert "Added After The Backup" not in names and names
    kept = list(backups_dir().glob("demo-before-restore-*.sqlite3"))
    assert len(kept) == 1


def test_a_backup_that_cannot_be_written_says_why(qtbot, demo_db, demo_ops, tmp_path) -> None:
    page = _page(qtbot, demo_ops, demo_actor(demo_db, "owner"))
    qtbot.waitUntil(lambda: demo_ops.pending == 0, timeout=10_000)
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    page.folder = blocked
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be written" in page.status.text(), timeout=15_000)
    assert str(blocked) in page.status.text()
    assert page.backup_button.isEnabled() and blocked.read_text() == "x"
