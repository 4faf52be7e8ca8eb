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

Everything else goes through ``Connection.execute`` unchanged: other
databases, statements built per call, expanding ``IN`` lists, SQL-expression
defaults, DML with ``RETURNING``, and a connection somebody listens to (echo,
cursor events in tests), so that nothing is hidden from them.
"""

from __future__ import annotations

import threading
from collections import namedtuple
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

_PREBUILT: set[int] = set()
_KEEP: list[Executable] = []  # prebuilt statements live as long as the process: ids stay unique


def prebuilt(statement: S) -> S:
    """Mark ``statement`` (a module-level constant) as prebuilt; returns it unchanged.

    Only marked statements take the fast path: it compiles a statement once
    and keeps it, which suits constants and would leak with statements built
    per call.
    """
    _KEEP.append(statement)
    _PREBUILT.add(id(statement))
    return statement


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
class _Expanding:
    """A statement with expanding ``IN`` lists: one :class:`_Plan` per set of list lengths."""

    compiled: SQLCompiler
    lists: tuple[str, ...]
    base: _Plan
    by_lengths: dict[tuple[int, ...], _Plan]


_NO_PLAN = object()
_MAX_PLANS = 4096  # beyond this, statements run the full way rather than grow the cache
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
    """Compile ``statement`` for SQLite once; ``_NO_PLAN`` when it must take the full path."""
    # compiled as Connection.execute compiles it: with the parameter names as column keys
    compiled = statement.compile(dialect=dialect, column_keys=sorted(names))  # type: ignore[attr-defined]
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return _NO_PLAN
    if isinstance(statement, UpdateBase) and compiled.returning:
        return _NO_PLAN
    binds = compiled.binds.values()
    if any(bind.callable is not None or bind.literal_execute for bind in binds):
        return _NO_PLAN  # values made at execution time, or rendered into the SQL
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
                return _NO_PLAN
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
        return _NO_PLAN
    slots = tuple((name, None) for name in compiled.positiontup)
    binders = tuple(_binder(compiled, name, dialect) for name, _ in slots)
    plan = _Plan(compiled.string, literals, slots, binders, tuple(defaults), row_type, readers)
    lists = tuple(name for name, bind in compiled.binds.items() if bind.expanding)
    if not lists:
        return plan
    if any(isinstance(compiled.binds[name].type, TupleType) for name in lists):
        return _NO_PLAN
    return _Expanding(compiled, lists, plan, {})


def _expanded(found: _Expanding, params: Mapping[str, Any], dialect: Dialect) -> Any:
    """The plan of ``found`` for the lengths of the ``IN`` lists in ``params``."""
    try:
        lengths = tuple(len(params[name]) for name in found.lists)
    except (KeyError, TypeError):
        return _NO_PLAN  # let the full path say what is wrong
    plan = found.by_lengths.get(lengths)
    if plan is not None:
        return plan
    if len(found.by_lengths) >= 64:
        return _NO_PLAN
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

    __slots__ = ("_fast", "connection", "dialect")

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect
        self._fast = (
            self.dialect.name == "sqlite"
            and self.dialect.paramstyle == "qmark"
            and not connection.engine.echo
            and not connection.dispatch.before_cursor_execute
            and not connection.dispatch.after_cursor_execute
        )

    def execute(self, statement: Executable, params: Mapping[str, Any] | None = None) -> Rows:
        """Run ``statement`` with ``params``; the fast path when it can (module docstring)."""
        if not self._fast or id(statement) not in _PREBUILT:
            return self.connection.execute(statement, params)
        names = frozenset(params or ())
        key = (id(statement), names)
        plan = _plans.get(key)
        if plan is None:
            if len(_plans) >= _MAX_PLANS:
                return self.connection.execute(statement, params)
            with _plans_lock:
                plan = _plans.setdefault(key, _plan(statement, names, self.dialect))
        if type(plan) is _Expanding:
            plan = _expanded(plan, params or {}, self.dialect)
        if plan is _NO_PLAN:
            return self.connection.execute(statement, params)
        return self._run(plan, params or {})

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
