"""The same migrations run on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from careops_desktop.core.db import Database
from careops_desktop.core.models import Base
from careops_desktop.core.schema import current_revision, downgrade, head_revision, upgrade_to_head

pytestmark = pytest.mark.postgres


def test_empty_to_head_to_base_to_head_on_postgres(pg_db_url: str) -> None:
    database = Database(pg_db_url)
    try:
        upgrade_to_head(database.engine)
        assert current_revision(database.engine) == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(database.engine).get_table_names())
        downgrade(database.engine, "base")
        assert current_revision(database.engine) is None
        upgrade_to_head(database.engine)
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()


def test_models_match_head_on_postgres(pg_db: Database) -> None:
    with pg_db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
