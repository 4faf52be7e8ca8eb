"""Recurring series at the desk: plan the dates, book them all or none, change them together.

A rule ("every 2 weeks on Tuesday and Thursday at 09:00, 6 visits") is expanded
in the business's local zone, so a 09:00 visit stays 09:00 on the wall clock
across a clock change. :func:`plan_series` checks every date with the same
rules a single desk booking obeys (``checks.claim_provider``, without locking)
and says, per date, whether it is free or why not, with the nearest free times.
:func:`book_series` books the chosen dates in the caller's ONE transaction
through ``flow.book_desk`` (the provider lock, hours, closures, blocked time
and the overlap query run for each); any date refused there refuses them all,
naming the date. Each visit is a normal booking with ``series_id`` set; the
customer gets one message listing every date. :func:`cancel_visits` and
:func:`move_visits` change one visit or it and the following ones, with one
message listing the changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import day_text
from careops_desktop.core.db import read_only
from careops_desktop.core.edit_conflicts import check_version
from careops_desktop.core.errors import (
    PolicyRefused,
    SlotTaken,
    TimeBlocked,
    ValidationError,
)
from careops_desktop.core.i18n import SOURCE, _, ngettext, use_language
from careops_desktop.core.i18n.formats import date_text, time_text, weekday_text
from careops_desktop.core.models import Booking, BookingSeries, BookingType
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, slots
from careops_desktop.core.services import availability as av
from careops_desktop.core.services.bookings import changes
from careops_desktop.core.services.bookings import messages as booking_messages
from careops_desktop.core.services.bookings.checks import (
    check_policy,
    claim_provider,
    lock_booking,
)
from careops_desktop.core.services.bookings.flow import (
    NOTES_MAX,
    BookingReceipt,
    SeriesPart,
    book_desk,
    check_free_text,
)
from careops_desktop.core.services.bookings.views import booking_time_text
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.slots import Slot, TypeRules, load_type_rules
from careops_desktop.core.services.templates import Localized

MAX_VISITS = 104
MAX_EVERY_WEEKS = 52
ALTERNATIVES = 3
ALTERNATIVES_REACH = timedelta(days=7)
FORMS_PER = ("visit", "series")

ClashKind = Literal[
    "ok", "taken", "closed", "outside_hours", "blocked", "busy", "past", "no_such_time"
]


class SeriesRefused(PolicyRefused):
    """A date of the series could not be booked or changed; nothing was written.

    ``day`` is the local date of the visit that was refused.
    """

    def __init__(self, day: date, message: str) -> None:
        super().__init__(message)
        self.day = day


@dataclass(frozen=True)
class RepeatRule:
    """Every ``every_weeks`` weeks on ``weekdays`` (Monday 0) at ``local_time``, from
    ``first_day``, for ``count`` visits or up to and including ``until``."""

    first_day: date
    local_time: time
    weekdays: tuple[int, ...]
    every_weeks: int = 1
    count: int | None = None
    until: date | None = None


@dataclass(frozen=True)
class PlannedVisit:
    """One date of a plan: its planned start (None when that wall time does not exist
    that day), whether it is free (``kind`` "ok") or why not in words, and free times near it."""

    day: date
    start: datetime | None
    label: str
    kind: ClashKind
    words: str
    alternatives: tuple[Slot, ...]


@dataclass(frozen=True)
class SeriesPlan:
    rule_text: str
    visits: tuple[PlannedVisit, ...]


@dataclass(frozen=True)
class VisitChoice:
    """What the desk chose for a date: another start (and provider), or skip (``start`` None)."""

    start: datetime | None
    provider_id: int | None = None


@dataclass(frozen=True)
class SeriesReceipt:
    series_id: int
    rule_text: str
    bookings: tuple[BookingReceipt, ...]
    skipped: tuple[date, ...]


def check_rule(rule: RepeatRule) -> None:
    """Refuse a rule the desk cannot mean, every problem at once (:class:`ValidationError`)."""
    errors: dict[str, str] = {}
    if not 1 <= rule.every_weeks <= MAX_EVERY_WEEKS:
        errors["every_weeks"] = _("Repeat every 1 to {limit} weeks.").format(limit=MAX_EVERY_WEEKS)
    if not rule.weekdays or any(d not in range(7) for d in rule.weekdays):
        errors["weekdays"] = _("Choose at least one weekday.")
    if (rule.count is None) == (rule.until is None):
        errors["count"] = _("Choose a number of visits or a last date.")
    elif rule.count is not None and not 1 <= rule.count <= MAX_VISITS:
        errors["count"] = _("A series has 1 to {limit} visits.").format(limit=MAX_VISITS)
    elif rule.until is not None and rule.until < rule.first_day:
        errors["until"] = _("The last date is before the first.")
    if errors:
        raise ValidationError(errors)


def rule_text(rule: RepeatRule) -> str:
    """The rule in words in the reader's language, e.g. "Every 2 weeks on Tuesday, Thursday
    at 09:00, 6 visits from 10 Jun 2026." (the series keeps it in English, as data)."""
    days = ", ".join(weekday_text(d) for d in sorted(set(rule.weekdays)))
    if rule.every_weeks == 1:
        text = _("Every week on {days} at {time}")
    else:
        text = ngettext(
            "Every {count} week on {days} at {time}",
            "Every {count} weeks on {days} at {time}",
            rule.every_weeks,
        )
    text = text.format(count=rule.every_weeks, days=days, time=time_text(rule.local_time))
    first = date_text(rule.first_day, "medium")
    if rule.count is not None:
        return ngettext(
            "{rule}, {count} visit from {first}.",
            "{rule}, {count} visits from {first}.",
            rule.count,
        ).format(rule=text, count=rule.count, first=first)
    return _("{rule}, from {first} to {last}.").format(
        rule=text, first=first, last=date_text(rule.until, "medium") if rule.until else ""
    )


