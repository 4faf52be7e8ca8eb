"""The start-up check begun before the imports: same findings as the core's, used once.

Real SQLite files: a sound migrated database, the same one damaged page by page, and a
file changed after the check began. The app's controller then opens a damaged file whose
early check ran, and shows the recovery screen as it does without one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from careops_desktop.core import backup
from careops_desktop.ui import early_check
from careops_desktop.ui.recovery import RecoveryDialog
from tests.ui.shell_helpers import start_controller, wait_dialog
from tests.ui.test_recovery import _business_database, _damage


def _result(path: Path) -> list[str] | None:
    found = early_check.take(path)
    assert found is not None
    return found.result(timeout=30)


def test_a_sound_file_and_a_damaged_one_give_the_cores_findings(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path)
    assert early_check.start(f"sqlite:///{path}")
    assert _result(path) == [] == backup.integrity_problems(path, quick=True)

    _damage(path)
    assert early_check.start(f"sqlite:///{path}")
    problems = _result(path)
    assert problems and problems == backup.integrity_problems(path, quick=True)


def test_a_result_is_used_once(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path)
    assert early_check.start(f"sqlite:///{path}")
    assert early_check.take(path) is not None
    assert early_check.take(path) is None


def test_a_file_changed_since_the_check_began_is_checked_again(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path)
    assert early_check.start(f"sqlite:///{path}")
    _damage(path)  # written after the check began: its result must not be used
    assert early_check.take(path) is None


@pytest.mark.parametrize(
    "url",
    [
        None,
        "postgresql+psycopg://u@127.0.0.1/careops",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///relative?mode=ro",
        "sqlite:////tmp/a%20b.sqlite3",
    ],
)
def test_other_databases_are_not_checked_early(url: str | None) -> None:
    assert not early_check.start(url)


def test_a_missing_file_is_not_checked_early(tmp_path: Path) -> None:
    assert not early_check.start(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert early_check.take(tmp_path / "new.sqlite3") is None


def test_a_hostile_file_name_is_only_a_path(tmp_path: Path) -> None:
    path = tmp_path / "clinic <b>x&amp; 'quoted'.sqlite3"
    _business_database(path)
    assert early_check.start(f"sqlite:///{path}")
    assert _result(path) == [] == backup.integrity_problems(path, quick=True)
    missing = tmp_path / "missing.sqlite3"
    assert early_check.quick_check_file(missing) == [f"{missing} does not exist"]
    assert early_check.quick_check_file(missing) == backup.integrity_problems(missing, quick=True)


def test_the_controller_uses_the_early_findings(qloop, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    _business_database(path)
    _damage(path)
    assert early_check.start(f"sqlite:///{path}")
    controller, task = start_controller(qloop, f"sqlite:///{path}")
    dialog = wait_dialog(qtbot, controller, RecoveryDialog)
    assert early_check.take(path) is None  # taken by the start-up
    texts = [label.text() for label in dialog.findChildren(type(dialog.status))]
    assert any("malformed" in t for t in texts)
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=15_000)
    assert task.result() == 1
