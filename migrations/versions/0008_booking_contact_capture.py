"""who booked, kept with the booking; "possible duplicate" contacts; clickable links per email

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

- bookings.customer_name/customer_email/customer_phone: the details captured with the
  booking; its messages go there, whatever the contact holds later. Existing bookings
  are filled from their contact.
- contacts.duplicate_of_id: the booking page made this contact although another one
  looked alike; the desk checks and merges. A mark, not a foreign key: merging (the
  only way a contact is deleted) moves the marks that point at the merged contact.
- outbox.links: the only addresses the email's HTML part may make clickable (app links
  and links the business wrote in its templates). Rows queued before have none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# Plain ADD/DROP COLUMN (no table rebuild): on SQLite a rebuild of ``contacts`` or ``bookings``
# would drop a table other rows point at, which fails (or cascades) on a database with data.


def upgrade() -> None:
    op.add_column(
        "bookings",
        sa.Column("customer_name", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column("bookings", sa.Column("customer_email", sa.String(length=320), nullable=True))
    op.add_column("bookings", sa.Column("customer_phone", sa.String(length=20), nullable=True))
    op.execute(
        "UPDATE bookings SET "
        "customer_name = (SELECT c.name FROM contacts c WHERE c.id = bookings.contact_id), "
        "customer_email = (SELECT c.email FROM contacts c WHERE c.id = bookings.contact_id), "
        "customer_phone = (SELECT c.phone FROM contacts c WHERE c.id = bookings.contact_id)"
    )
    op.add_column("contacts", sa.Column("duplicate_of_id", sa.Integer(), nullable=True))
    op.create_index("ix_contacts_duplicate_of_id", "contacts", ["duplicate_of_id"], unique=False)
    op.add_column("outbox", sa.Column("links", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    op.drop_column("outbox", "links")
    op.drop_index("ix_contacts_duplicate_of_id", table_name="contacts")
    op.drop_column("contacts", "duplicate_of_id")
    op.drop_column("bookings", "customer_phone")
    op.drop_column("bookings", "customer_email")
    op.drop_column("bookings", "customer_name")
