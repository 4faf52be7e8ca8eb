"""What the Bookings tab loads: a calendar page (on the database worker) and the list.

:func:`load_page` gathers one week or day from the core (zone, providers with
their hours, bookings overlapping the range, closures) in one read
transaction; :func:`to_calendar` turns that into the week calendar's plain
input on the Qt thread. :class:`BookingSource` feeds the lazy list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import clock_time, wall_range
from careops_desktop.core.db import read_only
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import answers, bookings, calendar, providers, time_blocks
from careops_desktop.core.services.bookings import BookingTypeView, BookingView, list_booking_types
from careops_desktop.core.services.business import business_zone, find_business_settings
from careops_desktop.core.services.calendar import ExternalBlock
from careops_desktop.core.services.providers import ClosureView, ProviderView
from careops_desktop.core.services.time_blocks import BlockOccurrence
from careops_desktop.ui.bookings.blocked_time import marks_for_day, marks_for_week
from careops_desktop.ui.bookings.class_blocks import one_block_per_session
from careops_desktop.ui.bookings.drop_data import drop_rules
from careops_desktop.ui.bookings.outside_busy import busy_for_day, busy_for_week
from careops_desktop.ui.bookings.words import Counts
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.calendar_data import (
    CalendarBlock,
    CalendarColumn,
    CalendarData,
    ClosedDay,
    OpenRange,
)
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_day, to_local

STATUS_WORDS = {
    "confirmed": QT_TRANSLATE_NOOP("BookingStatus", "Confirmed"),
    "arrived": QT_TRANSLATE_NOOP("BookingStatus", "Arrived"),
    "completed": QT_TRANSLATE_NOOP("BookingStatus", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("BookingStatus", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("BookingStatus", "Cancelled"),
}


def status_text(status: str) -> str:
    """A booking's status in the window's words ("Confirmed"; an unknown code as it is)."""
    words = STATUS_WORDS.get(status)
    return translate("BookingStatus", words) if words else status


@dataclass(frozen=True)
class PageRequest:
    """One calendar page: ``days`` days from ``first``, for ``provider_id`` (None: all)."""

    first: date
    days: int
    provider_id: int | None = None


@dataclass(frozen=True)
class PageData:
    """Everything one calendar page needs, loaded in one read transaction."""

    request: PageRequest
    zone: ZoneInfo
    providers: tuple[ProviderView, ...]  # the providers shown (active, filtered)
    bookings: tuple[BookingView, ...]
    closures: tuple[ClosureView, ...]
    busy: tuple[ExternalBlock, ...] = ()  # outside calendars' busy time (calendar sync)
    blocked: tuple[BlockOccurrence, ...] = ()  # blocked time (lunch, a meeting)
    reminded: frozenset[int] = frozenset()  # bookings whose customer was reminded (issue 19)
    step_minutes: int = 15  # the business's grid: a drag snaps to it
    offers: tuple[tuple[int, int], ...] = ()  # (provider id, booking type id) offered


@dataclass(frozen=True)
class Catalogue:
    """The choices the tab's filters and dialog offer."""

    zone: ZoneInfo
    providers: tuple[ProviderView, ...]
    booking_types: tuple[BookingTypeView, ...]


@read_only
def load_catalogue(session: Session) -> Catalogue:
    """Zone, active providers and active booking types (database worker)."""
    return Catalogue(
        business_zone(session),
        tuple(providers.list_providers(session)),
        tuple(list_booking_types(session)),
    )


