"""Adding, changing, removing and reading blocked time (lunch, a meeting, training).

Every write needs MANAGE_BOOKINGS (blocking an hour is diary work, done at the
desk), is audited and records a :class:`~careops_desktop.core.events.TimeBlockChanged`
event published after the commit (the booking page drops that provider's cached
slots; open calendars reload). A removed block is kept with ``removed_at`` so
:func:`restore_block` can bring it back (undo).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, delete, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core import events, time_bounds
from careops_desktop.core.db import read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Provider, TimeBlock, TimeBlockSkip
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.time_blocks.occurrences import (
    BlockOccurrence,
    BlockRule,
    occurrences,
)
from careops_desktop.core.statement_runner import prebuilt

REASON_MAX = 200
MAX_MINUTES = 24 * 60
WAITLIST_DAYS = 92  # how far ahead a removed series' freed weeks are offered to the waitlist
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


@dataclass(frozen=True)
class TimeBlockView:
    """A block as the desk sees it; times are the business's local clock."""

    id: int
    provider_id: int | None  # None: the whole business
    provider_name: str  # "" for the whole business
    day: date  # the first (or only) day
    start_time: time
    end_time: time  # may be earlier than start_time when the block runs past midnight
    minutes: int
    reason: str
    repeats_weekly: bool
    repeat_until: date | None
    removed: bool


def _view(session: Session, block: TimeBlock) -> TimeBlockView:
    name = ""
    if block.provider_id is not None:
        provider = session.get(Provider, block.provider_id)
        name = provider.name if provider is not None else ""
    end = (datetime.combine(block.day, block.start_time) + timedelta(minutes=block.minutes)).time()
    return TimeBlockView(
        block.id,
        block.provider_id,
        name,
        block.day,
        block.start_time,
        end,
        block.minutes,
        block.reason,
        block.repeats_weekly,
        block.repeat_until,
        block.removed_at is not None,
    )


def _load(session: Session, block_id: int) -> TimeBlock:
    block = session.get(TimeBlock, block_id)
    if block is None:
        raise NotFound("blocked time", block_id)
    return block


@dataclass(frozen=True)
class _Clean:
    day: date
    start_time: time
    minutes: int
    reason: str
    repeat_until: date | None


def _local(value: object, zone: ZoneInfo) -> datetime | None:
    """A naive local wall-clock datetime (an aware one is moved onto the business clock)."""
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is not None:
        value = value.astimezone(zone).replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def check_reason(reason: object) -> str:
    """The reason trimmed; :class:`ValidationError` on ``reason`` when empty, too long or
    holding control or direction-changing characters."""
    if not isinstance(reason, str):
        raise ValidationError({"reason": _("The reason must be text.")})
    text = reason.strip()
    if not text:
        raise ValidationError({"reason": _("Say what the time is blocked for, for example Lunch.")})
    if len(text) > REASON_MAX:
        raise ValidationError(
            {"reason": _("The reason is longer than {limit} characters.").format(limit=REASON_MAX)}
        )
    if any(unicodedata.category(ch) == "Cc" or ch in _BIDI for ch in text):
        raise ValidationError(
            {"reason": _("The reason must be one line of plain text (no control characters).")}
        )
    return text


