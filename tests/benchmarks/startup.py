"""Benchmark: the real cold start, ``careops --db LARGE --demo`` to the main window's first paint.

``tests/benchmarks/ui.py`` times a bare window on the large demo; this one runs the
whole start of the desktop app in a fresh interpreter, as a person starts it: imports,
QApplication, the database check (``quick_check``), the schema check, the booking page
and jobs starting, the demo owner's sign-in (argon2), the window and its first paint.
Each run reports, from the launch of the interpreter:

- ``wall_s``: until the main window's first paint (target <= 2 s);
- ``cpu_s``: CPU time of the process by then (all its threads);
- ``imports_s``: until the app's modules are imported (``run_app`` creates the QApplication);
- ``worst_qt_stall_ms``: the largest gap between ticks of a 5 ms timer on the Qt thread
  from the QApplication to the first paint (how long the window side was blocked).

Prints the numbers and writes ``tests/benchmarks/results/startup.json``. The booking page
listens on loopback on a free port; the database is a copy, never changed.
Run from the checkout: ``python -m tests.benchmarks.startup --db large-demo.sqlite3``
(without ``--db`` the large demo is built first). Note: with ``PYTHONDONTWRITEBYTECODE``
set (as on the shared development machine) every run compiles the app's modules again,
which an installed app does not; the report records the setting. ``--bytecode-cache`` keeps
the compiled modules in a temporary folder between runs (after one unmeasured run), as an
installed app has them, and writes ``startup-bytecode.json``.

``--frozen [BUNDLE]`` measures the PyInstaller bundle instead (default: ``dist/careops-*``,
as ``.ci/build-frozen.sh`` leaves it): its size unpacked (the files' bytes, and the disk
space ``du`` counts; target <= 250 MB on Linux) and the start of its ``careops --db LARGE
--demo`` to the first paint, which the window reports when ``CAREOPS_STARTUP_PROBE=1``
(``ui/startup_probe.py``); the first run is reported apart (the files are least likely to
be in the page cache then). Writes ``startup-frozen.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "startup.json"
ROOT = Path(__file__).resolve().parents[2]
TARGET_S = 2.0

CHILD = """
import importlib.abc, importlib.util, json, os, sys, time
marks = {"imports_done": None}
stall = {"last": None, "worst": 0.0}

def tick():
    now = time.perf_counter()
    if stall["last"] is not None:
        stall["worst"] = max(stall["worst"], now - stall["last"])
    stall["last"] = now

def hook_app(app_module):
    from PySide6.QtCore import QTimer

    real_create = app_module.create_application

    def create_application():
        marks["imports_done"] = time.time()  # run_app: the window's modules are imported
        application = real_create()
        timer = QTimer(application)
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        return application

    app_module.create_application = create_application

def hook_window(main_window):
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                marks.update(painted=time.time(), cpu=time.process_time(),
                             worst_stall=stall["worst"])
                print("STARTUP " + json.dumps(marks), flush=True)
                os._exit(0)
            return False

    real_init = main_window.MainWindow.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self._startup_filter = Painted()
        self.installEventFilter(self._startup_filter)

    main_window.MainWindow.__init__ = init

HOOKS = {"careops_desktop.ui.app": hook_app, "careops_desktop.ui.main_window": hook_window}

class Hooks(importlib.abc.MetaPathFinder):
    # patch the app's modules as `careops` imports them (importing them here first would
    # change the order of the start that is measured)
    def find_spec(self, name, path, target=None):
        if name not in HOOKS:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        real_exec = spec.loader.exec_module

        def exec_module(module):
            real_exec(module)
            HOOKS[name](module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Hooks())
