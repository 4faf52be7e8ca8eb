"""The database: engine, sessions, and the one worker thread all app work runs on.

SQLite is the default: WAL, foreign keys, a busy timeout and ``synchronous``
are set on every new connection, and write transactions begin IMMEDIATE so two
processes never both read-then-write the same rows. A PostgreSQL URL is
accepted too; there, writers lock the rows they check (``with_for_update``).

``Database.run(fn, *args)`` runs ``fn(session, *args)`` in one transaction on
the dedicated worker thread and is awaitable from any asyncio loop (the Qt
loop through qasync, and the runtime's loop). Events recorded by services are
published after the commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Insert, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.util import identity_key

from careops_desktop.core import change_feed, events
from careops_desktop.core.connection_loss import DatabaseUnreachable, lost_connection
from careops_desktop.core.statement_runner import Statements

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "careops_begin_immediate"
_READ_ONLY_ATTR = "careops_read_only"
_RUNNER = "careops_statements"


def read_only(fn: Callable[P, T]) -> Callable[P, T]:
    """Mark a service function as a reader: ``Database.run`` then begins a plain transaction."""
    setattr(fn, _READ_ONLY_ATTR, True)
    return fn


def is_read_only(fn: Callable[..., Any]) -> bool:
    """True when ``fn`` is marked :func:`read_only` (bound methods and partials included)."""
    target = getattr(fn, "func", fn)  # functools.partial
    return bool(getattr(target, _READ_ONLY_ATTR, False))


class ReadTransactionWrote(RuntimeError):
    """A read transaction (``Database.session``) recorded events: the work was a write."""


class CallOnRefusedThread(RuntimeError):
    """``Database.call`` was made on a thread that must never wait on SQL (the Qt thread)."""


_refused_thread: int | None = None


def refuse_calls_on_thread(ident: int | None) -> None:
    """Make :meth:`Database.call` raise on the thread ``ident`` (``None``: allow again).

    The desktop app names its Qt thread here at start, so a transaction run there by
    mistake fails loudly instead of freezing the window.
    """
    global _refused_thread
    _refused_thread = ident


def statements(session: Session) -> Statements:
    """A runner for prebuilt Core statements on ``session``'s transaction.

    Pending ORM changes are flushed first, so a statement run on it sees every
    row the transaction has written so far. Core statements built once (at
    import, with ``bindparam``, marked :func:`prebuilt`) and run here skip the
    ORM's per-call work, and on SQLite most of SQLAlchemy's too (see
    ``statement_runner``); the hot write paths (a booking) use it. Rows written
    this way are not in the session's identity map: read them back with
    statements too.
    """
    session.flush()
    connection = session.connection()
    runner: Statements | None = session.info.get(_RUNNER)
    if runner is None or runner.connection is not connection:  # one per transaction
        runner = session.info[_RUNNER] = Statements(connection)
    return runner


def insert_row(run: Statements, statement: Insert, row: dict[str, Any]) -> int:
    """Run a prebuilt one-row ``INSERT`` with ``row``; returns the new row's id."""
    result = run.execute(statement, row)
    key = result.inserted_primary_key  # type: ignore[attr-defined]
    if key is None or key[0] is None:
        raise RuntimeError(f"the database returned no id for {statement.table}")
    return int(key[0])


