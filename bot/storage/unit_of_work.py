"""The SQLAlchemy unit of work: one AsyncSession, hence one transaction, per `async with` block."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.ports import (
    CorrectionRepository,
    DisplayRepository,
    MeetingRepository,
    ParticipantRepository,
    QueueRepository,
    ReminderRepository,
    SubscriptionRepository,
    TranscriptRepository,
)
from bot.storage.correction_repository import SqlAlchemyCorrectionRepository
from bot.storage.display_repository import SqlAlchemyDisplayRepository
from bot.storage.participant_repository import SqlAlchemyParticipantRepository
from bot.storage.queue_cache import QueueCache
from bot.storage.queue_repository import SqlAlchemyQueueRepository
from bot.storage.reminder_repository import SqlAlchemyReminderRepository
from bot.storage.repositories import SqlAlchemyMeetingRepository, SqlAlchemyTranscriptRepository
from bot.storage.subscription_repository import SqlAlchemySubscriptionRepository


class SqlAlchemyUnitOfWork:
    """`async with uow: ...; await uow.commit()`; whatever was not committed is rolled back on exit.

    The same object can be entered again after it was left; each block gets a fresh session. The lists of
    speakers a block handed out are settled with the process's cache on commit and on exit.
    """

    # Typed as the ports: the protocol's attributes are settable, so mypy wants the exact types.
    meetings: MeetingRepository
    transcript: TranscriptRepository
    queues: QueueRepository
    participants: ParticipantRepository
    reminders: ReminderRepository
    subscriptions: SubscriptionRepository
    corrections: CorrectionRepository
    displays: DisplayRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], queue_cache: QueueCache) -> None:
        self._session_factory = session_factory
        self._queue_cache = queue_cache
        self._session: AsyncSession | None = None
        self._queues: SqlAlchemyQueueRepository | None = None

    async def __aenter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open; nested blocks would share a transaction")
        self._session = self._session_factory()
        self.meetings = SqlAlchemyMeetingRepository(self._session)
        self.transcript = SqlAlchemyTranscriptRepository(self._session)
        self._queues = self.queues = SqlAlchemyQueueRepository(self._session, self._queue_cache)
        self.participants = SqlAlchemyParticipantRepository(self._session)
        self.reminders = SqlAlchemyReminderRepository(self._session)
        self.subscriptions = SqlAlchemySubscriptionRepository(self._session)
        self.corrections = SqlAlchemyCorrectionRepository(self._session)
        self.displays = SqlAlchemyDisplayRepository(self._session)
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
