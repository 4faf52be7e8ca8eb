"""Helpers for the window-shell tests: a demo database built once, driving the controller."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from careops_desktop.ui.app import AppController


def copy_demo(template: Path, target_dir: Path) -> str:
    """Copy the prepared demo database file; returns its SQLAlchemy URL."""
    target = target_dir / "demo.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def start_controller(
    qloop: asyncio.AbstractEventLoop, url: str, **kwargs: Any
) -> tuple[AppController, asyncio.Task[int]]:
    controller = AppController(url, **kwargs)
    return controller, qloop.create_task(controller.run())


def wait_dialog(qtbot: Any, controller: AppController, cls: type, timeout: int = 10_000) -> Any:
    """Wait until the controller awaits a dialog of ``cls``; return it."""
    qtbot.waitUntil(
        lambda: isinstance(controller.dialog, cls) and controller.dialog.isVisible(),
        timeout=timeout,
    )
    return controller.dialog


def wait_window(qtbot: Any, controller: AppController, timeout: int = 15_000) -> Any:
    qtbot.waitUntil(
        lambda: controller.window is not None and controller.window.isVisible(), timeout=timeout
    )
    return controller.window


def finish(qtbot: Any, controller: AppController, task: asyncio.Task[int]) -> int:
    """Quit the app through its window (or the open dialog) and wait for the exit code."""
    if controller.window is not None and controller.window.isVisible():
        controller.window.close()
    elif controller.dialog is not None:
        controller.dialog.reject()
    qtbot.waitUntil(task.done, timeout=15_000)
    return task.result()


def visible_texts(root: QWidget) -> list[str]:
    """Every text shown by labels, buttons, line edits and table cells under ``root``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableView

    texts: list[str] = []
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        texts.append(button.text())
    for edit in root.findChildren(QLineEdit):
        texts.append(edit.text())
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                value = model.index(row, column).data()
                if value is not None:
                    texts.append(str(value))
    QApplication.processEvents()
    return texts
