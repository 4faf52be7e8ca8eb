"""Screenshots of the recovery screen and Settings → Audit log, in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_safety

Writes docs/screenshots/{recovery,audit-log}.png.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def _wait(predicate: Any, timeout: float = 120.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("screenshot step did not settle")
        await asyncio.sleep(0.05)


def _save(widget: Any, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


async def _recovery(folder: Path) -> None:
    from careops_desktop.config import backups_dir
    from careops_desktop.core import backup
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head
    from careops_desktop.ui.backup_rows import backups_of
    from careops_desktop.ui.recovery import RecoveryDialog

    path = folder / "careops.sqlite3"
    database = Database(f"sqlite:///{path}")
    upgrade_to_head(database.engine)
    for when, kind in (
        ("2025-03-01T18:05:00", "daily"),
        ("2025-03-02T18:05:00", "daily"),
        ("2025-03-03T12:40:00", "manual"),
        ("2025-03-03T18:05:00", "daily"),
    ):
        stamp = datetime.fromisoformat(when).replace(tzinfo=UTC)
        backup.take_backup(database.engine, backups_dir(), now=stamp, kind=kind)
    database.close()
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data), 4096):
        data[offset : offset + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))
    problems = backup.integrity_problems(path, quick=True)
    dialog = RecoveryDialog(path, backups_dir(), problems, backups_of(backups_dir(), path.stem))
    dialog.resize(720, 440)
    dialog.show()
    await asyncio.sleep(0.5)
    _save(dialog, "recovery")
    dialog.reject()


async def _audit(folder: Path) -> None:
    from PySide6.QtCore import QDate

    from careops_desktop.ui.app import AppController

    controller = AppController(f"sqlite:///{folder / 'demo.sqlite3'}", demo=True)
    run = asyncio.ensure_future(controller.run())
    await _wait(lambda: controller.window is not None and controller.window.isVisible())
    window = controller.window
    assert window is not None
    window.resize(1400, 900)
    settings = window.show_tab("settings")
    page = settings.select_page("audit")
    await _wait(lambda: page.count.text() != "")
    page.first_day.setDate(QDate.currentDate().addYears(-1))
    await asyncio.sleep(1.5)
    _save(window, "audit-log")
    window.close()
    await run


async def _shoot(folder: Path) -> None:
    await _recovery(folder)
    await _audit(folder)


def main() -> int:
    import qasync
    from PySide6.QtCore import QSettings

    from careops_desktop.ui.app import create_application

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="careops-safety-shots-"))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = create_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(_shoot(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
