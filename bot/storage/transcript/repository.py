"""The SQLAlchemy transcript repository: an append-only table, read back in the order things happened."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.transcript import TranscriptEntry
from bot.storage.dialects import insert_on_conflict
from bot.storage.transcript.mapping import entry_from_row, entry_values
from bot.storage.transcript.tables import TRANSCRIPT


class SqlAlchemyTranscriptRepository:
    """The transcript as an append-only table, read back in the order things happened."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def append(self, entry: TranscriptEntry) -> bool:
        return (await self.append_all([entry]))[0]

    async def append_all(self, entries: Sequence[TranscriptEntry]) -> list[bool]:
        """One INSERT for all, ids in order; a request id already there (a retried delivery, perhaps sent to
        another replica) is skipped by the unique index, in the same statement."""
        if not entries:
            return []
        connection = await self._session.connection()
        insert = insert_on_conflict(connection.dialect, TRANSCRIPT).on_conflict_do_nothing(
            index_elements=["request_id"]
        )
        # Executemany with RETURNING: SQLAlchemy compiles the statement once and sends the rows as one
        # multi-row INSERT ("insertmanyvalues"). Only the set of request ids matters, not their order: asking
        # for rows back in parameter order (sort_by_parameter_order) makes SQLite run one INSERT per row.
        returned = await connection.execute(
            insert.returning(TRANSCRIPT.c.request_id), [entry_values(e) for e in entries]
        )
        fresh = {row[0] for row in returned if row[0] is not None}
        kept = []
        for entry in entries:  # the same delivery twice in one batch: the first is the one kept
            kept.append(entry.request_id is None or entry.request_id in fresh)
            fresh.discard(entry.request_id)
        return kept

    async def entries(self, meeting_id: str, *, session_id: str | None = None) -> Sequence[TranscriptEntry]:
        """Entries in the order they happened; the id orders entries logged at the same instant."""
        query = select(TRANSCRIPT).where(TRANSCRIPT.c.meeting_id == meeting_id)
        if session_id is not None:
            query = query.where(TRANSCRIPT.c.session_id == session_id)
        connection = await self._session.connection()
        rows = await connection.execute(query.order_by(TRANSCRIPT.c.at, TRANSCRIPT.c.id))
        return tuple(entry_from_row(row) for row in rows.mappings())
