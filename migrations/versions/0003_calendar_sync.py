"""calendar sync: calendar_links, external_busy, booking_calendar_events (three new tables)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 15:12:22.855957
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('write_calendar_url', sa.String(length=1000), nullable=False),
    sa.Column('write_calendar_name', sa.String(length=200), nullable=False),
    sa.Column('blocking_calendars', sa.JSON(), nullable=False),
    sa.Column('state', sa.JSON(), nullable=False),
    sa.Column('last_synced_at', careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('updated_at', careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_calendar_links_provider_id_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_links')),
    sa.UniqueConstraint('provider_id', name=op.f('uq_calendar_links_provider_id'))
    )
    op.create_table('external_busy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('calendar_url', sa.String(length=1000), nullable=False),
    sa.Column('calendar_name', sa.String(length=200), nullable=False),
    sa.Column('href', sa.String(length=1000), nullable=False),
    sa.Column('uid', sa.String(length=500), nullable=False),
    sa.Column('recurrence_id', sa.String(length=64), nullable=False),
    sa.Column('start_at', careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('end_at', careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('summary', sa.String(length=200), nullable=False),
    sa.Column('all_day', sa.Boolean(), nullable=False),
    sa.Column('tentative', sa.Boolean(), nullable=False),
    sa.Column('etag', sa.String(length=200), nullable=False),
    sa.Column('fetched_at', careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_external_busy_provider_id_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_busy'))
    )
    with op.batch_alter_table('external_busy', schema=None) as batch_op:
        batch_op.create_index('ix_external_busy_provider_id_calendar_url_href', ['provider_id', 'calendar_url', 'href'], unique=False)
        batch_op.create_index('ix_external_busy_provider_id_start_at', ['provider_id', 'start_at'], unique=False)

    op.create_table('booking_calendar_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('calendar_url', sa.String(length=1000), nullable=False),
    sa.Column('event_uid', sa.String(length=255), nullable=False),
    sa.Column('href', sa.String(length=1000), nullable=False),
    sa.Column('etag', sa.String(length=200), nullable=False),
    sa.Column('last_synced_sequence', sa.Integer(), nullable=False),
    sa.Column('synced_at', careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_booking_calendar_events_booking_id_bookings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['provider_id'], ['providers.id'], name=op.f('fk_booking_calendar_events_provider_id_providers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booking_calendar_events')),
    sa.UniqueConstraint('booking_id', name=op.f('uq_booking_calendar_events_booking_id'))
    )


def downgrade() -> None:
    op.drop_table('booking_calendar_events')
    with op.batch_alter_table('external_busy', schema=None) as batch_op:
        batch_op.drop_index('ix_external_busy_provider_id_start_at')
        batch_op.drop_index('ix_external_busy_provider_id_calendar_url_href')

    op.drop_table('external_busy')
    op.drop_table('calendar_links')
