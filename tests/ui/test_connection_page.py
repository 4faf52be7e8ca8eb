"""Settings → Database connection: what is in use, tests with readable refusals, saving."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from PySide6.QtCore import Qt

from careops_desktop import config
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.integrations import secrets
from careops_desktop.ui.settings.connection_page import ConnectionPage
from careops_desktop.ui.settings.registry import SettingsContext
from tests.integrations.memory_keyring import memory_keyring
from tests.ui.shell_helpers import visible_texts

__all__ = ["memory_keyring"]

OWNER = Actor(1, "Ada Owner", Role.OWNER, frozenset(Permission))
MANAGER = Actor(2, "Max Manager", Role.MANAGER, frozenset(Permission))
SECRET = "s3cret-pw"


def _page(qtbot, ops, actor: Actor = OWNER) -> ConnectionPage:
    page = ConnectionPage(SettingsContext(ops, None, actor))
    qtbot.addWidget(page)
    page.show()
    return page


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _click_and_wait(qtbot, page: ConnectionPage, button, text: str) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: text in page.status.text() and not page._tasks, timeout=15_000)


def test_shows_the_sqlite_file_in_use(qtbot, db, ops) -> None:
    page = _page(qtbot, ops)
    assert page.in_use.text() == f"This window works on: SQLite file {db.engine.url.database}"
    assert "No connection is saved" in page.saved_label.text()


def test_a_closed_port_and_bad_addresses_are_explained(qtbot, db, ops) -> None:
    page = _page(qtbot, ops)
    port = _closed_port()
    page.url.setText(f"postgresql://careops@127.0.0.1:{port}/careops")
    _click_and_wait(qtbot, page, page.test_button, f"Nothing answers at 127.0.0.1:{port}")
    assert "pg_hba.conf" in page.status.text()
    assert page.test_button.isEnabled()

    page.url.setText("mysql://root@localhost/careops")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.status.text().startswith("Enter a PostgreSQL address")
    page.url.setText("postgresql://")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.status.text().startswith("Give the server and the database name")
    page.url.setText("postgresql://u@h:notaport/db")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.status.text().startswith("This is not a database address")


def test_a_refused_password_is_explained_without_echoing_it(qtbot, db, ops, pg_server) -> None:
    page = _page(qtbot, ops)
    url = pg_server.url("no_such_database").replace("+psycopg", "")
    page.url.setText(url)
    _click_and_wait(qtbot, page, page.test_button, "has no database called no_such_database")
    assert "createdb" in page.status.text()


def test_a_real_server_answers(qtbot, db, ops, pg_db_url) -> None:
    page = _page(qtbot, ops)
    page.url.setText(pg_db_url)
    _click_and_wait(qtbot, page, page.test_button, "Connected to PostgreSQL")
    assert "the database is empty" in page.status.text()


def test_save_keeps_the_password_in_the_keyring_only(
    qtbot, db, ops, memory_keyring, ui_settings
) -> None:
    page = _page(qtbot, ops)
    page.url.setText(f"postgresql://desk:{SECRET}@127.0.0.1:5432/careops")
    _click_and_wait(qtbot, page, page.save_button, "Saved.")
    assert page.password.text() == SECRET
    assert page.url.text() == "postgresql+psycopg://desk@127.0.0.1:5432/careops"
    saved = config.saved_connection_path().read_text(encoding="utf-8")
    assert SECRET not in saved
    assert json.loads(saved) == {
        "url": "postgresql+psycopg://desk@127.0.0.1:5432/careops",
        "password_in_keyring": True,
    }
    assert memory_keyring.store[("careops-desktop", "postgresql.password")] == SECRET
    assert config.default_database_url(secrets.database_password) == (
        f"postgresql+psycopg://desk:{SECRET}@127.0.0.1:5432/careops"
    )
    assert "PostgreSQL desk@127.0.0.1:5432/careops" in page.saved_label.text()
    shown = [t for t in visible_texts(page) if t != page.password.text()]
    assert not any(SECRET in t for t in shown)
    home = Path(os.environ["CAREOPS_HOME"])  # the window's settings live there (ui_state)
    for path in [*ui_settings.rglob("*"), *home.rglob("*.ini")]:
        if path.is_file():
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace")

    _click_and_wait(qtbot, page, page.forget_button, "Forgotten.")
    assert not config.saved_connection_path().exists()
    assert ("careops-desktop", "postgresql.password") not in memory_keyring.store
    assert config.default_database_url().startswith("sqlite:///")


def test_without_a_keyring_the_address_is_saved_and_the_password_not(qtbot, db, ops) -> None:
    page = _page(qtbot, ops)
    page.url.setText("postgres://desk@db.example.org/careops")
    page.password.setText(SECRET)
    _click_and_wait(qtbot, page, page.save_button, "Saved.")
    assert "The password was not kept (credentials unavailable" in page.status.text()
    assert json.loads(config.saved_connection_path().read_text(encoding="utf-8")) == {
        "url": "postgresql+psycopg://desk@db.example.org/careops",
        "password_in_keyring": False,
    }
    assert config.default_database_url() == "postgresql+psycopg://desk@db.example.org/careops"


def test_only_an_owner_changes_it(qtbot, db, ops) -> None:
    page = _page(qtbot, ops, MANAGER)
    assert page.status.text() == "Only an owner changes the database connection."
    for widget in (page.url, page.password, page.test_button, page.save_button):
        assert not widget.isEnabled()
    assert "SQLite file" in page.in_use.text()