@read_only
def load_page(session: Session, request: PageRequest) -> PageData:
    """The bookings, hours and closures of one calendar page (database worker)."""
    zone = business_zone(session)
    shown = [
        p
        for p in providers.list_providers(session)
        if request.provider_id is None or p.id == request.provider_id
    ]
    start = datetime.combine(request.first, time(0), tzinfo=zone)
    end = datetime.combine(request.first + timedelta(days=request.days), time(0), tzinfo=zone)
    found = bookings.bookings_in_range(
        session,
        start,
        end,
        [p.id for p in shown] if request.provider_id is not None else None,
        include_cancelled=True,
    )
    last = request.first + timedelta(days=request.days - 1)
    closures = providers.list_closures(session, request.provider_id, request.first, last)
    busy = calendar.external_blocks(session, [p.id for p in shown], start, end)
    ids = [p.id for p in shown] if request.provider_id is not None else None
    blocked = time_blocks.occurrences_between(session, ids, request.first, last)
    reminded = answers.reminded_ids(session, [b.id for b in found])
    settings = find_business_settings(session)
    step = settings.slot_step_minutes if settings is not None else 15
    return PageData(
        request,
        zone,
        tuple(shown),
        tuple(found),
        tuple(closures),
        tuple(busy),
        tuple(blocked),
        reminded,
        step_minutes=step,
    )


@read_only
def load_calendar_page(session: Session, request: PageRequest) -> tuple[PageData, CalendarData]:
    """:func:`load_page` and its :func:`to_calendar`, both on the database worker.

    (Turning a busy week into blocks moves hundreds of times into the business's zone:
    work the Qt thread does not need to do.)
    """
    page = load_page(session, request)
    return page, to_calendar(page)


def _block(
    view: BookingView,
    zone: ZoneInfo,
    column: str,
    with_provider: bool,
    answer: str = "",
    color: str = "",
) -> CalendarBlock:
    subtitle = view.booking_type_name
    if with_provider:
        subtitle = translate("CalendarPage", "{type} · {provider}").format(
            type=subtitle, provider=view.provider_name
        )
    if view.status == "arrived" and view.arrived_at is not None:  # said in words, not colour only
        subtitle = translate("CalendarPage", "Arrived {time} · {details}").format(
            time=clock_time(view.arrived_at, zone, "%H:%M"), details=subtitle
        )
    start, end = to_local(view.start, zone), to_local(view.end, zone)
    return CalendarBlock(
        id=view.id,
        start=start.replace(tzinfo=None),
        end=end.replace(tzinfo=None),
        title=view.contact_name,
        subtitle=subtitle,
        status=view.status,
        column=column,
        times=wall_range(start, end),
        customer_answer=answer,
        provider_id=view.provider_id,
        color=color,
        booking_type_id=view.booking_type_id,
    )


def _closed_on(day: date, closure: ClosureView) -> bool:
    return closure.start_date <= day <= closure.end_date


def _plural(count: int) -> str:
    return Counts().bookings(count)