def stored_rule_text(rule: RepeatRule) -> str:
    """:func:`rule_text` in English, as the series row and its audit record keep it."""
    with use_language(SOURCE):
        return rule_text(rule)


def rule_of(series: BookingSeries) -> RepeatRule:
    """The repeat rule a stored series was made with."""
    return RepeatRule(
        first_day=series.first_day,
        local_time=series.local_time,
        weekdays=tuple(int(d) for d in series.weekdays),
        every_weeks=series.every_weeks,
        count=series.count,
        until=series.until,
    )


def series_dates(rule: RepeatRule, zone: ZoneInfo) -> list[tuple[date, datetime | None]]:
    """The rule's local dates in order, each with its UTC start (None in a spring-forward gap;
    the earlier of two in a fall-back overlap). More than :data:`MAX_VISITS` is refused."""
    check_rule(rule)
    week_start = rule.first_day - timedelta(days=rule.first_day.weekday())
    weekdays = sorted(set(rule.weekdays))
    found: list[tuple[date, datetime | None]] = []
    while True:
        for weekday in weekdays:
            day = week_start + timedelta(days=weekday)
            if day < rule.first_day:
                continue
            if (rule.until is not None and day > rule.until) or (
                rule.count is not None and len(found) >= rule.count
            ):
                return found
            if len(found) == MAX_VISITS:
                raise ValidationError(
                    {
                        "until": _(
                            "A series has at most {limit} visits: choose an earlier date."
                        ).format(limit=MAX_VISITS)
                    }
                )
            instants = av.wall_instants(datetime.combine(day, rule.local_time), day, zone)
            found.append((day, instants[0] if instants else None))
        week_start += timedelta(weeks=rule.every_weeks)


def _closed_words(
    session: Session, type_rules: TypeRules, provider_id: int | None, day: date
) -> str:
    candidates = [provider_id] if provider_id is not None else list(type_rules.provider_ids)
    closures = slots.closures_between(session, candidates, day, day)
    if candidates and all(av.is_closed(day, closures[p]) for p in candidates):
        return "closed"
    return "outside_hours"


