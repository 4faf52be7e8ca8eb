"""Publishing committed events to the other processes on the same database.

Every write transaction that recorded events also writes ONE small message saying
what changed, inside the same transaction, so it exists exactly when the changes
do (never for a rollback):

- PostgreSQL: ``SELECT pg_notify('careops_changes', payload)``; the server delivers
  it to every listening connection at commit, once per transaction;
- SQLite: one prebuilt ``INSERT`` into ``change_feed`` (a sequence number and the
  payload); other processes notice ``PRAGMA data_version`` moving and read the rows
  after the last one they saw (``core/change_listener.py``).

The payload carries the process's origin token and, per event, its class name and
fields, which are only ids, numbers, flags and the ``Literal`` words of
``core/events.py``: an event with any other text is refused here (logged, not
sent), so customer text can never travel this way. A transaction whose payload
would be too long sends "changes missed" instead and the listeners refresh everything.
"""

from __future__ import annotations

import json
import logging
import secrets
import typing
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, text
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.models.desks import ChangeRecord
from careops_desktop.core.statement_runner import Statements, prebuilt

log = logging.getLogger(__name__)

CHANNEL = "careops_changes"
MAX_PAYLOAD = 7000  # PostgreSQL refuses NOTIFY payloads of 8000 bytes or more
KEEP_ROWS = 2000  # change_feed rows kept behind the newest (a listener that lags further resyncs)
PRUNE_EVERY = 256

ORIGIN = secrets.token_hex(8)  # this process; its own rows and notifications are skipped


@dataclass(frozen=True)
class ChangesMissed(events.DomainEvent):
    """Changes may have happened that this process did not hear about: refresh everything.

    Published by the listener after a reconnect, a gap in the feed or an oversized burst.
    """

    reason: typing.Literal["reconnected", "gap", "overflow"] = "reconnected"


_INSERT = prebuilt(
    insert(ChangeRecord).values(
        origin=bindparam("origin"), payload=bindparam("payload"), at=bindparam("at")
    )
)
_PRUNE = prebuilt(delete(ChangeRecord).where(ChangeRecord.seq < bindparam("below")))
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")
LATEST_SEQ = prebuilt(select(ChangeRecord.seq).order_by(ChangeRecord.seq.desc()).limit(1))


def _event_classes() -> dict[str, type[events.DomainEvent]]:
    found: dict[str, type[events.DomainEvent]] = {}
    pending: list[type[events.DomainEvent]] = [events.DomainEvent]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            found[sub.__name__] = sub
            pending.append(sub)
    return found


_Rules = dict[str, tuple[type, ...] | frozenset[str]]
_RULES: dict[str, _Rules] = {}


def _allowed(cls: type[events.DomainEvent]) -> _Rules:
    """Per field: the plain types it may hold, or the words of its ``Literal``."""
    found = _RULES.get(cls.__qualname__ + "@" + cls.__module__)
    if found is None:
        found = _RULES[cls.__qualname__ + "@" + cls.__module__] = _rules_of(cls)
    return found


def _rules_of(cls: type[events.DomainEvent]) -> _Rules:
    hints = typing.get_type_hints(cls)
    allowed: _Rules = {}
    for field in fields(cls):
        hint = hints[field.name]
        words = _literal_words(hint)
        if words:
            allowed[field.name] = words
            continue
        kinds = tuple(a for a in (typing.get_args(hint) or (hint,)) if a in (int, bool, type(None)))
        if not kinds or len(kinds) != len(typing.get_args(hint) or (hint,)):
            raise TypeError(f"{cls.__name__}.{field.name} may not travel to other processes")
        allowed[field.name] = kinds
    return allowed


def _literal_words(hint: Any) -> frozenset[str]:
    if typing.get_origin(hint) is typing.Literal:
        return frozenset(str(a) for a in typing.get_args(hint))
    return frozenset()


def _fields_of(event: events.DomainEvent) -> dict[str, Any]:
    """The event's fields, checked against :func:`_allowed`; ``TypeError`` otherwise."""
    allowed = _allowed(type(event))
    values: dict[str, Any] = {}
    for name, rule in allowed.items():
        value = getattr(event, name)
        if isinstance(rule, frozenset):
            if value not in rule:
                raise TypeError(f"{type(event).__name__}.{name} holds an unexpected word")
        elif not isinstance(value, rule) or (isinstance(value, bool) and bool not in rule):
            raise TypeError(f"{type(event).__name__}.{name} holds an unexpected value")
        values[name] = value
    return values


def encode(pending: list[events.DomainEvent], origin: str = ORIGIN) -> str | None:
    """The message for one transaction's events, or None when none may travel."""
    items: list[list[Any]] = []
    for event in pending:
        try:
            items.append([type(event).__name__, _fields_of(event)])
        except TypeError:
            log.exception("event %s not published to other processes", event.kind)
    if not items:
        return None
    payload = json.dumps({"o": origin, "e": items}, separators=(",", ":"))
    if len(payload) > MAX_PAYLOAD:
        payload = json.dumps({"o": origin, "missed": "overflow"}, separators=(",", ":"))
    return payload


@dataclass(frozen=True)
class Decoded:
    origin: str
    events: list[events.DomainEvent]


def decode(payload: str) -> Decoded:
    """The events of a message from another process; unknown or malformed items are dropped."""
    try:
        data = json.loads(payload)
    except ValueError:
        return Decoded("", [ChangesMissed("overflow")])
    if not isinstance(data, dict):
        return Decoded("", [ChangesMissed("overflow")])
    origin = str(data.get("o", ""))
    if data.get("missed"):
        return Decoded(origin, [ChangesMissed("overflow")])
    found: list[events.DomainEvent] = []
    classes = _event_classes()
    for item in data.get("e", ()):
        try:
            name, values = item
            cls = classes[name]
            event = cls(**values)
            _fields_of(event)  # the same rules on the way in
        except (KeyError, TypeError, ValueError):
            log.warning("a malformed change from another process was ignored")
            continue
        found.append(event)
    return Decoded(origin, found)


def write(session: Session, run: Statements | None, pending: list[events.DomainEvent]) -> None:
    """Inside the write transaction: publish ``pending`` to the other processes at commit.

    One statement per transaction (SQLite: a prebuilt INSERT on ``run``; PostgreSQL: NOTIFY).
    """
    payload = encode(pending)
    if payload is None:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(_NOTIFY, {"channel": CHANNEL, "payload": payload})
        return
    from careops_desktop.core.models.base import utcnow

    runner = run or Statements(connection)
    result = runner.execute(_INSERT, {"origin": ORIGIN, "payload": payload, "at": utcnow()})
    key = result.inserted_primary_key  # type: ignore[attr-defined]
    seq = int(key[0]) if key and key[0] is not None else 0
    if seq and seq % PRUNE_EVERY == 0:
        runner.execute(_PRUNE, {"below": seq - KEEP_ROWS})
