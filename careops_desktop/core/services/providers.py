"""Providers (who or what a booking is with), their weekly hours and closures.

A provider is a practitioner (optionally linked to a staff account) or a
resource such as a room or a chair. Weekly hours are local times in the
business's time zone, several ranges a day allowed but never overlapping.
Closures are inclusive date ranges for one provider or the whole business.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Availability, Closure, Provider, User
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit

KINDS = ("practitioner", "resource")
NAME_MAX = 200
REASON_MAX = 200
CLOSURE_MAX_DAYS = 366 * 2
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")


@dataclass(frozen=True)
class HoursRange:
    """One opening range on a weekday (Monday = 0), local time."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class ProviderView:
    id: int
    name: str
    kind: str
    user_id: int | None
    color: str
    is_active: bool
    sort_order: int
    hours: tuple[HoursRange, ...]


@dataclass(frozen=True)
class ClosureView:
    id: int
    provider_id: int | None  # None: the whole business
    start_date: date
    end_date: date
    reason: str


def _hours(session: Session, provider_id: int) -> tuple[HoursRange, ...]:
    rows = session.scalars(
        select(Availability)
        .where(Availability.provider_id == provider_id)
        .order_by(Availability.weekday, Availability.start_time)
    )
    return tuple(HoursRange(r.weekday, r.start_time, r.end_time) for r in rows)


def _view(session: Session, p: Provider) -> ProviderView:
    return ProviderView(
        p.id, p.name, p.kind, p.user_id, p.color, p.is_active, p.sort_order, _hours(session, p.id)
    )


def _load(session: Session, provider_id: int) -> Provider:
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFound("provider", provider_id)
    return provider


def _clean(
    session: Session, name: str, kind: str, user_id: int | None, color: str, sort_order: int
) -> str:
    errors: dict[str, str] = {}
    clean_name = (name or "").strip()
    if not clean_name:
        errors["name"] = _("Give the provider a name.")
    elif len(clean_name) > NAME_MAX:
        errors["name"] = _("The name is longer than {limit} characters.").format(limit=NAME_MAX)
    if kind not in KINDS:
        errors["kind"] = _("Choose a practitioner or a resource (a room, a chair).")
    if user_id is not None and session.get(User, user_id) is None:
        errors["user_id"] = _("There is no such staff account.")
    if user_id is not None and kind == "resource":
        errors["user_id"] = _("A room or chair is not linked to a person.")
    if not _COLOR.match(color or ""):
        errors["color"] = _("Choose a colour such as #3b82f6.")
    if isinstance(sort_order, bool) or not isinstance(sort_order, int):
        errors["sort_order"] = _("Enter a whole number.")
    if errors:
        raise ValidationError(errors)
    return clean_name


def create_provider(
    session: Session,
    actor: Actor,
    *,
    name: str,
    kind: str = "practitioner",
    user_id: int | None = None,
    color: str = "#3b82f6",
    sort_order: int = 0,
) -> ProviderView:
    """Add a provider (no hours yet: set them with :func:`set_weekly_hours`)."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean_name = _clean(session, name, kind, user_id, color, sort_order)
    provider = Provider(
        name=clean_name, kind=kind, user_id=user_id, color=color, sort_order=sort_order
    )
    session.add(provider)
    session.flush()
    audit.record(session, actor, "create", "provider", provider.id)
    events.record(session, events.SettingsChanged("providers"))
    return _view(session, provider)


_UNSET: object = object()


def update_provider(
    session: Session,
    actor: Actor,
    provider_id: int,
    *,
    name: str | None = None,
    kind: str | None = None,
    user_id: int | object | None = _UNSET,
    color: str | None = None,
    sort_order: int | None = None,
) -> ProviderView:
    """Change a provider; omitted fields stay (pass ``user_id=None`` to unlink a person)."""
    require(actor, Permission.MANAGE_SETTINGS)
    provider = _load(session, provider_id)
    new_user = provider.user_id if user_id is _UNSET else user_id
    if new_user is not None and not isinstance(new_user, int):
        raise ValidationError({"user_id": _("There is no such staff account.")})
    values = {
        "name": provider.name if name is None else name,
        "kind": provider.kind if kind is None else kind,
        "user_id": new_user,
        "color": provider.color if color is None else color,
        "sort_order": provider.sort_order if sort_order is None else sort_order,
    }
    values["name"] = _clean(
        session,
        str(values["name"]),
        str(values["kind"]),
        new_user,
        str(values["color"]),
        values["sort_order"],  # type: ignore[arg-type]
    )
    changed = [f for f, v in values.items() if getattr(provider, f) != v]
    for field in changed:
        setattr(provider, field, values[field])
    if changed:
        session.flush()
        audit.record(session, actor, "update", "provider", provider.id, {"fields": changed})
        events.record(session, events.SettingsChanged("providers"))
    return _view(session, provider)


def set_provider_active(session: Session, actor: Actor, provider_id: int, active: bool) -> None:
    """Take a provider out of (or back into) booking; their bookings stay."""
    require(actor, Permission.MANAGE_SETTINGS)
    provider = _load(session, provider_id)
    if provider.is_active != active:
        provider.is_active = active
        action = "reactivate" if active else "deactivate"
        audit.record(session, actor, action, "provider", provider.id)
        events.record(session, events.SettingsChanged("providers"))


@read_only
def list_providers(session: Session, include_inactive: bool = False) -> list[ProviderView]:
    """Providers in display order (public information: the booking page lists them)."""
    query = select(Provider).order_by(Provider.sort_order, Provider.name, Provider.id)
    if not include_inactive:
        query = query.where(Provider.is_active.is_(True))
    return [_view(session, p) for p in session.scalars(query)]


@read_only
def get_provider(session: Session, provider_id: int) -> ProviderView:
    return _view(session, _load(session, provider_id))


# -- weekly hours ------------------------------------------------------------------------------


def set_weekly_hours(
    session: Session, actor: Actor, provider_id: int, hours: Iterable[HoursRange]
) -> ProviderView:
    """Replace a provider's weekly hours; ranges on one day must not overlap."""
    require(actor, Permission.MANAGE_SETTINGS)
    provider = _load(session, provider_id)
    ranges = list(hours)
    errors: dict[str, str] = {}
    for index, r in enumerate(ranges):
        key = f"hours[{index}]"
        if isinstance(r.weekday, bool) or not isinstance(r.weekday, int) or not 0 <= r.weekday <= 6:
            errors[key] = _("The day must be Monday (0) to Sunday (6).")
        elif not isinstance(r.start, time) or not isinstance(r.end, time):
            errors[key] = _("Enter a start and an end time.")
        elif r.start.tzinfo is not None or r.end.tzinfo is not None:
            errors[key] = _("Opening hours are local times, without a time zone.")
        elif r.start >= r.end:
            errors[key] = _("The start must be before the end.")
    if not errors:
        ordered = sorted(enumerate(ranges), key=lambda item: (item[1].weekday, item[1].start))
        for (_earlier, a), (index, b) in itertools.pairwise(ordered):
            if a.weekday == b.weekday and b.start < a.end:
                errors[f"hours[{index}]"] = _("This range overlaps another on the same day.")
    if errors:
        raise ValidationError(errors)
    session.execute(delete(Availability).where(Availability.provider_id == provider_id))
    for r in ranges:
        session.add(
            Availability(
                provider_id=provider_id, weekday=r.weekday, start_time=r.start, end_time=r.end
            )
        )
    session.flush()
    session.expire(provider, ["hours"])
    audit.record(session, actor, "set_hours", "provider", provider_id, {"ranges": len(ranges)})
    events.record(session, events.SettingsChanged("providers"))
    return _view(session, provider)


