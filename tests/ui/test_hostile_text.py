"""Customer and staff text that looks like HTML is shown literally and fetches nothing."""

from __future__ import annotations

import select
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget, QWidget
from sqlalchemy import text

from careops_desktop.core.db import Database
from careops_desktop.ui.dashboard.view import DashboardView
from careops_desktop.ui.login.dialog import LoginDialog
from tests.ui.shell_helpers import (
    copy_demo,
    finish,
    start_controller,
    visible_texts,
    wait_dialog,
    wait_window,
)


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, int]]:
    """A TCP socket listening on loopback: any image fetch would connect to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server, server.getsockname()[1]
    server.close()


def _connection_attempted(server: socket.socket) -> bool:
    readable, _, _ = select.select([server], [], [], 0.2)
    return bool(readable)


def _texts_with_formats(root: QWidget) -> list[tuple[str, Qt.TextFormat]]:
    return [(label.text(), label.textFormat()) for label in root.findChildren(QLabel)]


def _all_texts(root: QWidget) -> list[str]:
    texts = visible_texts(root)
    for combo in root.findChildren(QComboBox):
        texts.extend(combo.itemText(i) for i in range(combo.count()))
    for table in root.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    texts.append(item.text())
    return texts


def test_hostile_strings_show_literally_everywhere(
    qloop, qtbot, tmp_path: Path, demo_template, listener
) -> None:
    server, port = listener
    img = f'<img src="http://127.0.0.1:{port}/x">'
    bold = "<b>x</b>"
    url = copy_demo(demo_template, tmp_path)
    database = Database(url)
    try:
        with database.write_session() as session:
            session.execute(text("UPDATE business SET name = :n"), {"n": f"{img} Clinic"})
            session.execute(text("UPDATE contacts SET name = :n || ' ' || id"), {"n": bold})
            session.execute(text("UPDATE providers SET name = :n || ' ' || id"), {"n": img})
            session.execute(
                text("UPDATE users SET full_name = :n WHERE email LIKE 'owner@%'"),
                {"n": f"{bold} Owner"},
            )
            session.execute(
                text(
                    "UPDATE messages SET content = :n WHERE id IN "
                    "(SELECT max(id) FROM messages GROUP BY conversation_id)"
                ),
                {"n": f"{img} {bold}"},
            )
    finally:
        database.close()

    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller)
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardView)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    settings = window.show_tab("settings")
    business_page = settings.select_page("business")
    qtbot.waitUntil(lambda: business_page.profile is not None, timeout=10_000)
    providers_page = settings.select_page("providers")
    qtbot.waitUntil(lambda: bool(providers_page.providers), timeout=10_000)
    staff_page = settings.select_page("staff")
    qtbot.waitUntil(lambda: staff_page.model.rowCount() > 0, timeout=10_000)
    window.show_tab("dashboard")
    window.grab()  # paint every visible widget once
    QApplication.processEvents()

    texts = _all_texts(window)
    assert window.windowTitle() == f"{img} Clinic — CareOps"
    assert window.user_label.text() == f"Signed in as {bold} Owner (owner)"
    assert any(t.startswith(f"{bold} ") for t in texts)  # contacts in the dashboard
    assert any(t == f"{img} {bold}" for t in texts)  # a conversation preview
    assert any(t.startswith(img) for t in texts)  # providers in settings
    assert f"{img} Clinic" in texts  # the business name field
    for label_text, label_format in _texts_with_formats(window):
        if "<" in label_text:
            assert label_format == Qt.TextFormat.PlainText, label_text

    # the sign-in dialog shows the business name as its heading, literally
    window.signOutRequested.emit()
    login = wait_dialog(qtbot, controller, LoginDialog)
    login.grab()
    assert (f"{img} Clinic", Qt.TextFormat.PlainText) in _texts_with_formats(login)
    assert finish(qtbot, controller, task) == 0
    assert not _connection_attempted(server)
