"""The SQLAlchemy submission repository: versions added, and read back by delegation and version."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.submissions import Submission
from bot.storage.submissions.mapping import submission_from_row, submission_values
from bot.storage.submissions.tables import SUBMISSIONS


class SqlAlchemySubmissionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, meeting_id: str, submission: Submission) -> None:
        """Store a new version. Another process that stored the same version of the delegation first makes the
        unique index refuse it: the command fails alone ("nothing was changed, send it again") and, sent again,
        is numbered after that one."""
        await self._session.execute(insert(SUBMISSIONS).values(**submission_values(meeting_id, submission)))

    async def all(self, meeting_id: str) -> Sequence[Submission]:
        """Every version of every delegation, in the order they were received."""
        query = (
            select(SUBMISSIONS)
            .where(SUBMISSIONS.c.meeting_id == meeting_id)
            .order_by(SUBMISSIONS.c.received_at, SUBMISSIONS.c.id)
        )
        return tuple(submission_from_row(row) for row in (await self._session.execute(query)).mappings())
