"""Each service area has one public path: its package, never a module inside it.

``core/services/bookings/``, ``inbox/``, ``forms/`` … are packages whose ``__init__``
lists what other code may call. Code outside ``core/services`` (the window, the web
page, the jobs, the exports, the command line, the runtime, the integrations and the
rest of the core) imports ``careops_desktop.core.services.bookings`` and so on, never
``careops_desktop.core.services.bookings.flow``. Inside ``core/services`` the areas may
import each other's modules directly: that keeps the packages free of import cycles.
The areas offer their lazy tables the same way: ``ids(session, actor, filter, order)``
and ``rows_by_id(session, actor, ids)``.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "careops_desktop"
SERVICES = PACKAGE / "core" / "services"
PREFIX = "careops_desktop.core.services."
AREAS = sorted(p.parent.name for p in SERVICES.glob("*/__init__.py"))
TABLE_AREAS = ("bookings", "contacts", "forms", "inbox", "inventory")


def reaches(path: Path) -> list[str]:
    """The area submodules this file imports (``from a.b.area.sub import x``,
    ``from a.b.area import sub``, ``import a.b.area.sub``), lazy imports too."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            if not module.startswith(PREFIX):
                continue
            parts = module[len(PREFIX) :].split(".")
            if (
                len(parts) >= 2
                and parts[0] in AREAS
                and (SERVICES / parts[0] / f"{parts[1]}.py").exists()
            ):
                found.append(module)
    return found


def test_the_areas_are_packages() -> None:
    assert {"bookings", "calendar", "contacts", "dashboard", "forms", "inbox", "inventory"} <= set(
        AREAS
    )


def test_code_outside_the_services_imports_each_area_by_its_package() -> None:
    offences = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if not path.is_relative_to(SERVICES)
        for module in reaches(path)
    ]
    assert offences == []


def test_the_check_sees_a_reach_into_a_submodule(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from careops_desktop.core.services.bookings.flow import book_desk\n"
        "from careops_desktop.core.services.inbox import views\n"
        "def later():\n"
        "    import careops_desktop.core.services.forms.fields\n"
        "from careops_desktop.core.services.bookings import book_desk as fine\n",
        encoding="utf-8",
    )
    assert reaches(bad) == [
        "careops_desktop.core.services.bookings.flow",
        "careops_desktop.core.services.bookings.flow.book_desk",
        "careops_desktop.core.services.inbox.views",
        "careops_desktop.core.services.forms.fields",
    ]


@pytest.mark.parametrize("area", AREAS)
def test_each_package_exports_only_names_that_exist(area: str) -> None:
    package = importlib.import_module(PREFIX + area)
    names = getattr(package, "__all__", None)
    assert names, f"{area}/__init__.py lists its public names in __all__"
    assert [name for name in names if not hasattr(package, name)] == []
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("area", TABLE_AREAS)
def test_each_table_area_offers_ids_and_rows_by_id(area: str) -> None:
    package = importlib.import_module(PREFIX + area)
    assert callable(package.ids) and callable(package.rows_by_id)
