"""Rule 1: dependencies point one way. The core loads no Qt, no aiohttp, no network code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "careops_desktop"

# layer → packages it must never import
FORBIDDEN = {
    "core": (
        "PySide6",
        "qasync",
        "aiohttp",
        "careops_desktop.ui",
        "careops_desktop.web",
        "careops_desktop.jobs",
        "careops_desktop.integrations",
        "careops_desktop.runtime",
        "careops_desktop.exports",
        "keyring",
        "yagmail",
    ),
    "integrations": (
        "PySide6",
        "qasync",
        "careops_desktop.ui",
        "careops_desktop.web",
        "careops_desktop.runtime",
    ),
    "jobs": ("PySide6", "qasync", "careops_desktop.ui"),
    "web": ("PySide6", "qasync", "careops_desktop.ui"),
    "exports": ("careops_desktop.web", "careops_desktop.jobs"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_each_layer_imports_only_what_it_may() -> None:
    offences: list[str] = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_qt_is_imported_only_under_ui() -> None:
    offences = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if "ui" in relative.parts[:1]:
            continue
        offences += [
            f"{relative} imports {n}" for n in _imports(path) if n.startswith(("PySide6", "qasync"))
        ]
    assert offences == []


def test_importing_the_core_loads_no_qt_and_no_aiohttp() -> None:
    code = (
        "import sys, pkgutil, importlib, careops_desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'careops_desktop.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'aiohttp', 'qasync', 'keyring', 'yagmail'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
