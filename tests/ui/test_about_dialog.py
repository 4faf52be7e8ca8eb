"""Help → About: version, the database in use, the log folder, and the licences of the
libraries CareOps ships with (the build's list when there is one, else the installed one)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from careops_desktop import __version__, bundled_licences
from careops_desktop.config import log_dir
from careops_desktop.core.permissions import Actor, Role
from careops_desktop.ui.about_dialog import AboutDialog, database_text
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.tabs import TabSpec
from tests.ui.test_main_window import RecordingPage


def _about(qtbot: Any) -> AboutDialog:
    qtbot.waitUntil(
        lambda: any(isinstance(w, AboutDialog) for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog))
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=15_000)
    return dialog


def test_help_about_shows_version_database_logs_and_licences(
    qtbot: Any, ops: Any, bridge: Any, db: Any
) -> None:
    actor = Actor(user_id=1, name="Owner", role=Role.OWNER)
    window = MainWindow(
        ops,
        bridge,
        actor,
        specs=[TabSpec("dashboard", "Dashboard", None, RecordingPage)],
        idle_minutes=0,
    )
    qtbot.addWidget(window)
    window.show()
    window.about_action.trigger()
    dialog = _about(qtbot)
    texts = [label.text() for label in dialog.findChildren(type(dialog.database_label))]
    assert any(text.startswith(f"CareOps Desktop {__version__}") for text in texts)
    assert dialog.database_label.text() == database_text(db.engine.url)
    assert dialog.logs_label.text() == str(log_dir())
    names = {
        dialog.model.item(r, 0).text(): dialog.model.item(r, 2).text()
        for r in range(dialog.model.rowCount())
    }
    assert names["SQLAlchemy"] == "MIT" and "LGPL" in names["PySide6"] and "Python" in names
    assert "pytest" not in names  # test tools are not shipped
    assert "libraries" in dialog.licences_intro.text()
    dialog.close()


def test_a_built_list_is_used_when_the_bundle_has_one(tmp_path: Path) -> None:
    shipped = tmp_path / bundled_licences.FILE_NAME
    shipped.write_text(json.dumps([{"name": "Qt", "version": "6", "licence": "LGPL-3.0"}]))
    assert bundled_licences.bundled_licences(shipped) == [
        bundled_licences.Licence("Qt", "6", "LGPL-3.0")
    ]
    shipped.write_text("{damaged")
    assert len(bundled_licences.bundled_licences(shipped)) > 20  # gathered instead


def test_the_database_is_said_without_a_password() -> None:
    assert database_text("sqlite:////data/careops.sqlite3") == "/data/careops.sqlite3"
    text = database_text("postgresql+psycopg://desk:s3cret@db.local/careops")
    assert "s3cret" not in text and "db.local" in text


def test_the_build_list_names_what_careops_needs(tmp_path: Path) -> None:
    target = tmp_path / "licences.json"
    count = bundled_licences.write_licences(target)
    rows = json.loads(target.read_text())
    assert count == len(rows) > 20
    assert {"aiohttp", "cryptography", "PySide6"} <= {r["name"] for r in rows}
    assert all(r["licence"] for r in rows)
