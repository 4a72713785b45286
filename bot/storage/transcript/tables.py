"""The row of a transcript entry: every command and channel post, in the order it happened."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core


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


TRANSCRIPT = core(TranscriptRow)
