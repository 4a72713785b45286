"""Lists of speakers: one state row per session, entries, interventions, notes; and self-declarations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WAITING_ONLY = "status = 'waiting'"


# Hand-written like 0001, with plain types; UtcDateTime is DateTime(timezone=True) underneath.
def upgrade() -> None:
    op.create_table(
        "queue_states",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("list_open", sa.Boolean(), nullable=False),
        sa.Column("replies_called", sa.Boolean(), nullable=False),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("limits", sa.Text(), nullable=False),
        sa.Column("next_arrival", sa.Integer(), nullable=False),
        sa.Column("floor_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("meeting_id", "session_id", name="pk_queue_states"),
        sa.ForeignKeyConstraint(
            ["meeting_id", "session_id"],
            ["sessions.meeting_id", "sessions.session_id"],
            name="fk_queue_states_meeting_id_sessions",
        ),
    )
    op.create_table(
        "queue_entries",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("participant_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("delegation", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("level", sa.Text(), nullable=False),
        sa.Column("grp", sa.Text(), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("order_value", sa.BigInteger(), nullable=False),
        sa.Column("last_word", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "session_id", "id", name="pk_queue_entries"),
        sa.ForeignKeyConstraint(
            ["meeting_id", "session_id"],
            ["queue_states.meeting_id", "queue_states.session_id"],
            name="fk_queue_entries_meeting_id_queue_states",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_queue_entries_list", "queue_entries", ["meeting_id", "session_id", "status", "order_value"])
    op.create_index(
        "uq_queue_entries_waiting_hand",
        "queue_entries",
        ["meeting_id", "session_id", "participant_id", "kind"],
        unique=True,
        sqlite_where=sa.text(WAITING_ONLY),
        postgresql_where=sa.text(WAITING_ONLY),
    )
    op.create_table(
        "interventions",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("entry_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("limit_seconds", sa.Float(), nullable=True),
        sa.Column("delivery", sa.Text(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=True),
        sa.Column("warned", sa.Boolean(), nullable=False),
        sa.Column("expired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "session_id", "entry_id", name="pk_interventions"),
        sa.ForeignKeyConstraint(
            ["meeting_id", "session_id", "entry_id"],
            ["queue_entries.meeting_id", "queue_entries.session_id", "queue_entries.id"],
            name="fk_interventions_meeting_id_queue_entries",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_interventions_meeting_id_started_at", "interventions", ["meeting_id", "started_at"])
    op.create_table(
        "queue_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("intervention_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_queue_notes"),
        sa.ForeignKeyConstraint(
            ["meeting_id", "session_id"],
            ["queue_states.meeting_id", "queue_states.session_id"],
            name="fk_queue_notes_meeting_id_queue_states",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_queue_notes_meeting_id_session_id_at", "queue_notes", ["meeting_id", "session_id", "at", "id"])
    op.create_table(
        "declarations",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("participant_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("delegation", sa.Text(), nullable=True),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("level", sa.Text(), nullable=False),
        sa.Column("grp", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("verified_by", sa.Text(), nullable=True),
        sa.Column("declared_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("meeting_id", "participant_id", name="pk_declarations"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_declarations_meeting_id_meetings", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("declarations")
    op.drop_index("ix_queue_notes_meeting_id_session_id_at", table_name="queue_notes")
    op.drop_table("queue_notes")
    op.drop_index("ix_interventions_meeting_id_started_at", table_name="interventions")
    op.drop_table("interventions")
    op.drop_index("uq_queue_entries_waiting_hand", table_name="queue_entries")
    op.drop_index("ix_queue_entries_list", table_name="queue_entries")
    op.drop_table("queue_entries")
    op.drop_table("queue_states")
