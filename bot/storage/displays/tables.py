"""The row of a live list message: where each session's list is shown, per platform, for every replica."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, core

KEY = ("meeting_id", "session_id", "platform")


class DisplayRow(Base):
    """One live message: the platform's channel id and message id (Slack's ts) for a session's list."""

    __tablename__ = "displays"

    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    platform: Mapped[str] = mapped_column(Text, primary_key=True)
    channel: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(Text)
    shown: Mapped[str] = mapped_column(Text)


DISPLAYS = core(DisplayRow)
