"""languages: each contact's and waitlist entry's language, and the business's locale

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

- contacts.language: the language messages to the contact are written in (``de``, ``es``);
  NULL means the business's language. Set from the page they booked in, editable at the desk.
- waitlist_entries.language: the language of the page the customer joined from; the offer
  message is written in it (an entry keeps no contact).
- business.locale: how dates, times, numbers and money are written (``de_DE``); NULL means
  the main language of the country of the business's time zone.

Both are nullable columns added in place (no table rebuild on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

SafeString = careops_desktop.core.models.base.SafeString


def upgrade() -> None:
    op.add_column("contacts", sa.Column("language", SafeString(length=16), nullable=True))
    op.add_column("business", sa.Column("locale", SafeString(length=35), nullable=True))
    op.add_column("waitlist_entries", sa.Column("language", SafeString(length=16), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+ and PostgreSQL): a batch rebuild of
    # contacts would drop and re-create the table every booking and conversation points at
    op.execute("ALTER TABLE waitlist_entries DROP COLUMN language")
    op.execute("ALTER TABLE business DROP COLUMN locale")
    op.execute("ALTER TABLE contacts DROP COLUMN language")
