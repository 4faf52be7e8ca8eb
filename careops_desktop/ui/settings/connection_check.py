"""The database connection in words, and a connection test (no widgets here).

``check_connection`` blocks (network, up to ``CONNECT_TIMEOUT`` seconds): call it off
the Qt thread. Its refusals are :class:`ConnectionProblem` with words a person can act
on; a password never appears in them, nor in :func:`describe_database`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from careops_desktop.config import database_url_from
from careops_desktop.core.errors import CareOpsError
from careops_desktop.ui.i18n import translate

CONNECT_TIMEOUT = 5
EXAMPLE = "postgresql://careops@server:5432/careops"


class ConnectionProblem(CareOpsError):
    """The address is not usable or the server said no; the message says why."""


@dataclass(frozen=True)
class ServerCheck:
    """What the test found: the server's version and the CareOps schema revision (if any)."""

    server_version: str
    revision: str | None

    @property
    def text(self) -> str:
        if self.revision:
            return translate(
                "ConnectionCheck",
                "Connected to PostgreSQL {version}: it holds a CareOps database "
                "(schema {revision}).",
            ).format(version=self.server_version, revision=self.revision)
        return translate(
            "ConnectionCheck",
            "Connected to PostgreSQL {version}: the database is empty; CareOps sets it up "
            "when it first opens it.",
        ).format(version=self.server_version)


def describe_database(url: str) -> str:
    """The database in use, never with its password: a file path or ``user@host:port/db``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return translate("ConnectionCheck", "SQLite file {path}").format(path=parsed.database)
    user = f"{parsed.username}@" if parsed.username else ""
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL {user}{parsed.host or 'localhost'}{port}/{parsed.database or ''}"


def parse_postgres_url(text: str) -> URL:
    """A PostgreSQL URL from what the person typed (psycopg driver), or ConnectionProblem."""
    value = text.strip()
    if not value.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        raise ConnectionProblem(
            translate("ConnectionCheck", "Enter a PostgreSQL address, like {example}").format(
                example=EXAMPLE
            )
        )
    try:
        parsed = make_url(database_url_from(value))
    except (ArgumentError, ValueError):
        raise ConnectionProblem(
            translate(
                "ConnectionCheck", "This is not a database address. It looks like {example}"
            ).format(example=EXAMPLE)
        ) from None
    if not parsed.host or not parsed.database:
        raise ConnectionProblem(
            translate(
                "ConnectionCheck", "Give the server and the database name, like {example}"
            ).format(example=EXAMPLE)
        )
    return parsed


def check_connection(url: URL) -> ServerCheck:
    """Connect to ``url`` and read the server version and schema revision (blocks)."""
    engine = create_engine(
        url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT}
    )
    try:
        with engine.connect() as connection:
            version = str(connection.exec_driver_sql("SHOW server_version").scalar())
            has_schema = connection.exec_driver_sql(
                "SELECT to_regclass('public.alembic_version') IS NOT NULL"
            ).scalar()
            revision = None
            if has_schema:
                found = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
                revision = found.scalar()
    except DBAPIError as exc:
        raise ConnectionProblem(readable_error(exc, url)) from None
    finally:
        engine.dispose()
    return ServerCheck(version.split(" ")[0], None if revision is None else str(revision))


def readable_error(exc: BaseException, url: URL) -> str:
    """Words for a failed connection to ``url`` (the driver's own text only as a last line)."""
    detail = str(getattr(exc, "orig", None) or exc)
    low = detail.lower()
    host = url.host or "localhost"
    where = f"{host}:{url.port or 5432}"
    user = url.username or translate("ConnectionCheck", "(no user name)")
    if "connection refused" in low:
        return translate(
            "ConnectionCheck",
            "Nothing answers at {where}. Is PostgreSQL running there, and does it accept "
            "connections from this computer (listen_addresses and pg_hba.conf)?",
        ).format(where=where)
    if "password authentication failed" in low:
        return translate(
            "ConnectionCheck", "The server refused the password for the user {user}."
        ).format(user=user)
    if "no password supplied" in low:
        return translate(
            "ConnectionCheck", "The server wants a password for the user {user}: enter it above."
        ).format(user=user)
    if "does not exist" in low and "database" in low:
        return translate(
            "ConnectionCheck",
            "The server at {where} has no database called {database}. "
            "Create it first (createdb -O {user} {database}).",
        ).format(where=where, database=url.database, user=user)
    if "role" in low and "does not exist" in low:
        return translate(
            "ConnectionCheck", "The server at {where} has no user called {user}."
        ).format(where=where, user=user)
    if "translate host name" in low or "name or service not known" in low:
        return translate(
            "ConnectionCheck", "The server name {host} is not known on this network."
        ).format(host=host)
    if "timeout" in low:
        return translate(
            "ConnectionCheck", "{where} did not answer within {seconds} seconds."
        ).format(where=where, seconds=CONNECT_TIMEOUT)
    if "pg_hba.conf" in low:
        return translate(
            "ConnectionCheck", "The server at {where} does not let this computer in (pg_hba.conf)."
        ).format(where=where)
    first = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
    if url.password:
        first = first.replace(url.password, "***")
    return translate("ConnectionCheck", "Could not connect to {where}: {detail}").format(
        where=where, detail=first
    )
