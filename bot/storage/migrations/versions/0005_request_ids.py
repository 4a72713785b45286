"""Request ids: a platform's delivery id on each logged command, unique, so a retried delivery runs once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("transcript_entries") as table:
        table.add_column(sa.Column("request_id", sa.Text(), nullable=True))
    op.create_index("ux_transcript_entries_request_id", "transcript_entries", ["request_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_transcript_entries_request_id", table_name="transcript_entries")
    with op.batch_alter_table("transcript_entries") as table:
        table.drop_column("request_id")
