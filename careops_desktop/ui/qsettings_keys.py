"""Every QSettings key of the window in one place, a version key and the upgrade steps.

QSettings holds window and table state and a few personal choices (never business
data, never secrets; business settings live in the database). A key is named here and
nowhere else, so a rename is one upgrade step below, as Picard and napari do it:

- :data:`VERSION_KEY` holds the version of the stored keys; a file without it is
  version 0 (written before keys were versioned).
- :data:`UPGRADES` maps a version to the step that brings a file from the version
  before it up to that one; :func:`upgrade` runs the missing steps in order, once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

VERSION_KEY = "meta/settings_version"

# login and lock
LAST_EMAIL = "login/last_email"
IDLE_LOCK_MINUTES = "security/idle_lock_minutes"

# the main window
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
LAST_TAB_KEY = "main_window/last_tab"

# Settings → Database connection (the address without its password)
SAVED_URL_KEY = "connection/url"

# Reports → Export
FOLDER_KEY = "reports/export_folder"
FORMAT_KEY = "reports/export_format"

# Settings → Updates (ui/settings/updates_page.py): off until the person turns it on
UPDATES_ENABLED_KEY = "updates/check_enabled"
UPDATES_FEED_URL_KEY = "updates/feed_url"
UPDATES_LAST_CHECK_KEY = "updates/last_checked"  # epoch seconds of the last check at start


# Settings → Language (ui/i18n.py): the window's language, applied at the next start;
# empty means the system's
LANGUAGE_KEY = "appearance/language"


def table_header_key(table: str) -> str:
    """The key of a table's header state (widths, order, sort), e.g. ``contacts/list``."""
    return f"tables/{table}/header"


def _to_1(settings: QSettings) -> None:
    """Version 1 names the keys above; files written before it used the same names."""


UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _to_1}
SETTINGS_VERSION = max(UPGRADES)


def stored_version(settings: QSettings) -> int:
    """The version written in ``settings`` (0 when absent or unreadable)."""
    try:
        return int(str(settings.value(VERSION_KEY, 0)))
    except (TypeError, ValueError):
        return 0


def upgrade(settings: QSettings) -> int:
    """Run the upgrade steps ``settings`` has not had yet and write the new version.

    Returns the version the settings are at afterwards. A file from a newer version of
    the app is left as it is (its keys are read where they still mean the same).
    """
    version = stored_version(settings)
    if version > SETTINGS_VERSION:
        log.info("window settings are version %s, newer than %s", version, SETTINGS_VERSION)
        return version
    for step in range(version + 1, SETTINGS_VERSION + 1):
        UPGRADES[step](settings)
        settings.setValue(VERSION_KEY, step)
        version = step
    return version
