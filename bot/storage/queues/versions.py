"""Every list's version in one SELECT: how the live page notices a change another replica committed."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.queues.tables import STATES


class SqlAlchemyListVersions:
    """Reads on a connection of its own, outside any unit of work: it must not wait for a batch's lock."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def versions(self, meeting_id: str) -> Mapping[str, int]:
        query = select(STATES.c.session_id, STATES.c.version).where(STATES.c.meeting_id == meeting_id)
        async with self._engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        return {row.session_id: row.version for row in rows}
