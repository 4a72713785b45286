"""The SQLAlchemy display repository: the first replica to claim a session's live message keeps it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.ports import Display
from bot.storage.dialects import insert_on_conflict
from bot.storage.displays.mapping import display_from_row, display_values
from bot.storage.displays.tables import DISPLAYS, KEY


class SqlAlchemyDisplayRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def find(self, meeting_id: str, session_id: str, platform: str) -> Display | None:
        query = select(DISPLAYS).where(
            DISPLAYS.c.meeting_id == meeting_id, DISPLAYS.c.session_id == session_id, DISPLAYS.c.platform == platform
        )
        row = (await self._session.execute(query)).mappings().one_or_none()
        return display_from_row(row) if row is not None else None

    async def claim(self, display: Display) -> Display:
        """Store it unless another replica stored one first; the display that is stored either way."""
        connection = await self._session.connection()
        insert = insert_on_conflict(connection.dialect, DISPLAYS).values(**display_values(display))
        await connection.execute(insert.on_conflict_do_nothing(index_elements=list(KEY)))
        found = await self.find(display.meeting_id, display.session_id, display.platform)
        assert found is not None  # it was there, or it is now
        return found

    async def replace(self, display: Display) -> None:
        connection = await self._session.connection()
        values = display_values(display)
        insert = insert_on_conflict(connection.dialect, DISPLAYS).values(**values)
        now = {key: values[key] for key in ("channel", "message_id", "shown")}
        await connection.execute(insert.on_conflict_do_update(index_elements=list(KEY), set_=now))
