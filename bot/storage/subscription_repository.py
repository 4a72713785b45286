"""The SQLAlchemy subscription repository: who asked for personal reminders of which session."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.dialects import insert_on_conflict
from bot.storage.reminder_tables import EVERY_SESSION, SUBSCRIPTIONS


class SqlAlchemySubscriptionRepository:
    """One row per (meeting, participant, session); session '*' stands for every session of the meeting."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def subscribe(self, meeting_id: str, participant_id: str, session_id: str) -> bool:
        connection = await self._session.connection()
        # ON CONFLICT rather than read-then-insert: a participant pressing twice, or two processes, cannot
        # collide on the primary key; the row count says whether this call added it.
        insert = insert_on_conflict(connection.dialect, SUBSCRIPTIONS).values(
            meeting_id=meeting_id, participant_id=participant_id, session_id=session_id
        )
        result = await connection.execute(insert.on_conflict_do_nothing())
        return result.rowcount == 1

    async def unsubscribe_all(self, meeting_id: str, participant_id: str) -> int:
        connection = await self._session.connection()
        statement = delete(SUBSCRIPTIONS).where(
            SUBSCRIPTIONS.c.meeting_id == meeting_id, SUBSCRIPTIONS.c.participant_id == participant_id
        )
        return (await connection.execute(statement)).rowcount

    async def of_participant(self, meeting_id: str, participant_id: str) -> Sequence[str]:
        query = select(SUBSCRIPTIONS.c.session_id).where(
            SUBSCRIPTIONS.c.meeting_id == meeting_id, SUBSCRIPTIONS.c.participant_id == participant_id
        )
        connection = await self._session.connection()
        # Sorted here, not by ORDER BY: PostgreSQL would order by its collation, Python by code point.
        return tuple(sorted((await connection.scalars(query)).all()))

    async def subscribers(self, meeting_id: str, session_id: str) -> Sequence[str]:
        query = (
            select(SUBSCRIPTIONS.c.participant_id)
            .where(
                SUBSCRIPTIONS.c.meeting_id == meeting_id,
                SUBSCRIPTIONS.c.session_id.in_((session_id, EVERY_SESSION)),
            )
            .distinct()
        )
        connection = await self._session.connection()
        return tuple(sorted((await connection.scalars(query)).all()))
