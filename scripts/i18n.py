#!/usr/bin/env python3
"""The translation catalogs: extract, check and compile them.

    python scripts/i18n.py extract    # refresh every .ts and .po from the code (keeps translations)
    python scripts/i18n.py check      # fail on a missing, unfinished or fuzzy translation,
                                      # a placeholder that differs, or a catalog out of date
    python scripts/i18n.py compile    # .ts → .qm (pyside6-lrelease), .po → .mo, pseudo-locales

Two kinds of catalog, each split by area so that parts of the program can be translated
(and changed) without touching each other's files:

- the window (Qt): ``resources/i18n/window/<area>_<lang>.ts``, extracted by
  ``pyside6-lupdate`` from ``self.tr(...)`` and ``translate("Context", ...)``;
- everything else (gettext, Babel): ``resources/i18n/messages/<area>/<lang>.po`` (and the
  template ``careops.pot``), extracted from ``_()``/``ngettext``/``N_`` in Python and from
  the Jinja2 templates.

``compile`` writes ``resources/i18n/compiled/`` (not committed; ``scripts/run.sh``,
``scripts/test.sh`` and the builds run it). The pseudo-locales ``en-XA`` and ``ar-XB`` are
generated from the English texts there too.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careops_desktop.core.i18n.english_plurals import english_form  # noqa: E402
from careops_desktop.core.i18n.languages import PSEUDO, PSEUDO_MIRRORED, SOURCE  # noqa: E402
from careops_desktop.core.i18n.pseudo import mirrored_text, pseudo_text  # noqa: E402

PACKAGE = ROOT / "careops_desktop"
I18N = ROOT / "resources" / "i18n"
WINDOW = I18N / "window"
MESSAGES = I18N / "messages"
COMPILED = I18N / "compiled"
TRANSLATED = ("de", "es")  # English is the source language
DOMAIN = "careops"
STAMP = datetime(2026, 12, 7, tzinfo=UTC)  # the header dates, fixed so catalogs diff cleanly


@dataclass(frozen=True)
class Area:
    """A part of the program whose texts are one catalog per language."""

    name: str
    kind: str  # "window" (Qt .ts) or "messages" (gettext .po)
    paths: tuple[str, ...]  # files or folders, relative to the repository


# Every Python file of the package belongs to exactly one area (``check`` says so when not).
AREAS: tuple[Area, ...] = (
    Area("settings", "window", ("careops_desktop/ui/settings",)),
    Area("bookings", "window", ("careops_desktop/ui/bookings", "careops_desktop/ui/printing")),
    Area(
        "desk",
        "window",
        (
            "careops_desktop/ui/dashboard",
            "careops_desktop/ui/contacts",
            "careops_desktop/ui/forms",
            "careops_desktop/ui/inbox",
            "careops_desktop/ui/inventory",
            "careops_desktop/ui/reports",
            "careops_desktop/ui/imports",
            "careops_desktop/ui/login",
            "careops_desktop/ui/search_everywhere.py",
        ),
    ),
    Area("frame", "window", ("careops_desktop/ui",)),  # what the areas above leave
    Area("web", "messages", ("careops_desktop/web", "resources/web/templates")),
    Area(
        "messages",
        "messages",
        (
            "careops_desktop/core/services/templates.py",
            "careops_desktop/integrations",
            "careops_desktop/jobs",
            "careops_desktop/runtime.py",
        ),
    ),
    Area(
        "diary",
        "messages",
        (
            "careops_desktop/core/services/bookings",
            "careops_desktop/core/services/time_blocks",
            "careops_desktop/core/services/waitlist",
            "careops_desktop/core/services/answers",
            "careops_desktop/core/services/calendar",
            "careops_desktop/core/services/availability.py",
            "careops_desktop/core/services/slots.py",
            "careops_desktop/core/services/providers.py",
            "careops_desktop/core/services/business.py",
            "careops_desktop/core/services/staff.py",
            "careops_desktop/core/services/auth.py",
            "careops_desktop/core/clock_text.py",
            "careops_desktop/core/errors.py",
            "careops_desktop/core/permissions.py",
        ),
    ),
    # what the areas above leave: the rest of the core, exports, the command line
    Area("records", "messages", ("careops_desktop",)),
)


def _files(area: Area, suffixes: tuple[str, ...]) -> list[Path]:
    """The files of ``area`` (more specific areas listed before it take theirs first)."""
    claimed: set[Path] = set()
    for other in AREAS:
        found = _area_files(other, suffixes)
        if other is area:
            return sorted(found - claimed)
        claimed |= found
    raise KeyError(area.name)


def _area_files(area: Area, suffixes: tuple[str, ...]) -> set[Path]:
    found: set[Path] = set()
    for entry in area.paths:
        path = ROOT / entry
        if path.is_file():
            found.add(path)
        elif path.is_dir():
            found |= {p for p in path.rglob("*") if p.suffix in suffixes and p.is_file()}
    return found


def area_files(area: Area) -> list[Path]:
    """The source files ``area`` extracts from."""
    suffixes = (".py",) if area.kind == "window" else (".py", ".html")
    return _files(area, suffixes)


# -- the window: Qt .ts -------------------------------------------------------------------


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    return found


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    return found


def release(sources: list[str], target: Path) -> None:
    """Compile the .ts ``sources`` into one .qm ``target`` (pyside6-lrelease)."""
    subprocess.run(
        [lrelease(), *sources, "-qm", str(target), "-silent"],
        check=True,
        capture_output=True,
        text=True,
    )


def ts_path(area: Area, language: str) -> Path:
    return WINDOW / f"{area.name}_{language}.ts"


def extract_window(area: Area, targets: list[Path], *, obsolete: bool = False) -> None:
    """Run lupdate over ``area``'s files into ``targets`` (keeping their translations)."""
    files = [str(p.relative_to(ROOT)) for p in area_files(area)]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        language = target.stem.rsplit("_", 1)[1]
        command = [lupdate(), *files, "-ts", str(target), "-target-language", language]
        command += ["-locations", "relative"]
        if not obsolete:
            command.append("-no-obsolete")
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


