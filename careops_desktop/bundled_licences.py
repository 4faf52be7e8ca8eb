"""The libraries CareOps ships with, their versions and licences (Help → About).

A frozen build carries ``resources/licences.json``, written at build time by
``python -m careops_desktop.bundled_licences OUT`` (``build.spec`` runs it): inside the
bundle ``importlib.metadata`` no longer sees most distributions. A source checkout or an
installed wheel gathers the same list at run time. The list is every distribution that
``careops-desktop`` needs, followed through their own requirements (extras left out).
No Qt here.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

ROOT_DISTRIBUTION = "careops-desktop"
FILE_NAME = "licences.json"


@dataclass(frozen=True)
class Licence:
    """One shipped library: its name, version and licence in its own words."""

    name: str
    version: str
    licence: str


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    """One metadata field, None when absent (``meta[name]`` raises on newer Pythons)."""
    values = meta.get_all(name)
    return str(values[0]) if values else None


def _licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: the SPDX expression, else its short text, else
    its classifiers; "not stated" when it says nothing."""
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return str(expression).strip()
    text = str(_field(meta, "License") or "").strip()
    if text and len(text) <= 80 and "\n" not in text:
        return text
    classifiers = [
        c.split("::")[-1].strip()
        for c in (meta.get_all("Classifier") or [])
        if c.startswith("License ::") and c.count("::") >= 2
    ]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:80] if text else "not stated"


def _requirement_name(requirement: str) -> str | None:
    """The distribution a requirement names; None for one that applies only to an extra."""
    if "extra ==" in requirement.replace("extra==", "extra =="):
        return None
    found = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return found.group(1) if found else None


def gather_installed(root: str = ROOT_DISTRIBUTION) -> list[Licence]:
    """Every installed distribution ``root`` needs (itself left out), sorted by name.

    Requirements that are not installed (another platform's) are skipped.
    """
    seen: dict[str, Licence] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _normal(dist.metadata["Name"] or name)
        if key in seen:
            continue
        seen[key] = Licence(str(dist.metadata["Name"]), str(dist.version), _licence_of(dist))
        for requirement in dist.requires or []:
            wanted = _requirement_name(requirement)
            if wanted and _normal(wanted) not in seen:
                queue.append(wanted)
    seen.pop(_normal(root), None)
    python = Licence("Python", sys.version.split()[0], "PSF-2.0")
    return sorted([*seen.values(), python], key=lambda item: item.name.lower())


def write_licences(path: Path) -> int:
    """Write :func:`gather_installed` to ``path`` as JSON; returns how many were written."""
    items = gather_installed()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(i) for i in items], indent=1) + "\n", encoding="utf-8")
    return len(items)


def bundled_licences(shipped: Path | None) -> list[Licence]:
    """The list shipped at build time (``shipped``, when that file exists), else gathered now."""
    if shipped is not None and shipped.is_file():
        try:
            rows = json.loads(shipped.read_text(encoding="utf-8"))
            return [Licence(str(r["name"]), str(r["version"]), str(r["licence"])) for r in rows]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    return gather_installed()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(FILE_NAME)
    print(f"{write_licences(target)} licences written to {target}")
