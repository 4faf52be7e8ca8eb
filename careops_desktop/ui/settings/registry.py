"""The Settings tab's pages: one :class:`SettingsPageSpec` each, in :data:`SETTINGS_PAGES`.

Other areas add their page by appending a spec (the messaging engineer owns the
``"integrations"`` and ``"automations"`` pages)::

    SETTINGS_PAGES.append(SettingsPageSpec(
        "integrations", "Integrations", Permission.MANAGE_SETTINGS,
        lazy_page("careops_desktop.ui.settings.integrations", "IntegrationsPage")))

The factory gets a :class:`SettingsContext` and returns a QWidget. Pages are ordered by
:data:`PAGE_ORDER` and hidden from people who lack the permission. The setup wizard opens
the ``"integrations"`` page, when registered, from its email step.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.ops import Ops
    from careops_desktop.ui.runtime_link import RuntimeLink

PAGE_ORDER = (
    "business",
    "booking_page",
    "policy",
    "providers",
    "booking_types",
    "staff",
    "automations",
    "saved_replies",
    "integrations",
    "calendar",
    "backups",
    "connection",
    "audit",
    "this_computer",
    "language",
    "updates",
    "password",
)
INTEGRATIONS = "integrations"
AUTOMATIONS = "automations"


@dataclass(frozen=True)
class SettingsContext:
    """What a settings page gets: the database road, event signals (None in the wizard).

    ``runtime_link``: the window's runtime (booking page and jobs), None when it runs none.
    """

    ops: Ops
    events: EventsBridge | None
    actor: Actor
    runtime_link: RuntimeLink | None = None


PageFactory = Callable[[SettingsContext], QWidget]


@dataclass(frozen=True)
class SettingsPageSpec:
    key: str
    title: str
    permission: Permission | None
    factory: PageFactory

    @property
    def label(self) -> str:
        """The title in the window's language (titles are marked in context ``SettingsPages``)."""
        return translate("SettingsPages", self.title)


def lazy_page(module: str, attribute: str) -> PageFactory:
    """A factory importing ``module`` when the page is first built."""

    def factory(context: SettingsContext) -> QWidget:
        page: QWidget = getattr(importlib.import_module(module), attribute)(context)
        return page

    factory.careops_page_module = module  # type: ignore[attr-defined]
    return factory


def page_modules(pages: Sequence[SettingsPageSpec] | None = None) -> tuple[str, ...]:
    """The modules the pages' :func:`lazy_page` factories import (for the background import)."""
    found = (
        getattr(spec.factory, "careops_page_module", None)
        for spec in (SETTINGS_PAGES if pages is None else pages)
    )
    return tuple(dict.fromkeys(name for name in found if isinstance(name, str)))


_PAGES = "careops_desktop.ui.settings"

SETTINGS_PAGES: list[SettingsPageSpec] = [
    SettingsPageSpec(
        "business",
        QT_TRANSLATE_NOOP("SettingsPages", "Business"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.business_page", "BusinessSettingsPage"),
    ),
    SettingsPageSpec(
        "booking_page",
        QT_TRANSLATE_NOOP("SettingsPages", "Booking page"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.booking_page", "BookingPageSettingsPage"),
    ),
    SettingsPageSpec(
        "policy",
        QT_TRANSLATE_NOOP("SettingsPages", "Booking policy"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.business_page", "PolicySettingsPage"),
    ),
    SettingsPageSpec(
        "providers",
        QT_TRANSLATE_NOOP("SettingsPages", "Providers"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.providers_page", "ProvidersSettingsPage"),
    ),
    SettingsPageSpec(
        "booking_types",
        QT_TRANSLATE_NOOP("SettingsPages", "Booking types"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.booking_types_page", "BookingTypesSettingsPage"),
    ),
    SettingsPageSpec(
        "staff",
        QT_TRANSLATE_NOOP("SettingsPages", "Staff"),
        Permission.MANAGE_STAFF,
        lazy_page(f"{_PAGES}.staff_page", "StaffSettingsPage"),
    ),
    SettingsPageSpec(
        AUTOMATIONS,
        QT_TRANSLATE_NOOP("SettingsPages", "Automations"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.automations_page", "AutomationsPage"),
    ),
    SettingsPageSpec(
        "saved_replies",
        QT_TRANSLATE_NOOP("SettingsPages", "Saved replies"),
        Permission.MANAGE_INBOX,  # as replying
        lazy_page(f"{_PAGES}.saved_replies_page", "SavedRepliesPage"),
    ),
    SettingsPageSpec(
        INTEGRATIONS,
        QT_TRANSLATE_NOOP("SettingsPages", "Integrations"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.integrations_page", "IntegrationsPage"),
    ),
    SettingsPageSpec(
        "calendar",
        QT_TRANSLATE_NOOP("SettingsPages", "Calendar"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.calendar_page", "CalendarSettingsPage"),
    ),
    SettingsPageSpec(
        "backups",
        QT_TRANSLATE_NOOP("SettingsPages", "Backups"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.backups_page", "BackupsPage"),
    ),
    SettingsPageSpec(
        "connection",
        QT_TRANSLATE_NOOP("SettingsPages", "Database connection"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.connection_page", "ConnectionPage"),
    ),
    SettingsPageSpec(
        "audit",
        QT_TRANSLATE_NOOP("SettingsPages", "Audit log"),
        Permission.VIEW_AUDIT,
        lazy_page(f"{_PAGES}.audit_page", "AuditLogPage"),
    ),
    SettingsPageSpec(
        "this_computer",
        QT_TRANSLATE_NOOP("SettingsPages", "This computer"),
        None,
        lazy_page(f"{_PAGES}.account_page", "ThisComputerPage"),
    ),
    SettingsPageSpec(
        "language",
        QT_TRANSLATE_NOOP("SettingsPages", "Language"),
        None,  # everyone picks the window's language; the formats need MANAGE_SETTINGS
        lazy_page(f"{_PAGES}.language_page", "LanguagePage"),
    ),
    SettingsPageSpec(
        "updates",
        QT_TRANSLATE_NOOP("SettingsPages", "Updates"),
        Permission.MANAGE_SETTINGS,
        lazy_page(f"{_PAGES}.updates_page", "UpdatesPage"),
    ),
    SettingsPageSpec(
        "password",
        QT_TRANSLATE_NOOP("SettingsPages", "Password"),
        None,
        lazy_page(f"{_PAGES}.account_page", "PasswordPage"),
    ),
]


def visible_pages(
    actor: Actor, pages: Sequence[SettingsPageSpec] | None = None
) -> list[SettingsPageSpec]:
    """The pages ``actor`` may open, in :data:`PAGE_ORDER` (unknown keys last)."""
    chosen = [
        p
        for p in (SETTINGS_PAGES if pages is None else pages)
        if p.permission is None or actor.can(p.permission)
    ]

    def position(spec: SettingsPageSpec) -> int:
        return PAGE_ORDER.index(spec.key) if spec.key in PAGE_ORDER else len(PAGE_ORDER)

    return sorted(chosen, key=position)


def find_page(key: str) -> SettingsPageSpec | None:
    return next((p for p in SETTINGS_PAGES if p.key == key), None)
