"""The window's one way off the Qt thread for work that is not database work.

Database work goes through :class:`~careops_desktop.ui.ops.Ops` (the database worker).
Everything else that blocks — the keyring, an SMTP or CalDAV check, file IO, opening or
closing a database — goes through this module, like Anki's ``QueryOp.without_collection()``:

- :func:`run_off_thread` awaits ``fn(*args)`` on one shared, small thread pool;
- :func:`spawn` starts a coroutine as a task on the Qt loop and keeps it (asyncio holds
  tasks only weakly, so a dropped task could vanish mid-way);
- :func:`in_background` is both, with callbacks on the Qt thread while an owner lives;
- :func:`shutdown` cancels every tracked task, waits for them and stops the pool's threads
  (the app at exit, the tests' leak check after each test).

A test (``tests/ui/test_one_way_off_thread.py``) fails when code in ``ui/`` starts a thread,
an executor or a loose asyncio task anywhere but here and in ``ops.py``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

T = TypeVar("T")
POOL_SIZE = 4
THREAD_PREFIX = "careops-ui-job"

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
_tasks: set[asyncio.Task[Any]] = set()


def _get_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=POOL_SIZE, thread_name_prefix=THREAD_PREFIX)
        return _pool


async def run_off_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Await ``fn(*args, **kwargs)`` on the shared pool (never the database worker).

    For blocking work that is not a database transaction: keyring, network checks, file
    IO, a schema migration on its own connection. Cancelling the awaiting task does not
    stop ``fn`` once it runs; :func:`shutdown` waits for it to return.
    """
    return await asyncio.wrap_future(_get_pool().submit(fn, *args, **kwargs))


def spawn(
    work: Coroutine[Any, Any, T],
    *,
    into: set[asyncio.Task[Any]] | None = None,
    loop: asyncio.AbstractEventLoop | None = None,
) -> asyncio.Task[T]:
    """Start ``work`` as a tracked task on ``loop`` (default: the current loop).

    The task is held until it ends, cancelled by :func:`shutdown`, and an exception it
    ends with is logged (a dropped task's error would otherwise vanish). ``into``: an
    owner's own set that also holds the task while it runs (a page that shows "busy").
    """
    target = loop if loop is not None else asyncio.get_event_loop()
    task = target.create_task(work)
    _tasks.add(task)
    task.add_done_callback(_finished)
    if into is not None:
        into.add(task)
        task.add_done_callback(into.discard)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("background task failed", exc_info=task.exception())


def in_background(
    owner: QObject,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> asyncio.Task[None]:
    """Run ``fn(*args)`` on the pool; call back on the Qt thread while ``owner`` lives.

    The returned task is tracked here, so callers may drop it.
    """

    async def work() -> None:
        try:
            result = await run_off_thread(fn, *args)
        except Exception as exc:
            if shiboken6.isValid(owner):
                on_error(exc)
            return
        if shiboken6.isValid(owner):
            on_done(result)

    return spawn(work())


def pending() -> list[asyncio.Task[Any]]:
    """The tracked tasks that have not ended yet."""
    return [task for task in _tasks if not task.done()]


async def shutdown(timeout: float = 10.0) -> None:
    """Cancel and await every tracked task, then stop the pool (waiting for its threads).

    Runs on the Qt loop. The pool is made again on the next :func:`run_off_thread`.
    """
    current = asyncio.current_task()
    tasks = [task for task in pending() if task is not current]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=timeout)
    stop_pool()


def stop_pool(wait: bool = True) -> None:
    """Stop the shared pool; with ``wait``, block until its running work has returned.

    Blocking is short in practice (called after every task awaiting the pool has ended);
    the tests' leak check and the app's last step call it.
    """
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)
