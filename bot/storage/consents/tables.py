"""The row of a consent: every answer kept, the latest one counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core


class ConsentRow(Base):
    """Appended, never changed: a participant who changes their mind adds a newer answer."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id"))
    session_id: Mapped[str] = mapped_column(Text)
    participant_id: Mapped[str] = mapped_column(Text)
    agreed: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


CONSENTS = core(ConsentRow)
