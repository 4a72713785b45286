"""Zone settings: the time zone each participant chose with /zone.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zone_settings",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("participant_id", sa.Text(), nullable=False),
        sa.Column("zone", sa.Text(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "participant_id", name="pk_zone_settings"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_zone_settings_meeting_id_meetings", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("zone_settings")
