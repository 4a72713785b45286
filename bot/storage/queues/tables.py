"""The rows of the lists of speakers: one state row per session, its entries, interventions and notes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    Table,
    Text,
    bindparam,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core

# Only one waiting hand of a kind per participant: the database's guard against two processes both
# inserting it (the version check normally stops the second one first).
WAITING_ONLY = text("status = 'waiting'")


class EntryStatus(StrEnum):
    """Where an entry ended up; only `waiting` entries are on the list."""

    WAITING = "waiting"
    HEARD = "heard"  # it became an intervention
    LOWERED = "lowered"
    REMOVED = "removed"  # by a moderator
    UNHEARD = "unheard"  # still waiting when the session finished
    WRITTEN = "written"  # the session finished with its statement: submitted in writing


class QueueStateRow(Base):
    """A session's list as a whole; `version` goes up with every save, for the optimistic check."""

    __tablename__ = "queue_states"
    __table_args__ = (
        ForeignKeyConstraint(
            ["meeting_id", "session_id"],
            ["sessions.meeting_id", "sessions.session_id"],
            name="fk_queue_states_meeting_id_sessions",
            # No cascade: a timetable reloaded without a session must never delete what was said in it.
        ),
    )

    meeting_id: Mapped[str] = mapped_column(Text, primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    list_open: Mapped[bool] = mapped_column(Boolean)
    replies_called: Mapped[bool] = mapped_column(Boolean)
    finished: Mapped[bool] = mapped_column(Boolean)
    limits: Mapped[str] = mapped_column(Text)  # JSON: {category value: seconds}, the moderator's changes only
    next_arrival: Mapped[int] = mapped_column(Integer)
    floor_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class QueueEntryRow(Base):
    """A request for the floor; `id` is its arrival number in the session."""

    __tablename__ = "queue_entries"
    __table_args__ = (
        ForeignKeyConstraint(
            ["meeting_id", "session_id"],
            ["queue_states.meeting_id", "queue_states.session_id"],
            name="fk_queue_entries_meeting_id_queue_states",
            ondelete="CASCADE",
        ),
        Index("ix_queue_entries_list", "meeting_id", "session_id", "status", "order_value"),
        Index(
            "uq_queue_entries_waiting_hand",
            "meeting_id",
            "session_id",
            "participant_id",
            "kind",
            unique=True,
            sqlite_where=WAITING_ONLY,
            postgresql_where=WAITING_ONLY,
        ),
    )

    meeting_id: Mapped[str] = mapped_column(Text, primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    participant_id: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    delegation: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(Text)
    grp: Mapped[str | None] = mapped_column(Text)  # Speaker.group; "group" is an SQL keyword
    verified: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    statement: Mapped[str | None] = mapped_column(Text)
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Up to 2**63 - 1: a last word sits above 2**62 (bot.domain.queue.ordering).
    order_value: Mapped[int] = mapped_column(BigInteger)
    last_word: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(Text)
    interest_id: Mapped[int | None] = mapped_column(Integer)  # pre-inscribed from this expression of interest


class InterventionRow(Base):
    """A turn at the floor, or a statement submitted in writing; keyed by the entry it came from."""

    __tablename__ = "interventions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["meeting_id", "session_id", "entry_id"],
            ["queue_entries.meeting_id", "queue_entries.session_id", "queue_entries.id"],
            name="fk_interventions_meeting_id_queue_entries",
            ondelete="CASCADE",
        ),
        Index("ix_interventions_meeting_id_started_at", "meeting_id", "started_at"),
    )

    meeting_id: Mapped[str] = mapped_column(Text, primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    limit_seconds: Mapped[float | None] = mapped_column(Float)
    delivery: Mapped[str] = mapped_column(Text)
    statement: Mapped[str | None] = mapped_column(Text)
    warned: Mapped[bool] = mapped_column(Boolean)
    expired: Mapped[bool] = mapped_column(Boolean)
    # Points of order (0010): the clock's pauses so far, and since when it stands still (still interrupted if the
    # intervention has not ended); on a point of order, the intervention it interrupted and the chair's ruling.
    paused_seconds: Mapped[float] = mapped_column(Float, server_default=text("0"))
    suspended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    interrupted_id: Mapped[int | None] = mapped_column(Integer)
    ruling: Mapped[str | None] = mapped_column(Text)


class QueueNoteRow(Base):
    """A note on the session, or (intervention_id set) on one intervention; `id` orders equal instants."""

    __tablename__ = "queue_notes"
    __table_args__ = (
        ForeignKeyConstraint(
            ["meeting_id", "session_id"],
            ["queue_states.meeting_id", "queue_states.session_id"],
            name="fk_queue_notes_meeting_id_queue_states",
            ondelete="CASCADE",
        ),
        Index("ix_queue_notes_meeting_id_session_id_at", "meeting_id", "session_id", "at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(Text)
    session_id: Mapped[str] = mapped_column(Text)
    # The entry id of the intervention the note is on; the session's foreign key already ties it to the list.
    intervention_id: Mapped[int | None] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


def session_key(table: Table) -> tuple[ColumnElement[bool], ...]:
    """WHERE clauses for one session's rows, bound when executed with key_params()."""
    return (table.c.meeting_id == bindparam("k_meeting"), table.c.session_id == bindparam("k_session"))


def key_params(meeting_id: str, session_id: str) -> dict[str, str]:
    # Not named after the columns: in an UPDATE, parameters named like columns become its SET clause.
    return {"k_meeting": meeting_id, "k_session": session_id}


STATES = core(QueueStateRow)
ENTRIES = core(QueueEntryRow)
INTERVENTIONS = core(InterventionRow)
NOTES = core(QueueNoteRow)
