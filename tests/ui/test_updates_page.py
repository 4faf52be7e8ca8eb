"""Settings → Updates: off by default; with it on, "Check now" asks a real release feed
(aiohttp on loopback) off the Qt thread and says in words what it found: a newer version
with its notes (plain text) and link, the newest already, or why it could not tell."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt, QUrl

from careops_desktop import __version__
from careops_desktop.core.permissions import Actor, Role
from careops_desktop.integrations import update_check
from careops_desktop.integrations.release_feed import sign_release
from careops_desktop.ui.settings.registry import SettingsContext, find_page
from careops_desktop.ui.settings.updates_page import UpdatesPage, check_enabled, published_text
from tests.integrations.feed_server import body, feed_server

KEY = Ed25519PrivateKey.generate()
ACTOR = Actor(user_id=1, name="Front Desk", role=Role.STAFF)
HOSTILE = "<b>bold?</b> <a href='https://evil.example'>x</a>\u202eexe.txt"


@pytest.fixture(autouse=True)
def test_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(update_check, "release_key", KEY.public_key)


def _feed(version: str = "9.1.0", notes: str = HOSTILE) -> bytes:
    release = {
        "version": version,
        "published": "2027-01-15",
        "url": "https://example.org/careops/9.1.0",
        "notes": notes,
    }
    return json.dumps(sign_release(release, KEY)).encode()


def _page(qtbot: Any, qloop: Any) -> UpdatesPage:
    page = UpdatesPage(SettingsContext(None, None, ACTOR))  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show()
    return page


def _check(qtbot: Any, page: UpdatesPage, url: str) -> None:
    page.address.setText(url)
    if not page.enabled.isChecked():
        qtbot.mouseClick(page.enabled, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=15_000)


def test_off_by_default_and_nothing_is_asked(qtbot: Any, qloop: Any) -> None:
    assert find_page("updates") is not None
    page = _page(qtbot, qloop)
    assert not check_enabled() and not page.enabled.isChecked()
    assert not page.check_button.isEnabled()
    with feed_server(body(_feed())) as server:
        page.address.setText(server.url)
        page.check_now()  # even called directly: off means off
    assert server.requests == []


def test_a_newer_version_is_shown_with_plain_notes_and_its_link(qtbot: Any, qloop: Any) -> None:
    page = _page(qtbot, qloop)
    opened: list[QUrl] = []
    page.open_url = opened.append  # type: ignore[assignment]
    with feed_server(body(_feed())) as server:
        _check(qtbot, page, server.url)
    assert page.result.text() == (
        f"CareOps 9.1.0 is available; you have {__version__}. "
        f"It was released on {published_text('2027-01-15')}."
    )
    assert page.result.textFormat() == Qt.TextFormat.PlainText
    assert page.notes.isVisible() and "<b>bold?</b>" in page.notes.toPlainText()
    assert "\u202e" not in page.notes.toPlainText()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl("https://example.org/careops/9.1.0")]
    assert check_enabled()  # the choice was kept


def test_the_same_version_says_it_is_the_newest(qtbot: Any, qloop: Any) -> None:
    page = _page(qtbot, qloop)
    with feed_server(body(_feed(version=__version__))) as server:
        _check(qtbot, page, server.url)
    assert page.result.text() == f"You have the newest version of CareOps ({__version__})."
    assert not page.notes.isVisible() and not page.open_button.isVisible()


def test_a_tampered_feed_shows_words_and_nothing_of_it(qtbot: Any, qloop: Any) -> None:
    document = json.loads(_feed())
    document["release"]["version"] = "99.0.0"
    page = _page(qtbot, qloop)
    with feed_server(body(json.dumps(document).encode())) as server:
        _check(qtbot, page, server.url)
    assert "could not be verified" in page.result.text()
    assert "99.0.0" not in page.result.text()
    assert not page.notes.isVisible() and not page.open_button.isVisible()


def test_an_unreachable_feed_and_a_bad_address_are_said(qtbot: Any, qloop: Any) -> None:
    page = _page(qtbot, qloop)
    with feed_server(body(_feed())) as server:
        url = server.url
    _check(qtbot, page, url)  # the server is gone
    assert "could not be reached" in page.result.text()
    page.address.setText("https://releases.example.org/feed.json?user=42")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert "must not hold a query" in page.result.text()
