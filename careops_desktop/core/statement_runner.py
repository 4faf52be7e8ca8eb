"""Prebuilt Core statements, run on the transaction's own connection, fast on SQLite.

SQLAlchemy spends about 40 µs on every ``Connection.execute``: the compiled
cache lookup, an execution context, events, a ``Result`` around the cursor.
SQLite itself answers a short statement in about 4 µs. A booking runs about
twenty statements, so on the booking page that overhead was a third of the
transaction.

A statement marked with :func:`prebuilt` (built once, at import) is compiled
once per dialect and set of parameter names. On SQLite the runner keeps the
SQL text, the order of its parameters, the Python-side column defaults it
must fill, and the bind and result converters of its column types (the same
``TypeEngine.bind_processor`` / ``result_processor`` SQLAlchemy itself calls,
so UTC times, NUL-safe text, booleans and JSON behave exactly as on the full
path), and runs it on the DBAPI cursor of the session's connection, inside
the same transaction. Driver errors are raised as SQLAlchemy's exceptions.
Expanding ``IN`` lists take the fast path too: one plan per set of list
lengths (up to 64 per statement), expanded by SQLAlchemy's own compiler.

Everything else goes through ``Connection.execute`` unchanged: other
databases, statements not marked prebuilt, lists of tuples, SQL-expression
defaults, DML with ``RETURNING``, and a connection somebody listens to (echo,
cursor events in tests), so that nothing is hidden from them. A prebuilt
statement that goes the full way on SQLite is a *fallback*: it is counted
(:func:`fallbacks`) and logged at DEBUG with its reason and where it was built
(``--verbose``; the first time, then at 10, 100, 1000… times).

The fast path reads SQLAlchemy compiler attributes that are not public API
(``positiontup``, ``insert_prefetch``, ``update_prefetch``,
``construct_expanded_state``); ``tests/core/test_prebuilt_both_ways.py`` runs
every prebuilt statement both ways and compares, and pyproject.toml pins
SQLAlchemy to the minor versions that fence was run on. Setting
``CAREOPS_STATEMENT_FAST_PATH=0`` switches it off for the process (``.ci/run``
runs the core and web tests that way too).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections import Counter, namedtuple
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.selectable import SelectBase
from sqlalchemy.sql.sqltypes import TupleType

S = TypeVar("S", bound=Executable)

_Converter = Callable[[Any], Any] | None

log = logging.getLogger(__name__)

FAST_PATH_ENV = "CAREOPS_STATEMENT_FAST_PATH"
_enabled = os.environ.get(FAST_PATH_ENV, "1").strip() != "0"

# id of each prebuilt statement -> where it was built ("module:line"); the statement itself
# is kept in _KEEP for the life of the process, so its id is never reused by another object
_PREBUILT: dict[int, str] = {}
_KEEP: list[Executable] = []
_fallbacks: Counter[tuple[str, str]] = Counter()
_LOG_AT = frozenset(10**n for n in range(13))
_ways: set[tuple[int, bool]] | None = None  # filled while a test records (record_ways)


def prebuilt(statement: S) -> S:
    """Mark ``statement`` (built once: a module-level constant) as prebuilt; returns it.

    Only marked statements take the fast path: it compiles a statement once
    and keeps it for the life of the process, so a statement built per call
    must never be marked (it would leak). Marking the same object twice is
    harmless.
    """
    if id(statement) not in _PREBUILT:
        caller = sys._getframe(1)
        _KEEP.append(statement)
        _PREBUILT[id(statement)] = f"{caller.f_globals.get('__name__')}:{caller.f_lineno}"
    return statement


def prebuilt_statements() -> dict[str, list[Executable]]:
    """Every statement marked so far, by where it was marked (``module:line``)."""
    found: dict[str, list[Executable]] = {}
    for statement in _KEEP:
        found.setdefault(_PREBUILT[id(statement)], []).append(statement)
    return found


def set_fast_path(enabled: bool) -> bool:
    """Switch the fast path on or off for runners made from now on; returns the old setting.

    For tests and benchmarks; the app sets it only from the environment.
    """
    global _enabled
    old, _enabled = _enabled, enabled
    return old


def fallbacks() -> dict[tuple[str, str], int]:
    """How often a prebuilt statement went the full way on SQLite: (where built, why) -> count."""
    return dict(_fallbacks)


def record_ways() -> set[tuple[int, bool]]:
    """Start recording which way each prebuilt statement runs: (id, fast?) pairs; for tests.

    Returns the set that fills; :func:`stop_recording` ends it.
    """
    global _ways
    _ways = set()
    return _ways


def stop_recording() -> None:
    global _ways
    _ways = None


class Rows(Protocol):
    """What callers use of a result: SQLAlchemy's ``CursorResult`` or :class:`FetchedRows`."""

    @property
    def rowcount(self) -> int: ...

    def __iter__(self) -> Iterator[Any]: ...

    def first(self) -> Any: ...

    def one(self) -> Any: ...

    def all(self) -> Sequence[Any]: ...

    def scalar(self) -> Any: ...

    def scalars(self) -> Any: ...


