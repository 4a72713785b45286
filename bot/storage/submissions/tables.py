"""The row of a written submission: one version of a delegation's text; rows are added, never changed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core


class SubmissionRow(Base):
    """A new version replaces the delegation's current one by being newer; the older rows stay as its history."""

    __tablename__ = "submissions"
    __table_args__ = (
        # Two replicas numbering the same delegation's next version at once: the second insert fails here.
        Index("ux_submissions_version", "meeting_id", "delegation", "version", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id"))
    delegation: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    submitted_by: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(Text)


SUBMISSIONS = core(SubmissionRow)