@dataclass(frozen=True)
class Entry:
    """One text of a catalog and its translation(s)."""

    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool
    plural: bool
    where: str


def read_ts(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            plural = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif plural:
                texts = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            location = message.find("location")
            where = ""
            if location is not None:
                where = f"{location.get('filename')}:{location.get('line')}"
            entries.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    texts,
                    kind == "unfinished",
                    plural,
                    where,
                )
            )
    return entries


def english_plurals_ts(sources: list[Path], target: Path) -> int:
    """A .ts of the English plural forms of every counted text in ``sources``; how many."""
    root = ET.Element("TS", version="2.1", language=SOURCE)
    contexts: dict[str, ET.Element] = {}
    count = 0
    seen: set[tuple[str, str]] = set()
    for source in sources:
        for entry in read_ts(source):
            if not entry.plural or (entry.context, entry.source) in seen:
                continue
            seen.add((entry.context, entry.source))
            context = contexts.get(entry.context)
            if context is None:
                context = contexts[entry.context] = ET.SubElement(root, "context")
                ET.SubElement(context, "name").text = entry.context
            message = ET.SubElement(context, "message", numerus="yes")
            ET.SubElement(message, "source").text = entry.source
            translation = ET.SubElement(message, "translation")
            for form in (english_form(entry.source, 1), english_form(entry.source, 2)):
                ET.SubElement(translation, "numerusform").text = form
            count += 1
    ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)
    return count


def pseudo_ts(sources: list[Path], language: str, target: Path) -> None:
    """A .ts for a pseudo-locale: every source text of ``sources`` pseudo-translated."""
    shape = mirrored_text if language == PSEUDO_MIRRORED else pseudo_text
    # English plural rules (two forms) for both pseudo-locales: Arabic has six, and a
    # mirrored text needs only the direction, not the rules
    root = ET.Element("TS", version="2.1", language=SOURCE)
    contexts: dict[str, ET.Element] = {}
    seen: set[tuple[str, str]] = set()
    for source in sources:
        for entry in read_ts(source):
            if (entry.context, entry.source) in seen:
                continue
            seen.add((entry.context, entry.source))
            context = contexts.get(entry.context)
            if context is None:
                context = contexts[entry.context] = ET.SubElement(root, "context")
                ET.SubElement(context, "name").text = entry.context
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = entry.source
            translation = ET.SubElement(message, "translation")
            if entry.plural:
                message.set("numerus", "yes")
                for _form in range(2):
                    ET.SubElement(translation, "numerusform").text = shape(entry.source)
            else:
                translation.text = shape(entry.source)
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)


# -- everything else: gettext .po ---------------------------------------------------------

KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "N_": None,
}


