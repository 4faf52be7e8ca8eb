"""Staff: the people who sign in, their role and permission flags.

There is always at least one active owner: the last one can be neither
deactivated nor demoted. Only an owner gives or takes the owner role.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Staff, User
from careops_desktop.core.permissions import Actor, Permission, Role, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.auth import NAME_MAX, insert_user
from careops_desktop.core.services.contacts.fields import normalize_email

FLAGS = ("can_manage_inbox", "can_manage_bookings", "can_view_inventory", "can_manage_settings")


@dataclass(frozen=True)
class StaffView:
    user_id: int
    email: str
    full_name: str
    role: str
    is_active: bool
    can_manage_inbox: bool
    can_manage_bookings: bool
    can_view_inventory: bool
    can_manage_settings: bool
    last_login_at: datetime | None
    locked_until: datetime | None


def _view(user: User, staff: Staff) -> StaffView:
    return StaffView(
        user.id,
        user.email,
        user.full_name,
        staff.role,
        user.is_active,
        staff.can_manage_inbox,
        staff.can_manage_bookings,
        staff.can_view_inventory,
        staff.can_manage_settings,
        user.last_login_at,
        user.locked_until,
    )


def _load(session: Session, user_id: int) -> tuple[User, Staff]:
    user = session.get(User, user_id)
    staff = session.scalar(select(Staff).where(Staff.user_id == user_id))
    if user is None or staff is None:
        raise NotFound("staff member", user_id)
    return user, staff


def _check_role(role: str) -> str:
    try:
        clean = Role(role)
    except ValueError:
        raise ValidationError({"role": _("Choose owner, manager or staff.")}) from None
    return clean.value


def _require_owner_for(actor: Actor, refusal: str) -> None:
    """Only an owner (or the system, e.g. the command line) may touch the owner role;
    ``refusal`` says so to anyone else."""
    if actor.user_id is not None and not actor.is_owner:
        raise PermissionDenied("manage owners", refusal)


def _active_owner_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(Staff.id))
            .join(User, User.id == Staff.user_id)
            .where(Staff.role == Role.OWNER.value, User.is_active.is_(True))
        )
        or 0
    )


def _clean_name(full_name: str, errors: dict[str, str]) -> str:
    name = " ".join((full_name or "").split())
    if not name:
        errors["full_name"] = _("Enter the person's name.")
    elif len(name) > NAME_MAX:
        errors["full_name"] = _("The name is longer than {limit} characters.").format(
            limit=NAME_MAX
        )
    return name


def _clean_email(session: Session, email: str, errors: dict[str, str], own_id: int | None) -> str:
    try:
        clean = normalize_email(email)
    except ValidationError as exc:
        errors.update(exc.fields)
        return ""
    other = session.scalar(select(User.id).where(User.email == clean))
    if other is not None and other != own_id:
        errors["email"] = _("There is already an account with this email.")
    return clean


def add_staff(
    session: Session,
    actor: Actor,
    *,
    email: str,
    full_name: str,
    password: str,
    role: str = "staff",
    can_manage_inbox: bool = False,
    can_manage_bookings: bool = False,
    can_view_inventory: bool = False,
    can_manage_settings: bool = False,
) -> StaffView:
    """Create an account and its staff row; every bad field is named at once."""
    require(actor, Permission.MANAGE_STAFF)
    errors: dict[str, str] = {}
    try:
        clean_role = _check_role(role)
    except ValidationError as exc:
        errors.update(exc.fields)
        clean_role = ""
    if clean_role == Role.OWNER.value:
        _require_owner_for(actor, _("Only an owner can add an owner."))
    name = _clean_name(full_name, errors)
    clean_email = _clean_email(session, email, errors, None)
    user = insert_user(
        session, errors, email=email, clean_email=clean_email, password=password, name=name
    )
    staff = Staff(
        user_id=user.id,
        role=clean_role,
        can_manage_inbox=can_manage_inbox,
        can_manage_bookings=can_manage_bookings,
        can_view_inventory=can_view_inventory,
        can_manage_settings=can_manage_settings,
    )
    session.add(staff)
    session.flush()
    audit.record(session, actor, "create", "staff", user.id, {"role": clean_role})
    events.record(session, events.SettingsChanged("staff"))
    return _view(user, staff)


def edit_staff(
    session: Session,
    actor: Actor,
    user_id: int,
    *,
    full_name: str | None = None,
    email: str | None = None,
    role: str | None = None,
    can_manage_inbox: bool | None = None,
    can_manage_bookings: bool | None = None,
    can_view_inventory: bool | None = None,
    can_manage_settings: bool | None = None,
) -> StaffView:
    """Change a person's name, email, role or flags; ``None`` leaves a field as it is."""
    require(actor, Permission.MANAGE_STAFF)
    user, staff = _load(session, user_id)
    errors: dict[str, str] = {}
    name = user.full_name if full_name is None else _clean_name(full_name, errors)
    clean_email = user.email if email is None else _clean_email(session, email, errors, user.id)
    new_role = staff.role
    if role is not None:
        try:
            new_role = _check_role(role)
        except ValidationError as exc:
            errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    if new_role != staff.role and Role.OWNER.value in (new_role, staff.role):
        _require_owner_for(actor, _("Only an owner can give or take the owner role."))
        if staff.role == Role.OWNER.value and user.is_active and _active_owner_count(session) <= 1:
            raise ValidationError(
                {"role": _("This is the last owner. Make someone else an owner first.")}
            )
    changed = []
    for field, value in (("full_name", name), ("email", clean_email)):
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    if staff.role != new_role:
        staff.role = new_role
        changed.append("role")
    flags = dict(
        zip(
            FLAGS,
            (can_manage_inbox, can_manage_bookings, can_view_inventory, can_manage_settings),
            strict=True,
        )
    )
    for field, flag in flags.items():
        if flag is not None and getattr(staff, field) != flag:
            setattr(staff, field, flag)
            changed.append(field)
    if changed:
        session.flush()
        audit.record(session, actor, "update", "staff", user.id, {"fields": changed})
        events.record(session, events.SettingsChanged("staff"))
    return _view(user, staff)