def check_visit(
    session: Session,
    type_rules: TypeRules,
    provider_id: int | None,
    day: date,
    start: datetime | None,
    now: datetime,
) -> tuple[ClashKind, str]:
    """Whether one visit could be booked now, with the same checks as a desk booking."""
    zone = type_rules.zone
    when = day_text(day)
    if start is None:
        return "no_such_time", _("That time does not exist on {when}: the clocks change.").format(
            when=when
        )
    try:
        check_policy(start, now, type_rules, public=False)
        claim = claim_provider(
            session, type_rules, provider_id, start, zone=zone, now=now, on_grid=False, lock=False
        )
    except PolicyRefused:
        return "past", _("{when} at that time has already passed.").format(when=when)
    except TimeBlocked as exc:
        reasons = "; ".join(r for r in exc.reasons if r) or _("blocked time")
        return "blocked", _("That time is blocked on {when} ({reasons}).").format(
            when=when, reasons=reasons
        )
    except SlotTaken:
        return "taken", _("That time is already taken on {when}.").format(when=when)
    except ValidationError as exc:
        if set(exc.fields) - {"start"}:
            raise
        if _closed_words(session, type_rules, provider_id, day) == "closed":
            return "closed", _("Closed on {when}.").format(when=when)
        return "outside_hours", _("That time is outside working hours on {when}.").format(when=when)
    rules = type_rules.rules
    window = av.occupied(claim.start, claim.end, rules.buffer_before, rules.buffer_after)
    busy = calendar_sync.busy_blocks_for(session, [claim.provider_id], *window)
    if busy[claim.provider_id]:
        return "busy", _("{provider} is busy in their outside calendar on {when}.").format(
            provider=claim.provider_name, when=when
        )
    return "ok", _("Free.")


@read_only
def plan_series(
    session: Session,
    *,
    booking_type_id: int,
    provider_id: int | None,
    rule: RepeatRule,
    now: datetime | None = None,
) -> SeriesPlan:
    """Every date of ``rule`` checked as a desk booking would be, with up to three nearest
    free times for each date that clashes. Writes nothing."""
    now = now or datetime.now(UTC)
    type_rules = load_type_rules(session, booking_type_id, active_only=True)
    zone = type_rules.zone
    visits: list[PlannedVisit] = []
    for day, start in series_dates(rule, zone):
        kind, words = check_visit(session, type_rules, provider_id, day, start, now)
        alternatives: tuple[Slot, ...] = ()
        if kind != "ok":
            around = max(start or av.day_span(day, zone)[0] + timedelta(hours=12), now)
            # the desk is not held to the booking page's horizon: search as if "now" were a
            # week before the date (never before the real now, so nothing offered is past)
            search_now = max(now, around - ALTERNATIVES_REACH)
            alternatives = tuple(
                slots.nearest_free_slots(
                    session, booking_type_id, around, provider_id, ALTERNATIVES, search_now
                )
            )
        label = booking_time_text(start, zone) if start else day_text(day)
        visits.append(PlannedVisit(day, start, label, kind, words, alternatives))
    return SeriesPlan(rule_text(rule), tuple(visits))


def _refused(day: date, exc: Exception, *, moving: bool = False) -> SeriesRefused:
    when = day_text(day)
    reason = str(exc)
    if isinstance(exc, SlotTaken):
        reason = _("That time has just been taken.")
    elif isinstance(exc, ValidationError) and exc.fields:
        reason = " ".join(exc.fields.values())
    if moving:
        return SeriesRefused(
            day,
            _("The visit on {when} could not be moved: {reason} Nothing was moved.").format(
                when=when, reason=reason
            ),
        )
    return SeriesRefused(
        day,
        _("The visit on {when} could not be booked: {reason} Nothing was booked.").format(
            when=when, reason=reason
        ),
    )


