"""Sign in: success (last email remembered), failure, lockout, lock and unlock, sign out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from careops_desktop.core.demo import plan
from careops_desktop.ui.login.dialog import LoginDialog
from careops_desktop.ui.ui_state import LAST_EMAIL, app_settings
from tests.ui.shell_helpers import (
    copy_demo,
    finish,
    start_controller,
    wait_dialog,
    wait_window,
)


def _sign_in(qtbot, dialog: LoginDialog, email: str, password: str) -> None:
    dialog.email.setText(email)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)


def _wait_error(qtbot, dialog: LoginDialog) -> str:
    qtbot.waitUntil(lambda: bool(dialog.error_text) and dialog.sign_in.isEnabled(), timeout=10_000)
    return dialog.error_text


def test_sign_in_success_remembers_the_email(qloop, qtbot, tmp_path: Path, demo_template) -> None:
    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url)
    dialog = wait_dialog(qtbot, controller, LoginDialog)
    assert dialog.email.text() == ""
    _sign_in(qtbot, dialog, plan.MANAGER_EMAIL.upper(), "wrong password!")
    assert _wait_error(qtbot, dialog) == "The email or password is not right."
    assert dialog.password.text() == ""
    _sign_in(qtbot, dialog, plan.MANAGER_EMAIL, plan.MANAGER_PASSWORD)
    window = wait_window(qtbot, controller)
    assert window.actor.role.value == "manager"
    assert app_settings().value(LAST_EMAIL) == plan.MANAGER_EMAIL

    # sign out: the sign-in dialog comes back with the email filled in
    window.signOutRequested.emit()
    again = wait_dialog(qtbot, controller, LoginDialog)
    assert again.email.text() == plan.MANAGER_EMAIL
    assert controller.window is None
    assert finish(qtbot, controller, task) == 0


def test_empty_fields_are_refused_without_asking(qloop, qtbot, tmp_path, demo_template) -> None:
    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url)
    dialog = wait_dialog(qtbot, controller, LoginDialog)
    _sign_in(qtbot, dialog, "", "")
    assert dialog.error_text == "Enter your email and password."
    assert finish(qtbot, controller, task) == 0


def test_five_wrong_passwords_lock_the_account(qloop, qtbot, tmp_path, demo_template) -> None:
    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url)
    dialog = wait_dialog(qtbot, controller, LoginDialog)
    for _ in range(4):
        _sign_in(qtbot, dialog, plan.STAFF_EMAIL, "not the password")
        assert _wait_error(qtbot, dialog) == "The email or password is not right."
        dialog.error.hide()
    _sign_in(qtbot, dialog, plan.STAFF_EMAIL, "not the password")
    locked = _wait_error(qtbot, dialog)
    assert locked.startswith("This account is locked after too many wrong passwords.")
    assert "Try again after" in locked
    dialog.error.hide()
    # even the right password is refused while locked, with the same clear words
    _sign_in(qtbot, dialog, plan.STAFF_EMAIL, plan.STAFF_PASSWORD)
    assert _wait_error(qtbot, dialog).startswith("This account is locked")
    assert controller.window is None
    assert finish(qtbot, controller, task) == 0


def test_lock_hides_the_window_until_the_password_is_given(
    qloop, qtbot, tmp_path, demo_template
) -> None:
    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller)
    window.lockRequested.emit()
    unlock = wait_dialog(qtbot, controller, LoginDialog)
    assert not window.isVisible()
    assert unlock.email.isReadOnly() and unlock.email.text() == plan.OWNER_EMAIL
    _sign_in(qtbot, unlock, plan.OWNER_EMAIL, "wrong password!")
    assert _wait_error(qtbot, unlock) == "The email or password is not right."
    _sign_in(qtbot, unlock, plan.OWNER_EMAIL, plan.OWNER_PASSWORD)
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert window.idle.is_active or window.idle.limit_seconds == 0

    # "Sign out" on the lock screen signs out
    window.lockRequested.emit()
    unlock = wait_dialog(qtbot, controller, LoginDialog)
    unlock.reject()
    wait_dialog(qtbot, controller, LoginDialog)
    assert controller.window is None
    assert finish(qtbot, controller, task) == 0


def test_demo_falls_back_to_the_dialog_when_its_password_changed(
    qloop, qtbot, tmp_path, demo_template
) -> None:
    from careops_desktop.core.db import Database
    from careops_desktop.core.services import auth

    url = copy_demo(demo_template, tmp_path)
    database = Database(url)
    try:
        owner = database.call(auth.login, plan.OWNER_EMAIL, plan.OWNER_PASSWORD)
        database.call(auth.change_password, owner, plan.OWNER_PASSWORD, "my own password now")
    finally:
        database.close()
    controller, task = start_controller(qloop, url, demo=True)
    dialog = wait_dialog(qtbot, controller, LoginDialog)
    assert dialog.email.text() == plan.OWNER_EMAIL
    _sign_in(qtbot, dialog, plan.OWNER_EMAIL, "my own password now")
    window = wait_window(qtbot, controller)
    assert window.actor.role.value == "owner"
    assert finish(qtbot, controller, task) == 0