class Scalars(list[Any]):
    """The first column of each row; iterable, with ``all()`` and ``first()`` like SQLAlchemy's."""

    def all(self) -> list[Any]:
        return list(self)

    def first(self) -> Any:
        return self[0] if self else None


class FetchedRows:
    """The rows of a fast-path statement, fetched at once, with the result methods callers use."""

    __slots__ = ("_rows", "lastrowid", "rowcount")

    def __init__(self, rows: list[Any], rowcount: int, lastrowid: int | None) -> None:
        self._rows = rows
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def one(self) -> Any:
        if len(self._rows) != 1:
            found = "No row was found" if not self._rows else "Multiple rows were found"
            raise exc.NoResultFound(found) if not self._rows else exc.MultipleResultsFound(found)
        return self._rows[0]

    def all(self) -> list[Any]:
        return list(self._rows)

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalars(self) -> Scalars:
        return Scalars(row[0] for row in self._rows)

    @property
    def inserted_primary_key(self) -> tuple[int | None]:
        return (self.lastrowid,)


@dataclass(frozen=True, slots=True)
class _Plan:
    """One prebuilt statement compiled for SQLite with one set of parameter names.

    ``slots`` says where each ``?`` takes its value from: a parameter, or one
    item of an expanding ``IN`` list parameter.
    """

    sql: str
    literals: dict[str, Any]  # values the statement itself carries (``limit(1)``, ``== "x"``)
    slots: tuple[tuple[str, int | None], ...]
    binders: tuple[_Converter, ...]
    defaults: tuple[tuple[str, Callable[[], Any]], ...]
    row_type: Callable[..., Any] | None
    readers: tuple[_Converter, ...]


@dataclass(frozen=True, slots=True)
class _Full:
    """No fast plan for a statement (or for these list lengths): it runs the full way, because…"""

    reason: str


@dataclass(frozen=True, slots=True)
class _Expanding:
    """A statement with expanding ``IN`` lists: one :class:`_Plan` per set of list lengths."""

    compiled: SQLCompiler
    lists: tuple[str, ...]
    base: _Plan
    by_lengths: dict[tuple[int, ...], _Plan]


_MAX_PLANS = 4096  # beyond this, statements run the full way rather than grow the cache
_MAX_LENGTHS = 64  # plans per statement with IN lists, one per set of list lengths
# shared by every SQLite engine of the process: make_engine sets them all up alike, so one
# statement compiles to the same SQL with the same converters for each
_plans: dict[tuple[int, frozenset[str]], Any] = {}
_plans_lock = threading.Lock()


def _default_of(column: Any, update: bool) -> Callable[[], Any] | None:
    """A zero-argument maker of ``column``'s Python-side default, or None for a SQL one."""
    default = column.onupdate if update else column.default
    if default is None:
        return None
    if default.is_scalar:
        value = default.arg
        return lambda: value
    if default.is_callable:
        made = default.arg
        return lambda: made(None)
    return None


