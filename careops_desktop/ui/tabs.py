"""The main window's tabs: one :class:`TabSpec` per tab, in :data:`TAB_SPECS`.

To add a tab, append a spec whose factory builds the page from a :class:`TabContext`::

    TabSpec("contacts", "Contacts", Permission.MANAGE_CONTACTS,
            lazy("careops_desktop.ui.contacts.view", "ContactsView")),

``lazy`` imports the module only when the tab is first opened (fast start). The window
orders tabs by :data:`TAB_ORDER`, hides those the signed-in person lacks the permission
for, and creates each page when it is first shown.

A page is a QWidget that may also offer (all optional, duck-typed):

- ``focus_search()`` — Ctrl+F: put the cursor in the page's search box.
- ``create_new()`` — Ctrl+N: open the dialog that creates the page's item.
- ``print_page()`` — Ctrl+P: print (with a preview) what the page shows.
- ``apply_filter(filter)`` — called by ``MainWindow.show_tab(key, filter=...)`` (e.g. the
  dashboard's cards: ``{"period": "today"}``, ``{"status": "pending"}``, ``{"low_stock": True}``).
- ``shutdown()`` — the window is closing: stop timers, drop references.

Pages must not define their own Ctrl+1…8, Ctrl+F, Ctrl+N or Ctrl+P shortcuts (the window owns them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from careops_desktop.core.permissions import Actor, Permission

if TYPE_CHECKING:
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.main_window import MainWindow
    from careops_desktop.ui.ops import Ops

TAB_ORDER = (
    "dashboard",
    "inbox",
    "bookings",
    "contacts",
    "forms",
    "inventory",
    "reports",
    "settings",
)


@dataclass(frozen=True)
class TabContext:
    """What a page gets: the database road, the event signals, who is signed in, the window."""

    ops: Ops
    events: EventsBridge
    actor: Actor
    window: MainWindow

    def show_tab(self, key: str, filter: Any = None) -> None:
        """Switch to another tab, optionally filtered (see ``MainWindow.show_tab``)."""
        self.window.show_tab(key, filter=filter)

    def set_title(self, key: str, title: str) -> None:
        """Change a tab's title, e.g. "Inbox (3)" for unread conversations."""
        self.window.set_tab_title(key, title)


TabFactory = Callable[[TabContext], QWidget]


@dataclass(frozen=True)
class TabSpec:
    """One tab: a stable ``key``, its ``title``, the permission needed to see it, a factory.

    ``title`` is the English text, marked with ``QT_TRANSLATE_NOOP("Tabs", ...)``; the window
    shows ``translate("Tabs", title)``.
    """

    key: str
    title: str
    permission: Permission | None
    factory: TabFactory


_MODULE_ATTR = "careops_tab_module"


def lazy(module: str, attribute: str) -> TabFactory:
    """A factory that imports ``module`` on first use and calls ``attribute(context)``."""

    def factory(context: TabContext) -> QWidget:
        page_class = getattr(importlib.import_module(module), attribute)
        page: QWidget = page_class(context)
        return page

    factory.__qualname__ = f"lazy({module}.{attribute})"
    setattr(factory, _MODULE_ATTR, module)
    return factory


def module_of(factory: TabFactory) -> str | None:
    """The module a :func:`lazy` factory imports (None for any other factory)."""
    name = getattr(factory, _MODULE_ATTR, None)
    return name if isinstance(name, str) else None


TAB_SPECS: list[TabSpec] = [
    TabSpec(
        "dashboard",
        str(QT_TRANSLATE_NOOP("Tabs", "Dashboard")),
        None,
        lazy("careops_desktop.ui.dashboard.view", "DashboardView"),
    ),
    TabSpec(
        "settings",
        str(QT_TRANSLATE_NOOP("Tabs", "Settings")),
        None,
        lazy("careops_desktop.ui.settings.view", "SettingsView"),
    ),
    TabSpec(
        "inbox",
        str(QT_TRANSLATE_NOOP("Tabs", "Inbox")),
        Permission.MANAGE_INBOX,
        lazy("careops_desktop.ui.inbox.view", "InboxView"),
    ),
    TabSpec(
        "bookings",
        str(QT_TRANSLATE_NOOP("Tabs", "Bookings")),
        Permission.MANAGE_BOOKINGS,
        lazy("careops_desktop.ui.bookings.view", "BookingsView"),
    ),
    TabSpec(
        "contacts",
        str(QT_TRANSLATE_NOOP("Tabs", "Contacts")),
        Permission.MANAGE_CONTACTS,
        lazy("careops_desktop.ui.contacts.view", "ContactsView"),
    ),
    # submissions are readable with bookings, contacts or settings rights; editing forms
    # needs MANAGE_SETTINGS (the core refuses it otherwise and the page hides the editor)
    TabSpec(
        "forms",
        str(QT_TRANSLATE_NOOP("Tabs", "Forms")),
        Permission.MANAGE_CONTACTS,
        lazy("careops_desktop.ui.forms.view", "FormsView"),
    ),
    TabSpec(
        "inventory",
        str(QT_TRANSLATE_NOOP("Tabs", "Inventory")),
        Permission.VIEW_INVENTORY,
        lazy("careops_desktop.ui.inventory.view", "InventoryView"),
    ),
    TabSpec(
        "reports",
        str(QT_TRANSLATE_NOOP("Tabs", "Reports")),
        Permission.VIEW_REPORTS,
        lazy("careops_desktop.ui.reports.view", "ReportsView"),
    ),
]


def visible_specs(actor: Actor, specs: Sequence[TabSpec] | None = None) -> list[TabSpec]:
    """The tabs ``actor`` may see, in :data:`TAB_ORDER` (unknown keys go last, in list order)."""
    chosen = [
        spec
        for spec in (TAB_SPECS if specs is None else specs)
        if spec.permission is None or actor.can(spec.permission)
    ]

    def position(spec: TabSpec) -> int:
        return TAB_ORDER.index(spec.key) if spec.key in TAB_ORDER else len(TAB_ORDER)

    return sorted(chosen, key=position)
