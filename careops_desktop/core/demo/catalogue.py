"""The demo business itself: business row, users and staff, providers and their hours,
closures, forms, stock items and booking types — everything the history refers to.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from careops_desktop.core.demo import plan as p
from careops_desktop.core.demo.holidays import bank_holidays_between
from careops_desktop.core.demo.writer import BulkWriter
from careops_desktop.core.models import (
    Availability,
    BookingType,
    BookingTypeStock,
    Business,
    Closure,
    Form,
    InventoryItem,
    Provider,
    Staff,
    User,
    booking_type_forms,
    booking_type_providers,
)
from careops_desktop.core.services.auth import hash_password


@dataclass(frozen=True)
class ProviderInfo:
    id: int
    name: str
    kind: str  # practitioner | resource
    user_id: int | None
    hours: p.Hours
    type_indexes: tuple[int, ...]  # indexes into Catalogue.types
    closed: frozenset[date]


@dataclass(frozen=True)
class TypeInfo:
    id: int
    spec: p.BookingTypeSpec
    form_ids: tuple[int, ...]
    stock: tuple[tuple[int, int], ...]  # (item id, quantity per booking)


@dataclass(frozen=True)
class ItemInfo:
    id: int
    spec: p.ItemSpec
    threshold: int
    par: int


@dataclass(frozen=True)
class Catalogue:
    """Ids and specs of the fixed rows, for the builders of the history."""

    zone: ZoneInfo
    business_id: int
    business_name: str
    founded: datetime
    providers: tuple[ProviderInfo, ...]
    types: tuple[TypeInfo, ...]
    items: tuple[ItemInfo, ...]
    forms: dict[int, tuple[str, list[dict[str, Any]]]]  # form id → (name, fields)
    desk_users: tuple[tuple[int, str], ...]  # (user id, name) of people at the desk


def _local(zone: ZoneInfo, day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def write_catalogue(
    writer: BulkWriter, plan: p.DemoPlan, rng: random.Random, first_day: date, last_day: date
) -> Catalogue:
    """Write the business and everything it offers; returns their ids for the history."""
    zone = ZoneInfo(p.TIMEZONE)
    founded = _local(zone, first_day - timedelta(days=30), time(9, 0))
    business_id = writer.reserve(Business)
    writer.insert(
        Business,
        [
            {
                "id": business_id,
                "name": p.BUSINESS_NAME,
                "address": "14 Willow Lane\nHebden Bridge\nHX7 8AB",
                "timezone": p.TIMEZONE,
                "contact_email": p.BUSINESS_EMAIL,
                "phone": "+441422000123",
                "currency": "GBP",
                "is_active": True,
                "activated_at": founded,
                "page_enabled": True,
                "calendar_feed_secret": secrets.token_urlsafe(24),
                "automations": {"reminder_hours": 24},
                "created_at": founded,
                "updated_at": founded,
            }
        ],
    )
    users, desk = _write_people(writer, plan, founded)
    forms = _write_forms(writer, founded)
    items = _write_items(writer, plan, founded)
    types = _write_types(writer, forms, items, founded)
    providers = _write_providers(writer, plan, rng, users, types, founded, first_day, last_day)
    return Catalogue(
        zone=zone,
        business_id=business_id,
        business_name=p.BUSINESS_NAME,
        founded=founded,
        providers=providers,
        types=types,
        items=items,
        forms={form_id: (name, p.FORMS[name][1]) for name, form_id in forms.items()},
        desk_users=desk,
    )


def _write_people(
    writer: BulkWriter, plan: p.DemoPlan, founded: datetime
) -> tuple[list[int | None], tuple[tuple[int, str], ...]]:
    """Users and staff rows. Returns the user id for each practitioner, and the desk users."""
    hashes = {
        pw: hash_password(pw) for pw in (p.OWNER_PASSWORD, p.MANAGER_PASSWORD, p.STAFF_PASSWORD)
    }
    people: list[tuple[str, str, str, str, dict[str, bool]]] = [
        (p.OWNER_EMAIL, p.PRACTITIONER_NAMES[0], p.OWNER_PASSWORD, "owner", {}),
        (p.MANAGER_EMAIL, "Fiona Campbell", p.MANAGER_PASSWORD, "manager", {}),
        (
            p.STAFF_EMAIL,
            p.PRACTITIONER_NAMES[1],
            p.STAFF_PASSWORD,
            "staff",
            {"can_manage_inbox": True, "can_manage_bookings": True},
        ),
    ]
    for name in p.PRACTITIONER_NAMES[2 : plan.practitioners]:
        login = name.split()[0].lower().replace("á", "a")
        people.append(
            (
                f"{login}@{p.DEMO_DOMAIN}",
                name,
                p.STAFF_PASSWORD,
                "staff",
                {"can_manage_bookings": True},
            )
        )
    first = writer.reserve(User, len(people))
    first_staff = writer.reserve(Staff, len(people))
    user_rows = []
    staff_rows = []
    for n, (email, name, password, role, flags) in enumerate(people):
        user_rows.append(
            {
                "id": first + n,
                "email": email,
                "password_hash": hashes[password],
                "full_name": name,
                "is_active": True,
                "failed_attempts": 0,
                "created_at": founded,
            }
        )
        staff_rows.append(
            {
                "id": first_staff + n,
                "user_id": first + n,
                "role": role,
                "can_manage_inbox": flags.get("can_manage_inbox", False),
                "can_manage_bookings": flags.get("can_manage_bookings", False),
                "can_view_inventory": False,
                "can_manage_settings": False,
                "created_at": founded,
            }
        )
    writer.insert(User, user_rows)
    writer.insert(Staff, staff_rows)
    # practitioner i is the i-th person, skipping the manager (who does not treat)
    practitioner_users: list[int | None] = [first, first + 2]
    practitioner_users += [first + 3 + n for n in range(plan.practitioners - 2)]
    desk = ((first, people[0][1]), (first + 1, people[1][1]), (first + 2, people[2][1]))
    return practitioner_users[: plan.practitioners], desk


def _write_forms(writer: BulkWriter, founded: datetime) -> dict[str, int]:
    first = writer.reserve(Form, len(p.FORMS))
    ids = {name: first + n for n, name in enumerate(p.FORMS)}
    writer.insert(
        Form,
        [
            {
                "id": ids[name],
                "name": name,
                "description": description,
                "fields": fields,
                "is_active": True,
                "created_at": founded,
                "updated_at": founded,
            }
            for name, (description, fields) in p.FORMS.items()
        ],
    )
    return ids


def _write_items(writer: BulkWriter, plan: p.DemoPlan, founded: datetime) -> tuple[ItemInfo, ...]:
    scale = plan.practitioners + plan.rooms
    first = writer.reserve(InventoryItem, len(p.ITEMS))
    items = tuple(
        ItemInfo(first + n, spec, spec.low_threshold * scale, spec.par * scale)
        for n, spec in enumerate(p.ITEMS)
    )
    # quantities are filled in by the stock history (records.py), which updates these rows
    writer.insert(
        InventoryItem,
        [
            {
                "id": item.id,
                "name": item.spec.name,
                "unit": item.spec.unit,
                "quantity": 0,
                "low_threshold": item.threshold,
                "low_alerted": False,
                "is_active": True,
                "created_at": founded,
            }
            for item in items
        ],
    )
    return items


def _write_types(
    writer: BulkWriter, forms: dict[str, int], items: tuple[ItemInfo, ...], founded: datetime
) -> tuple[TypeInfo, ...]:
    item_ids = {item.spec.name: item.id for item in items}
    first = writer.reserve(BookingType, len(p.BOOKING_TYPES))
    types = tuple(
        TypeInfo(
            first + n,
            spec,
            tuple(forms[name] for name in spec.forms),
            tuple((item_ids[name], qty) for name, qty in spec.stock),
        )
        for n, spec in enumerate(p.BOOKING_TYPES)
    )
    writer.insert(
        BookingType,
        [
            {
                "id": t.id,
                "name": t.spec.name,
                "slug": t.spec.slug,
                "duration_minutes": t.spec.duration,
                "location": t.spec.location,
                "description": t.spec.description,
                "buffer_before_minutes": t.spec.buffer_before,
                "buffer_after_minutes": t.spec.buffer_after,
                "price_minor": t.spec.price_minor,
                "is_active": True,
                "sort_order": n,
                "created_at": founded,
            }
            for n, t in enumerate(types)
        ],
    )
    writer.insert(
        booking_type_forms,
        [{"booking_type_id": t.id, "form_id": f} for t in types for f in t.form_ids],
    )
    writer.insert(
        BookingTypeStock,
        [{"booking_type_id": t.id, "item_id": i, "quantity": q} for t in types for i, q in t.stock],
    )
    return types


def _offers(kind: str, index: int, spec: p.BookingTypeSpec) -> bool:
    if kind == "resource":
        return spec.offered_by == "room"
    if spec.offered_by != "practitioner":
        return False
    if spec.slug == "sports-massage":
        return index % 2 == 1  # every second practitioner is a massage therapist
    if spec.slug == "initial-assessment":
        return index % 2 == 0 or index >= 4
    return True


def _write_providers(
    writer: BulkWriter,
    plan: p.DemoPlan,
    rng: random.Random,
    practitioner_users: list[int | None],
    types: tuple[TypeInfo, ...],
    founded: datetime,
    first_day: date,
    last_day: date,
) -> tuple[ProviderInfo, ...]:
    count = plan.practitioners + plan.rooms
    first = writer.reserve(Provider, count)
    shared_closed: set[date] = set()
    closure_rows: list[dict[str, object]] = []
    for day, reason in bank_holidays_between(first_day, last_day):
        shared_closed.add(day)
        closure_rows.append(
            {"provider_id": None, "start_date": day, "end_date": day, "reason": reason}
        )
    specs: list[tuple[str, str, int | None, p.Hours]] = []
    for n in range(plan.practitioners):
        hours = p.HOUR_PATTERNS[n % len(p.HOUR_PATTERNS)]
        specs.append((p.PRACTITIONER_NAMES[n], "practitioner", practitioner_users[n], hours))
    for n in range(plan.rooms):
        specs.append((p.ROOM_NAMES[n], "resource", None, p.ROOM_HOURS))
    providers: list[ProviderInfo] = []
    hour_rows: list[dict[str, object]] = []
    link_rows: list[dict[str, int]] = []
    for n, (name, kind, user_id, hours) in enumerate(specs):
        provider_id = first + n
        closed = set(shared_closed)
        for start, end, reason in _time_off(rng, kind, first_day, last_day):
            closure_rows.append(
                {"provider_id": provider_id, "start_date": start, "end_date": end, "reason": reason}
            )
            closed.update(start + timedelta(days=k) for k in range((end - start).days + 1))
        offered = tuple(i for i, t in enumerate(types) if _offers(kind, n, t.spec))
        providers.append(
            ProviderInfo(provider_id, name, kind, user_id, hours, offered, frozenset(closed))
        )
        hour_rows += [
            {"provider_id": provider_id, "weekday": wd, "start_time": s, "end_time": e}
            for wd, s, e in hours
        ]
        link_rows += [{"booking_type_id": types[i].id, "provider_id": provider_id} for i in offered]
    writer.insert(
        Provider,
        [
            {
                "id": info.id,
                "name": info.name,
                "kind": info.kind,
                "user_id": info.user_id,
                "color": p.PROVIDER_COLORS[n % len(p.PROVIDER_COLORS)],
                "is_active": True,
                "sort_order": n,
                "created_at": founded,
            }
            for n, info in enumerate(providers)
        ],
    )
    writer.insert(Availability, hour_rows)
    writer.insert(Closure, closure_rows)
    writer.insert(booking_type_providers, link_rows)
    return tuple(providers)


def _time_off(
    rng: random.Random, kind: str, first_day: date, last_day: date
) -> list[tuple[date, date, str]]:
    """A provider's holidays (practitioners) or servicing days (rooms), within the range."""
    spans: list[tuple[date, date, str]] = []
    for year in range(first_day.year, last_day.year + 1):
        if kind == "resource":
            start = date(year, 1, 6) + timedelta(days=rng.randrange(10))
            spans.append((start, start + timedelta(days=1), "Annual servicing"))
            continue
        summer = date(year, 7, 1) + timedelta(days=rng.randrange(50))
        spans.append((summer, summer + timedelta(days=13), "Summer holiday"))
        spring = date(year, 2, 10) + timedelta(days=rng.randrange(60))
        spans.append((spring, spring + timedelta(days=4), "Annual leave"))
        if rng.random() < 0.5:
            course = date(year, 10, 1) + timedelta(days=rng.randrange(45))
            spans.append((course, course + timedelta(days=1), "Training course"))
    return [s for s in spans if s[1] >= first_day and s[0] <= last_day]