def extract_messages(area: Area):  # -> babel Catalog
    """The template catalog of ``area``: every marked text of its Python files and templates."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract

    catalog = Catalog(
        project="CareOps Desktop", domain=DOMAIN, charset="utf-8", creation_date=STAMP
    )
    for path in area_files(area):
        method = "jinja2.ext:babel_extract" if path.suffix == ".html" else "python"
        options = {"extensions": "jinja2.ext.i18n"} if path.suffix == ".html" else {}
        relative = str(path.relative_to(ROOT))
        with path.open("rb") as handle:
            for line, message, comments, context in extract(
                method, handle, keywords=KEYWORDS, options=options, comment_tags=("Translators:",)
            ):
                catalog.add(
                    message,
                    None,
                    [(relative, line)],
                    auto_comments=comments,
                    context=context,
                )
    return catalog


def po_path(area: Area, language: str) -> Path:
    return MESSAGES / area.name / f"{language}.po"


def read_po_file(path: Path, language: str):  # -> babel Catalog
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def write_po_file(catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def update_messages(area: Area) -> None:
    """Refresh ``area``'s template and each language's .po from the code (keeps translations)."""
    from babel.messages.catalog import Catalog

    template = extract_messages(area)
    write_po_file(template, MESSAGES / area.name / f"{DOMAIN}.pot")
    for language in TRANSLATED:
        path = po_path(area, language)
        if path.exists():
            catalog = read_po_file(path, language)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="CareOps Desktop")
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.revision_date = STAMP  # fixed: a refresh changes only what changed
        catalog.creation_date = STAMP
        catalog.fuzzy = False  # the header: its plural rule must reach the .mo
        catalog.obsolete.clear()
        write_po_file(catalog, path)


# -- the checks -----------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sdif]|%L?[0-9n]"
)


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def check_window(problems: list[str], only: list[str] | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for area in (a for a in AREAS if a.kind == "window" and (not only or a.name in only)):
            fresh = Path(tmp) / f"{area.name}_de.ts"
            extract_window(area, [fresh])
            wanted = {(e.context, e.source) for e in read_ts(fresh)}
            for language in TRANSLATED:
                path = ts_path(area, language)
                if not path.exists():
                    problems.append(f"{path.relative_to(ROOT)}: missing (run extract)")
                    continue
                have = {(e.context, e.source): e for e in read_ts(path)}
                for key in sorted(wanted - set(have)):
                    problems.append(f"{path.relative_to(ROOT)}: not extracted yet: {key}")
                for key in sorted(set(have) - wanted):
                    problems.append(f"{path.relative_to(ROOT)}: no longer in the code: {key}")
                for key, entry in have.items():
                    if key not in wanted:
                        continue
                    label = f"{path.relative_to(ROOT)}: {entry.where} {entry.source!r}"
                    if entry.unfinished or not all(t.strip() for t in entry.translations):
                        problems.append(f"{label}: no finished translation")
                        continue
                    expected = placeholders(entry.source)
                    for text in entry.translations:
                        got = placeholders(text)
                        if entry.plural:
                            got = [p for p in got if p not in ("%n", "%Ln")]
                            expected = [p for p in expected if p not in ("%n", "%Ln")]
                        if got != expected:
                            problems.append(f"{label}: placeholders {got} instead of {expected}")


def check_messages(problems: list[str], only: list[str] | None = None) -> None:
    for area in (a for a in AREAS if a.kind == "messages" and (not only or a.name in only)):
        template = extract_messages(area)
        wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
        for language in TRANSLATED:
            path = po_path(area, language)
            if not path.exists():
                if wanted:
                    problems.append(f"{path.relative_to(ROOT)}: missing (run extract)")
                continue
            catalog = read_po_file(path, language)
            have = {}
            for message in catalog:
                if message.id:
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    have[(key, message.context)] = message
            for key in sorted(wanted - set(have), key=str):
                problems.append(f"{path.relative_to(ROOT)}: not extracted yet: {key[0]!r}")
            for key in sorted(set(have) - wanted, key=str):
                problems.append(f"{path.relative_to(ROOT)}: no longer in the code: {key[0]!r}")
            for key, message in have.items():
                if key not in wanted:
                    continue
                where = ",".join(f"{f}:{n}" for f, n in message.locations[:1])
                label = f"{path.relative_to(ROOT)}: {where} {key[0]!r}"
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.fuzzy:
                    problems.append(f"{label}: fuzzy")
                elif not strings or not all(s and s.strip() for s in strings):
                    problems.append(f"{label}: no translation")
                else:
                    ids = message.id if isinstance(message.id, tuple) else (message.id,)
                    expected = placeholders(ids[-1])
                    for text in strings:
                        if placeholders(text) != expected:
                            problems.append(
                                f"{label}: placeholders {placeholders(text)} instead of {expected}"
                            )


def check_areas(problems: list[str]) -> None:
    """Every file of the package is in one area of its kind (the catch-all areas see to it)."""
    for path in PACKAGE.rglob("*.py"):
        kind = "window" if "ui" in path.relative_to(PACKAGE).parts[:1] else "messages"
        owners = [a.name for a in AREAS if a.kind == kind and path in area_files(a)]
        if len(owners) != 1:
            problems.append(f"{path.relative_to(ROOT)}: in areas {owners}")


# -- compile --------------------------------------------------------------------------------


def compile_all(out: Path = COMPILED) -> list[str]:
    """Write the .qm and .mo files (and the pseudo-locales'); returns what was written."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    window = [a for a in AREAS if a.kind == "window"]
    for language in TRANSLATED:
        sources = [str(ts_path(a, language)) for a in window if ts_path(a, language).exists()]
        if sources:
            target = out / f"careops_{language}.qm"
            release(sources, target)
            written.append(str(target))
        merged = Catalog(locale=language, domain=DOMAIN)
        for area in (a for a in AREAS if a.kind == "messages"):
            path = po_path(area, language)
            if path.exists():
                for message in read_po_file(path, language):
                    if message.id and message.id not in merged and not message.fuzzy:
                        merged[message.id] = message
        mo = out / language / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, merged, use_fuzzy=False)
        written.append(str(mo))
    window_sources = [
        ts_path(a, TRANSLATED[0]) for a in window if ts_path(a, TRANSLATED[0]).exists()
    ]
    english = out / f"careops_{SOURCE}.qm"
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / f"careops_{SOURCE}.ts"
        if english_plurals_ts(window_sources, ts):
            release([str(ts)], english)
            written.append(str(english))
    for language in PSEUDO:
        with tempfile.TemporaryDirectory() as tmp:
            ts = Path(tmp) / f"careops_{language}.ts"
            pseudo_ts(window_sources, language, ts)
            target = out / f"careops_{language}.qm"
            release([str(ts)], target)
            written.append(str(target))
    return written


