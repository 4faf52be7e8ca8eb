"""bookings can be 'arrived' (the customer is waiting at the desk), with the time

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-07

- bookings.status: 'arrived' joins the CHECK list (between confirmed and completed).
- bookings.arrived_at: when the desk marked the customer arrived.

On SQLite the CHECK is widened in place (the documented ``writable_schema`` way
for loosening a constraint: every existing row still satisfies the new one), not
by a batch rebuild: rebuilding ``bookings`` drops a table that outbox rows, forms
and stock movements point at, and the drop's implicit DELETE would clear or
refuse them on a database with data. Only ``'arrived'`` is added to whatever
list the constraint holds, so another migration's statuses are kept.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CONSTRAINT = "ck_bookings_status"
OLD_STATUSES = "status IN ('confirmed', 'completed', 'no_show', 'cancelled')"
NEW_STATUSES = "status IN ('confirmed', 'arrived', 'completed', 'no_show', 'cancelled')"
_LIST = re.compile(r"(CONSTRAINT\s+\"?ck_bookings_status\"?\s+CHECK\s*\(\s*status\s+IN\s*\()")


def _sqlite_edit_check(add: bool) -> None:
    """Add (or take out) 'arrived' in the status CHECK of the stored ``bookings`` schema."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'bookings'"
    ).scalar_one()
    if add:
        if "'arrived'" in sql:
            return
        new_sql, found = _LIST.subn(r"\1'arrived', ", sql, count=1)
    else:
        new_sql = sql.replace("'arrived', ", "", 1)
        found = int(new_sql != sql)
    if not found:
        raise RuntimeError("The bookings table's status constraint was not found.")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'bookings'",
        (new_sql,),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_edit_check(add=True)
    else:
        op.drop_constraint(op.f(CONSTRAINT), "bookings", type_="check")
        op.create_check_constraint(op.f(CONSTRAINT), "bookings", NEW_STATUSES)
    op.add_column(
        "bookings",
        sa.Column(
            "arrived_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
    )


def downgrade() -> None:
    op.execute("UPDATE bookings SET status = 'confirmed' WHERE status = 'arrived'")
    op.drop_column("bookings", "arrived_at")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_edit_check(add=False)
    else:
        op.drop_constraint(op.f(CONSTRAINT), "bookings", type_="check")
        op.create_check_constraint(op.f(CONSTRAINT), "bookings", OLD_STATUSES)
