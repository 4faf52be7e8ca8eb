"""Window and table state kept in QSettings (never business data, never secrets).

Where: with ``CAREOPS_HOME`` set, the INI file :data:`SETTINGS_FILE` in that folder (the
whole folder moves, window state included); otherwise organization "CareOps",
application "CareOps Desktop", INI format in the user scope (tests without
``CAREOPS_HOME`` redirect it with ``QSettings.setPath(IniFormat, UserScope, tmp)``).
The keys and their upgrades are in :mod:`careops_desktop.ui.qsettings_keys`.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView

from careops_desktop.ui.qsettings_keys import (
    IDLE_LOCK_MINUTES,
    LAST_EMAIL,
    table_header_key,
    upgrade,
)

__all__ = ["IDLE_LOCK_MINUTES", "LAST_EMAIL", "app_settings"]

ORGANIZATION = "CareOps"
APPLICATION = "CareOps Desktop"
SETTINGS_FILE = "window-settings.ini"  # in CAREOPS_HOME, when that is set

DEFAULT_IDLE_LOCK_MINUTES = 15

_upgraded: set[str] = set()  # settings files already brought up to date in this process
_upgraded_lock = threading.Lock()


def settings_file() -> Path | None:
    """The INI file in ``CAREOPS_HOME``; None when it is not set (the user scope is used)."""
    home = os.environ.get("CAREOPS_HOME")
    return Path(home) / SETTINGS_FILE if home else None


def app_settings() -> QSettings:
    """The app's QSettings, upgraded to the current keys on first use in this process."""
    file = settings_file()
    if file is not None:
        settings = QSettings(str(file), QSettings.Format.IniFormat)
    else:
        settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )
    name = settings.fileName()
    with _upgraded_lock:
        if name not in _upgraded:
            upgrade(settings)
            _upgraded.add(name)
    return settings


def idle_lock_minutes() -> int:
    """Minutes without input before the window locks; 0 means never."""
    value = app_settings().value(IDLE_LOCK_MINUTES, DEFAULT_IDLE_LOCK_MINUTES)
    try:
        minutes = int(str(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES
    return max(0, minutes)


def set_idle_lock_minutes(minutes: int) -> None:
    app_settings().setValue(IDLE_LOCK_MINUTES, max(0, int(minutes)))


def as_bytes(value: object) -> QByteArray | None:
    """A stored QByteArray (or bytes) read back from QSettings; None when absent or empty."""
    if isinstance(value, QByteArray):
        return value if not value.isEmpty() else None
    if isinstance(value, bytes) and value:
        return QByteArray(value)
    return None


def remember_header(header: QHeaderView, key: str) -> None:
    """Restore a table header's columns (widths, order, sort) from QSettings and keep saving.

    ``key`` names the table, e.g. ``"contacts/list"``. Each change is written to the
    in-memory settings at once through one QSettings kept for the header; Qt writes the
    file from the event loop, once for any number of changes (a table's first layout
    resizes every column; a QSettings made and dropped per change wrote the file each time).
    """
    name = table_header_key(key)
    settings = app_settings()
    state = settings.value(name)
    restored = as_bytes(state)
    if restored is not None:
        header.restoreState(restored)
    header.setProperty("careopsStateKey", name)

    def save(*_args: object) -> None:
        settings.setValue(name, header.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)


def save_header_now(header: QHeaderView) -> None:
    """Write a header's state at once (the window calls this when it closes)."""
    name = header.property("careopsStateKey")
    if name:
        app_settings().setValue(str(name), header.saveState())
