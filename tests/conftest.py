"""Fixtures shared by every test: a real, migrated SQLite file per test."""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from careops_desktop.core.db import Database
    from tests.pg_server import PostgresServer

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


# -- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the session (see tests/pg_server.py).

    Skipped when PostgreSQL is not installed, unless CAREOPS_REQUIRE_PG is set
    (CI sets it), where a missing server fails the run instead.
    """
    from tests.pg_server import start_server

    try:
        server = start_server()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        if os.environ.get("CAREOPS_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required but could not start: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


_pg_counter = itertools.count()


@pytest.fixture
def pg_db_url(pg_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    import psycopg

    name = f"careops_test_{os.getpid()}_{next(_pg_counter)}"
    admin = pg_server.url("postgres").replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_db(pg_db_url: str) -> Iterator[Database]:
    """A migrated PostgreSQL database for one test."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    database = Database(pg_db_url)
    upgrade_to_head(database.engine)
    yield database
    database.close()
