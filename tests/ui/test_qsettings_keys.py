"""Window settings: keys in one module, a version with upgrade steps, CAREOPS_HOME moves them."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from careops_desktop.ui import qsettings_keys, ui_state
from careops_desktop.ui.qsettings_keys import (
    LAST_TAB_KEY,
    SETTINGS_VERSION,
    VERSION_KEY,
    stored_version,
    upgrade,
)
from careops_desktop.ui.ui_state import app_settings

UI = Path(ui_state.__file__).parent


def test_careops_home_holds_the_window_settings(ui_settings: Path) -> None:
    home = Path(os.environ["CAREOPS_HOME"])
    settings = app_settings()
    settings.setValue(LAST_TAB_KEY, "inbox")
    settings.sync()
    assert Path(settings.fileName()) == home / ui_state.SETTINGS_FILE
    assert (home / ui_state.SETTINGS_FILE).is_file()
    assert app_settings().value(LAST_TAB_KEY) == "inbox"
    assert stored_version(app_settings()) == SETTINGS_VERSION
    assert not [p for p in ui_settings.rglob("*") if p.is_file()]  # the user scope is untouched


def test_without_careops_home_the_user_scope_is_used(
    ui_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREOPS_HOME")
    settings = app_settings()
    settings.setValue(LAST_TAB_KEY, "forms")
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(ui_settings)
    assert stored_version(settings) == SETTINGS_VERSION


def test_upgrade_runs_the_missing_steps_in_order_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[int] = []

    def to_2(settings: QSettings) -> None:
        ran.append(2)
        settings.setValue("tables/new/header", settings.value("tables/old/header"))
        settings.remove("tables/old/header")

    def to_3(settings: QSettings) -> None:
        ran.append(3)

    monkeypatch.setattr(qsettings_keys, "UPGRADES", {1: lambda s: ran.append(1), 2: to_2, 3: to_3})
    monkeypatch.setattr(qsettings_keys, "SETTINGS_VERSION", 3)
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue(VERSION_KEY, 1)
    settings.setValue("tables/old/header", "state")
    assert upgrade(settings) == 3
    assert ran == [2, 3]
    assert settings.value("tables/new/header") == "state"
    assert not settings.contains("tables/old/header")
    assert upgrade(settings) == 3
    assert ran == [2, 3]


def test_an_unversioned_or_unreadable_file_is_version_0(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue(LAST_TAB_KEY, "bookings")
    assert stored_version(settings) == 0
    settings.setValue(VERSION_KEY, "not a number")
    assert stored_version(settings) == 0
    assert upgrade(settings) == SETTINGS_VERSION
    assert settings.value(LAST_TAB_KEY) == "bookings"


def test_a_newer_file_is_left_as_it_is(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
    settings.setValue(VERSION_KEY, SETTINGS_VERSION + 5)
    assert upgrade(settings) == SETTINGS_VERSION + 5
    assert stored_version(settings) == SETTINGS_VERSION + 5


def test_keys_are_named_only_in_qsettings_keys() -> None:
    literal_key = re.compile(
        r"""(?:\.value|\.setValue|\.remove|\.contains)\(\s*f?["']"""
        r"""|^[A-Z_]*KEY\s*=\s*["']""",
        re.MULTILINE,
    )
    found = [
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if path.name != "qsettings_keys.py" and literal_key.search(path.read_text("utf-8"))
    ]
    assert found == []
