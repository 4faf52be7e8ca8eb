"""The start-up probe: silent without its variable; with it, the first paint is reported
and the process ends (what ``tests/benchmarks/startup.py --frozen`` reads)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMainWindow

from careops_desktop.ui import startup_probe

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys, time
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QMainWindow
from careops_desktop.ui.startup_probe import arm

class Window(QMainWindow):
    firstPainted = Signal()
    def paintEvent(self, event):
        super().paintEvent(event)
        self.firstPainted.emit()

app = QApplication(sys.argv[:1])
window = Window()
arm(window)
window.show()
app.processEvents()
for _ in range(200):
    app.processEvents()
    time.sleep(0.01)
print("NOT EXITED", flush=True)
"""


def test_without_the_variable_nothing_is_connected(qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.delenv(startup_probe.PROBE_VARIABLE, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    startup_probe.arm(window)  # a QMainWindow without firstPainted: untouched, no error


def test_with_the_variable_the_first_paint_is_printed_and_the_process_ends() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREOPS_STARTUP_PROBE="1")
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "NOT EXITED" not in result.stdout
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("STARTUP ")]
    marks = json.loads(line.split(" ", 1)[1])
    assert marks["painted"] > 0 and marks["cpu"] > 0
