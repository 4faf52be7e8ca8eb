"""No unused code in careops_desktop/: vulture finds it, a short allow-list says why not.

vulture reads careops_desktop/ and tests/ (a name used only by a test counts as used)
and reports what in careops_desktop/ nothing names: functions, methods, classes,
properties and imports at 60 % confidence or more (a new function nobody calls is
60 %), and anything at 100 % (unreachable code, unused arguments of ``__exit__``).
Variables and attributes are left out: ORM columns, dataclass fields and Qt signals
are read by their frameworks, not by our code. Camel-case methods are Qt's virtual
overrides (``paintEvent``, ``initializePage``) and are called by Qt.

When this test fails, remove the code, or add its name below with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

vulture = pytest.importorskip("vulture")

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "careops_desktop"
MIN_CONFIDENCE = 60
CHECKED_TYPES = {"function", "method", "class", "property", "import"}
QT_OVERRIDE = re.compile(r"^[a-z]+[A-Z]\w*$")

# name → why it is used although nothing in the code names it
ALLOWED: dict[str, str] = {
    # called by frameworks
    "_on_connect": "SQLAlchemy event listener (@event.listens_for)",
    "_on_begin": "SQLAlchemy event listener (@event.listens_for)",
    "process_bind_param": "SQLAlchemy TypeDecorator hook",
    "process_result_value": "SQLAlchemy TypeDecorator hook",
    "handle_starttag": "html.parser.HTMLParser hook",
    "handle_endtag": "html.parser.HTMLParser hook",
    "handle_data": "html.parser.HTMLParser hook",
    "redirect_request": "urllib.request.HTTPRedirectHandler hook (integrations/update_check.py)",
    "__getattr__": "module-level lazy attribute access (PEP 562)",
    "exc_type": "argument of __exit__",
    "tb": "argument of __exit__",
    "watched": "argument of QObject.eventFilter",
    "CursorResult": "named in a string cast",
    # found by name at run time
    "focus_search": "tab protocol, called by name from MainWindow (ui/tabs.py)",
    "BookingsView": "tab page, imported lazily by name (ui/tabs.py)",
    "ContactsView": "tab page, imported lazily by name (ui/tabs.py)",
    "InboxView": "tab page, imported lazily by name (ui/tabs.py)",
    "InventoryView": "tab page, imported lazily by name (ui/tabs.py)",
    "AutomationsPage": "settings page, imported lazily by name (ui/settings/registry.py)",
    "IntegrationsPage": "settings page, imported lazily by name (ui/settings/registry.py)",
}


def unused_code(paths: list[Path], package: Path = PACKAGE) -> list[str]:
    """Reports for unused code defined under ``package`` among ``paths``, not allowed."""
    finder = vulture.Vulture(ignore_names=sorted(ALLOWED))
    finder.scavenge([str(p) for p in paths])
    found = []
    for item in finder.get_unused_code(min_confidence=MIN_CONFIDENCE):
        if package.resolve() not in Path(item.filename).resolve().parents:
            continue
        if item.confidence < 100 and item.typ not in CHECKED_TYPES:
            continue
        if item.typ == "method" and QT_OVERRIDE.match(item.name):
            continue
        found.append(item.get_report(add_size=False))
    return found


def test_no_unused_code() -> None:
    assert unused_code([PACKAGE, ROOT / "tests"]) == []


def test_a_new_unused_function_is_found(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text(
        '"""A probe."""\n\n\ndef nobody_calls_this() -> int:\n    return 1\n\n\n'
        "def used() -> int:\n    return 2\n\n\nprint(used())\n",
        encoding="utf-8",
    )
    found = unused_code([module], package=tmp_path)
    assert len(found) == 1, found
    assert any("nobody_calls_this" in report for report in found), found


def test_allowed_names_have_reasons() -> None:
    assert all(reason.strip() for reason in ALLOWED.values())
