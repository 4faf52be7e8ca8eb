"""Every area of the core imports on its own, first, in a fresh interpreter.

Inside one test process the modules are imported in whatever order the tests happen to
use, so an import cycle between areas (``slots`` ↔ ``bookings``) stays hidden until a
script or a benchmark imports the "wrong" module first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "careops_desktop" / "core" / "services"
AREAS = sorted(
    path.stem if path.is_file() else path.name
    for path in SERVICES.iterdir()
    if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
)


def test_the_areas_are_found() -> None:
    assert {"bookings", "inbox", "slots", "contacts"} <= set(AREAS)


@pytest.mark.parametrize("area", AREAS)
def test_each_area_imports_first_on_its_own(area: str) -> None:
    module = f"careops_desktop.core.services.{area}"
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
