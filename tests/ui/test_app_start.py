"""Start-up edges: a database that cannot be opened, the delayed progress window, renaming."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from careops_desktop.ui.startup import DelayedBusy
from tests.ui.shell_helpers import copy_demo, finish, start_controller, wait_window


def test_a_database_that_cannot_open_is_explained(qloop, qtbot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'careops.sqlite3'}"
    _controller, task = start_controller(qloop, url)

    def box() -> QMessageBox | None:
        found = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    message = box()
    assert message.text().startswith("CareOps could not open its database.")
    assert "OperationalError" in message.detailedText()
    message.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() == 1


def test_the_progress_window_waits_half_a_second(qtbot) -> None:
    progress = DelayedBusy(
        "Opening CareOps", "Updating the database…", name="careopsStartupProgress"
    )
    qtbot.wait(150)
    assert not progress.dialog.isVisible()
    qtbot.waitUntil(progress.dialog.isVisible, timeout=3000)
    progress.close()
    assert not progress.dialog.isVisible() and not progress.timer.isActive()


def test_renaming_the_business_renames_the_window(qloop, qtbot, tmp_path, demo_template) -> None:
    from careops_desktop.core.services import business

    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller)
    controller.database.call(business.update_profile, window.actor, name="Quay <i>Physio</i>")
    qtbot.waitUntil(lambda: window.windowTitle() == "Quay <i>Physio</i> — CareOps", timeout=10_000)
    assert finish(qtbot, controller, task) == 0
