"""The SQLAlchemy meeting repository: the timetable as one JSON document, its sessions as rows."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.meeting import Meeting
from bot.storage.meetings.mapping import copy_session, meeting_from_dict, meeting_to_dict
from bot.storage.meetings.tables import MeetingRow, SessionRow
from bot.storage.queues.tables import QueueStateRow


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
            copy_session(session, row)

    async def _sessions_with_records(self, meeting_id: str) -> set[str]:
        """Sessions with a list of speakers: their rows stay, so their record does, after a reload drops them."""
        query = select(QueueStateRow.session_id).where(QueueStateRow.meeting_id == meeting_id)
        return set(await self._session.scalars(query))
