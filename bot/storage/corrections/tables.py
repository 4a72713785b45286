"""The row of a correction: the append-only audit log of who changed the record, and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime, core


class CorrectionRow(Base):
    """Never updated or deleted: the table is the audit log of who changed the record, and when."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(Text, ForeignKey("meetings.id"))
    session_id: Mapped[str] = mapped_column(Text)
    entry_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    corrected_by: Mapped[str] = mapped_column(Text)
    corrected_at: Mapped[datetime] = mapped_column(UtcDateTime)


CORRECTIONS = core(CorrectionRow)
