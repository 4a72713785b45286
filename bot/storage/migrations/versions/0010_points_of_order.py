"""Points of order: an interrupted intervention's paused clock; the point of order's interruption and ruling.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Batch mode: SQLite cannot ALTER a table this way otherwise; on PostgreSQL it issues plain ALTERs.
    with op.batch_alter_table("interventions") as batch:
        batch.add_column(sa.Column("paused_seconds", sa.Float(), nullable=False, server_default=sa.text("0")))
        batch.add_column(sa.Column("suspended_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("interrupted_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ruling", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interventions") as batch:
        batch.drop_column("ruling")
        batch.drop_column("interrupted_id")
        batch.drop_column("suspended_at")
        batch.drop_column("paused_seconds")
