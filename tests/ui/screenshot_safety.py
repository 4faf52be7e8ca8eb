"""Screenshots of the recovery screen and Settings → Audit log, in a real window.

Run under Xvfb (not collected by pytest)::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.screenshot_safety

Writes docs/screenshots/{recovery,audit-log}.png.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from tests.ui.screenshot_run import run_shots, save, wait_until


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
    save(dialog, "recovery")
    dialog.reject()


async def _audit(folder: Path) -> None:
    from PySide6.QtCore import QDate

    from careops_desktop.ui.app import AppController

    controller = AppController(f"sqlite:///{folder / 'demo.sqlite3'}", demo=True)
    run = asyncio.ensure_future(controller.run())
    await wait_until(lambda: controller.window is not None and controller.window.isVisible(), 120.0)
    window = controller.window
    assert window is not None
    window.resize(1400, 900)
    settings = window.show_tab("settings")
    page = settings.select_page("audit")
    await wait_until(lambda: page.count.text() != "", 120.0)
    page.first_day.setDate(QDate.currentDate().addYears(-1))
    await asyncio.sleep(1.5)
    save(window, "audit-log")
    window.close()
    await run


async def _shoot(folder: Path) -> None:
    await _recovery(folder)
    await _audit(folder)


def main() -> int:
    return run_shots("careops-safety-shots-", lambda _app, folder: _shoot(folder))


if __name__ == "__main__":
    sys.exit(main())
