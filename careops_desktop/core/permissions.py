"""Roles, permission flags and the acting person.

Services call ``require(actor, Permission.X)``; the window hides what a person
may not do, but the rule itself lives here once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from careops_desktop.core.errors import PermissionDenied
from careops_desktop.core.i18n import N_


class Role(enum.StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    STAFF = "staff"


class Permission(enum.StrEnum):
    MANAGE_INBOX = N_("manage inbox")
    MANAGE_BOOKINGS = N_("manage bookings")
    VIEW_INVENTORY = N_("view inventory")
    MANAGE_INVENTORY = N_("manage inventory")
    MANAGE_SETTINGS = N_("manage settings")
    MANAGE_STAFF = N_("manage staff")
    MANAGE_CONTACTS = N_("manage contacts")
    VIEW_REPORTS = N_("view reports")
    VIEW_AUDIT = N_("view audit log")


def permissions_for(
    role: Role | str,
    *,
    can_manage_inbox: bool = False,
    can_manage_bookings: bool = False,
    can_view_inventory: bool = False,
    can_manage_settings: bool = False,
) -> frozenset[Permission]:
    """The permissions a staff row grants: owners and managers hold all, staff their flags."""
    role = Role(role)
    if role in (Role.OWNER, Role.MANAGER):
        return frozenset(Permission)
    granted: set[Permission] = set()
    if can_manage_inbox:
        granted |= {Permission.MANAGE_INBOX, Permission.MANAGE_CONTACTS}
    if can_manage_bookings:
        granted |= {Permission.MANAGE_BOOKINGS, Permission.MANAGE_CONTACTS}
    if can_view_inventory:
        granted.add(Permission.VIEW_INVENTORY)
    if can_manage_settings:
        granted.add(Permission.MANAGE_SETTINGS)
    return frozenset(granted)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in person, or the system (web page, jobs, CLI)."""

    user_id: int | None
    name: str
    role: Role | None
    permissions: frozenset[Permission] = field(default_factory=frozenset)

    @classmethod
    def system(cls, name: str = "System") -> Actor:
        """The app itself (booking page, jobs): allowed everything, recorded as ``name``."""
        return cls(user_id=None, name=name, role=None, permissions=frozenset(Permission))

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def is_owner(self) -> bool:
        return self.role is Role.OWNER


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` holds ``permission``."""
    if permission not in actor.permissions:
        raise PermissionDenied(permission.value)


def require_any(actor: Actor, *permissions: Permission) -> None:
    """Raise :class:`PermissionDenied` (naming the first) unless ``actor`` holds one of them."""
    if not any(p in actor.permissions for p in permissions):
        raise PermissionDenied(permissions[0].value)
