"""The row of an expression of interest: numbered in the meeting; its decision is written onto the same row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core


class InterestRow(Base):
    """`id` is the number participants and staff type (/interest accept 3): unique in the meeting."""

    __tablename__ = "interests"

    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id"), primary_key=True)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    session_id: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    participant_id: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    delegation: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(Text)
    grp: Mapped[str | None] = mapped_column(Text)  # Speaker.group; "group" is an SQL keyword
    verified: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    position: Mapped[int | None] = mapped_column(Integer)


INTERESTS = core(InterestRow)
