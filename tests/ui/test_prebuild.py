"""The tabs' pages are built in idle time after the first paint, one page per slice."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtWidgets import QLabel

from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.prebuild import PREBUILT_TABS, PagePrebuilder
from careops_desktop.ui.tabs import TabSpec, lazy
from tests.ui.test_preload import PAGE, _write, modules  # noqa: F401  (the fixture)


def test_pages_are_built_in_order_only_when_ready_and_never_twice(qtbot) -> None:
    built: list[str] = []
    opened = {"inbox"}  # opened by the person before its turn
    ready = {"now": False}
    prebuilder = PagePrebuilder(
        ["dashboard", "inbox", "bookings"],
        build=built.append,
        built=lambda key: key in opened or key in built,
        ready=lambda: ready["now"],
    )
    finished: list[bool] = []
    prebuilder.finished.connect(lambda: finished.append(True))
    prebuilder.start()
    qtbot.wait(120)
    assert built == [] and not prebuilder.done  # busy: nothing built meanwhile
    ready["now"] = True
    qtbot.waitUntil(lambda: prebuilder.done, timeout=5000)
    assert built == ["dashboard", "bookings"]
    assert finished == [True]
    assert not prebuilder.timer.isActive()
    prebuilder.start()  # once only
    assert not prebuilder.timer.isActive()


def test_stop_builds_nothing_more(qtbot) -> None:
    built: list[str] = []
    prebuilder = PagePrebuilder(
        ["dashboard", "inbox"], build=built.append, built=built.__contains__, ready=lambda: True
    )
    prebuilder.start()
    prebuilder.stop()
    qtbot.wait(100)
    assert built == [] and not prebuilder.done and not prebuilder.timer.isActive()
    prebuilder.start()  # stopped for good
    assert not prebuilder.timer.isActive()


def _specs(tmp_path: Path, prefix: str) -> list[TabSpec]:
    keys = ("dashboard", "inbox", "bookings", "contacts", "reports")
    names = [_write(tmp_path, f"{prefix}_{key}", PAGE) for key in keys]
    specs = [
        TabSpec(
            key, key.title(), Permission.MANAGE_INBOX if key == "inbox" else None, lazy(n, "Page")
        )
        for key, n in zip(keys, names, strict=True)
    ]
    specs.append(TabSpec("settings", "Settings", None, lambda context: QLabel("settings")))
    return specs


def test_the_window_prebuilds_the_main_tabs_it_shows(
    tmp_path: Path,
    modules: str,  # noqa: F811
    ops,
    bridge,
    qtbot,
) -> None:
    specs = _specs(tmp_path, modules)
    staff = Actor(7, "Sam Staff", Role.STAFF, frozenset())  # cannot see the inbox
    window = MainWindow(ops, bridge, staff, specs=specs, idle_minutes=0, prebuild=True)
    qtbot.addWidget(window)
    assert not window.pages_ready
    window.show()
    qtbot.waitUntil(lambda: window.pages_ready, timeout=10_000)
    hosts = window._hosts
    assert "inbox" not in hosts
    for key in ("dashboard", "bookings", "contacts", "settings"):
        assert key in PREBUILT_TABS and hosts[key].page is not None
        assert hosts[key].page.isVisible() == (key == "dashboard")
    # Reports is built when opened, as before
    assert "reports" not in PREBUILT_TABS and hosts["reports"].page is None
    assert window.current_key() == "dashboard"  # building never switched tabs
    page = window.show_tab("bookings")
    assert page is hosts["bookings"].page  # the prebuilt page, not a second one
    # the long-lived heap is out of the collector's way while the window runs
    assert gc.get_freeze_count() > 0
    window.close()
    assert window.prebuilder is not None and not window.prebuilder.timer.isActive()
    assert gc.get_freeze_count() == 0  # handed back: the closed window's cycles are collected


def test_without_prebuild_pages_wait_for_their_tab(
    tmp_path: Path,
    modules: str,  # noqa: F811
    ops,
    bridge,
    qtbot,
) -> None:
    specs = _specs(tmp_path, modules)
    window = MainWindow(ops, bridge, Actor.system(), specs=specs, idle_minutes=0)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.preloader.started, timeout=5000)
    assert window.preloader.wait(timeout=10)
    qtbot.wait(100)
    assert window.pages_ready and window.prebuilder is None
    assert [k for k, h in window._hosts.items() if h.page is not None] == ["dashboard"]
    window.close()


def test_a_window_closing_while_prebuilding_stops(
    tmp_path: Path,
    modules: str,  # noqa: F811
    ops,
    bridge,
    qtbot,
) -> None:
    specs = _specs(tmp_path, modules)
    window = MainWindow(ops, bridge, Actor.system(), specs=specs, idle_minutes=0, prebuild=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.prebuilder is not None, timeout=5000)
    window.close()
    built = [k for k, h in window._hosts.items() if h.page is not None]
    qtbot.wait(150)
    assert [k for k, h in window._hosts.items() if h.page is not None] == built
    assert window.prebuilder is not None and not window.prebuilder.timer.isActive()
