"""Reader settings: the zone (/zone) and the language (/language) each participant chose, in one row.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reader_settings",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("participant_id", sa.Text(), nullable=False),
        sa.Column("zone", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "participant_id", name="pk_reader_settings"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_reader_settings_meeting_id_meetings", ondelete="CASCADE"
        ),
    )
    # Zones chosen before languages existed are kept: every one becomes a row with no language.
    op.execute(
        "INSERT INTO reader_settings (meeting_id, participant_id, zone, set_at) "
        "SELECT meeting_id, participant_id, zone, set_at FROM zone_settings"
    )
    op.drop_table("zone_settings")


def downgrade() -> None:
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
    op.execute(
        "INSERT INTO zone_settings (meeting_id, participant_id, zone, set_at) "
        "SELECT meeting_id, participant_id, zone, set_at FROM reader_settings WHERE zone IS NOT NULL"
    )
    op.drop_table("reader_settings")
