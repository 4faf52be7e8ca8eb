"""scripts/i18n.py check fails CI on a missing, unfinished or fuzzy translation, a changed
placeholder or a catalog that is out of date — shown here on a small area of its own."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "i18n.py"


@pytest.fixture
def tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """scripts/i18n.py pointed at a repository of one window area and one message area."""
    spec = importlib.util.spec_from_file_location("i18n_tool_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    (tmp_path / "careops_desktop" / "ui").mkdir(parents=True)
    (tmp_path / "careops_desktop" / "core").mkdir(parents=True)
    (tmp_path / "careops_desktop" / "ui" / "view.py").write_text(
        "from PySide6.QtWidgets import QWidget\n"
        "class View(QWidget):\n"
        "    def texts(self, n):\n"
        '        return self.tr("Save {name}"), self.tr("%n booking(s)", "", n)\n',
        encoding="utf-8",
    )
    (tmp_path / "careops_desktop" / "core" / "rules.py").write_text(
        "from careops_desktop.core.i18n import _, ngettext\n"
        "def refusal(n):\n"
        '    return _("Please tell us your name."), ngettext(\n'
        '        "{count} visit", "{count} visits", n\n'
        "    )\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "PACKAGE", tmp_path / "careops_desktop")
    monkeypatch.setattr(module, "WINDOW", tmp_path / "i18n" / "window")
    monkeypatch.setattr(module, "MESSAGES", tmp_path / "i18n" / "messages")
    monkeypatch.setattr(
        module,
        "AREAS",
        (
            module.Area("ui", "window", ("careops_desktop/ui",)),
            module.Area("core", "messages", ("careops_desktop",)),
        ),
    )
    return module


def _problems(tool: ModuleType) -> list[str]:
    problems: list[str] = []
    tool.check_areas(problems)
    tool.check_window(problems)
    tool.check_messages(problems)
    return problems


def _answer(tool: ModuleType, catalog: Path, translate: dict[str, object]) -> None:
    answers = []
    for entry in tool.todo(catalog):
        text = translate[str(entry["source"])]
        key = "translations" if isinstance(text, list) else "translation"
        answers.append({**entry, key: text})
    answer_file = catalog.with_suffix(".json")
    answer_file.write_text(json.dumps(answers), encoding="utf-8")
    tool.fill(catalog, json.loads(answer_file.read_text(encoding="utf-8")))


GERMAN: dict[str, object] = {
    "Save {name}": "{name} speichern",
    "%n booking(s)": ["%n Buchung", "%n Buchungen"],
    "Please tell us your name.": "Bitte nennen Sie uns Ihren Namen.",
    "{count} visit": ["{count} Termin", "{count} Termine"],
}


def test_missing_translations_fail_until_every_entry_is_written(tool: ModuleType) -> None:
    tool.main(["extract"])
    problems = _problems(tool)
    assert any("no finished translation" in p and "Save {name}" in p for p in problems)
    assert any("no translation" in p and "Please tell us your name." in p for p in problems)
    for language in tool.TRANSLATED:
        _answer(tool, tool.WINDOW / f"ui_{language}.ts", GERMAN)
        _answer(tool, tool.MESSAGES / "core" / f"{language}.po", GERMAN)
    assert _problems(tool) == []
    assert tool.todo(tool.WINDOW / "ui_de.ts") == []


def test_a_changed_placeholder_fuzzy_entry_or_new_text_fails(tool: ModuleType) -> None:
    tool.main(["extract"])
    broken = dict(GERMAN, **{"Save {name}": "{nom} speichern"})
    for language in tool.TRANSLATED:
        _answer(tool, tool.WINDOW / f"ui_{language}.ts", broken)
        _answer(tool, tool.MESSAGES / "core" / f"{language}.po", GERMAN)
    assert any("placeholders ['{nom}'] instead of ['{name}']" in p for p in _problems(tool))
    po = tool.MESSAGES / "core" / "de.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgid "Please tell us your name."', '#, fuzzy\nmsgid "Please tell us your name."'
        ),
        encoding="utf-8",
    )
    assert any("fuzzy" in p for p in _problems(tool))
    rules = tool.ROOT / "careops_desktop" / "core" / "rules.py"
    rules.write_text(rules.read_text() + '\ndef more():\n    return _("A new text.")\n')
    assert any("not extracted yet: 'A new text.'" in p for p in _problems(tool))
