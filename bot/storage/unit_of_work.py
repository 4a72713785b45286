"""The SQLAlchemy unit of work: one AsyncSession, hence one transaction, per `async with` block."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.ports import UnitOfWork
from bot.storage.consents.repository import SqlAlchemyConsentRepository
from bot.storage.corrections.repository import SqlAlchemyCorrectionRepository
from bot.storage.displays.repository import SqlAlchemyDisplayRepository
from bot.storage.interests.repository import SqlAlchemyInterestRepository
from bot.storage.meetings.repository import SqlAlchemyMeetingRepository
from bot.storage.people.repository import SqlAlchemyParticipantRepository, SqlAlchemyReaderChoiceRepository
from bot.storage.queues.cache import QueueCache
from bot.storage.queues.repository import SqlAlchemyQueueRepository
from bot.storage.reminders.repository import SqlAlchemyReminderRepository, SqlAlchemySubscriptionRepository
from bot.storage.submissions.repository import SqlAlchemySubmissionRepository
from bot.storage.transcript.repository import SqlAlchemyTranscriptRepository


class SqlAlchemyUnitOfWork(UnitOfWork):
    """`async with uow: ...; await uow.commit()`; whatever was not committed is rolled back on exit.

    The same object can be entered again after it was left; each block gets a fresh session. The lists of
    speakers a block handed out are settled with the process's cache on commit and on exit. The repository
    attributes are declared by the port it subclasses, and built in one place, `_build_repositories`.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], queue_cache: QueueCache) -> None:
        self._session_factory = session_factory
        self._queue_cache = queue_cache
        self._session: AsyncSession | None = None
        self._queues: SqlAlchemyQueueRepository | None = None

    def _build_repositories(self, session: AsyncSession) -> None:
        """Every repository of the block, each working through its session: the one list of them on this side."""
        self.meetings = SqlAlchemyMeetingRepository(session)
        self.transcript = SqlAlchemyTranscriptRepository(session)
        self.queues = self._queues = SqlAlchemyQueueRepository(session, self._queue_cache)
        self.participants = SqlAlchemyParticipantRepository(session)
        self.reminders = SqlAlchemyReminderRepository(session)
        self.subscriptions = SqlAlchemySubscriptionRepository(session)
        self.corrections = SqlAlchemyCorrectionRepository(session)
        self.displays = SqlAlchemyDisplayRepository(session)
        self.submissions = SqlAlchemySubmissionRepository(session)
        self.interests = SqlAlchemyInterestRepository(session)
        self.consents = SqlAlchemyConsentRepository(session)
        self.choices = SqlAlchemyReaderChoiceRepository(session)

    async def __aenter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open; nested blocks would share a transaction")
        self._session = self._session_factory()
        self._build_repositories(self._session)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        session, self._session = self._open_session(), None
        queues, self._queues = self._queues, None
        try:
            await session.rollback()
        finally:
            # Settled even when the rollback fails: an aggregate changed in this block must not stay cached.
            if queues is not None and kind is None:
                queues.checkout.abandoned()
            elif queues is not None:  # left by an error: a list may be half changed, so none is trusted
                queues.checkout.spoiled()
            await session.close()

    async def commit(self) -> None:
        await self._open_session().commit()
        if self._queues is not None:
            self._queues.checkout.committed()

    def _open_session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `async with uow:`")
        return self._session
