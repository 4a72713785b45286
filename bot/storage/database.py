"""The database as the bot holds it: engine and session factory, migrated to the newest schema on open."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from bot.storage.engine import create_engine
from bot.storage.migrate import up_to_date, upgrade
from bot.storage.queues.cache import QueueCache
from bot.storage.unit_of_work import SqlAlchemyUnitOfWork


class Database:
    """Open with `await Database.open(url)`, hand out units of work with `uow()`, and `close()` at the end."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        # expire_on_commit=False: reading a row after commit would otherwise trigger a lazy load,
        # which async SQLAlchemy cannot do (MissingGreenlet).
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # One per Database, as one per process: see QueueCache for why callers serialise per session.
        self.queue_cache = QueueCache()

    @classmethod
    async def open(cls, url: str) -> Self:
        """Connect and upgrade to the newest schema, so an empty database is ready without a manual step."""
        engine = create_engine(url)
        try:
            if not await up_to_date(engine):
                await upgrade(engine)
        except BaseException:
            # Do not leak pooled connections (or, on SQLite, an open file) when the start fails.
            await engine.dispose()
            raise
        return cls(engine)

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self._sessions, self.queue_cache)

    async def close(self) -> None:
        await self.engine.dispose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.close()
