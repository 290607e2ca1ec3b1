"""park settings: growth_yellow_gap_pct (traffic light of growth indicators)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('park_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('growth_yellow_gap_pct', sa.Numeric(precision=9, scale=4), server_default='2',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('park_settings', schema=None) as batch_op:
        batch_op.drop_column('growth_yellow_gap_pct')
