"""The rows of a self-declaration (/iam) and its verification, and of what a participant chose (/zone, /language)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core


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


DECLARATIONS = core(DeclarationRow)


class ReaderSettingRow(Base):
    """What a participant chose with /zone and /language: each wins over the roster's, their platform's, the
    meeting's. A row with neither is deleted."""

    __tablename__ = "reader_settings"

    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[str] = mapped_column(Text, primary_key=True)
    zone: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(Text)
    set_at: Mapped[datetime] = mapped_column(UtcDateTime)


READER_SETTINGS = core(ReaderSettingRow)
