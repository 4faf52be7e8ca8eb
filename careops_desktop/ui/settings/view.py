"""The Settings tab: a tab per settings page, shown by permission (see :mod:`.registry`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from careops_desktop.ui.settings.registry import SettingsContext, visible_pages
from careops_desktop.ui.tabs import TabContext


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
        self.pages: dict[str, QWidget] = {}
        for spec in visible_pages(context.actor):
            page = spec.factory(self.settings_context)
            page.setObjectName(f"settings_{spec.key}")
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, spec.title)
            self.pages[spec.key] = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

    def page_keys(self) -> list[str]:
        return list(self.pages)

    def select_page(self, key: str) -> QWidget | None:
        page = self.pages.get(key)
        if page is not None:
            self.tabs.setCurrentIndex(list(self.pages).index(key))
        return page

    def apply_filter(self, filter: Any) -> None:
        """``{"page": "staff"}`` opens that page."""
        if isinstance(filter, dict) and "page" in filter:
            self.select_page(str(filter["page"]))
