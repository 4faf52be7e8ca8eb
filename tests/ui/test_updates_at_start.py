"""The update check at start: nothing at all while it is off; when on, once a day after the
first paint, a newer version is said in the status bar (a real feed on loopback)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from careops_desktop.core.permissions import Actor, Role
from careops_desktop.integrations import update_check
from careops_desktop.integrations.release_feed import sign_release
from careops_desktop.ui import updates_at_start
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.qsettings_keys import UPDATES_ENABLED_KEY, UPDATES_FEED_URL_KEY
from careops_desktop.ui.tabs import TabSpec
from careops_desktop.ui.ui_state import app_settings
from tests.integrations.feed_server import body, feed_server
from tests.ui.test_main_window import RecordingPage

KEY = Ed25519PrivateKey.generate()
FEED = json.dumps(
    sign_release(
        {"version": "9.1.0", "published": "2027-01-15", "url": "https://example.org/", "notes": ""},
        KEY,
    )
).encode()


@pytest.fixture(autouse=True)
def test_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(update_check, "release_key", KEY.public_key)


def _window(qtbot: Any, ops: Any, bridge: Any) -> MainWindow:
    actor = Actor(user_id=1, name="Owner", role=Role.OWNER)
    specs = [TabSpec("dashboard", "Dashboard", None, RecordingPage)]
    window = MainWindow(ops, bridge, actor, specs=specs, idle_minutes=0)
    qtbot.addWidget(window)
    return window


def test_off_means_no_request_at_all(qtbot: Any, ops: Any, bridge: Any) -> None:
    with feed_server(body(FEED)) as server:
        app_settings().setValue(UPDATES_FEED_URL_KEY, server.url)
        window = _window(qtbot, ops, bridge)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(300)
        assert not updates_at_start.check_if_due(window)
    assert server.requests == []


def test_on_a_newer_version_is_said_once_a_day(qtbot: Any, ops: Any, bridge: Any) -> None:
    with feed_server(body(FEED)) as server:
        settings = app_settings()
        settings.setValue(UPDATES_ENABLED_KEY, "true")
        settings.setValue(UPDATES_FEED_URL_KEY, server.url)
        window = _window(qtbot, ops, bridge)
        window.show()
        qtbot.waitUntil(
            lambda: "CareOps 9.1.0 is available" in window.statusBar().currentMessage(),
            timeout=15_000,
        )
        assert len(server.requests) == 1
        assert not updates_at_start.check_if_due(window)  # checked less than a day ago
        assert updates_at_start.check_if_due(window, now=time.time() + updates_at_start.DAY_S)
        qtbot.waitUntil(lambda: len(server.requests) == 2, timeout=15_000)
