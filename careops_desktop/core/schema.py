"""Schema migrations (Alembic) run from code: upgrade to head, downgrade, inspect.

The Alembic scripts live in the shipped ``migrations/`` folder. Before an
existing SQLite database is upgraded, a backup copy is taken with SQLite's
online backup API (see :mod:`careops_desktop.core.backup`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from careops_desktop.config import migrations_dir

log = logging.getLogger(__name__)


# SQLite's full-text index of message texts and its shadow tables (migration 0012):
# made by SQL, not by the models, so comparing the models with a database leaves them out
UNMODELLED_PREFIXES = ("messages_text",)


def modelled_name(name: str | None, type_: str, _parents: object = None) -> bool:
    """Alembic's ``include_name``: False for the tables no model describes."""
    return not (type_ == "table" and (name or "").startswith(UNMODELLED_PREFIXES))


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at the shipped migrations and ``url``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision(url: str = "sqlite://") -> str | None:
    """The newest revision the shipped migrations know."""
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision(str(engine.url))


def upgrade_to_head(engine: Engine, *, backup_dir: Path | None = None) -> Path | None:
    """Bring the database to the newest schema; returns the backup taken, if any.

    An existing SQLite database (one that has a revision already) is copied to
    ``backup_dir`` first with the online backup API.
    """
    from careops_desktop.core import backup

    backup_path: Path | None = None
    current = current_revision(engine)
    if current == head_revision():
        return None
    if current is not None and engine.dialect.name == "sqlite" and backup_dir is not None:
        backup_path = backup.backup_before_migration(engine, backup_dir, current)
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    log.info("database upgraded from %s to %s", current, head_revision())
    return backup_path


def downgrade(engine: Engine, revision: str) -> None:
    """Step the schema back to ``revision`` ("base" empties it)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)
