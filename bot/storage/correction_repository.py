"""Corrections as an append-only audit log: the SQLAlchemy table and repository, and the in-memory twin."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, Text, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain.corrections import Correction
from bot.storage.tables import Base, UtcDateTime, core


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


class SqlAlchemyCorrectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, meeting_id: str, correction: Correction) -> None:
        values = {
            "meeting_id": meeting_id,
            "session_id": correction.session_id,
            "entry_id": correction.entry_id,
            "text": correction.text,
            "corrected_by": correction.by,
            "corrected_at": correction.at,
        }
        await self._session.execute(insert(CORRECTIONS).values(**values))

    async def all(self, meeting_id: str) -> Sequence[Correction]:
        query = select(CORRECTIONS).where(CORRECTIONS.c.meeting_id == meeting_id).order_by(CORRECTIONS.c.id)
        rows = (await self._session.execute(query)).mappings()
        return tuple(
            Correction(r["session_id"], r["entry_id"], r["text"], r["corrected_by"], r["corrected_at"]) for r in rows
        )


class InMemoryCorrectionRepository:
    """Pending until the unit of work commits, then appended to the shared log."""

    def __init__(self, log: dict[str, list[Correction]]) -> None:
        self._log = log
        self._pending: list[tuple[str, Correction]] = []

    async def add(self, meeting_id: str, correction: Correction) -> None:
        self._pending.append((meeting_id, correction))

    async def all(self, meeting_id: str) -> Sequence[Correction]:
        mine = [c for m, c in self._pending if m == meeting_id]
        return (*self._log.get(meeting_id, []), *mine)

    def publish(self) -> None:
        for meeting_id, correction in self._pending:
            self._log.setdefault(meeting_id, []).append(correction)
        self._pending.clear()
