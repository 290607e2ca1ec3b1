"""parks: ledger_version, a counter every write to the park's rows bumps in its own transaction

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('parks', sa.Column('ledger_version', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('parks', schema=None) as batch_op:
        batch_op.drop_column('ledger_version')
