"""classes: booking types with seats, sessions whose attendees are bookings

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-07

- booking_types.capacity: seats per session (1, the default, is a one-to-one appointment).
- class_sessions: one row per provider + start + type, with the capacity it was opened
  with; the row a seat write locks.
- bookings.session_id: the session an attendee's booking belongs to (None otherwise).

On SQLite the new column's reference is written into the stored schema (see
``_sqlite_add_reference``), not by rebuilding ``bookings``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

UTC_TIME = careops_desktop.core.models.base.UTCDateTime(timezone=True)
FK = "fk_bookings_session_id_class_sessions"
REFERENCE = (
    f"CONSTRAINT {FK} FOREIGN KEY(session_id) REFERENCES class_sessions (id) ON DELETE RESTRICT"
)


def _sqlite_set_schema(new_sql: str) -> None:
    bind = op.get_bind()
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'bookings'",
        (new_sql,),
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def _bookings_sql() -> str:
    return str(
        op.get_bind()
        .exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'bookings'")
        .scalar_one()
    )


def _sqlite_add_reference() -> None:
    """Add the (new, still empty) column's reference to the stored ``bookings`` schema.

    The documented ``writable_schema`` way, as migration 0011: every row satisfies it
    (the column is NULL everywhere), and rebuilding ``bookings`` would drop a table
    that outbox rows, forms and stock movements point at.
    """
    sql = _bookings_sql()
    if FK in sql:
        return
    cut = sql.rstrip().rindex(")")
    _sqlite_set_schema(sql[:cut].rstrip() + ", \n\t" + REFERENCE + "\n)")


def upgrade() -> None:
    op.add_column(
        "booking_types",
        sa.Column("capacity", sa.Integer(), server_default="1", nullable=False),
    )
    op.create_table(
        "class_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_type_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("start_at", UTC_TIME, nullable=False),
        sa.Column("end_at", UTC_TIME, nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.CheckConstraint("capacity >= 1", name=op.f("ck_class_sessions_capacity")),
        sa.CheckConstraint("start_at < end_at", name=op.f("ck_class_sessions_range")),
        sa.ForeignKeyConstraint(
            ["booking_type_id"],
            ["booking_types.id"],
            name=op.f("fk_class_sessions_booking_type_id_booking_types"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_class_sessions_provider_id_providers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_sessions")),
        sa.UniqueConstraint(
            "provider_id",
            "start_at",
            "booking_type_id",
            name=op.f("uq_class_sessions_provider_id_start_at_booking_type_id"),
        ),
    )
    op.create_index(
        op.f("ix_class_sessions_booking_type_id"), "class_sessions", ["booking_type_id"]
    )
    op.add_column("bookings", sa.Column("session_id", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_add_reference()
    else:
        op.create_foreign_key(
            op.f(FK),
            "bookings",
            "class_sessions",
            ["session_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    op.create_index(op.f("ix_bookings_session_id"), "bookings", ["session_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_bookings_session_id"), table_name="bookings")
    if op.get_bind().dialect.name == "sqlite":
        sql = _bookings_sql()
        _sqlite_set_schema(sql.replace(", \n\t" + REFERENCE, "", 1))
        op.drop_column("bookings", "session_id")
    else:
        op.drop_constraint(op.f(FK), "bookings", type_="foreignkey")
        op.drop_column("bookings", "session_id")
    op.drop_index(op.f("ix_class_sessions_booking_type_id"), table_name="class_sessions")
    op.drop_table("class_sessions")
    op.drop_column("booking_types", "capacity")
