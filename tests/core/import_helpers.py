"""Shared bits of the import tests: the fixture folder, reading and importing a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import imports
from tests.core.booking_world import NOW

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
OWNER = Actor.system("Import test")


def source(name: str) -> imports.SourceTable:
    return imports.read_source(FIXTURES / name)


def options(
    table: imports.SourceTable, kind: str | None = None, **choices: Any
) -> imports.ImportOptions:
    kind = kind or imports.guess_kind(table.headers)
    return imports.ImportOptions(kind, imports.guess_mapping(table.headers, kind), **choices)


def run(
    db: Database, table: imports.SourceTable, *, dry_run: bool = False, **choices: Any
) -> imports.ImportResult:
    return db.call(
        imports.run_import, OWNER, table, options(table, **choices), dry_run=dry_run, now=NOW
    )


def count(db: Database, model: Any) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)
