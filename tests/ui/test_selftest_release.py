"""The self-test passes on a copy of each earlier release's demo database (backed up and
migrated first): the window builds and the booking page serves on the upgraded data."""

from __future__ import annotations

import lzma
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("release-*.sqlite3.xz"))

CHILD = (
    "import sys; from pathlib import Path; from careops_desktop.ui.selftest import run_self_test; "
    "sys.exit(run_self_test(Path(sys.argv[1])))"
)


@pytest.mark.slow
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.name)
def test_self_test_passes_on_an_upgraded_release_database(fixture: Path, tmp_path: Path) -> None:
    database_file = tmp_path / "release.sqlite3"
    database_file.write_bytes(lzma.decompress(fixture.read_bytes()))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREOPS_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(database_file)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   earlier release's data reads" in result.stdout
    assert "self-test: 5 passed, 0 failed" in result.stdout
