"""Every interactive widget has an accessible name: a walk over the main window signed in
as the demo's owner (every tab, every settings page), the setup wizard and the dialogs.

A failure names each unnamed widget: its class, objectName, parent chain and window, so
whoever added it can find it. Name it where it is created: a QFormLayout row label names
its field, and ``careops_desktop.ui.accessible.name_unnamed`` (run by the main window,
the settings view and every dialog) names a field from its form row, grid header,
placeholder, tooltip or the short label before it; anything else (an icon-only button,
a field with no words near it) needs ``setAccessibleName`` where it is created.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from careops_desktop.ui.tabs import TAB_SPECS
from tests.ui.a11y_helpers import reset_reported, unnamed_widgets
from tests.ui.tab_helpers import demo_owner, open_tab
from tests.ui.window_walk import main_dialogs


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _settle(qtbot: Any, ops: Any) -> None:
    qtbot.waitUntil(lambda: not ops.pending, timeout=15_000)
    qtbot.wait(30)


def test_every_interactive_widget_has_an_accessible_name(db, ops, bridge, qtbot, tmp_path) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), tuple(s.key for s in TAB_SPECS))
    problems: list[str] = []
    reset_reported()
    for key in window.tab_keys():
        page = window.show_tab(key)
        _settle(qtbot, ops)
        problems += unnamed_widgets(page, f"tab {key!r}")
        if key == "settings":
            for settings_key in page.page_keys():
                settings_page = page.select_page(settings_key)
                _settle(qtbot, ops)
                problems += unnamed_widgets(settings_page, f"settings page {settings_key!r}")
    problems += unnamed_widgets(window, "main window")  # the tab bar, the status bar
    for title, make in main_dialogs(db, window, tmp_path):
        dialog = make()
        dialog.show()
        _settle(qtbot, ops)
        problems += unnamed_widgets(dialog, f"dialog {title!r}")
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
        dialog.deleteLater()
        _settle(qtbot, ops)
    unique = list(dict.fromkeys(problems))
    assert not unique, f"{len(unique)} interactive widgets have no accessible name:\n" + "\n".join(
        unique
    )
