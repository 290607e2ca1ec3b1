"""progress drafts (services: unsubmitted progress reports)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=True),
        sa.Column("value", sa.Numeric(precision=20, scale=4), nullable=True),
        sa.Column("value_unit", sa.String(length=20), nullable=True),
        sa.Column("values", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                  nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["dispatch_rounds.id"],
                                name=op.f("fk_progress_drafts_round_id_dispatch_rounds"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["saved_by_id"], ["users.id"], name=op.f("fk_progress_drafts_saved_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_progress_drafts_unit_id_units"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_drafts")),
        sa.UniqueConstraint("round_id", "item_key", name=op.f("uq_progress_drafts_round_id_item_key")),
    )
    with op.batch_alter_table("progress_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_drafts_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_progress_drafts_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("progress_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_drafts_unit_id"))
        batch_op.drop_index(batch_op.f("ix_progress_drafts_round_id"))
    op.drop_table("progress_drafts")