def forget(session: Session, model: type[Any], *ids: int) -> None:
    """Expire the ORM copies of rows a Core statement has just changed, if the session has any.

    The next attribute access reloads them, so ORM code later in the
    transaction never sees (or writes back) stale values.
    """
    for row_id in ids:
        held = session.identity_map.get(identity_key(model, row_id))
        if held is not None:
            session.expire(held)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # take transaction control from the sqlite3 module so BEGIN IMMEDIATE works
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(_IMMEDIATE, False):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine for ``url`` with the CareOps connection settings."""
    if is_sqlite(url):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        if memory:
            raise ValueError("CareOps needs a database file, not an in-memory database")
        from sqlalchemy.engine import make_url

        from careops_desktop.core.storage import check_local_file

        check_local_file(Path(make_url(url).database or ""))
        engine = create_engine(
            url,
            echo=echo,
            hide_parameters=True,  # errors must not carry message bodies into the log
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
        _install_sqlite_pragmas(engine)
        return engine
    return create_engine(
        url, echo=echo, hide_parameters=True, pool_pre_ping=True, pool_size=5, max_overflow=5
    )


class Database:
    """Sessions for one database, and the single worker thread that runs app work.

    ``session()`` and ``write_session()`` are for code already off the UI
    thread (CLI, tests, jobs inside ``run``); ``run`` is for everyone else.
    """

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo)
        self._write_engine = self.engine.execution_options(**{_IMMEDIATE: True})
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=self._write_engine, expire_on_commit=False)
        self._executor: ThreadPoolExecutor | None = None
        self._executor_lock = threading.Lock()
        self._worker_ident: int | None = None

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- sessions -------------------------------------------------------------------------

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A plain (deferred) transaction for reading; committed at the end like any other.

        Writes belong in :meth:`write_session` (BEGIN IMMEDIATE on SQLite), where
        two processes cannot both read-then-write. Raises :class:`ReadTransactionWrote`
        (and rolls back) when the work recorded events: a function marked ``@read_only``
        that writes is a bug, and its events must not vanish silently.
        """
        with self._reader() as session, session.begin():
            yield session
            recorded = events.take_pending(session)
            if recorded:
                names = ", ".join(sorted({type(item).__name__ for item in recorded}))
                raise ReadTransactionWrote(
                    f"a read transaction recorded events ({names}); its work is a write"
                )

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE on SQLite): commits, then publishes events."""
        session = self._writer()
        try:
            with session.begin():
                yield session
                pending = events.take_pending(session)
                if pending:  # the other processes hear of it at commit (core/change_feed.py)
                    change_feed.write(session, statements(session), pending)
        except BaseException:
            events.take_pending(session)
            raise
        finally:
            session.close()
        for item in pending:
            events.bus.publish(item)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(session, *args, **kwargs)`` in one transaction on the calling thread.

        Raises :class:`CallOnRefusedThread` on the thread named by
        :func:`refuse_calls_on_thread` (the desktop app's Qt thread). A server that cannot
        be reached raises :class:`DatabaseUnreachable` (in words).
        """
        if _refused_thread is not None and threading.get_ident() == _refused_thread:
            raise CallOnRefusedThread(
                f"Database.call({getattr(fn, '__qualname__', fn)!r}) on a thread that must not "
                "wait on SQL; await Database.run instead"
            )
        try:
            if is_read_only(fn):
                with self.session() as session:
                    return fn(session, *args, **kwargs)
            with self.write_session() as session:
                return fn(session, *args, **kwargs)
        except DBAPIError as exc:
            if lost_connection(exc, self.dialect):
                raise DatabaseUnreachable() from exc
            raise

    # -- the worker thread ----------------------------------------------------------------

    def _ensure_executor(self) -> ThreadPoolExecutor:
        with self._executor_lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=1,
                    thread_name_prefix="careops-db",
                    initializer=self._note_worker,
                )
            return self._executor

    def _note_worker(self) -> None:
        self._worker_ident = threading.get_ident()

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Queue ``fn(session, *args)`` on the worker thread; returns a concurrent Future.

        The work runs in a copy of the caller's ``contextvars`` context, so the language
        of a web request (``core.i18n.use_language``) holds on the worker too.
        """
        context = contextvars.copy_context()
        return self._ensure_executor().submit(context.run, self.call, fn, *args, **kwargs)

    def submit_plain(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Queue ``fn(*args)`` on the worker thread with no session (the change feed's poll)."""
        return self._ensure_executor().submit(fn, *args)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Await ``fn(session, *args, **kwargs)`` run on the database worker thread.

        Safe to await from any asyncio loop in any thread; the caller's loop is
        never blocked on SQL.
        """
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def close(self) -> None:
        """Finish queued work, stop the worker thread and release connections."""
        with self._executor_lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
        self.engine.dispose()
