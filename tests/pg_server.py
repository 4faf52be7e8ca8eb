"""A throwaway PostgreSQL server for the tests: its own cluster in a temp folder, on loopback.

Started once per test session when a test asks for PostgreSQL. Uses Debian's
PostgreSQL binaries (``apt-get install postgresql``); when the tests run as
root, the server runs as the ``postgres`` system user, since PostgreSQL refuses
to run as root. ``CAREOPS_TEST_PG_URL`` points the tests at an existing server
instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def _pg_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server; ``url(dbname)`` gives a SQLAlchemy URL for one of its databases."""

    port: int
    folder: Path | None
    external_url: str | None = None

    def url(self, dbname: str = "postgres") -> str:
        if self.external_url:
            base = self.external_url.rsplit("/", 1)[0]
            return f"{base}/{dbname}"
        return f"postgresql+psycopg://careops@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        if self.folder is None:
            return
        bin_dir = _pg_bin()
        assert bin_dir is not None
        _as_postgres(
            [str(bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"],
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_postgres(cmd: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)


def start_server() -> PostgresServer:
    """Start a fresh cluster on a free loopback port; raises RuntimeError with the reason."""
    external = os.environ.get("CAREOPS_TEST_PG_URL")
    if external:
        return PostgresServer(port=0, folder=None, external_url=external)
    bin_dir = _pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="careops-pg-"))
    os.chmod(folder, 0o777)
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres", group="postgres")
    data = folder / "data"
    _as_postgres(
        [
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "careops",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ]
    )
    port = _free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _as_postgres(
        [
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        ]
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    return PostgresServer(port=port, folder=folder)