def _row_type(statement: SelectBase) -> Callable[..., Any]:
    keys = list(statement.selected_columns.keys())
    row: Any = namedtuple("Row", keys, rename=True)  # type: ignore[misc]
    make: Callable[..., Any] = row._make
    return make


def _binder(compiled: SQLCompiler, name: str, dialect: Dialect) -> _Converter:
    converter: _Converter = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
    return converter


def _plan(statement: Executable, names: frozenset[str], dialect: Dialect) -> Any:
    """Compile ``statement`` for SQLite once; a :class:`_Full` when it must take the full path."""
    # compiled as Connection.execute compiles it: with the parameter names as column keys
    compiled = statement.compile(dialect=dialect, column_keys=sorted(names))  # type: ignore[attr-defined]
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return _Full("not compiled to positional SQL")
    if isinstance(statement, UpdateBase) and compiled.returning:
        return _Full("DML with RETURNING")
    binds = compiled.binds.values()
    if any(bind.callable is not None or bind.literal_execute for bind in binds):
        return _Full("a value made at execution time or rendered into the SQL")
    literals = {
        name: bind.value
        for name, bind in compiled.binds.items()
        if not bind.required and name not in names
    }
    defaults: list[tuple[str, Callable[[], Any]]] = []
    for columns, update in ((compiled.insert_prefetch, False), (compiled.update_prefetch, True)):
        for column in columns:
            make = _default_of(column, update)
            if make is None:
                return _Full(f"a SQL-expression default for {column.key}")
            defaults.append((column.key, make))
    row_type = None
    readers: tuple[_Converter, ...] = ()
    if isinstance(statement, SelectBase):
        row_type = _row_type(statement)
        readers = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in statement.selected_columns
        )
    elif not isinstance(statement, UpdateBase):
        return _Full("neither a SELECT nor an INSERT, UPDATE or DELETE")
    slots = tuple((name, None) for name in compiled.positiontup)
    binders = tuple(_binder(compiled, name, dialect) for name, _ in slots)
    plan = _Plan(compiled.string, literals, slots, binders, tuple(defaults), row_type, readers)
    lists = tuple(name for name, bind in compiled.binds.items() if bind.expanding)
    if not lists:
        return plan
    if any(isinstance(compiled.binds[name].type, TupleType) for name in lists):
        return _Full("an IN list of tuples")
    return _Expanding(compiled, lists, plan, {})


def _expanded(found: _Expanding, params: Mapping[str, Any], dialect: Dialect) -> Any:
    """The plan of ``found`` for the lengths of the ``IN`` lists in ``params``.

    A list the statement carries itself (``column.in_(("a", "b"))``) counts as
    one of them, with the values it carries.
    """
    if found.base.literals:
        params = {**found.base.literals, **params}
    try:
        lengths = tuple(len(params[name]) for name in found.lists)
    except (KeyError, TypeError):
        return _Full("an IN list missing or not a list")  # the full path says what is wrong
    plan = found.by_lengths.get(lengths)
    if plan is not None:
        return plan
    if len(found.by_lengths) >= _MAX_LENGTHS:
        return _Full(f"more than {_MAX_LENGTHS} sets of IN list lengths")
    state = found.compiled.construct_expanded_state(dict(params))
    item_of = {
        expanded: (name, index)
        for name, expanded_names in state.parameter_expansion.items()
        for index, expanded in enumerate(expanded_names)
    }
    slots = tuple(item_of.get(name, (name, None)) for name in state.positiontup or ())
    base = found.base
    plan = _Plan(
        state.statement,
        base.literals,
        slots,
        tuple(_binder(found.compiled, name, dialect) for name, _ in slots),
        base.defaults,
        base.row_type,
        base.readers,
    )
    with _plans_lock:
        found.by_lengths[lengths] = plan
    return plan