def deactivate_staff(session: Session, actor: Actor, user_id: int) -> StaffView:
    """Turn an account off (it can no longer sign in); never the last active owner."""
    require(actor, Permission.MANAGE_STAFF)
    user, staff = _load(session, user_id)
    if not user.is_active:
        return _view(user, staff)
    if actor.user_id == user_id:
        raise ValidationError({"user": _("You cannot turn off your own account.")})
    if staff.role == Role.OWNER.value:
        _require_owner_for(actor, _("Only an owner can turn off an owner."))
        if _active_owner_count(session) <= 1:
            raise ValidationError(
                {"user": _("This is the last owner. Make someone else an owner first.")}
            )
    user.is_active = False
    session.flush()
    audit.record(session, actor, "deactivate", "staff", user.id)
    events.record(session, events.SettingsChanged("staff"))
    return _view(user, staff)


def reactivate_staff(session: Session, actor: Actor, user_id: int) -> StaffView:
    """Turn an account back on."""
    require(actor, Permission.MANAGE_STAFF)
    user, staff = _load(session, user_id)
    if staff.role == Role.OWNER.value:
        _require_owner_for(actor, _("Only an owner can turn on an owner."))
    if not user.is_active:
        user.is_active = True
        session.flush()
        audit.record(session, actor, "reactivate", "staff", user.id)
        events.record(session, events.SettingsChanged("staff"))
    return _view(user, staff)


@read_only
def list_staff(session: Session, actor: Actor, include_inactive: bool = True) -> list[StaffView]:
    """Everyone with an account, owners first, then by name."""
    require(actor, Permission.MANAGE_STAFF)
    query = select(User, Staff).join(Staff, Staff.user_id == User.id)
    if not include_inactive:
        query = query.where(User.is_active.is_(True))
    rank = {Role.OWNER.value: 0, Role.MANAGER.value: 1, Role.STAFF.value: 2}
    rows = [_view(u, s) for u, s in session.execute(query).all()]
    return sorted(rows, key=lambda r: (rank.get(r.role, 9), r.full_name.lower(), r.user_id))


@read_only
def get_staff(session: Session, actor: Actor, user_id: int) -> StaffView:
    """One person's account and staff row."""
    require(actor, Permission.MANAGE_STAFF)
    return _view(*_load(session, user_id))
