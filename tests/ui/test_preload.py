"""The other tabs' modules are imported on a background thread after the window's first paint."""

from __future__ import annotations

import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from careops_desktop.core.permissions import Actor
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.preload import ModulePreloader
from careops_desktop.ui.tabs import TabSpec, lazy, module_of

PAGE = textwrap.dedent(
    """
    import threading
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    IMPORTED_ON = threading.current_thread().name

    class Page(QWidget):
        def __init__(self, context):
            super().__init__()
            QVBoxLayout(self).addWidget(QLabel(__name__))
    """
)


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[str]:
    """A unique prefix for throwaway modules written into ``tmp_path`` (on sys.path)."""
    prefix = f"careops_preload_{tmp_path.name.replace('-', '_')}"
    sys.path.insert(0, str(tmp_path))
    yield prefix
    sys.path.remove(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith(prefix)]:
        del sys.modules[name]


def _write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    return name


def test_modules_are_imported_in_order_on_a_thread_and_a_broken_one_is_skipped(
    tmp_path: Path, modules: str
) -> None:
    first = _write(tmp_path, f"{modules}_a", PAGE)
    broken = _write(tmp_path, f"{modules}_b", "raise RuntimeError('broken on purpose')\n")
    last = _write(tmp_path, f"{modules}_c", PAGE)
    preloader = ModulePreloader()
    preloader.start([first, broken, last, first, "json"])  # repeats and imported ones skipped
    assert preloader.wait(timeout=10)
    assert preloader.imported == [first, last]
    assert sys.modules[first].IMPORTED_ON == "careops-preload"
    assert sys.modules[last].IMPORTED_ON == "careops-preload"
    assert broken not in sys.modules
    preloader.start([broken])  # started once only
    assert preloader.imported == [first, last]


def test_stop_ends_after_the_module_being_imported(tmp_path: Path, modules: str) -> None:
    gate_name = f"{modules}_gate"
    gate = type(sys)(gate_name)
    gate.entered = threading.Event()  # type: ignore[attr-defined]
    gate.release = threading.Event()  # type: ignore[attr-defined]
    sys.modules[gate_name] = gate
    slow = _write(
        tmp_path,
        f"{modules}_slow",
        f"import {gate_name} as gate\ngate.entered.set()\ngate.release.wait(10)\nDONE = True\n",
    )
    never = _write(tmp_path, f"{modules}_never", PAGE)
    preloader = ModulePreloader()
    preloader.start([slow, never])
    assert gate.entered.wait(10)
    assert preloader.running
    preloader.stop()
    gate.release.set()
    assert preloader.wait(timeout=10)
    assert sys.modules[slow].DONE is True
    assert never not in sys.modules
    assert preloader.imported == [slow]


def test_stopped_before_start_imports_nothing(tmp_path: Path, modules: str) -> None:
    name = _write(tmp_path, f"{modules}_unused", PAGE)
    preloader = ModulePreloader()
    preloader.stop()
    preloader.start([name])
    assert not preloader.started and preloader.wait(0)
    assert name not in sys.modules


def test_the_window_preloads_unopened_tabs_after_its_first_paint(
    tmp_path: Path, modules: str, ops, bridge, qtbot
) -> None:
    names = [_write(tmp_path, f"{modules}_{key}", PAGE) for key in ("home", "one", "two")]
    specs = [
        TabSpec("dashboard", "Home", None, lazy(names[0], "Page")),
        TabSpec("inbox", "One", None, lazy(names[1], "Page")),
        TabSpec("bookings", "Two", None, lazy(names[2], "Page")),
        TabSpec("settings", "Plain", None, lambda context: QLabel("not lazy")),
    ]
    assert [module_of(spec.factory) for spec in specs] == [*names, None]
    window = MainWindow(ops, bridge, Actor.system(), specs=specs, idle_minutes=0)
    qtbot.addWidget(window)
    assert not window.preloader.started  # nothing before the window is painted
    window.show()
    qtbot.waitUntil(lambda: window.preloader.started, timeout=5000)
    assert window.preloader.wait(timeout=10)
    assert window.preloader.imported == names[1:]  # the open tab's module was imported already
    assert sys.modules[names[0]].IMPORTED_ON == "MainThread"
    assert all(sys.modules[n].IMPORTED_ON == "careops-preload" for n in names[1:])
    page = window.show_tab("bookings")
    assert type(page).__module__ == names[2]
    window.close()
    assert not window.preloader.running


def test_a_window_closed_before_painting_preloads_nothing(
    tmp_path: Path, modules: str, ops, bridge, qtbot
) -> None:
    names = [_write(tmp_path, f"{modules}_{key}", PAGE) for key in ("home", "later")]
    specs = [
        TabSpec("dashboard", "Home", None, lazy(names[0], "Page")),
        TabSpec("inbox", "Later", None, lazy(names[1], "Page")),
    ]
    window = MainWindow(ops, bridge, Actor.system(), specs=specs, idle_minutes=0)
    qtbot.addWidget(window)
    window.close()
    window.show()  # shown after closing: painted, but shut down
    qtbot.wait(50)
    assert not window.preloader.started
    assert names[1] not in sys.modules
