"""Start-up: a damaged database opens the recovery screen; a restore brings the data back.

Real files all the way: a migrated SQLite database with an owner and a contact, a real
backup, the file's pages overwritten, then the app's controller opened on it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from careops_desktop.config import backups_dir
from careops_desktop.core import backup, storage
from careops_desktop.core.db import Database
from careops_desktop.core.models import Contact
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import auth, business, contacts
from careops_desktop.ui.login.dialog import LoginDialog
from careops_desktop.ui.recovery import RecoveryDialog
from tests.ui.shell_helpers import start_controller, wait_dialog

PAGE = 4096


def _business_database(path: Path, contact_name: str = "Grace Hopper") -> None:
    database = Database(f"sqlite:///{path}")
    try:
        upgrade_to_head(database.engine)
        database.call(business.ensure_business, "Riverside Clinic", "Europe/London")
        owner = database.call(
            auth.create_first_owner,
            email="ada@example.com",
            password="a long enough password",
            full_name="Ada Lovelace",
        )
        database.call(
            contacts.find_or_create_contact,
            owner,
            name=contact_name,
            email="c@example.com",
            phone="",
        )
    finally:
        database.close()


def _backup(path: Path, when: str) -> Path:
    from datetime import datetime

    database = Database(f"sqlite:///{path}")
    try:
        return backup.take_backup(
            database.engine, backups_dir(), now=datetime.fromisoformat(when), kind="daily"
        )
    finally:
        database.close()


def _damage(path: Path) -> None:
    """Overwrite the start of every page after the first two (the header stays)."""
    data = bytearray(path.read_bytes())
    for offset in range(2 * PAGE, len(data), PAGE):
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))
    assert backup.integrity_problems(path, quick=True)


def _contact_names(path: Path) -> list[str]:
    database = Database(f"sqlite:///{path}")
    try:
        with database.session() as session:
            return list(session.scalars(select(Contact.name).order_by(Contact.name)))
    finally:
        database.close()


def _accept_message(qtbot, controller) -> str:
    box = wait_dialog(qtbot, controller, QMessageBox)
    text = box.text()
    box.accept()
    return text


def test_damaged_database_recovery_screen_restore_data_back(qloop, qtbot, tmp_path) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path)
    taken = _backup(path, "2025-03-03T09:30:00+00:00")
    _damage(path)

    controller, task = start_controller(qloop, f"sqlite:///{path}")
    dialog = wait_dialog(qtbot, controller, RecoveryDialog)
    texts = [label.text() for label in dialog.findChildren(type(dialog.status))]
    assert "The CareOps database is damaged." in texts
    assert any("malformed" in t for t in texts)
    assert dialog.model.rowCount() == 1
    assert dialog.model.item(0, 2).text() == "Daily (automatic)"
    assert dialog.model.item(0, 0).text().startswith("2025-03-0")
    assert controller.database is None  # closed while the recovery screen shows

    qtbot.mouseClick(dialog.restore_latest_button, Qt.MouseButton.LeftButton)
    message = _accept_message(qtbot, controller)
    assert taken.name in message and "damaged file is kept" in message
    login = wait_dialog(qtbot, controller, LoginDialog)
    login.reject()
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result() == 0

    assert backup.integrity_problems(path) == []
    assert _contact_names(path) == ["Grace Hopper"]
    kept = list(backups_dir().glob("clinic-before-restore-*-damaged.sqlite3"))
    assert len(kept) == 1 and backup.integrity_problems(kept[0])


def test_a_damaged_newest_backup_is_skipped_and_a_foreign_file_refused(
    qloop, qtbot, tmp_path
) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path, "Older Contact")
    _backup(path, "2025-03-01T09:30:00+00:00")
    newest = _backup(path, "2025-03-02T09:30:00+00:00")
    _damage(newest)
    _damage(path)
    stranger = tmp_path / "notes.sqlite3"
    stranger.write_text("<b>not a database</b>\n" * 200)

    controller, task = start_controller(qloop, f"sqlite:///{path}")
    dialog = wait_dialog(qtbot, controller, RecoveryDialog)
    assert dialog.model.rowCount() == 2
    # a foreign file: refused in words, the dialog stays, nothing changed
    damaged_bytes = path.read_bytes()
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.file_dialog is not None and dialog.file_dialog.isVisible())
    dialog.file_dialog.selectFile(str(stranger))
    dialog.file_dialog.accept()
    qtbot.waitUntil(lambda: "cannot be restored" in dialog.status.text(), timeout=10_000)
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    assert "Nothing was changed." in dialog.status.text()
    assert dialog.isVisible() and path.read_bytes() == damaged_bytes

    # the latest good one is the older backup
    qtbot.mouseClick(dialog.restore_latest_button, Qt.MouseButton.LeftButton)
    message = _accept_message(qtbot, controller)
    assert newest.name not in message
    wait_dialog(qtbot, controller, LoginDialog).reject()
    qtbot.waitUntil(task.done, timeout=15_000)
    assert _contact_names(path) == ["Older Contact"]


def test_quit_leaves_the_damaged_file_alone(qloop, qtbot, tmp_path) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path)
    _damage(path)
    damaged = path.read_bytes()

    controller, task = start_controller(qloop, f"sqlite:///{path}")
    dialog = wait_dialog(qtbot, controller, RecoveryDialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.restore_latest_button.isEnabled()
    assert any("no backup" in label.text() for label in dialog.findChildren(type(dialog.status)))
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result() == 1
    assert path.read_bytes() == damaged


def test_a_network_drive_is_refused_in_words(
    qloop, qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    # this machine has no SMB share; report the folder's file system as one (the OS seam)
    real = storage.filesystem_type
    monkeypatch.setattr(
        storage,
        "filesystem_type",
        lambda p, mounts=None: "cifs" if share in Path(p).parents else real(p, mounts),
    )
    controller, task = start_controller(qloop, f"sqlite:///{share / 'clinic.sqlite3'}")
    box = wait_dialog(qtbot, controller, QMessageBox)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "network drive (cifs)" in box.text() and "PostgreSQL" in box.text()
    box.accept()
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result() == 1
    assert not (share / "clinic.sqlite3").exists()
