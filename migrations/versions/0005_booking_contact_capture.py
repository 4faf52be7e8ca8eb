"""who booked, kept with the booking; "possible duplicate" contacts; clickable links per email

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

- bookings.customer_name/customer_email/customer_phone: the details captured with the
  booking; its messages go there, whatever the contact holds later. Existing bookings
  are filled from their contact.
- contacts.duplicate_of_id: the booking page made this contact although another one
  looked alike; the desk checks and merges.
- outbox.links: the only addresses the email's HTML part may make clickable (app links
  and links the business wrote in its templates). Rows queued before have none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("customer_name", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("customer_email", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("customer_phone", sa.String(length=20), nullable=True))
    op.execute(
        "UPDATE bookings SET "
        "customer_name = (SELECT c.name FROM contacts c WHERE c.id = bookings.contact_id), "
        "customer_email = (SELECT c.email FROM contacts c WHERE c.id = bookings.contact_id), "
        "customer_phone = (SELECT c.phone FROM contacts c WHERE c.id = bookings.contact_id)"
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duplicate_of_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_contacts_duplicate_of_id_contacts"),
            "contacts",
            ["duplicate_of_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_contacts_duplicate_of_id", ["duplicate_of_id"], unique=False)
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("links", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("links")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_duplicate_of_id")
        batch_op.drop_constraint(
            batch_op.f("fk_contacts_duplicate_of_id_contacts"), type_="foreignkey"
        )
        batch_op.drop_column("duplicate_of_id")
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_column("customer_phone")
        batch_op.drop_column("customer_email")
        batch_op.drop_column("customer_name")