def to_calendar(page: PageData, now: datetime | None = None) -> CalendarData:
    """The calendar's input for ``page``: day columns (week) or provider columns (a day)."""
    zone = page.zone
    moment = now or datetime.now(UTC)

    def answer(view: BookingView) -> str:
        reminded = view.id in page.reminded
        return answers.calendar_answer(
            view.status, view.start, view.customer_confirmed_at, reminded, moment
        )

    request = page.request
    days = [request.first + timedelta(days=i) for i in range(request.days)]
    shown = one_block_per_session(page.bookings)  # a class is one block, not a lane a seat
    live = [b for b in shown if b.status != "cancelled"]
    if request.days == 1:
        day = days[0]
        columns = []
        blocks: list[CalendarBlock] = []
        hours: list[OpenRange] = []
        closures: list[ClosedDay] = []
        for provider in page.providers:
            key = f"p{provider.id}"
            mine = [b for b in shown if b.provider_id == provider.id]
            count = sum(1 for b in live if b.provider_id == provider.id)
            columns.append(CalendarColumn(key, provider.name, day, _plural(count)))
            blocks.extend(_block(b, zone, key, False, answer(b), provider.color) for b in mine)
            hours.extend(
                OpenRange(key, h.start, h.end) for h in provider.hours if h.weekday == day.weekday()
            )
            for closure in page.closures:
                if closure.provider_id in (None, provider.id) and _closed_on(day, closure):
                    closures.append(ClosedDay(key, closure.reason))
                    break
        busy = busy_for_day(page.busy, zone, day)
        marks = marks_for_day(page.blocked, day, [p.id for p in page.providers])
        return CalendarData(
            tuple(columns),
            tuple(blocks),
            tuple(hours),
            tuple(closures),
            tuple(busy),
            time_blocks=tuple(marks),
            drop=drop_rules(page, days, page.offers),
        )
    columns = []
    blocks = []
    hours = []
    closures = []
    by_day: dict[date, list[BookingView]] = {}
    for view in shown:
        by_day.setdefault(to_local(view.start, zone).date(), []).append(view)
    with_provider = request.provider_id is None and len(page.providers) > 1
    single = page.providers[0].id if len(page.providers) == 1 else None
    colors = {p.id: p.color for p in page.providers}
    for day in days:
        key = day.isoformat()
        todays = by_day.get(day, [])
        count = sum(1 for b in todays if b.status != "cancelled")
        columns.append(CalendarColumn(key, fmt_day(day), day, _plural(count)))
        blocks.extend(
            _block(b, zone, key, with_provider, answer(b), colors.get(b.provider_id, ""))
            for b in todays
        )
        for provider in page.providers:
            hours.extend(
                OpenRange(key, h.start, h.end) for h in provider.hours if h.weekday == day.weekday()
            )
        for closure in page.closures:
            whole = closure.provider_id is None or closure.provider_id == single
            if whole and _closed_on(day, closure):
                closures.append(ClosedDay(key, closure.reason))
                break
    names = {p.id: p.name for p in page.providers} if with_provider else None
    busy = busy_for_week(page.busy, zone, names)
    marks = marks_for_week(page.blocked, {p.id: p.name for p in page.providers}, bool(names))
    return CalendarData(
        tuple(columns),
        tuple(blocks),
        tuple(hours),
        tuple(closures),
        tuple(busy),
        time_blocks=tuple(marks),
        drop=drop_rules(page, days, page.offers),
    )


# -- the list ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListFilter:
    """The list's filters; dates are local days, inclusive."""

    first: date | None = None
    last: date | None = None
    status: str | None = None
    booking_type_id: int | None = None
    provider_id: int | None = None
    search: str = ""


class BookingSource:
    """``fetch_ids``/``fetch_rows`` for the bookings :class:`IdTableModel` (database worker):
    the ids of every matching booking in order, then the views of each block drawn."""

    def __init__(self, actor: Actor) -> None:
        self._actor = actor

    def fetch_ids(
        self, session: Session, flt: ListFilter | None, sort_key: str | None, descending: bool
    ) -> Sequence[int]:
        flt = flt or ListFilter()
        zone = business_zone(session)
        start = datetime.combine(flt.first, time(0), tzinfo=zone) if flt.first else None
        end = (
            datetime.combine(flt.last + timedelta(days=1), time(0), tzinfo=zone)
            if flt.last
            else None
        )
        order = sort_key or "start"
        if descending:
            order = f"-{order}"
        chosen = bookings.BookingFilter(
            start=start,
            end=end,
            status=flt.status,
            booking_type_id=flt.booking_type_id,
            provider_id=flt.provider_id,
            search=flt.search,
        )
        return bookings.ids(session, self._actor, chosen, order)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> Mapping[int, BookingView]:
        return bookings.rows_by_id(session, self._actor, ids)


def list_columns(zone_of: Callable[[], ZoneInfo]) -> list[Column]:
    def when(value: datetime) -> str:
        return fmt_datetime(value, zone_of())

    return [
        Column("start", translate("BookingList", "When"), sort_key="start", format=when),
        Column("contact_name", translate("BookingList", "Contact"), sort_key="contact"),
        Column("booking_type_name", translate("BookingList", "Booking type")),
        Column("provider_name", translate("BookingList", "With")),
        Column("status", translate("BookingList", "Status"), format=status_text),
        Column("created_at", translate("BookingList", "Booked"), sort_key="created", format=when),
    ]


def booking_style(row: BookingView) -> RowStyle:
    if row.status == "cancelled":
        return RowStyle(foreground="#6b7280")
    if row.status == "no_show":
        return RowStyle(foreground="#b45309")
    return RowStyle()
