"""The rows of a loaded timetable: the meeting as one JSON document, and one row per session."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime


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