from careops_desktop import cli
sys.exit(cli.main(["--db", sys.argv[1], "--demo"]))
"""


def one_run(db_path: Path, pycache: Path | None = None) -> dict[str, float]:
    """One start in a fresh interpreter; ``pycache``: compiled modules kept there (as installed)."""
    home = Path(tempfile.mkdtemp(prefix="careops-startup-home-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CAREOPS_HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        PYTHONPATH=str(ROOT),
    )
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    load = os.getloadavg()[0]
    try:
        started = time.time()
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(db_path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        lines = [line for line in child.stdout.splitlines() if line.startswith("STARTUP ")]
        if not lines:
            raise SystemExit(f"the window never painted:\n{child.stderr[-2000:]}")
        marks = json.loads(lines[-1].split(" ", 1)[1])
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {
        "wall_s": round(marks["painted"] - started, 3),
        "cpu_s": round(marks["cpu"], 3),
        "imports_s": round(marks["imports_done"] - started, 3),
        "worst_qt_stall_ms": round(marks["worst_stall"] * 1000, 1),
        "load_1min": round(load, 2),
    }


SIZE_TARGET_MB = 250


def bundle_size(bundle: Path) -> dict[str, float]:
    """The bundle unpacked, in MiB: its files' bytes (links not followed) and ``du``'s count."""
    total = 0
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    disk_kb = int(
        subprocess.run(
            ["du", "-sk", str(bundle)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    )
    return {"files_mb": round(total / 2**20, 1), "disk_mb": round(disk_kb / 1024, 1)}


def frozen_run(program: Path, db_path: Path) -> dict[str, float]:
    """One start of the frozen window program to its first paint, in a fresh home folder."""
    home = Path(tempfile.mkdtemp(prefix="careops-startup-home-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CAREOPS_HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        CAREOPS_STARTUP_PROBE="1",
    )
    try:
        started = time.time()
        child = subprocess.run(
            [str(program), "--db", str(db_path), "--demo"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        lines = [line for line in child.stdout.splitlines() if line.startswith("STARTUP ")]
        if not lines:
            raise SystemExit(f"the frozen window never painted:\n{child.stderr[-2000:]}")
        marks = json.loads(lines[-1].split(" ", 1)[1])
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {"wall_s": round(marks["painted"] - started, 3), "cpu_s": round(marks["cpu"], 3)}


def frozen_main(bundle_arg: str, db: Path | None, runs: int) -> None:
    """Size and start-up of the frozen bundle; prints and writes ``startup-frozen.json``."""
    found = [Path(bundle_arg)] if bundle_arg else sorted(ROOT.glob("dist/careops-*/"))
    if not found or not (found[0] / "careops").exists():
        raise SystemExit("no bundle: run .ci/build-frozen.sh, or pass --frozen dist/careops-<v>")
    bundle = found[0]
    folder = Path(tempfile.mkdtemp(prefix="careops-startup-"))
    path = folder / "large.sqlite3"
    try:
        if db:
            shutil.copyfile(db, path)
        else:  # the large demo, made by the bundle's own command line
            subprocess.run(
                [str(bundle / "careops"), "--db", str(path), "demo", "--size", "large"],
                env=dict(os.environ, CAREOPS_HOME=str(folder / "home")),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        with sqlite3.connect(path) as connection:  # loopback, any free port
            connection.execute("UPDATE business SET page_bind_address='127.0.0.1', page_port=0")
        connection.close()
        all_runs = [frozen_run(bundle / "careops", path) for _ in range(runs + 1)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    first, rest = all_runs[0], all_runs[1:]
    size = bundle_size(bundle)
    report = {
        "benchmark": "startup-frozen",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "bundle": str(bundle),
        "machine": {"cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2)},
        "size": size,
        "first_run": first,
        "runs": rest,
        "summary": {
            key: {
                "median": round(statistics.median(r[key] for r in rest), 3),
                "best": min(r[key] for r in rest),
            }
            for key in rest[0]
        },
        "targets": {"start_s": TARGET_S, "size_mb": SIZE_TARGET_MB},
    }
    report["met"] = (
        report["summary"]["wall_s"]["median"] <= TARGET_S and size["files_mb"] <= SIZE_TARGET_MB
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.with_name("startup-frozen.json").write_text(
        json.dumps(report, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(report, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a large demo database built before (copied)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--bytecode-cache",
        action="store_true",
        help="keep compiled modules between runs, as an installed app has them (one unmeasured "
        "run first; writes startup-bytecode.json)",
    )
    parser.add_argument(
        "--frozen",
        nargs="?",
        const="",
        default=None,
        metavar="BUNDLE",
        help="measure the PyInstaller bundle (default dist/careops-*): size and start-up",
    )
    args = parser.parse_args()
    if args.frozen is not None:
        frozen_main(args.frozen, args.db, args.runs)
        return
    pycache = Path(tempfile.mkdtemp(prefix="careops-pycache-")) if args.bytecode_cache else None
    folder = Path(tempfile.mkdtemp(prefix="careops-startup-"))
    path = folder / "large.sqlite3"
    try:
        if args.db:
            shutil.copyfile(args.db, path)
        else:
            from tests.benchmarks.ui import build_large

            build_large(path)
        with sqlite3.connect(path) as connection:  # loopback, any free port
            connection.execute("UPDATE business SET page_bind_address='127.0.0.1', page_port=0")
        if pycache is not None:
            one_run(path, pycache)  # compiles and keeps the modules
        runs = [one_run(path, pycache) for _ in range(args.runs)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if pycache is not None:
            shutil.rmtree(pycache, ignore_errors=True)
    summary: dict[str, Any] = {
        key: {
            "median": round(statistics.median(r[key] for r in runs), 3),
            "best": min(r[key] for r in runs),
        }
        for key in runs[0]
        if key != "load_1min"
    }
    report = {
        "benchmark": "startup",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "bytecode_cache_written": bool(args.bytecode_cache)
            or not os.environ.get("PYTHONDONTWRITEBYTECODE"),
        },
        "target_s": TARGET_S,
        "runs": runs,
        "summary": summary,
        "met": summary["wall_s"]["median"] <= TARGET_S,
    }
    results = RESULTS.with_name("startup-bytecode.json") if args.bytecode_cache else RESULTS
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
