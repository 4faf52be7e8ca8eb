"""`careops --demo` end to end in a subprocess: the real run_app, loop, runtime and shutdown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from careops_desktop import cli
    from careops_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    seen = []

    def close_when_shown():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                if not widget.booking_page_label.text():
                    return  # wait for the runtime's address
                seen.append(widget.booking_page_label.text())
                print("WINDOW", widget.windowTitle(), "|", seen[0], flush=True)
                timer.stop()
                widget.close()

    timer = QTimer()
    timer.timeout.connect(close_when_shown)
    timer.start(100)
    code = cli.main(["--db", sys.argv[1], "--demo"])
    print("EXIT", code, flush=True)
    sys.exit(code)
    """
)


def test_careops_demo_opens_and_quits_cleanly(tmp_path: Path, demo_template: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, database)
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:  # the page listens on loopback only, any free port
        connection.execute(text("UPDATE business SET page_bind_address='127.0.0.1', page_port=0"))
    engine.dispose()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CAREOPS_HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(database)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WINDOW Willow Lane Physio & Wellbeing — CareOps | Booking page: http://127.0.0.1:" in (
        result.stdout
    )
    assert "EXIT 0" in result.stdout
    assert "Traceback" not in result.stderr
