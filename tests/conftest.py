"""Fixtures shared by every test: a real, migrated SQLite file per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from careops_desktop.core.db import Database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the machine's real keyring: the default is "no keyring"; tests that need
# one install an in-memory backend (tests/integrations/memory_keyring.py).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(autouse=True)
def _careops_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test's data, logs and backups in its own temporary folder."""
    home = tmp_path_factory.mktemp("careops-home")
    monkeypatch.setenv("CAREOPS_HOME", str(home))
    monkeypatch.delenv("CAREOPS_DB", raising=False)
    return home


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'careops-test.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A real SQLite file, migrated to head, closed after the test."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    database = Database(db_url)
    upgrade_to_head(database.engine)
    yield database
    database.close()
