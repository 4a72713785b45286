"""The SQLAlchemy correction repository: corrections appended, and read back in the order they were made."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.corrections import Correction
from bot.storage.corrections.mapping import correction_from_row, correction_values
from bot.storage.corrections.tables import CORRECTIONS


class SqlAlchemyCorrectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, meeting_id: str, correction: Correction) -> None:
        await self._session.execute(insert(CORRECTIONS).values(**correction_values(meeting_id, correction)))

    async def all(self, meeting_id: str) -> Sequence[Correction]:
        query = select(CORRECTIONS).where(CORRECTIONS.c.meeting_id == meeting_id).order_by(CORRECTIONS.c.id)
        return tuple(correction_from_row(row) for row in (await self._session.execute(query)).mappings())
