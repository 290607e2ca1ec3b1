"""progress notes: a co-unit's (配合单位) notes on a task it co-handles, apart from the lead unit's reports

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("reported_by_id", sa.Integer(), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_demo", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["dispatch_rounds.id"],
                                name=op.f("fk_progress_notes_round_id_dispatch_rounds"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_progress_notes_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_progress_notes_unit_id_units"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reported_by_id"], ["users.id"], name=op.f("fk_progress_notes_reported_by_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_notes")),
    )
    with op.batch_alter_table("progress_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_progress_notes_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_progress_notes_task_id"), ["task_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_progress_notes_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("progress_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_progress_notes_unit_id"))
        batch_op.drop_index(batch_op.f("ix_progress_notes_task_id"))
        batch_op.drop_index(batch_op.f("ix_progress_notes_round_id"))
    op.drop_table("progress_notes")
