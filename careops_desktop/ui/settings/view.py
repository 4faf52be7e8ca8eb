"""The Settings tab: a tab per settings page, shown by permission (see :mod:`.registry`).

A page is built when its tab is first shown (or asked for through ``pages[key]`` /
``select_page(key)``): building all fourteen at once, each loading its data, held the
window for a few hundred milliseconds when Settings was first opened.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from careops_desktop.ui.accessible import make_accessible
from careops_desktop.ui.settings.registry import (
    SettingsContext,
    SettingsPageSpec,
    page_modules,
    visible_pages,
)
from careops_desktop.ui.tabs import TabContext


def __getattr__(name: str) -> Any:
    """``PRELOAD_MODULES``: the settings pages' modules (imported in the background, see
    ui/preload.py), read when asked so that pages registered later are included."""
    if name == "PRELOAD_MODULES":
        return page_modules()
    raise AttributeError(name)


class _Pages(Mapping[str, QWidget]):
    """The view's pages by key; looking one up builds it (``in`` and iterating do not)."""

    def __init__(self, view: SettingsView) -> None:
        self._view = view

    def __getitem__(self, key: str) -> QWidget:
        return self._view._build(key)

    def __contains__(self, key: object) -> bool:
        return key in self._view._specs

    def __iter__(self) -> Iterator[str]:
        return iter(self._view._specs)

    def __len__(self) -> int:
        return len(self._view._specs)


class SettingsView(QWidget):
    """The pages in a QTabWidget named ``settingsTabs``; ``select_page(key)`` opens one."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.setObjectName("settingsView")
        self.settings_context = SettingsContext(
            context.ops,
            context.events,
            context.actor,
            runtime_link=getattr(context.window, "runtime_link", None),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self._specs: dict[str, SettingsPageSpec] = {}
        self._scrolls: dict[str, QScrollArea] = {}
        self._built: dict[str, QWidget] = {}
        self.pages: Mapping[str, QWidget] = _Pages(self)
        for spec in visible_pages(context.actor):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            self.tabs.addTab(scroll, spec.label)
            self._specs[spec.key] = spec
            self._scrolls[spec.key] = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._current_changed)
        self._current_changed(self.tabs.currentIndex())

    def page_keys(self) -> list[str]:
        return list(self._specs)

    def built_keys(self) -> list[str]:
        """The pages built so far (shown once, or asked for)."""
        return list(self._built)

    def select_page(self, key: str) -> QWidget | None:
        if key not in self._specs:
            return None
        self.tabs.setCurrentIndex(list(self._specs).index(key))
        return self._build(key)

    def apply_filter(self, filter: Any) -> None:
        """``{"page": "staff"}`` opens that page."""
        if isinstance(filter, dict) and "page" in filter:
            self.select_page(str(filter["page"]))

    def _current_changed(self, index: int) -> None:
        keys = list(self._specs)
        if 0 <= index < len(keys):
            self._build(keys[index])

    def _build(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not (KeyError for a page not shown here)."""
        page = self._built.get(key)
        if page is None:
            spec = self._specs[key]
            page = spec.factory(self.settings_context)
            page.setObjectName(f"settings_{spec.key}")
            self._scrolls[key].setWidget(page)
            self._built[key] = page
            make_accessible(page)  # names for screen readers; Tab leaves row tables
        return page