def book_series(
    session: Session,
    actor: Actor,
    *,
    contact_id: int,
    booking_type_id: int,
    provider_id: int | None,
    rule: RepeatRule,
    choices: Mapping[date, VisitChoice] | None = None,
    notes: str = "",
    now: datetime | None = None,
) -> SeriesReceipt:
    """Book every date of ``rule`` (or the desk's choice for it) in the caller's ONE transaction.

    Each visit goes through ``flow.book_desk`` (lock, hours, closures, blocked
    time, overlap); a date clashing now, or busy in an outside calendar, raises
    :class:`SeriesRefused` naming it, and the caller's rollback leaves nothing.
    Sends one confirmation listing every date; forms as the type says
    (``forms_per``: with every visit, or the first only).
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = now or datetime.now(UTC)
    choices = choices or {}
    notes = check_free_text(notes, "notes", NOTES_MAX)  # one field error, not one per date
    type_rules = load_type_rules(session, booking_type_id, active_only=True)
    zone = type_rules.zone
    planned = series_dates(rule, zone)
    forms_per = session.scalar(
        select(BookingType.forms_per).where(BookingType.id == booking_type_id)
    )
    series = BookingSeries(
        every_weeks=rule.every_weeks,
        weekdays="".join(str(d) for d in sorted(set(rule.weekdays))),
        first_day=rule.first_day,
        local_time=rule.local_time,
        count=rule.count,
        until=rule.until,
        rule_text=stored_rule_text(rule),
        created_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(series)
    session.flush()
    receipts: list[BookingReceipt] = []
    skipped: list[date] = []
    for day, start in planned:
        choice = choices.get(day, VisitChoice(start, provider_id))
        if choice.start is None:
            skipped.append(day)
            continue
        part = SeriesPart(series.id, with_forms=forms_per != "series" or not receipts)
        try:
            receipt = book_desk(
                session,
                actor,
                contact_id=contact_id,
                booking_type_id=booking_type_id,
                provider_id=choice.provider_id,
                start_utc=choice.start,
                notes=notes,
                now=now,
                series=part,
            )
        except (SlotTaken, ValidationError, PolicyRefused) as exc:
            raise _refused(day, exc) from exc
        rules = type_rules.rules
        window = av.occupied(receipt.start, receipt.end, rules.buffer_before, rules.buffer_after)
        if calendar_sync.busy_blocks_for(session, [receipt.provider_id], *window)[
            receipt.provider_id
        ]:
            raise _refused(
                day,
                PolicyRefused(_("{provider} is busy then.").format(provider=receipt.provider_name)),
            )
        receipts.append(receipt)
    if not receipts:
        raise ValidationError({"count": _("Every date is skipped: there is nothing to book.")})
    first = session.get(Booking, receipts[0].booking_id)
    assert first is not None
    dates = Localized(lambda: "\n".join(f"- {booking_time_text(r.start, zone)}" for r in receipts))
    out = booking_messages.outgoing(session, first, zone)
    booking_messages.send_series_message(session, out, "series_confirmation", series_dates=dates)
    audit.record(
        session,
        actor,
        "create",
        "booking_series",
        series.id,
        {"rule": series.rule_text, "bookings": [r.booking_id for r in receipts]},
    )
    return SeriesReceipt(series.id, rule_text(rule), tuple(receipts), tuple(skipped))


def _visits(
    session: Session, booking_id: int, following: bool, expected_version: int | None
) -> list[Booking]:
    """The booking (locked; :class:`EditConflict` when changed since ``expected_version``)
    and, ``following``, the confirmed later visits of its series (locked, in start order)."""
    booking = lock_booking(session, booking_id)
    check_version(booking.version, expected_version, "booking")
    if not following or booking.series_id is None:
        return [booking]
    later = session.scalars(
        select(Booking.id)
        .where(
            Booking.series_id == booking.series_id,
            Booking.start_at > booking.start_at,
            Booking.status == "confirmed",
        )
        .order_by(Booking.start_at)
    ).all()
    return [booking, *(lock_booking(session, i) for i in later)]


def _cancelled_line(start: datetime, zone: ZoneInfo) -> str:
    return _("{when}: cancelled.").format(when=booking_time_text(start, zone))


def _moved_line(start: datetime, target: datetime, zone: ZoneInfo) -> str:
    return _("{when}: moved to {new_time}.").format(
        when=booking_time_text(start, zone), new_time=booking_time_text(target, zone)
    )


def _lines(changed: Sequence[tuple[Booking, Localized]]) -> str:
    return "\n".join(f"- {words}" for _, words in changed)


def _tell(session: Session, changed: Sequence[tuple[Booking, Localized]]) -> None:
    """One message to the customer listing ``changed`` (booking, what happened in words:
    written when the message is filled, so in the customer's language)."""
    if not changed:
        return
    zone = business_zone(session)
    anchor = next((b for b, _ in changed if b.status == "confirmed"), changed[0][0])
    out = booking_messages.outgoing(session, anchor, zone)
    lines = Localized(_lines, list(changed))
    booking_messages.send_series_message(session, out, "series_changes", series_changes=lines)


def cancel_visits(
    session: Session,
    actor: Actor,
    booking_id: int,
    *,
    following: bool,
    reason: str = "",
    now: datetime | None = None,
    expected_version: int | None = None,
) -> list[int]:
    """Cancel the visit (and, ``following``, the later confirmed visits of its series) in one
    transaction; the customer gets one message listing them. Returns the cancelled ids."""
    require(actor, Permission.MANAGE_BOOKINGS)
    now = now or datetime.now(UTC)
    zone = business_zone(session)
    done: list[tuple[Booking, Localized]] = []
    for booking in _visits(session, booking_id, following, expected_version):
        start = booking.start_at
        changes.cancel(session, actor, booking.id, reason, now, notify=False)
        done.append((booking, Localized(_cancelled_line, start, zone)))
    _tell(session, done)
    return [b.id for b, _ in done]


def move_visits(
    session: Session,
    actor: Actor,
    booking_id: int,
    new_start: datetime,
    *,
    following: bool,
    provider_id: int | None = None,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> list[int]:
    """Move the visit to ``new_start`` and, ``following``, every later confirmed visit by the
    same number of days to the same local time (so a clock change keeps the wall time).

    One transaction: a visit that cannot move raises :class:`SeriesRefused` naming
    its date and nothing moves. One message lists every change. Returns the moved ids.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = now or datetime.now(UTC)
    zone = business_zone(session)
    visits = _visits(session, booking_id, following, expected_version)
    first_day = av.local_date(visits[0].start_at, zone)
    new_local = new_start.astimezone(zone)
    shift = new_local.date() - first_day
    targets: list[tuple[Booking, datetime | None]] = []
    for booking in visits:
        day = av.local_date(booking.start_at, zone) + shift
        instants = av.wall_instants(
            datetime.combine(day, new_local.time().replace(tzinfo=None)), day, zone
        )
        targets.append((booking, instants[0] if instants else None))
    # move later visits first when moving later (and earlier first when earlier), so a visit
    # never collides with the old time of its neighbour in the same series
    if _later(targets[0]):
        targets.reverse()
    done: list[tuple[Booking, Localized]] = []
    for booking, target in targets:
        old_start = booking.start_at
        day = av.local_date(booking.start_at, zone)
        if target is None:
            raise _refused(day, PolicyRefused(_("That time does not exist that day.")), moving=True)
        try:
            changes.reschedule(session, actor, booking.id, target, provider_id, now, notify=False)
        except (SlotTaken, ValidationError, PolicyRefused) as exc:
            raise _refused(day, exc, moving=True) from exc
        done.append((booking, Localized(_moved_line, old_start, target, zone)))
    done.sort(key=lambda item: item[0].start_at)
    _tell(session, done)
    return [b.id for b, _ in done]


def _later(target: tuple[Booking, datetime | None]) -> bool:
    booking, new = target
    return new is not None and new > booking.start_at


def set_forms_per(session: Session, actor: Actor, booking_type_id: int, forms_per: str) -> None:
    """Whether a series sends the type's forms with every visit ("visit") or the first
    only ("series"); needs MANAGE_SETTINGS."""
    require(actor, Permission.MANAGE_SETTINGS)
    if forms_per not in FORMS_PER:
        raise ValidationError({"forms_per": _("Choose once per visit or once per series.")})
    booking_type = session.get(BookingType, booking_type_id)
    if booking_type is None:
        raise ValidationError({"booking_type_id": _("That booking type no longer exists.")})
    booking_type.forms_per = forms_per
    audit.record(
        session, actor, "update", "booking_type", booking_type_id, {"forms_per": forms_per}
    )