# -- for translators: what is left, and filling it in --------------------------------------


def todo(path: Path) -> list[dict[str, object]]:
    """The entries of one catalog (.ts or .po) that still need a translation."""
    left: list[dict[str, object]] = []
    if path.suffix == ".ts":
        for entry in read_ts(path):
            if entry.unfinished or not all(t.strip() for t in entry.translations):
                left.append(
                    {"context": entry.context, "source": entry.source, "plural": entry.plural}
                )
        return left
    language = path.stem
    for message in read_po_file(path, language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s and s.strip() for s in strings):
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            item: dict[str, object] = {"source": ids[0], "plural": len(ids) > 1}
            if len(ids) > 1:
                item["source_plural"] = ids[1]
            if message.context:
                item["context"] = message.context
            left.append(item)
    return left


def fill(path: Path, answers: list[dict[str, object]]) -> int:
    """Write translations into one catalog; returns how many entries were filled.

    ``answers``: ``{"source", "context"?, "translation"}`` or, for a plural,
    ``"translations": [singular, plural]``.
    """
    wanted = {(str(a.get("context") or ""), str(a["source"])): a for a in answers}
    filled = 0
    if path.suffix == ".ts":
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                answer = wanted.get((name, message.findtext("source") or ""))
                translation = message.find("translation")
                if answer is None or translation is None:
                    continue
                if message.get("numerus") == "yes":
                    forms = [
                        str(t) for t in answer.get("translations") or [answer["translation"]] * 2
                    ]
                    wanted_forms = max(len(list(translation)), len(forms))
                    forms += [forms[-1]] * (wanted_forms - len(forms))  # e.g. Spanish "many"
                    for old in list(translation):
                        translation.remove(old)
                    for form in forms:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = str(answer["translation"])
                translation.attrib.pop("type", None)
                filled += 1
        tree.write(path, encoding="utf-8", xml_declaration=True)
        return filled
    catalog = read_po_file(path, path.stem)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        answer = wanted.get((message.context or "", ids[0]))
        if answer is None:
            continue
        if len(ids) > 1:
            forms = [str(f) for f in answer.get("translations") or [answer["translation"]] * 2]
            forms += [forms[-1]] * (catalog.num_plurals - len(forms))  # e.g. Spanish "many"
            message.string = tuple(forms)  # type: ignore[assignment]
        else:
            message.string = str(answer["translation"])
        message.flags.discard("fuzzy")
        filled += 1
    write_po_file(catalog, path)
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("extract", "check", "compile", "todo", "fill"))
    parser.add_argument("--area", action="append", help="only these areas (extract, check)")
    parser.add_argument("files", nargs="*", type=Path, help="todo: CATALOG; fill: CATALOG JSON")
    args = parser.parse_args(argv)
    if args.command == "todo":
        import json

        print(json.dumps(todo(args.files[0]), ensure_ascii=False, indent=1))
        return 0
    if args.command == "fill":
        import json

        answers = json.loads(args.files[1].read_text(encoding="utf-8"))
        print(f"filled {fill(args.files[0], answers)} entries")
        return 0
    if args.command == "extract":
        for area in AREAS:
            if args.area and area.name not in args.area:
                continue
            if area.kind == "window":
                extract_window(area, [ts_path(area, lang) for lang in TRANSLATED])
            else:
                update_messages(area)
            print(f"extracted {area.name}")
        return 0
    if args.command == "compile":
        for path in compile_all():
            print(f"wrote {Path(path).relative_to(ROOT)}")
        return 0
    problems: list[str] = []
    check_areas(problems)
    check_window(problems, args.area)
    check_messages(problems, args.area)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in the translation catalogs")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
