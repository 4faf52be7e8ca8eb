#!/usr/bin/env python3
"""Make the database fixture of a release, for the test that upgrades it.

Runs the release's OWN command line (``careops demo --size small``) on a new SQLite file,
replaces the random tokens and secrets in it by fixed, meaningless values (the fixture is
public), compacts it and writes it xz-compressed to ``tests/fixtures/release-<version>.sqlite3.xz``.

    git archive <release-commit> | tar -x -C /tmp/prev-release
    python scripts/make-release-fixture.py /tmp/prev-release

The demo passwords (printed by ``careops demo``) stay: they are published, and the test
signs in with them.
"""

from __future__ import annotations

import argparse
import lzma
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (table, column): random values the demo writes; replaced by "fixture-<table>-<id>"
SCRUB = (
    ("business", "calendar_feed_secret"),
    ("bookings", "manage_token"),
    ("form_submissions", "token"),
    ("desk_presence", "token"),
)


def release_version(source: Path) -> str:
    """The ``__version__`` of the release checked out in ``source``."""
    text = (source / "careops_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SystemExit(f"no __version__ in {source}")
    return found.group(1)


def scrub(path: Path) -> None:
    """Replace every random token and secret by a fixed value, then compact the file."""
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        for table, column in SCRUB:
            if table not in tables:
                continue
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")}
            if column in columns:
                connection.execute(
                    f"UPDATE {table} SET {column} = 'fixture-{table}-' || rowid "
                    f"WHERE {column} IS NOT NULL"
                )
    connection.close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the previous release's source tree")
    parser.add_argument(
        "--out", type=Path, help="default: tests/fixtures/release-<version>.sqlite3.xz"
    )
    args = parser.parse_args()
    version = release_version(args.source)
    out = args.out or ROOT / "tests" / "fixtures" / f"release-{version}.sqlite3.xz"
    with tempfile.TemporaryDirectory(prefix="careops-fixture-") as folder:
        database = Path(folder) / "release.sqlite3"
        env = dict(os.environ, PYTHONPATH=str(args.source), CAREOPS_HOME=str(Path(folder) / "home"))
        env.pop("CAREOPS_DB", None)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "careops_desktop",
                "--db",
                str(database),
                "demo",
                "--size",
                "small",
            ],
            cwd=args.source,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        scrub(database)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(lzma.compress(database.read_bytes(), preset=9 | lzma.PRESET_EXTREME))
    print(f"{out} ({out.stat().st_size // 1024} KB) from release {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
