"""What the screenshot scripts share: where shots go, saving one, waiting for a step, and
running the shots in a fresh CareOps home inside the Qt event loop (not collected by pytest)."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


async def wait_until(predicate: Any, timeout: float) -> None:
    """Returns once ``predicate()`` is true; raises TimeoutError after ``timeout`` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("screenshot step did not settle")
        await asyncio.sleep(0.05)


def save(widget: Any, name: str) -> None:
    """Writes ``widget`` as docs/screenshots/<name>.png."""
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def run_shots(prefix: str, shoot: Callable[[Any, Path], Awaitable[None]]) -> int:
    """Runs ``shoot(app, folder)`` in the app's event loop, with a new temporary folder
    (named ``prefix``…) as the CareOps home and settings place; returns the exit code 0."""
    import qasync
    from PySide6.QtCore import QSettings

    from careops_desktop.ui.app import create_application

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["CAREOPS_HOME"] = str(folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = create_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(shoot(app, folder))
    return 0
