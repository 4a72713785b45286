"""The SQLAlchemy repositories: meetings and transcripts read and written through one AsyncSession."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.meeting import Meeting, Session
from bot.domain.transcript import TranscriptEntry
from bot.storage.dialects import insert_on_conflict
from bot.storage.mapping import entry_from_row, entry_values, meeting_from_dict, meeting_to_dict
from bot.storage.queue_tables import QueueStateRow
from bot.storage.tables import MeetingRow, SessionRow, TranscriptRow, core

TRANSCRIPT = core(TranscriptRow)


class SqlAlchemyMeetingRepository:
    """Meetings as one JSON document each, plus one row per session for other tables to refer to."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def save(self, meeting: Meeting, *, loaded_at: datetime) -> None:
        """Insert or replace the meeting; its session rows follow the timetable (added, updated, deleted)."""
        row = await self._session.get(MeetingRow, meeting.id)
        if row is None:
            row = MeetingRow(id=meeting.id)
            self._session.add(row)
        row.title = meeting.title
        row.timezone = meeting.timezone
        row.first_day = min(meeting.days, default=None)
        row.last_day = max(meeting.days, default=None)
        row.loaded_at = loaded_at
        # ensure_ascii=False keeps Cyrillic or Georgian titles readable when someone inspects the table.
        row.schedule = json.dumps(meeting_to_dict(meeting), ensure_ascii=False)
        # The meeting row must exist before session rows can point at it.
        await self._session.flush()
        await self._sync_sessions(meeting)

    async def get(self, meeting_id: str) -> Meeting | None:
        row = await self._session.get(MeetingRow, meeting_id)
        return meeting_from_dict(json.loads(row.schedule)) if row is not None else None

    async def _sync_sessions(self, meeting: Meeting) -> None:
        query = select(SessionRow).where(SessionRow.meeting_id == meeting.id)
        existing = {row.session_id: row for row in await self._session.scalars(query)}
        wanted = {session.id: session for session in meeting.sessions}
        dropped = {sid: row for sid, row in existing.items() if sid not in wanted}
        kept = await self._sessions_with_records(meeting.id) if dropped else set()
        for session_id, stale in dropped.items():
            if session_id not in kept:
                await self._session.delete(stale)
        for session_id, session in wanted.items():
            row = existing.get(session_id)
            if row is None:
                row = SessionRow(meeting_id=meeting.id, session_id=session_id)
                self._session.add(row)
            _copy_session(session, row)

    async def _sessions_with_records(self, meeting_id: str) -> set[str]:
        """Sessions with a list of speakers: their rows stay, so their record does, after a reload drops them."""
        query = select(QueueStateRow.session_id).where(QueueStateRow.meeting_id == meeting_id)
        return set(await self._session.scalars(query))


def _copy_session(session: Session, row: SessionRow) -> None:
    row.kind = session.kind.value
    row.title = session.title
    row.starts_at = session.start
    row.ends_at = session.end
    row.channel = session.channel


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
        # multi-row INSERT ("insertmanyvalues"), in the order given.
        returned = await connection.execute(
            insert.returning(TRANSCRIPT.c.request_id, sort_by_parameter_order=True), [entry_values(e) for e in entries]
        )
        fresh = {row[0] for row in returned if row[0] is not None}
        kept = []
        for entry in entries:  # the same delivery twice in one batch: the first is the one kept
            kept.append(entry.request_id is None or entry.request_id in fresh)
            fresh.discard(entry.request_id)
        return kept

    async def entries(self, meeting_id: str, *, session_id: str | None = None) -> Sequence[TranscriptEntry]:
        """Entries in the order they happened; the id orders entries logged at the same instant."""
        query = select(TranscriptRow).where(TranscriptRow.meeting_id == meeting_id)
        if session_id is not None:
            query = query.where(TranscriptRow.session_id == session_id)
        rows = await self._session.scalars(query.order_by(TranscriptRow.at, TranscriptRow.id))
        return tuple(entry_from_row(row) for row in rows)
