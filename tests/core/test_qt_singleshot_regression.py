"""PySide6 6.12.0 over-releases None in QTimer.singleShot callbacks (Python 3.11 aborts).

qasync schedules every callback on a Qt timer, so the bad release kills the app
after a few thousand callbacks. pyproject.toml excludes it; this test proves the
installed Qt survives a long run, in a subprocess so an abort cannot take pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import qasync

    app = QApplication(sys.argv)
    TOTAL = 300_000
    count = 0

    def tick():
        global count
        count += 1
        if count < TOTAL:
            QTimer.singleShot(0, tick)
        else:
            app.quit()

    QTimer.singleShot(0, tick)
    app.exec()
    assert count == TOTAL, count

    async def spin():
        for _ in range(200_000):
            await asyncio.sleep(0)
        return "ok"

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(spin())
    print("singleshot", count, "sleep", result)
    """
)


@pytest.mark.slow
def test_many_singleshot_callbacks_and_qasync_sleeps_exit_cleanly() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=280
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "none_dealloc" not in result.stderr
    assert "singleshot 300000 sleep ok" in result.stdout


def test_the_bad_release_is_excluded_in_pyproject() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert "!=6.12.0" in text
