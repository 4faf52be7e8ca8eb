"""``careops --self-test`` passes on this installation and says what it checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_self_test_passes_and_names_each_step(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CAREOPS_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "careops_desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for step in (
        "database migrates",
        "demo data loads",
        "booking page serves",
        "main window builds",
        "languages load",
    ):
        assert f"ok   {step}" in result.stdout
    assert "self-test: 5 passed, 0 failed" in result.stdout
