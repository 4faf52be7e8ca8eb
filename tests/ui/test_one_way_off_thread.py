"""One way off the Qt thread: ``ui.off_thread`` for non-database work, ``Ops`` for the database.

- an AST scan of ``careops_desktop/ui`` fails when a thread, an executor or a loose asyncio
  task is started anywhere but the two helper modules (and two named, reasoned exceptions);
- every function handed to ``ops.query`` in ``ui/`` is marked ``@read_only``;
- the shared pool runs work off the Qt thread, tracks its tasks and stops at ``shutdown``.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import threading
from pathlib import Path
from typing import Any

import pytest

import careops_desktop.ui
from careops_desktop.core.db import is_read_only, read_only
from careops_desktop.ui import off_thread
from careops_desktop.ui.ops import UNMARKED_READS, UnmarkedReadWarning
from tests.ui.conftest import wait_task

UI = Path(careops_desktop.ui.__file__).parent
HELPERS = {"off_thread.py", "ops.py"}
# (file, call): started before the Qt app exists, or imports modules only; each says why
ALLOWED = {
    ("early_check.py", "threading.Thread"): "checks the file before Qt is imported",
    ("preload.py", "threading.Thread"): "imports modules only; daemon, joined at shutdown",
    ("runtime_link.py", "asyncio.run_coroutine_threadsafe"): "jobs start through the runtime",
}
FORBIDDEN_NAMES = {
    "ThreadPoolExecutor",
    "ProcessPoolExecutor",
    "Thread",
    "QThread",
    "QThreadPool",
    "ensure_future",
    "create_task",
    "run_in_executor",
    "to_thread",
    "run_coroutine_threadsafe",
}


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in FORBIDDEN_NAMES:
        return ast.unparse(func)
    if isinstance(func, ast.Name) and func.id in FORBIDDEN_NAMES:
        return func.id
    return None


def _ad_hoc_paths() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        if relative in HELPERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = _called_name(node) if isinstance(node, ast.Call) else None
            if name and (relative, name) not in ALLOWED:
                found.append(f"{relative}:{node.lineno} {name}(...)")
    return found


def test_no_thread_executor_or_loose_task_outside_the_helpers() -> None:
    found = _ad_hoc_paths()
    assert not found, (
        "work leaves the Qt thread by ui.off_thread (run_off_thread / spawn / in_background) "
        "or Ops only; found: " + ", ".join(found)
    )


def test_the_scan_sees_each_forbidden_form(tmp_path: Path) -> None:
    source = (
        "import asyncio, threading\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "ThreadPoolExecutor(1)\n"
        "threading.Thread(target=print)\n"
        "asyncio.ensure_future(x)\n"
        "asyncio.get_event_loop().create_task(x)\n"
        "loop.run_in_executor(None, f)\n"
        "asyncio.to_thread(f)\n"
    )
    calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)]
    named = {name for call in calls if (name := _called_name(call))}
    assert {
        "ThreadPoolExecutor",
        "threading.Thread",
        "asyncio.ensure_future",
        "asyncio.get_event_loop().create_task",
        "loop.run_in_executor",
        "asyncio.to_thread",
    } <= named


def _query_targets() -> list[tuple[str, Any]]:
    targets = []
    for path in sorted(UI.rglob("*.py")):
        module = importlib.import_module(
            "careops_desktop.ui." + ".".join(path.relative_to(UI).with_suffix("").parts)
        )
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "query"
                and node.args
            ):
                continue
            dotted = ast.unparse(node.args[0])
            target: Any = module
            try:
                for part in dotted.split("."):
                    target = getattr(target, part)
            except AttributeError:
                continue  # a local name (a parameter, an import inside the function)
            targets.append((f"{path.name}:{node.lineno} {dotted}", target))
    return targets


def test_every_function_the_window_reads_with_is_marked_read_only() -> None:
    targets = _query_targets()
    assert len(targets) > 30  # the scan resolves most of the window's reads
    unmarked = [where for where, target in targets if not is_read_only(target)]
    assert not unmarked, f"mark these @read_only (or use ops.command): {unmarked}"


def test_query_warns_and_notes_an_unmarked_function(ops: Any, qtbot: Any) -> None:
    def unmarked(session: Any) -> int:
        return 1

    with pytest.warns(UnmarkedReadWarning, match="unmarked"):
        task = ops.query(unmarked)
    assert wait_task(qtbot, task) == 1  # it still runs (as a write)
    assert [unmarked.__qualname__] == UNMARKED_READS
    UNMARKED_READS.clear()  # this test meant it; the leak check fails any other

    @read_only
    def marked(session: Any) -> int:
        return 2

    assert wait_task(qtbot, ops.query(marked)) == 2
    assert UNMARKED_READS == []


def test_run_off_thread_uses_one_shared_pool_off_the_qt_thread(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    async def names() -> list[str]:
        return [
            await off_thread.run_off_thread(lambda: threading.current_thread().name)
            for _ in range(3)
        ]

    found = wait_task(qtbot, off_thread.spawn(names()))
    assert all(name.startswith(off_thread.THREAD_PREFIX) for name in found)
    assert threading.current_thread().name not in found
    pool_threads = [t for t in threading.enumerate() if t.name.startswith(off_thread.THREAD_PREFIX)]
    assert 1 <= len(pool_threads) <= off_thread.POOL_SIZE  # reused, not one per call


def test_spawned_tasks_are_held_and_shutdown_cancels_and_waits(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    release = threading.Event()
    held: set[asyncio.Task[Any]] = set()

    async def blocked() -> None:
        await off_thread.run_off_thread(release.wait, 5)

    task = off_thread.spawn(blocked(), into=held)
    qtbot.waitUntil(
        lambda: any(t.name.startswith(off_thread.THREAD_PREFIX) for t in threading.enumerate())
    )
    assert task in off_thread.pending() and task in held
    release.set()
    wait_task(qtbot, qloop.create_task(off_thread.shutdown()))
    assert task.done() and not off_thread.pending() and not held
    assert not [t for t in threading.enumerate() if t.name.startswith(off_thread.THREAD_PREFIX)]


def test_in_background_calls_back_only_while_its_owner_lives(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    from PySide6.QtCore import QObject

    owner = QObject()
    results: list[object] = []
    errors: list[Exception] = []
    task = off_thread.in_background(
        owner, lambda: 7, on_done=results.append, on_error=errors.append
    )
    wait_task(qtbot, task)

    def fail() -> None:
        raise OSError("the keyring is locked")

    wait_task(
        qtbot, off_thread.in_background(owner, fail, on_done=results.append, on_error=errors.append)
    )
    assert results == [7] and [str(e) for e in errors] == ["the keyring is locked"]

    gone = QObject()
    late = off_thread.in_background(gone, lambda: 8, on_done=results.append, on_error=errors.append)
    import shiboken6

    shiboken6.delete(gone)
    wait_task(qtbot, late)
    assert results == [7]  # a page closed meanwhile never hears back