def _check(
    session: Session,
    provider_id: int | None,
    start: object,
    end: object,
    reason: object,
    repeats_weekly: bool,
    repeat_until: object,
) -> _Clean:
    """Every field problem at once, else the values to store."""
    zone = business_zone(session)
    errors: dict[str, str] = {}
    if provider_id is not None and (
        isinstance(provider_id, bool)
        or not isinstance(provider_id, int)
        or session.get(Provider, provider_id) is None
    ):
        errors["provider_id"] = _("There is no such provider.")
    wall_start, wall_end = _local(start, zone), _local(end, zone)
    if wall_start is None:
        errors["start"] = _("Enter the day and time the block starts.")
    elif not time_bounds.day_in_range(wall_start.date()):
        errors["start"] = _(time_bounds.OUT_OF_RANGE)
    if wall_end is None:
        errors["end"] = _("Enter the time the block ends.")
    elif wall_start is not None and wall_end <= wall_start:
        errors["end"] = _("The end must be after the start.")
    elif wall_start is not None and wall_end - wall_start > timedelta(minutes=MAX_MINUTES):
        errors["end"] = _(
            "A block can last at most 24 hours. For whole days off, add a closure in Settings."
        )
    try:
        text = check_reason(reason)
    except ValidationError as exc:
        errors.update(exc.fields)
        text = ""
    until: date | None = None
    if repeats_weekly and repeat_until is not None:
        if not isinstance(repeat_until, date) or isinstance(repeat_until, datetime):
            errors["repeat_until"] = _("Enter the last day of the repeat.")
        elif not time_bounds.day_in_range(repeat_until):
            errors["repeat_until"] = _(time_bounds.OUT_OF_RANGE)
        elif wall_start is not None and repeat_until < wall_start.date():
            errors["repeat_until"] = _("The repeat must not end before the first day.")
        else:
            until = repeat_until
    if errors or wall_start is None or wall_end is None:
        raise ValidationError(errors)
    minutes = int((wall_end - wall_start).total_seconds() // 60)
    return _Clean(wall_start.date(), wall_start.time(), minutes, text, until)


def _changed(session: Session, block_id: int, provider_id: int | None, change: str) -> None:
    events.record(session, events.TimeBlockChanged(block_id, provider_id, change))  # type: ignore[arg-type]


def add_block(
    session: Session,
    actor: Actor,
    *,
    provider_id: int | None,
    start: datetime,
    end: datetime,
    reason: str,
    repeats_weekly: bool = False,
    repeat_until: date | None = None,
) -> TimeBlockView:
    """Block ``start``..``end`` (local clock) for a provider (None: everyone).

    ``repeats_weekly``: every week on the same weekday, up to and including
    ``repeat_until`` (None: with no end). :class:`ValidationError` with every
    field's problem (``provider_id``, ``start``, ``end``, ``reason``, ``repeat_until``).
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    clean = _check(session, provider_id, start, end, reason, repeats_weekly, repeat_until)
    block = TimeBlock(
        provider_id=provider_id,
        day=clean.day,
        start_time=clean.start_time,
        minutes=clean.minutes,
        reason=clean.reason,
        repeats_weekly=bool(repeats_weekly),
        repeat_until=clean.repeat_until,
    )
    session.add(block)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "time_block",
        block.id,
        {"provider_id": provider_id, "day": clean.day.isoformat(), "minutes": clean.minutes},
    )
    _changed(session, block.id, provider_id, "created")
    return _view(session, block)


def update_block(
    session: Session,
    actor: Actor,
    block_id: int,
    *,
    provider_id: int | None,
    start: datetime,
    end: datetime,
    reason: str,
    repeats_weekly: bool = False,
    repeat_until: date | None = None,
) -> TimeBlockView:
    """Change a block (for a repeating one: the whole series). Checks as :func:`add_block`."""
    require(actor, Permission.MANAGE_BOOKINGS)
    block = _load(session, block_id)
    if block.removed_at is not None:
        raise NotFound("blocked time", block_id)
    clean = _check(session, provider_id, start, end, reason, repeats_weekly, repeat_until)
    old_provider = block.provider_id
    block.provider_id = provider_id
    block.day, block.start_time, block.minutes = clean.day, clean.start_time, clean.minutes
    block.reason = clean.reason
    block.repeats_weekly, block.repeat_until = bool(repeats_weekly), clean.repeat_until
    session.flush()
    audit.record(session, actor, "update", "time_block", block.id, {"provider_id": provider_id})
    _changed(session, block.id, provider_id, "updated")
    if old_provider != provider_id:
        _changed(session, block.id, old_provider, "updated")
    return _view(session, block)


def remove_block(
    session: Session, actor: Actor, block_id: int, *, only_day: date | None = None
) -> TimeBlockView:
    """Remove a block (a series: every week), or with ``only_day`` one week of a series.

    Kept for :func:`restore_block` (undo); :class:`NotFound` for an unknown block.
    """
    # imported here: the waitlist reads slots, which read blocked time (this package)
    from careops_desktop.core.services.waitlist import blocks as waitlist_blocks

    require(actor, Permission.MANAGE_BOOKINGS)
    block = _load(session, block_id)
    zone = business_zone(session)
    first = only_day or datetime.now(UTC).astimezone(zone).date()
    last = only_day or first + timedelta(days=WAITLIST_DAYS)
    freed = occurrences(rules_between(session, None, first, last), first, last, zone)
    if only_day is not None and block.repeats_weekly:
        if session.get(TimeBlockSkip, (block_id, only_day)) is None:
            session.add(TimeBlockSkip(block_id=block_id, day=only_day))
        details = {"day": only_day.isoformat()}
    else:
        block.removed_at = datetime.now(UTC)
        details = {}
    session.flush()
    audit.record(session, actor, "delete", "time_block", block_id, details)
    _changed(session, block_id, block.provider_id, "removed")
    waitlist_blocks.offer_freed_blocks(session, block_id, freed)  # the freed time, offered
    return _view(session, block)


def restore_block(
    session: Session, actor: Actor, block_id: int, *, only_day: date | None = None
) -> TimeBlockView:
    """Undo :func:`remove_block` (the same ``only_day``): the time is blocked again."""
    require(actor, Permission.MANAGE_BOOKINGS)
    block = _load(session, block_id)
    if only_day is not None:
        session.execute(
            delete(TimeBlockSkip).where(
                TimeBlockSkip.block_id == block_id, TimeBlockSkip.day == only_day
            )
        )
    else:
        block.removed_at = None
    session.flush()
    from careops_desktop.core.services.waitlist import offers as waitlist  # see remove_block

    waitlist.withdraw_freed_by(session, f"block:{block_id}", block.created_at)  # time blocked again
    audit.record(session, actor, "restore", "time_block", block_id)
    _changed(session, block_id, block.provider_id, "restored")
    return _view(session, block)


@read_only
def get_block(session: Session, block_id: int) -> TimeBlockView:
    """One block (removed ones too, marked ``removed``)."""
    return _view(session, _load(session, block_id))


_LIVE = (
    TimeBlock.removed_at.is_(None),
    TimeBlock.day <= bindparam("last"),
    or_(
        TimeBlock.day >= bindparam("first"),
        TimeBlock.repeats_weekly.is_(True)
        & (TimeBlock.repeat_until.is_(None) | (TimeBlock.repeat_until >= bindparam("first"))),
    ),
)
_RULE_COLUMNS = select(
    TimeBlock.id,
    TimeBlock.provider_id,
    TimeBlock.day,
    TimeBlock.start_time,
    TimeBlock.minutes,
    TimeBlock.reason,
    TimeBlock.repeats_weekly,
    TimeBlock.repeat_until,
)
_ALL_RULES = prebuilt(_RULE_COLUMNS.where(*_LIVE).order_by(TimeBlock.id))
_RULES_FOR = prebuilt(
    _RULE_COLUMNS.where(
        *_LIVE,
        TimeBlock.provider_id.is_(None)
        | TimeBlock.provider_id.in_(bindparam("providers", expanding=True)),
    ).order_by(TimeBlock.id)
)
_SKIPS = prebuilt(
    select(TimeBlockSkip.block_id, TimeBlockSkip.day).where(
        TimeBlockSkip.block_id.in_(bindparam("ids", expanding=True)),
        TimeBlockSkip.day >= bindparam("first"),
        TimeBlockSkip.day <= bindparam("last"),
    )
)


def rules_between(
    session: Session, provider_ids: Sequence[int] | None, first: date, last: date
) -> list[BlockRule]:
    """The live blocks that may touch local days ``first``..``last``: the providers' own and
    the whole business's (``provider_ids`` None: every provider's). Two short prebuilt
    queries at most (the slot maths asks this for every day list it computes)."""
    run = statements(session)
    params: dict[str, object] = {"first": first - timedelta(days=1), "last": last}
    if provider_ids is None:
        rows = run.execute(_ALL_RULES, params).all()
    else:
        rows = run.execute(_RULES_FOR, {**params, "providers": list(provider_ids)}).all()
    skipped: dict[int, set[date]] = {}
    repeating = [row.id for row in rows if row.repeats_weekly]
    if repeating:
        for block_id, day in run.execute(_SKIPS, {**params, "ids": repeating}):
            skipped.setdefault(block_id, set()).add(day)
    return [
        BlockRule(
            row.id,
            row.provider_id,
            row.day,
            row.start_time,
            row.minutes,
            row.reason,
            bool(row.repeats_weekly),
            row.repeat_until,
            frozenset(skipped.get(row.id, ())),
        )
        for row in rows
    ]


@read_only
def occurrences_between(
    session: Session, provider_ids: Sequence[int] | None, first: date, last: date
) -> list[BlockOccurrence]:
    """Every blocked stretch touching local days ``first``..``last`` (see :func:`rules_between`)."""
    zone = business_zone(session)
    return occurrences(rules_between(session, provider_ids, first, last), first, last, zone)


def busy_between(
    session: Session, provider_ids: Sequence[int], first: date, last: date, zone: ZoneInfo
) -> dict[int, list[tuple[datetime, datetime]]]:
    """provider id → blocked UTC intervals touching ``first``..``last`` (whole-business ones
    under every provider), for the slot maths."""
    found: dict[int, list[tuple[datetime, datetime]]] = {pid: [] for pid in provider_ids}
    if not provider_ids:
        return found
    for occ in occurrences(rules_between(session, provider_ids, first, last), first, last, zone):
        for target in provider_ids if occ.provider_id is None else [occ.provider_id]:
            if target in found:
                found[target].append((occ.start, occ.end))
    return found


@read_only
def blocks_over(
    session: Session, provider_id: int, start: datetime, end: datetime
) -> list[BlockOccurrence]:
    """The provider's blocked stretches (theirs and everyone's) that meet ``[start, end)``."""
    zone = business_zone(session)
    first = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    found = occurrences(rules_between(session, [provider_id], first, last), first, last, zone)
    return [o for o in found if o.start < end and start < o.end]


@read_only
def list_blocks(
    session: Session, provider_id: int | None = None, first: date | None = None
) -> list[TimeBlockView]:
    """Live blocks (a provider's with everyone's, or all) that still have a week on or after
    ``first``, by first day."""
    query = select(TimeBlock).where(TimeBlock.removed_at.is_(None))
    if provider_id is not None:
        query = query.where(
            TimeBlock.provider_id.is_(None) | (TimeBlock.provider_id == provider_id)
        )
    if first is not None:
        query = query.where(
            or_(
                TimeBlock.day >= first,
                TimeBlock.repeats_weekly.is_(True)
                & (TimeBlock.repeat_until.is_(None) | (TimeBlock.repeat_until >= first)),
            )
        )
    return [_view(session, b) for b in session.scalars(query.order_by(TimeBlock.day, TimeBlock.id))]
