"""``careops --self-test``: prove an installed or frozen build works, end to end.

Opens a temporary database, migrates it, fills it with the small demo business,
starts the booking listener on a free loopback port and fetches its page,
builds the main window offscreen, and exits 0 — or non-zero with the step that
failed and why. Nothing of the user's own data is touched.

Given ``release_demo`` (a demo database made by an earlier release, as the upgrade test
keeps in ``tests/fixtures/``), the same steps run on a copy of it instead: the copy is
backed up and migrated, its rows are read instead of new demo data loaded, and the window
signs in as the demo owner.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable
from pathlib import Path

from careops_desktop.ui.selftest_languages import check_languages


def _step(name: str, fn: Callable[[], str], results: list[tuple[str, bool, str]]) -> bool:
    started = time.perf_counter()
    try:
        detail = fn()
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}"
        results.append((name, False, detail))
        print(f"FAIL {name}: {detail}", flush=True)
        return False
    ms = (time.perf_counter() - started) * 1000
    results.append((name, True, detail))
    print(f"ok   {name} ({ms:.0f} ms){': ' + detail if detail else ''}", flush=True)
    return True


def run_self_test(release_demo: Path | None = None) -> int:
    """Run every step; returns the process exit code (0 when all passed).

    ``release_demo``: check a copy of that earlier release's demo database (see above).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="careops-selftest-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    results: list[tuple[str, bool, str]] = []
    state: dict[str, object] = {}

    from careops_desktop.core.db import Database

    if release_demo is not None:
        shutil.copyfile(release_demo, folder / "selftest.sqlite3")
    database = Database(f"sqlite:///{folder / 'selftest.sqlite3'}")
    state["db"] = database

    def migrate() -> str:
        from careops_desktop.core.schema import current_revision, upgrade_to_head

        before = current_revision(database.engine)
        backup = upgrade_to_head(database.engine, backup_dir=folder / "backups")
        taken = f"; backup {backup.name}" if backup else ""
        return f"schema from {before or 'empty'} to {current_revision(database.engine)}{taken}"

    def demo() -> str:
        if release_demo is not None:
            return _count_rows(database)
        from careops_desktop.core.demo.builder import build_demo

        summary = build_demo(database, "small")
        return f"{summary.total_rows} demo rows"

    def listener() -> str:
        from careops_desktop.runtime import Runtime

        runtime = Runtime(database, host="127.0.0.1", port=0, jobs=[])
        state["runtime"] = runtime
        url = runtime.start_in_thread()
        with urllib.request.urlopen(url + "/", timeout=10) as response:
            body = response.read().decode("utf-8", "replace")
            status = response.status
        if status != 200 or "<html" not in body.lower():
            raise RuntimeError(f"the booking page answered {status}")
        with urllib.request.urlopen(url + "/healthz", timeout=10) as response:
            if response.status != 200:
                raise RuntimeError(f"/healthz answered {response.status}")
        return f"{url}/ answered 200 ({len(body)} bytes)"

    def window() -> str:
        return _build_window(database)

    data_step = "demo data loads" if release_demo is None else "earlier release's data reads"
    steps: list[tuple[str, Callable[[], str]]] = [
        ("database migrates", migrate),
        (data_step, demo),
        ("booking page serves", listener),
        ("main window builds", window),
        ("languages load", check_languages),
    ]
    ok = True
    for name, step in steps:  # after a failure the rest do not run (and count as failed)
        ok = ok and _step(name, step, results)

    runtime = state.get("runtime")
    if runtime is not None:
        runtime.stop()  # type: ignore[attr-defined]
    database.close()
    passed = sum(1 for _, good, _ in results if good)
    print(f"self-test: {passed} passed, {len(steps) - passed} failed", flush=True)
    return 0 if ok else 1


def _count_rows(database: object) -> str:
    """Every table of the database read to its end: a one-line summary."""
    from sqlalchemy import inspect, text

    engine = database.engine  # type: ignore[attr-defined]
    total = 0
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        for table in tables:
            total += int(connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() or 0)
    return f"{total} rows in {len(tables)} tables of the earlier release's database"


def _build_window(database: object) -> str:
    """Sign in off the Qt thread (``Database.call`` is refused there), then show the window."""
    import qasync

    from careops_desktop.core.db import refuse_calls_on_thread
    from careops_desktop.core.demo import plan
    from careops_desktop.core.services import auth
    from careops_desktop.ui.app import create_application

    app = create_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    refuse_calls_on_thread(threading.get_ident())  # as in the app: no SQL on the Qt thread
    try:
        actor = loop.run_until_complete(
            database.run(auth.login, plan.OWNER_EMAIL, plan.OWNER_PASSWORD)  # type: ignore[attr-defined]
        )
        return _show_window(database, loop, actor)
    finally:
        refuse_calls_on_thread(None)
        loop.close()
        asyncio.set_event_loop(None)


def _show_window(database: object, loop: asyncio.AbstractEventLoop, actor: object) -> str:
    """Build, paint and close the main window signed in as ``actor``; a one-line summary."""
    from PySide6.QtWidgets import QApplication

    from careops_desktop.ui import off_thread
    from careops_desktop.ui.events_bridge import EventsBridge
    from careops_desktop.ui.main_window import MainWindow
    from careops_desktop.ui.ops import Ops

    ops = Ops(database, loop=loop)  # type: ignore[arg-type]
    bridge = EventsBridge()
    window = MainWindow(ops, bridge, actor, business_name="Self-test")  # type: ignore[arg-type]
    window.resize(1200, 800)
    window.show()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    image = window.grab().toImage()
    tabs = window.tab_keys()
    window.close()
    loop.run_until_complete(ops.shutdown())
    loop.run_until_complete(off_thread.shutdown())
    bridge.close()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window painted nothing")
    return f"{len(tabs)} tabs: {', '.join(tabs)}; painted {image.width()}x{image.height()}"


if __name__ == "__main__":
    sys.exit(run_self_test())
