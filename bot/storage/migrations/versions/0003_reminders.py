"""Reminders: one claim per reminder key (posted, missed or pending), and personal subscriptions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-05-11
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Hand-written like 0001, with plain types; UtcDateTime is DateTime(timezone=True) underneath.
def upgrade() -> None:
    op.create_table(
        "reminder_claims",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("missed", sa.Boolean(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_reminder_claims"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name="fk_reminder_claims_meeting_id_meetings"),
    )
    op.create_index("ix_reminder_claims_pending", "reminder_claims", ["meeting_id", "posted_at", "next_attempt_at"])
    op.create_table(
        "subscriptions",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("participant_id", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "participant_id", "session_id", name="pk_subscriptions"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_subscriptions_meeting_id_meetings", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("subscriptions")
    op.drop_index("ix_reminder_claims_pending", table_name="reminder_claims")
    op.drop_table("reminder_claims")
