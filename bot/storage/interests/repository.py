"""The SQLAlchemy interest repository: expressions numbered in the meeting, decided in place, read back in order."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.interests import Interest
from bot.storage.interests.mapping import interest_from_row, interest_values
from bot.storage.interests.tables import INTERESTS


class SqlAlchemyInterestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def next_number(self, meeting_id: str) -> int:
        """One past the highest; two processes numbering at once collide on the key, and the second is retried."""
        query = select(func.coalesce(func.max(INTERESTS.c.id), 0)).where(INTERESTS.c.meeting_id == meeting_id)
        return int((await self._session.execute(query)).scalar_one()) + 1

    async def add(self, meeting_id: str, interest: Interest) -> None:
        await self._session.execute(insert(INTERESTS).values(**interest_values(meeting_id, interest)))

    async def save(self, meeting_id: str, interest: Interest) -> None:
        """Write a decision (or a withdrawal) onto the expression's row."""
        values = interest_values(meeting_id, interest)
        key = (INTERESTS.c.meeting_id == meeting_id, INTERESTS.c.id == interest.id)
        await self._session.execute(update(INTERESTS).where(*key).values(**values))

    async def all(self, meeting_id: str) -> Sequence[Interest]:
        query = select(INTERESTS).where(INTERESTS.c.meeting_id == meeting_id).order_by(INTERESTS.c.id)
        return tuple(interest_from_row(row) for row in (await self._session.execute(query)).mappings())
