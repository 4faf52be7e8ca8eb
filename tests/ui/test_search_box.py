"""The debounced search box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from careops_desktop.ui.widgets.search_box import SearchBox


def test_typing_is_debounced_into_one_search(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SearchBox(delay_ms=30)
    qtbot.addWidget(box)
    terms: list[str] = []
    box.searchChanged.connect(terms.append)
    qtbot.keyClicks(box, "  ada ")
    assert terms == []  # nothing until the typing pauses
    qtbot.waitUntil(lambda: terms == ["ada"], timeout=2000)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # same term again: not repeated
    assert terms == ["ada"]


def test_escape_and_clear_search_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SearchBox(delay_ms=10_000)
    qtbot.addWidget(box)
    terms: list[str] = []
    box.searchChanged.connect(terms.append)
    qtbot.keyClicks(box, "x")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert terms == ["x"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert terms == ["x", ""] and box.text() == ""
    box.setText("<b>y</b>")
    box.flush()
    assert terms[-1] == "<b>y</b>"
    box.clear()
    assert terms[-1] == ""
