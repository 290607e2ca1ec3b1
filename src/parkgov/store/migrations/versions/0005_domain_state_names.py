"""supervision order states and ranking weight keys take the domain's names

Order states written by the first schema's names become the domain's ``OrderState`` values
(issued → raised, responded → replied, overdue → escalated; closed stays), in orders and in
their event history. A ``completion`` ranking weight becomes ``green`` (the domain's
``RankingWeights`` share of green items). The status default is set by the ORM, so no column
changes: on SQLite a changed default or a CHECK constraint would copy the table, and dropping
the old copy with foreign keys on would cascade into the order history.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_UP = {"issued": "raised", "responded": "replied", "overdue": "escalated"}
_DOWN = {"raised": "issued", "assigned": "issued", "returned": "issued", "replied": "responded",
         "verified": "responded", "escalated": "overdue"}
_WEIGHTS = sa.table("park_settings", sa.column("park_id", sa.Integer),
                    sa.column("ranking_weights", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")))


def _rename_states(mapping: dict[str, str]) -> None:
    for table, columns in (("supervision_orders", ("status",)), ("supervision_events", ("from_status", "to_status"))):
        for column in columns:
            for old, new in mapping.items():
                op.execute(sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old")
                           .bindparams(old=old, new=new))


def _rename_weight(old: str, new: str) -> None:
    conn = op.get_bind()
    for park_id, weights in conn.execute(sa.select(_WEIGHTS.c.park_id, _WEIGHTS.c.ranking_weights)).all():
        if isinstance(weights, dict) and old in weights and new not in weights:
            weights = {(new if k == old else k): v for k, v in weights.items()}
            conn.execute(_WEIGHTS.update().where(_WEIGHTS.c.park_id == park_id).values(ranking_weights=weights))


def upgrade() -> None:
    _rename_states(_UP)
    _rename_weight("completion", "green")


def downgrade() -> None:
    _rename_states(_DOWN)
    _rename_weight("green", "completion")
