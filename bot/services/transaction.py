"""One transaction of commands or clock work: its unit of work, the lists it holds, what it saves and tells."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable

from bot.domain.choices import ReaderChoices
from bot.domain.participants import Participant
from bot.services.ports import UnitOfWork

log = logging.getLogger(__name__)


class Transaction:
    """What a batch writes, committed together or not at all.

    Work reads and writes through `uow`. An aggregate it changes registers its save with `saving`, run
    once just before the commit; `afterwards` callbacks run once the commit succeeded (a live display is
    refreshed then, never for a change that was rolled back). `moved` names the sessions whose list another
    process saved while an earlier attempt of this batch ran: a change that is not safe to replay is
    refused there rather than applied to a list its author did not see.
    """

    def __init__(self, uow: UnitOfWork, moved: frozenset[str] = frozenset()) -> None:
        self.uow = uow
        self.moved = moved
        # Declarations of the batch's actors, read in one query before any work runs (None: not declared).
        self.people: dict[str, Participant | None] = {}
        # What the batch's actors chose with /zone and /language, read in the same way (absent: not read yet).
        self.choices: dict[str, ReaderChoices] = {}
        self._held: list[asyncio.Lock] = []
        self._saves: dict[Hashable, Callable[[], Awaitable[None]]] = {}
        self._after: dict[Hashable, Callable[[], None]] = {}

    async def hold(self, lock: asyncio.Lock) -> None:
        """Take a lock until the transaction ends; asking again for one already held does nothing."""
        if all(held is not lock for held in self._held):
            await lock.acquire()
            self._held.append(lock)

    def saving(self, key: Hashable, save: Callable[[], Awaitable[None]]) -> None:
        """Run `save` once before the commit, however many changes asked for it under this key."""
        self._saves.setdefault(key, save)

    def afterwards(self, key: Hashable, tell: Callable[[], None]) -> None:
        """Run `tell` once after a successful commit."""
        self._after.setdefault(key, tell)

    async def commit(self) -> None:
        for save in list(self._saves.values()):
            await save()
        await self.uow.commit()

    def release(self) -> None:
        """Let the locks go, newest first: called once the unit of work is closed, committed or not."""
        while self._held:
            self._held.pop().release()

    def told(self) -> None:
        for tell in self._after.values():
            try:
                tell()
            except Exception:  # the batch is committed: a watcher's fault must not make it look failed
                log.exception("a watcher failed after a commit")
