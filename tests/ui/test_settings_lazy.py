"""The Settings tab builds a page when it is first shown; its pages' modules are preloaded."""

from __future__ import annotations

import sys
from pathlib import Path

from careops_desktop.ui.preload import ModulePreloader
from careops_desktop.ui.settings import view as settings_view
from careops_desktop.ui.settings.registry import (
    SETTINGS_PAGES,
    SettingsPageSpec,
    lazy_page,
    page_modules,
)
from tests.ui.tab_helpers import open_tab, owner_actor
from tests.ui.test_preload import PAGE, _write, modules  # noqa: F401  (the fixture)


def test_pages_are_built_when_first_shown(demo_ops, bridge, qtbot) -> None:
    window = open_tab(qtbot, demo_ops, bridge, owner_actor(1), ("settings",))
    view = window.show_tab("settings")
    keys = view.page_keys()
    assert keys[0] == "business" and "audit" in keys and "password" in keys
    assert view.built_keys() == ["business"]  # the page on show only
    assert "staff" in view.pages and "nonsense" not in view.pages
    assert list(view.pages) == keys and len(view.pages) == len(keys)
    assert view.built_keys() == ["business"]  # asking what exists builds nothing
    view.tabs.setCurrentIndex(keys.index("providers"))  # the person clicks its tab
    assert view.built_keys() == ["business", "providers"]
    audit = view.pages["audit"]  # looked up: built, not shown
    assert audit.objectName() == "settings_audit"
    assert view.tabs.currentIndex() == keys.index("providers")
    staff = view.select_page("staff")
    assert staff is view.pages["staff"] and view.tabs.currentIndex() == keys.index("staff")
    assert view.built_keys() == ["business", "providers", "audit", "staff"]
    assert view.select_page("nonsense") is None
    view.apply_filter({"page": "password"})
    assert view.tabs.currentIndex() == keys.index("password")
    assert view.tabs.currentWidget().widget() is view.pages["password"]
    window.close()


def test_the_pages_modules_are_named_for_the_background_import() -> None:
    names = page_modules()
    assert "careops_desktop.ui.settings.calendar_page" in names
    assert len(names) == len(set(names))  # two pages of one module: named once
    assert names == settings_view.PRELOAD_MODULES
    extra = SettingsPageSpec("x", "X", None, lazy_page("careops_desktop.ui.plain", "Nothing"))
    assert page_modules([extra, extra]) == ("careops_desktop.ui.plain",)
    assert len(page_modules(SETTINGS_PAGES)) == len(names)


def test_the_preloader_follows_preload_modules(
    tmp_path: Path,
    modules: str,  # noqa: F811
) -> None:
    leaf = _write(tmp_path, f"{modules}_leaf", PAGE)
    missing = f"{modules}_missing"
    tab = _write(tmp_path, f"{modules}_tab", f"PRELOAD_MODULES = ({missing!r}, {leaf!r}, 7)\n")
    after = _write(tmp_path, f"{modules}_after", PAGE)
    preloader = ModulePreloader()
    preloader.start([tab, after])
    assert preloader.wait(timeout=10)
    assert preloader.imported == [tab, leaf, after]  # named ones right after the tab's module
    assert sys.modules[leaf].IMPORTED_ON == "careops-preload"
    assert missing not in sys.modules
