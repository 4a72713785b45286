"""Submissions: every version of the delegations' voluntary written inputs.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("delegation", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.Text(), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_submissions"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name="fk_submissions_meeting_id_meetings"),
    )
    op.create_index("ux_submissions_version", "submissions", ["meeting_id", "delegation", "version"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_submissions_version", table_name="submissions")
    op.drop_table("submissions")
