"""The start-up database check, begun before the window's modules are imported.

``PRAGMA quick_check`` of a large SQLite file takes a few hundred milliseconds of SQLite's
own C code, which runs without Python's lock; importing the window's modules (Qt,
SQLAlchemy) takes about as long on the main thread. :func:`start` (called by ``careops``
before it imports the window) runs the check on a thread of its own meanwhile, and
:func:`take` hands its result to :func:`careops_desktop.ui.startup.open_checked_database`,
which otherwise runs the same check itself. The check and its meaning are unchanged:
``integrity_problems(path, quick=True)`` of the file as it is when the window asks.

This module imports only the standard library at import time (it must be cheap to import
before everything else). A result is used once, and only while the database file (and its
``-wal`` file) are unchanged since the check began; anything else is checked again.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path

log = logging.getLogger(__name__)

Signature = tuple[tuple[int, int] | None, tuple[int, int] | None]

_lock = threading.Lock()
_started: dict[Path, tuple[Signature, Future[list[str] | None]]] = {}


def sqlite_file_of(url: str | None) -> Path | None:
    """The file of a plain ``sqlite:///path`` URL (None for any other URL).

    URLs with options (``?``) or escapes (``%``) are left to the normal check: a path read
    differently from SQLAlchemy is never checked in its place.
    """
    prefix = "sqlite:///"
    if not url or not url.startswith(prefix) or "?" in url or "%" in url:
        return None
    name = url[len(prefix) :]
    if not name or name == ":memory:":
        return None
    return Path(name)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def signature(path: Path) -> Signature:
    """The file's and its ``-wal`` file's (modification time, size): what the check saw.

    An empty ``-wal`` file is the same as none (a read-only reader, such as the check
    itself, creates one).
    """
    wal = _stat(Path(f"{path}-wal"))
    return _stat(path), wal if wal is not None and wal[1] > 0 else None


def start(url: str | None) -> bool:
    """Begin ``quick_check`` of the SQLite file of ``url`` on a daemon thread.

    Does nothing (False) for other databases, a missing file, or a location the app
    refuses (a network drive: the database is refused later, with words, as before).
    """
    path = sqlite_file_of(url)
    if path is None:
        return False
    path = path.resolve()
    if _stat(path) is None:
        return False
    result: Future[list[str] | None] = Future()
    with _lock:
        _started[path] = (signature(path), result)
    threading.Thread(
        target=_run, args=(path, result), name="careops-early-check", daemon=True
    ).start()
    return True


def _run(path: Path, result: Future[list[str] | None]) -> None:
    try:
        from careops_desktop.core.storage import check_local_file

        check_local_file(path)  # refused: no check here; opening it explains why
        result.set_result(quick_check_file(path))
    except Exception:
        log.debug("the early database check did not run", exc_info=True)
        result.set_result(None)


def quick_check_file(path: Path) -> list[str]:
    """``core.backup.integrity_problems(path, quick=True)`` with the standard library only.

    (``core.backup`` imports SQLAlchemy, which this thread must not wait for.) The same
    connection, pragma and messages: empty when sound, else SQLite's findings.
    """
    if not path.exists():
        return [f"{path} does not exist"]
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return [f"not a readable database: {exc}"]
    return [] if rows == ["ok"] else rows


def take(path: Path) -> Future[list[str] | None] | None:
    """The check :func:`start` began for ``path``, once; None when there is none to use.

    The future's value is the problems found (empty: sound) or None when the check could
    not run; the caller then checks the file itself. A file changed since the check began
    gives None here.
    """
    with _lock:
        entry = _started.pop(path.resolve(), None)
    if entry is None:
        return None
    seen, result = entry
    if seen != signature(path.resolve()):
        return None
    return result
