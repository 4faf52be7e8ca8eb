"""Helpers for the feature-tab tests: a real main window with one tab, hostile text checks."""

from __future__ import annotations

import select
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.ui.tabs import TAB_SPECS, TabSpec


def owner_actor(user_id: int | None = None, name: str = "Olive Owner") -> Actor:
    return Actor(user_id=user_id, name=name, role=Role.OWNER, permissions=frozenset(Permission))


def spec_for(key: str) -> TabSpec:
    return next(spec for spec in TAB_SPECS if spec.key == key)


def open_tab(qtbot: Any, ops: Any, bridge: Any, actor: Actor, keys: tuple[str, ...]) -> Any:
    """A real MainWindow showing only the tabs ``keys``, shown and exposed."""
    from careops_desktop.ui.main_window import MainWindow

    window = MainWindow(ops, bridge, actor, specs=[spec_for(key) for key in keys], idle_minutes=0)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


@contextmanager
def hostile_listener() -> Iterator[tuple[int, Any]]:
    """A listening socket on 127.0.0.1; yields ``(port, got_request)``.

    ``got_request()`` is True when anything connected (e.g. Qt fetching an
    ``<img src>`` it should have shown as text). No thread: the kernel queues
    the connection and ``select`` sees it.
    """
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    port = server.getsockname()[1]

    def got_request() -> bool:
        readable, _, _ = select.select([server], [], [], 0.3)
        return bool(readable)

    try:
        yield port, got_request
    finally:
        server.close()


def hostile_strings(port: int) -> tuple[str, str]:
    return f'<img src="http://127.0.0.1:{port}/x">', "<b>x</b>"


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: labels, fields and item views' cells."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            for row in range(min(model.rowCount(QModelIndex()), 300)):
                for column in range(columns):
                    value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        texts.append(value)
    return texts


def rich_labels_showing(root: QWidget, needle: str) -> list[QLabel]:
    """Labels that show ``needle`` but could interpret it as markup."""
    return [
        label
        for label in root.findChildren(QLabel)
        if needle in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]


def assert_shown_literally(
    qtbot: Any, root: QWidget, needles: tuple[str, ...], got_request: Any
) -> None:
    """Each needle is shown verbatim, no label treats it as markup, nothing was fetched."""
    root.grab()  # paint everything once
    QApplication.processEvents()
    texts = visible_texts(root)
    for needle in needles:
        assert any(needle in text for text in texts), f"{needle!r} is not shown"
        assert rich_labels_showing(root, needle) == []
    qtbot.wait(50)
    assert not got_request(), "something fetched the hostile <img> URL"


# The small demo database: ``demo_template`` and ``demo_db`` come from tests/ui/conftest.py.


def demo_owner(db: Any) -> Actor:
    """The demo's owner as the acting person."""
    from sqlalchemy import select

    from careops_desktop.core.demo.plan import OWNER_EMAIL
    from careops_desktop.core.models import User

    with db.session() as session:
        user = session.scalars(select(User).where(User.email == OWNER_EMAIL)).one()
        return owner_actor(user.id, user.full_name)
