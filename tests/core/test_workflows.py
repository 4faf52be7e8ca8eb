"""The CI workflows in .github/workflows/ pass actionlint (they run on hosted runners that
this machine cannot be; actionlint is the check we can make here). With ShellCheck on the
PATH (scripts/system-packages.sh installs it), their shell steps are checked too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _actionlint() -> str:
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: pip install -e '.[test]' installs it"
    return found


def test_every_workflow_passes_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "no workflow files"
    result = subprocess.run(
        [_actionlint(), "-no-color", *map(str, workflows)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installer_keeps_to_the_user_and_the_data() -> None:
    """The Inno Setup script installs per user without admin rights and has a Start-menu
    shortcut; nothing in it deletes the data folder."""
    script = (ROOT / "installer" / "windows" / "careops.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert "{autoprograms}\\CareOps" in script
    assert "careops-desktop" not in script.split("[Setup]", 1)[1]  # the data folder's name
    assert "[UninstallDelete]" not in script