# -- closures ----------------------------------------------------------------------------------


def _closure_view(c: Closure) -> ClosureView:
    return ClosureView(c.id, c.provider_id, c.start_date, c.end_date, c.reason)


def _check_closure(
    session: Session, provider_id: int | None, start_date: date, end_date: date, reason: str
) -> str:
    errors: dict[str, str] = {}
    if provider_id is not None and session.get(Provider, provider_id) is None:
        errors["provider_id"] = _("There is no such provider.")
    if not isinstance(start_date, date):
        errors["start_date"] = _("Enter a date.")
    if not isinstance(end_date, date):
        errors["end_date"] = _("Enter a date.")
    elif isinstance(start_date, date) and end_date < start_date:
        errors["end_date"] = _("The last day must not be before the first.")
    elif isinstance(start_date, date) and (end_date - start_date).days > CLOSURE_MAX_DAYS:
        errors["end_date"] = _("A closure can last at most two years.")
    text = (reason or "").strip()
    if len(text) > REASON_MAX:
        errors["reason"] = _("The reason is longer than {limit} characters.").format(
            limit=REASON_MAX
        )
    if errors:
        raise ValidationError(errors)
    return text


def add_closure(
    session: Session,
    actor: Actor,
    *,
    start_date: date,
    end_date: date,
    provider_id: int | None = None,
    reason: str = "",
) -> ClosureView:
    """Close one provider (or the whole business, ``provider_id=None``) for whole days."""
    require(actor, Permission.MANAGE_SETTINGS)
    text = _check_closure(session, provider_id, start_date, end_date, reason)
    closure = Closure(
        provider_id=provider_id, start_date=start_date, end_date=end_date, reason=text
    )
    session.add(closure)
    session.flush()
    audit.record(session, actor, "create", "closure", closure.id)
    events.record(session, events.SettingsChanged("providers"))
    return _closure_view(closure)


def update_closure(
    session: Session,
    actor: Actor,
    closure_id: int,
    *,
    start_date: date,
    end_date: date,
    reason: str = "",
) -> ClosureView:
    """Change a closure's dates and reason."""
    require(actor, Permission.MANAGE_SETTINGS)
    closure = session.get(Closure, closure_id)
    if closure is None:
        raise NotFound("closure", closure_id)
    text = _check_closure(session, closure.provider_id, start_date, end_date, reason)
    closure.start_date, closure.end_date, closure.reason = start_date, end_date, text
    audit.record(session, actor, "update", "closure", closure.id)
    events.record(session, events.SettingsChanged("providers"))
    return _closure_view(closure)


def delete_closure(session: Session, actor: Actor, closure_id: int) -> None:
    """Remove a closure (the days open again)."""
    require(actor, Permission.MANAGE_SETTINGS)
    closure = session.get(Closure, closure_id)
    if closure is None:
        raise NotFound("closure", closure_id)
    session.delete(closure)
    audit.record(session, actor, "delete", "closure", closure_id)
    events.record(session, events.SettingsChanged("providers"))


@read_only
def list_closures(
    session: Session,
    provider_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[ClosureView]:
    """Closures touching [start, end] for a provider (with the business-wide ones), or all."""
    query = select(Closure).order_by(Closure.start_date, Closure.id)
    if provider_id is not None:
        query = query.where(or_(Closure.provider_id == provider_id, Closure.provider_id.is_(None)))
    if start is not None:
        query = query.where(Closure.end_date >= start)
    if end is not None:
        query = query.where(Closure.start_date <= end)
    return [_closure_view(c) for c in session.scalars(query)]
