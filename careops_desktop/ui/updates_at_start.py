"""The opt-in update check at start: once a day at most, after the window's first paint.

Only when the person turned on Settings → Updates → "Check for updates" on this computer.
The check runs on the shared pool (``off_thread``); a newer version is said in the status
bar ("see Settings → Updates"); a failure is only logged (the page says why when asked).
Nothing is imported or asked before the first paint, so the start is not slowed.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtWidgets import QMainWindow

from careops_desktop.config import DEFAULT_RELEASE_FEED_URL
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.qsettings_keys import (
    UPDATES_ENABLED_KEY,
    UPDATES_FEED_URL_KEY,
    UPDATES_LAST_CHECK_KEY,
)
from careops_desktop.ui.ui_state import app_settings

log = logging.getLogger(__name__)

DAY_S = 24 * 60 * 60


def check_enabled() -> bool:
    """Whether this computer may ask the release feed (False until the person says so)."""
    return str(app_settings().value(UPDATES_ENABLED_KEY, "false")).lower() == "true"


def feed_url() -> str:
    """The release feed's address on this computer (the project's feed by default)."""
    return str(app_settings().value(UPDATES_FEED_URL_KEY, "") or DEFAULT_RELEASE_FEED_URL)


def arm(window: QMainWindow) -> None:
    """Check after ``window``'s first paint, when the person asked for it."""
    window.firstPainted.connect(lambda: check_if_due(window))  # type: ignore[attr-defined]


def check_if_due(window: QMainWindow, now: float | None = None) -> bool:
    """Start the check when it is on and the last one is a day old; True when started."""
    if not check_enabled():
        return False
    settings = app_settings()
    moment = time.time() if now is None else now
    try:
        last = float(str(settings.value(UPDATES_LAST_CHECK_KEY, 0)))
    except ValueError:
        last = 0.0
    if 0 <= moment - last < DAY_S:
        return False
    settings.setValue(UPDATES_LAST_CHECK_KEY, str(moment))
    from careops_desktop.integrations import update_check
    from careops_desktop.ui import off_thread

    def answered(answer: update_check.UpdateAnswer) -> None:
        if answer.newer:
            window.show_status(  # type: ignore[attr-defined]
                translate(
                    "StatusBar", "CareOps {version} is available: see Settings → Updates."
                ).format(version=answer.release.version),
                30_000,
            )

    def failed(exc: Exception) -> None:
        log.info("update check at start: %s", exc)

    off_thread.in_background(
        window, update_check.check_with_release_key, feed_url(), on_done=answered, on_error=failed
    )
    return True
