"""Fixtures shared by every test: a real, migrated SQLite file per test."""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import subprocess
import sys
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
# the window and the core speak English in tests unless a test chooses a language
os.environ["CAREOPS_LANGUAGE"] = "en"


def pytest_configure(config: pytest.Config) -> None:
    """No automatic garbage collection: it would run on whichever thread allocates (a
    database worker, a listener thread) and destroy Qt objects held in cycles there (a
    segfault in Qt's painting, seen in full runs). Each test's end collects instead, on
    this thread, as the window does with ``careops_desktop.ui.garbage``."""
    del config
    gc.disable()
    _compile_stale_catalogs()


def _compile_stale_catalogs() -> None:
    """Compile the translation catalogs when a .ts or .po is newer than what was compiled
    (tests of the German and Spanish window read the .qm files)."""
    root = Path(__file__).resolve().parent.parent
    i18n_dir = root / "resources" / "i18n"
    sources = [*i18n_dir.glob("window/*.ts"), *i18n_dir.glob("messages/*/*.po")]
    compiled = list((i18n_dir / "compiled").rglob("*.[qm][mo]"))
    newest = max((p.stat().st_mtime for p in sources), default=0.0)
    oldest = min((p.stat().st_mtime for p in compiled), default=0.0)
    if sources and (not compiled or oldest < newest):
        subprocess.run(
            [sys.executable, str(root / "scripts" / "i18n.py"), "compile"],
            check=True,
            capture_output=True,
        )


_TESTS_RUN = itertools.count(1)


@pytest.fixture(autouse=True)
def _collect_on_this_thread() -> Iterator[None]:
    """After each test, collect the cycles it left (a full collection every 20th test)."""
    yield
    gc.collect(2 if next(_TESTS_RUN) % 20 == 0 else 1)


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


# Tests in these folders that use ``db`` run twice: on SQLite and on a real PostgreSQL
# server. A test that is about SQLite itself (pragmas, files, backups, processes sharing
# one file) is marked ``sqlite_only``.
BOTH_DATABASES = ("core", "web")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db" not in metafunc.fixturenames:
        return
    area = Path(str(metafunc.definition.path)).parent.name
    if area in BOTH_DATABASES and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize(
            "db_backend",
            ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
            indirect=True,
        )


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """Which database the ``db`` fixture opens: "sqlite" (default) or "postgres"."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to head for the session; each test's ``db`` copies it.

    Copying takes about 2 ms where migrating with Alembic takes about 100 ms. The template
    is closed (its WAL checkpointed and removed) before anything copies it.
    """
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    path = tmp_path_factory.mktemp("sqlite-template") / "careops-template.sqlite3"
    database = Database(f"sqlite:///{path}")
    upgrade_to_head(database.engine)
    database.close()
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if leftover.exists() and leftover.stat().st_size:
            raise RuntimeError(f"the SQLite template left {leftover.name} behind")
    return path


@pytest.fixture
def db(db_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A real database migrated to head: a SQLite file, or a fresh PostgreSQL database."""
    from careops_desktop.core.db import Database

    if db_backend == "postgres":
        url = request.getfixturevalue("pg_db_from_template")
    else:
        url = request.getfixturevalue("db_url")
        shutil.copyfile(request.getfixturevalue("sqlite_template"), url.removeprefix("sqlite:///"))
    database = Database(url)
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


def _admin(pg_server: PostgresServer, *statements: str) -> None:
    """Runs ``statements`` on the server's ``postgres`` database, each on its own (autocommit)."""
    import psycopg

    admin = pg_server.url("postgres").replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def _fresh_pg(pg_server: PostgresServer, create_as: str = "") -> Iterator[str]:
    """The URL of a new database (``create_as`` added to its CREATE), dropped afterwards."""
    name = f"careops_test_{os.getpid()}_{next(_pg_counter)}"
    _admin(pg_server, f'CREATE DATABASE "{name}"{create_as}')
    yield pg_server.url(name)
    _admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_db_url(pg_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    yield from _fresh_pg(pg_server)


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    """A database migrated to head once per session, copied for each test (fast)."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    name = f"careops_template_{os.getpid()}"
    _admin(
        pg_server,
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f'CREATE DATABASE "{name}"',
    )
    database = Database(pg_server.url(name))
    try:
        upgrade_to_head(database.engine)
    finally:
        database.close()
    return name


@pytest.fixture
def pg_db_from_template(pg_server: PostgresServer, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database at head, copied from the session's template."""
    yield from _fresh_pg(pg_server, f' TEMPLATE "{pg_template}"')


@pytest.fixture
def pg_db(pg_db_url: str) -> Iterator[Database]:
    """A migrated PostgreSQL database for one test."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    database = Database(pg_db_url)
    upgrade_to_head(database.engine)
    yield database
    database.close()
