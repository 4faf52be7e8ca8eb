"""Rule 1: dependencies point one way. The core loads no Qt, no aiohttp, no network code.

The layers are the import-linter contract in ``pyproject.toml`` (``[tool.importlinter]``,
run by ``.ci/run``). These tests run that contract and, without import-linter, read each
file's own imports (lazy ones inside functions too) against the same layer list, so both
checks stay one list. They also fail when a module uses another module's ``_private`` name.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "careops_desktop"

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
    "config": (
        "PySide6",
        "qasync",
        "aiohttp",
        "keyring",
        "yagmail",
        "careops_desktop.integrations",
    ),
    "runtime": ("PySide6", "qasync", "careops_desktop.ui"),
    "cli_database": ("PySide6", "qasync", "keyring", "careops_desktop.ui"),
}

# Reaches into another module's private names still allowed: none (issue 15 part 2 removed
# services/table_ids.py, the last one). Shrink-only: an entry here that no longer happens fails.
KNOWN_PRIVATE_REACHES: set[str] = set()


def _layer_files(layer: str) -> list[Path]:
    """The files of ``layer``: a package's tree or a single module (config.py, runtime.py)."""
    single = PACKAGE / f"{layer}.py"
    return [single] if single.exists() else sorted((PACKAGE / layer).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _private(name: str) -> bool:
    if name == "_":  # gettext's conventional name (core.i18n), not a private one
        return False
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own_imports(path: Path) -> list[tuple[str, str, str]]:
    """``(module, imported name or "", local name or "")`` for every import in ``path``
    (relative ones resolved; ``import a.b`` without ``as`` binds no local name here)."""
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: list[tuple[str, str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "", alias.asname or "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([module] if module else [])])
            found += [(module, alias.name, alias.asname or alias.name) for alias in node.names]
    return found


def _layers() -> list[list[str]]:
    """The layers contract of pyproject.toml, top first; each layer a list of siblings."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    return [[name.strip() for name in layer.split("|")] for layer in layers]


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
        for path in _layer_files(layer):
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


def test_the_import_linter_contracts_hold() -> None:
    pytest.importorskip("importlinter")
    script = Path(sys.executable).with_name("lint-imports")
    # this checkout's package, whatever the venv's editable install points at
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    result = subprocess.run(
        [str(script), "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_module_imports_only_its_own_layer_or_below() -> None:
    """The same layers without import-linter: config.py, cli*.py and runtime.py included."""
    rank: dict[str, tuple[int, tuple[str, ...]]] = {}
    for index, siblings in enumerate(_layers()):
        for name in siblings:
            rank[name] = (index, tuple(siblings))
    top_level = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.parent.name for p in PACKAGE.glob("*/__init__.py")
    }
    assert top_level - {"__init__"} <= set(rank), "every top-level module has a layer"
    offences: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if source not in rank:
            continue
        for module, _name, _local in _own_imports(path):
            parts = module.split(".")
            if parts[0] != "careops_desktop" or len(parts) < 2 or parts[1] not in rank:
                continue
            target = parts[1]
            (mine, siblings), (theirs, _) = rank[source], rank[target]
            if theirs < mine or (target != source and target in siblings):
                offences.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offences == []


def test_config_cli_and_runtime_are_checked_too() -> None:
    for layer in ("config", "runtime", "cli_database"):
        assert _layer_files(layer) == [PACKAGE / f"{layer}.py"]
    names = {name for layer in _layers() for name in layer}
    assert {"config", "runtime", "cli", "cli_user", "cli_reports", "__main__"} <= names


def test_no_module_uses_another_modules_private_names() -> None:
    """``from x import _name`` and ``x._name`` on an imported module ``x`` both count."""
    offences: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        me = _module_name(path)
        modules: dict[str, str] = {}  # local name → imported careops_desktop module
        for module, name, local in _own_imports(path):
            if not module.startswith("careops_desktop"):
                continue
            if not name:
                if local:
                    modules[local] = module
            elif _is_module(f"{module}.{name}"):
                modules[local] = f"{module}.{name}"
            elif _private(name) and module != me:
                offences.add(f"{me} imports {module}.{name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and modules.get(node.value.id, me) != me
                and _private(node.attr)
            ):
                offences.add(f"{me} uses {modules[node.value.id]}.{node.attr}")
    assert offences - KNOWN_PRIVATE_REACHES == set()
    assert KNOWN_PRIVATE_REACHES - offences == set(), "gone: delete from KNOWN_PRIVATE_REACHES"
