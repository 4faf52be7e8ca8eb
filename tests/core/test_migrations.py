"""Migrations: empty → head, head → base → head, and the models match head."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from careops_desktop.core.db import Database
from careops_desktop.core.models import Base
from careops_desktop.core.schema import (
    current_revision,
    downgrade,
    head_revision,
    modelled_name,
    needs_upgrade,
    upgrade_to_head,
)


def test_empty_to_head_creates_every_table(db_url: str) -> None:
    database = Database(db_url)
    try:
        assert needs_upgrade(database.engine)
        upgrade_to_head(database.engine)
        assert current_revision(database.engine) == head_revision()
        tables = set(inspect(database.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        database.close()


def test_head_to_base_to_head(db: Database) -> None:
    downgrade(db.engine, "base")
    assert current_revision(db.engine) is None
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(db.engine)
    assert current_revision(db.engine) == head_revision()


def test_autogenerate_finds_no_difference_from_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": modelled_name}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrading_an_existing_database_takes_a_backup_first(db: Database, tmp_path) -> None:
    downgrade(db.engine, "base")
    upgrade_to_head(db.engine)
    # at head already: nothing to do and no backup
    assert upgrade_to_head(db.engine, backup_dir=tmp_path / "b") is None
