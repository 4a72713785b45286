"""The SQLAlchemy people repositories: self-declarations (/iam), their verification, and choices (/zone, /language)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, delete, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.choices import ReaderChoices
from bot.domain.language import language_of
from bot.domain.participants import Participant
from bot.storage.dialects import insert_on_conflict
from bot.storage.people.mapping import declaration_values, participant_from_row
from bot.storage.people.tables import DECLARATIONS, READER_SETTINGS


class SqlAlchemyParticipantRepository:
    """One row per participant and meeting; declaring again replaces the row and needs verifying again."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def declare(self, meeting_id: str, participant: Participant, at: datetime) -> None:
        values = declaration_values(participant, at)
        connection = await self._session.connection()
        # An upsert rather than read-then-write: two processes declaring the same person cannot collide.
        insert = insert_on_conflict(connection.dialect, DECLARATIONS).values(
            meeting_id=meeting_id, participant_id=participant.id, **values
        )
        await connection.execute(
            insert.on_conflict_do_update(index_elements=["meeting_id", "participant_id"], set_=values)
        )

    async def verify(self, meeting_id: str, participant_id: str, by: str, at: datetime) -> Participant | None:
        connection = await self._session.connection()
        statement = (
            update(DECLARATIONS)
            .where(DECLARATIONS.c.meeting_id == meeting_id, DECLARATIONS.c.participant_id == participant_id)
            .values(verified=True, verified_by=by, verified_at=at)
            .returning(*DECLARATIONS.c)
        )
        row = (await connection.execute(statement)).mappings().one_or_none()
        return participant_from_row(row) if row is not None else None

    async def declared(self, meeting_id: str) -> Sequence[Participant]:
        query = (
            select(DECLARATIONS)
            .where(DECLARATIONS.c.meeting_id == meeting_id)
            .order_by(DECLARATIONS.c.declared_at, DECLARATIONS.c.participant_id)
        )
        connection = await self._session.connection()
        return tuple(participant_from_row(row) for row in (await connection.execute(query)).mappings())

    async def declarations(self, meeting_id: str, participant_ids: Sequence[str]) -> dict[str, Participant]:
        query = select(DECLARATIONS).where(
            DECLARATIONS.c.meeting_id == meeting_id, DECLARATIONS.c.participant_id.in_(set(participant_ids))
        )
        connection = await self._session.connection()
        rows = (await connection.execute(query)).mappings()
        return {row["participant_id"]: participant_from_row(row) for row in rows}


class SqlAlchemyReaderChoiceRepository:
    """One row per participant and meeting: the zone and language they chose; saving again replaces it."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def save(self, meeting_id: str, participant_id: str, choices: ReaderChoices, at: datetime) -> None:
        connection = await self._session.connection()
        if choices.empty:
            await connection.execute(
                delete(READER_SETTINGS).where(
                    READER_SETTINGS.c.meeting_id == meeting_id, READER_SETTINGS.c.participant_id == participant_id
                )
            )
            return
        values = {"zone": choices.zone, "language": choices.language, "set_at": at}
        insert = insert_on_conflict(connection.dialect, READER_SETTINGS).values(
            meeting_id=meeting_id, participant_id=participant_id, **values
        )
        await connection.execute(
            insert.on_conflict_do_update(index_elements=["meeting_id", "participant_id"], set_=values)
        )

    async def of(self, meeting_id: str, participant_ids: Sequence[str]) -> dict[str, ReaderChoices]:
        return await self._read(meeting_id, READER_SETTINGS.c.participant_id.in_(set(participant_ids)))

    async def all(self, meeting_id: str) -> dict[str, ReaderChoices]:
        return await self._read(meeting_id, true())

    async def _read(self, meeting_id: str, which: ColumnElement[bool]) -> dict[str, ReaderChoices]:
        table = READER_SETTINGS
        query = select(table.c.participant_id, table.c.zone, table.c.language).where(
            table.c.meeting_id == meeting_id, which
        )
        connection = await self._session.connection()
        return {
            row.participant_id: ReaderChoices(row.zone, language_of(row.language))
            for row in await connection.execute(query)
        }