class Statements:
    """Runs prebuilt statements in a session's transaction (see the module docstring)."""

    __slots__ = ("_fast", "_withheld", "connection", "dialect")

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect
        self._withheld = ""  # why a SQLite connection does not take the fast path
        sqlite = self.dialect.name == "sqlite" and self.dialect.paramstyle == "qmark"
        if sqlite and not _enabled:
            self._withheld = f"switched off ({FAST_PATH_ENV}=0)"
        elif sqlite and connection.engine.echo:
            self._withheld = "the engine echoes its SQL"
        elif sqlite and (
            connection.dispatch.before_cursor_execute or connection.dispatch.after_cursor_execute
        ):
            self._withheld = "a cursor listener on the engine"
        self._fast = sqlite and not self._withheld

    def execute(self, statement: Executable, params: Mapping[str, Any] | None = None) -> Rows:
        """Run ``statement`` with ``params``; the fast path when it can (module docstring)."""
        if not self._fast:
            if self._withheld and id(statement) in _PREBUILT:
                return self._full(statement, params, self._withheld)
            return self.connection.execute(statement, params)
        if id(statement) not in _PREBUILT:
            return self.connection.execute(statement, params)
        names = frozenset(params or ())
        key = (id(statement), names)
        plan = _plans.get(key)
        if plan is None:
            if len(_plans) >= _MAX_PLANS:
                return self._full(statement, params, f"more than {_MAX_PLANS} plans cached")
            with _plans_lock:
                plan = _plans.setdefault(key, _plan(statement, names, self.dialect))
        if type(plan) is _Expanding:
            plan = _expanded(plan, params or {}, self.dialect)
        if type(plan) is _Full:
            return self._full(statement, params, plan.reason)
        if _ways is not None:
            _ways.add((id(statement), True))
        return self._run(plan, params or {})

    def _full(self, statement: Executable, params: Mapping[str, Any] | None, why: str) -> Rows:
        """A prebuilt statement the full way on SQLite: counted, logged at DEBUG, then run."""
        built = _PREBUILT[id(statement)]
        count = _fallbacks[(built, why)] = _fallbacks[(built, why)] + 1
        if count in _LOG_AT:  # the first time, then at 10, 100, …: seen, never a flood
            log.debug(
                "prebuilt statement from %s ran the full way, %d so far: %s", built, count, why
            )
        if _ways is not None:
            _ways.add((id(statement), False))
        return self.connection.execute(statement, params)

    def _run(self, plan: _Plan, params: Mapping[str, Any]) -> FetchedRows:
        args: tuple[Any, ...] = ()
        cursor = self.connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            if plan.defaults:
                params = {**{key: make() for key, make in plan.defaults}, **params}
            values = {**plan.literals, **params} if plan.literals else params
            try:
                raw = [values[name] if at is None else values[name][at] for name, at in plan.slots]
            except KeyError as missing:
                raise exc.InvalidRequestError(
                    f"A value is required for bind parameter {missing.args[0]!r}"
                ) from None
            args = tuple(
                value if convert is None else convert(value)
                for value, convert in zip(raw, plan.binders, strict=True)
            )
            cursor.execute(plan.sql, args)
            if plan.row_type is None:
                return FetchedRows([], cursor.rowcount, cursor.lastrowid)
            make, readers = plan.row_type, plan.readers
            rows = [
                make(
                    value if read is None else read(value)
                    for value, read in zip(fetched, readers, strict=True)
                )
                for fetched in cursor.fetchall()
            ]
            return FetchedRows(rows, cursor.rowcount, None)
        except Exception as error:
            # as Connection.execute raises it: a driver error as its SQLAlchemy class, any
            # other (a naive time, a missing parameter) as StatementError; no parameters shown
            raise exc.DBAPIError.instance(
                plan.sql,
                args,
                error,
                self.dialect.loaded_dbapi.Error,
                hide_parameters=True,
                dialect=self.dialect,
            ) from error
        finally:
            cursor.close()
