"""The runtime: listener and jobs on their own thread, or under ``careops serve`` until a signal."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from careops_desktop.core.db import Database
from careops_desktop.jobs.scheduler import Job
from careops_desktop.runtime import ListenerUnavailable, Runtime, lan_addresses
from tests.web.conftest import RELAXED
from tests.web.seed import Shop

ROOT = Path(__file__).resolve().parents[2]


def fetch_json(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=10) as response:
        data: dict[str, object] = json.loads(response.read())
        return data


def runtime_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "careops-runtime"]


def test_start_in_thread_serves_runs_jobs_and_stops_cleanly(db: Database, shop: Shop) -> None:
    ran = threading.Event()
    loops: list[asyncio.AbstractEventLoop] = []

    async def tick() -> None:
        loops.append(asyncio.get_running_loop())
        ran.set()

    runtime = Runtime(
        db, host="127.0.0.1", port=0, jobs=[Job("tick", 0.05, tick)], settings=RELAXED
    )
    url = runtime.start_in_thread()
    try:
        assert urlsplit(url).hostname == "127.0.0.1" and runtime.port
        assert fetch_json(url + "/healthz") == {"status": "ok", "taking_bookings": True}
        with urllib.request.urlopen(url + "/", timeout=10) as response:
            assert "Check-up" in response.read().decode()
        assert ran.wait(5)
        assert loops[0] is runtime.loop  # jobs share the listener's loop
        assert [t.daemon for t in runtime_threads()] == [False]
    finally:
        runtime.stop()
    assert runtime_threads() == []
    assert not runtime.running
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "/healthz", timeout=2)


def test_a_port_in_use_is_refused_in_words_and_leaves_no_thread(db: Database) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        runtime = Runtime(db, host="127.0.0.1", port=port, jobs=[], settings=RELAXED)
        with pytest.raises(ListenerUnavailable) as refusal:
            runtime.start_in_thread()
    assert f"127.0.0.1:{port}" in str(refusal.value)
    assert "Settings" in str(refusal.value)
    assert runtime_threads() == []


def test_lan_addresses_name_only_real_ipv4_interfaces() -> None:
    urls = lan_addresses(8765)
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme == "http" and parts.port == 8765
        address = ipaddress.IPv4Address(parts.hostname)
        assert not address.is_loopback and not address.is_link_local
    assert len(urls) == len(set(urls))


def start_serve(db: Database, *extra: str) -> subprocess.Popen[str]:
    """``careops serve`` on loopback, a free port, with ``extra`` arguments."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "careops_desktop", "--db", db.url, "serve"]
    return subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", "0", *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_page(process: subprocess.Popen[str]) -> str:
    """The booking page's URL once ``careops serve`` prints it."""
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    line = ""
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Booking page:") or not line:
            break
    assert line.startswith("Booking page: http://127.0.0.1:"), line
    return line.split(": ", 1)[1].strip()


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGTERM)
    return process.communicate(timeout=20)


@pytest.mark.slow
def test_careops_serve_runs_until_sigterm_then_stops_cleanly(db: Database, shop: Shop) -> None:
    process = start_serve(db)
    try:
        url = wait_for_page(process)
        assert fetch_json(url + "/healthz")["status"] == "ok"
        out, err = stop(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Stopped." in out
    assert "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="CPU pinning is Linux-only")
@pytest.mark.slow
def test_careops_serve_on_one_cpu_keeps_every_thread_there(db: Database, shop: Shop) -> None:
    cpu = max(os.sched_getaffinity(0))
    process = start_serve(db, "--cpu", str(cpu))
    try:
        url = wait_for_page(process)
        assert fetch_json(url + "/healthz")["status"] == "ok"  # the worker threads exist now
        assert os.sched_getaffinity(process.pid) == {cpu}
        tasks = list(Path(f"/proc/{process.pid}/task").iterdir())
        assert len(tasks) >= 2  # the loop and the database worker at least
        for task in tasks:
            assert os.sched_getaffinity(int(task.name)) == {cpu}, task.name
        out, err = stop(process)
        assert "Stopped." in out
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err


def test_careops_serve_refuses_a_cpu_it_cannot_use_in_words(tmp_path: Path) -> None:
    target = tmp_path / "never-made.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(ROOT), CAREOPS_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-m", "careops_desktop", "--db", str(target), "serve", "--cpu", "4096"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "CPU 4096" in done.stderr and "Traceback" not in done.stderr
    assert not target.exists()  # nothing was opened or started
