"""The database rows: SQLAlchemy declarative classes, deliberately separate from the domain dataclasses."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC and read back as an aware UTC datetime, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive datetime is ambiguous; guessing a zone would silently shift a session by hours.
            raise ValueError(f"naive datetime {value.isoformat()} cannot be stored; give it a time zone")
        # SQLite keeps the text without its offset and compares as text: storing UTC keeps both
        # the value and the ordering right.
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # SQLite: the stored text was UTC by construction.
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    # Named constraints: SQLite's batch migrations can only drop or alter a constraint that has a name,
    # and explicit names keep the hand-written migrations identical on both backends.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class MeetingRow(Base):
    """A loaded timetable; `schedule` holds the whole meeting as JSON, the other columns are for queries."""

    __tablename__ = "meetings"

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    timezone: Mapped[str] = mapped_column(Text)
    # Nullable because the domain allows a meeting whose days are not set yet.
    first_day: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    schedule: Mapped[str] = mapped_column(Text)


class SessionRow(Base):
    """One session of a meeting, so that later tables (interventions, reminders) can refer to it by key."""

    __tablename__ = "sessions"

    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    channel: Mapped[str | None] = mapped_column(Text)


class TranscriptRow(Base):
    """One transcript entry; `id` breaks ties between entries logged at the same instant."""

    __tablename__ = "transcript_entries"
    __table_args__ = (
        Index("ix_transcript_entries_meeting_at", "meeting_id", "at", "id"),
        Index("ux_transcript_entries_request_id", "request_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # No cascade: a record of what was said must not vanish as a side effect of deleting a meeting.
    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)
    # No foreign key to sessions: a session dropped from a reloaded timetable keeps its transcript.
    session_id: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    # Unique where given (NULLs never collide): a platform's retried delivery cannot be logged, or run, twice.
    request_id: Mapped[str | None] = mapped_column(Text)


class DeclarationRow(Base):
    """A participant who declared themselves with /iam; a moderator's verification lets a State speak."""

    __tablename__ = "declarations"

    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    delegation: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(Text)
    grp: Mapped[str | None] = mapped_column(Text)  # Participant.group; "group" is an SQL keyword
    timezone: Mapped[str | None] = mapped_column(Text)
    verified: Mapped[bool] = mapped_column(Boolean)
    verified_by: Mapped[str | None] = mapped_column(Text)
    declared_at: Mapped[datetime] = mapped_column(UtcDateTime)
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


def core(row: type[Base]) -> Table:
    """The row class's table, for Core statements (mypy sees `__table__` only as a FromClause)."""
    return cast(Table, row.__table__)
