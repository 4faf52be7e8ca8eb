"""The first two pages: what can be booked (``/``) and the free times of a day (``/book/<slug>``).

Slot lists come from ``core.services.slots.slots_for_day`` through the
:class:`~careops_desktop.web.slot_cache.SlotCache`; slots that have slipped
inside the minimum notice since they were cached are not shown. The rendered
day page is kept with its cached slots (it holds nothing visitor-specific), so
a busy page is mostly served from memory; a booking drops both at once.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from aiohttp import web

from careops_desktop.core import i18n
from careops_desktop.core.errors import NotFound
from careops_desktop.core.i18n import _, formats
from careops_desktop.core.services import slots as slot_service
from careops_desktop.core.services.business import BusinessProfile
from careops_desktop.web import csrf
from careops_desktop.web.params import (
    ANY_PROVIDER,
    format_start,
    not_found,
    parse_day,
    parse_provider,
)
from careops_desktop.web.queries import Catalog, PublicType, load_catalog
from careops_desktop.web.site import SITE, Site, business_of
from careops_desktop.web.switcher import PARAM

CACHED_QUERY = frozenset({"provider", "date"})


async def catalog_of(site: Site) -> Catalog:
    """The bookable types (cached a few seconds; dropped when settings change)."""
    catalog: Catalog = await site.catalog(load_catalog)
    return catalog


async def type_or_404(site: Site, slug: str) -> PublicType:
    """The active booking type with ``slug``, or a readable 404."""
    booking_type = (await catalog_of(site)).by_slug(slug)
    if booking_type is None:
        raise not_found(
            _("We do not offer a booking of that kind (any more). Please choose one from the list.")
        )
    return booking_type


@dataclass
class DayEntry:
    """A cached day: its free slots and the pages already rendered from them.

    Both go together: when a booking invalidates the day, its pages go too.
    ``pages`` is keyed by what else a rendering depends on (today's date and
    how many slots the minimum notice has hidden since).
    """

    slots: slot_service.DaySlots
    pages: dict[Hashable, str] = field(default_factory=dict)


def _day_key(booking_type: PublicType, provider_id: int | None, day: date) -> Hashable:
    """A cached day's key. The slots' labels ("09:00", "9:00 am") are written in the
    reader's language and formats, so each language has its own entry."""
    return (booking_type.id, provider_id, day, i18n.current_language())


async def _load_day(
    site: Site, booking_type: PublicType, provider_id: int | None, day: date
) -> DayEntry:
    key = _day_key(booking_type, provider_id, day)
    marker = site.slots.begin()
    try:
        found = await site.database.run(
            slot_service.slots_for_day, booking_type.id, day, provider_id
        )
    except NotFound:
        raise not_found(_("That booking type or provider is not available.")) from None
    entry = DayEntry(found)
    depends = [provider_id] if provider_id is not None else [p.id for p in booking_type.providers]
    site.slots.put(key, entry, depends, marker)
    return entry


async def day_entry(
    site: Site, booking_type: PublicType, provider_id: int | None, day: date
) -> DayEntry:
    """The free slots of ``day`` for a type (and provider), cached per type, provider, day
    and language.

    Requests that miss the cache for the same day at the same time share one
    database call instead of each queueing their own on the one worker.
    """
    key = _day_key(booking_type, provider_id, day)
    entry: DayEntry | None = site.slots.get(key)
    if entry is not None:
        return entry
    loaded: DayEntry = await site.load_once(
        key, lambda: _load_day(site, booking_type, provider_id, day)
    )
    return loaded


def within_notice(entry: DayEntry, profile: BusinessProfile) -> tuple[slot_service.Slot, ...]:
    """The slots that still respect the minimum notice now."""
    earliest = datetime.now(UTC) + timedelta(minutes=profile.min_notice_minutes)
    return tuple(slot for slot in entry.slots.slots if slot.start_utc >= earliest)


async def index(request: web.Request) -> web.Response:
    """``/``: the active booking types with duration, price and description."""
    site = request.app[SITE]
    catalog = await catalog_of(site)
    return site.page(request, "index.html", types=catalog.types)


def week_of(day: date, today: date, days_shown: int) -> list[date]:
    """The strip of days shown around ``day``: pages of ``days_shown`` days from today.

    A strip of a week (``days_shown`` 7) follows the reader's calendar: it starts on their
    first day of the week (Monday in Germany, Sunday in the United States). The first page
    then begins on the week holding today and runs to the end of the next week (unless
    today starts a week), so it always offers a full week from today; the days before
    today are shown, not offered.
    """
    if days_shown != 7:
        if day < today:
            return [today + timedelta(days=i) for i in range(days_shown)]
        start = today + timedelta(days=((day - today).days // days_shown) * days_shown)
        return [start + timedelta(days=i) for i in range(days_shown)]
    anchor = today - timedelta(days=(today.weekday() - formats.first_weekday()) % 7)
    first_end = anchor + timedelta(days=7 if anchor == today else 14)
    if day < first_end:
        return [anchor + timedelta(days=i) for i in range((first_end - anchor).days)]
    start = first_end + timedelta(days=((day - first_end).days // 7) * 7)
    return [start + timedelta(days=i) for i in range(7)]


async def book(request: web.Request) -> web.Response:
    """``/book/<slug>``: provider choice, day navigation and the day's free times."""
    site = request.app[SITE]
    profile = business_of(request)
    booking_type = await type_or_404(site, request.match_info["slug"])
    provider_id = parse_provider(request.query.get("provider"))
    if provider_id is not None and booking_type.provider(provider_id) is None:
        raise not_found(_("That person or room does not offer this booking. Please choose again."))
    zone = site.zone(profile)
    today = datetime.now(zone).date()
    day = parse_day(request.query.get("date"), today)
    last_day = today + timedelta(days=profile.booking_horizon_days)
    past = day < today
    beyond = day > last_day
    strip = week_of(day, today, site.settings.days_shown)
    context: dict[str, Any] = {
        "booking_type": booking_type,
        "provider_id": provider_id,
        "provider_value": str(provider_id) if provider_id is not None else ANY_PROVIDER,
        "day": day,
        "today": today,
        "last_day": last_day,
        "past": past,
        "beyond": beyond,
        "strip": strip,
        "earlier": max(strip[0] - timedelta(days=len(strip)), today) if strip[0] > today else None,
        "first_day": today,
        "later": strip[-1] + timedelta(days=1) if strip[-1] < last_day else None,
        "format_start": format_start,
        "any_provider": ANY_PROVIDER,
    }
    if past or beyond:
        return site.page(request, "book.html", slots=(), **context)
    entry = await day_entry(site, booking_type, provider_id, day)
    free = within_notice(entry, profile)
    # the page is kept per language and per query (its language links repeat the query);
    # only a query of the page's own values is kept, so the variants stay few
    query = tuple(sorted((k, v) for k, v in request.query.items() if k != PARAM))
    keep = len(request.query) == len(set(request.query)) and {k for k, _ in query} <= CACHED_QUERY
    page_key = (today, len(entry.slots.slots) - len(free), i18n.current_language(), query)
    html = entry.pages.get(page_key)
    if html is None:
        html = site.html(request, "book.html", slots=free, **context)
        if keep and csrf.ISSUED not in request:  # nothing visitor-specific in it: keep it
            entry.pages[page_key] = html
    return site.respond(request, html)
