"""indicator actuals can be withdrawn by a revised document

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicator_actuals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=12), server_default='active', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('indicator_actuals', schema=None) as batch_op:
        batch_op.drop_column('status')
