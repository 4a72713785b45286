"""Moving time forward and firing, in order, whatever falls due on the way: reminders, speaker timers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import datetime
from typing import Protocol

from bot.services.ports import Clock
from bot.services.views import Post

Address = Callable[[Sequence[Post]], Awaitable[list[Post]]]


class DueWork(Protocol):
    """Something that has work at known moments; it remembers what it has done."""

    async def next_due(self, now: datetime) -> datetime | None:
        """The earliest moment with work not yet done (it may be <= now), or None."""
        ...

    async def fire(self, now: datetime) -> list[Post]:
        """Do all work due at or before now, and return what to post."""
        ...


class Timeline:
    def __init__(self, clock: Clock, sources: Sequence[DueWork], address: Address | None = None) -> None:
        self.clock = clock
        self.sources = sources
        self.address = address  # each post given the language it is written in (None: as the sources wrote them)

    async def run_until(self, target: datetime) -> AsyncIterator[list[Post]]:
        """Sleep on the clock from due moment to due moment up to target, yielding each firing's posts."""
        while (due := await self.earliest()) is not None and due <= target:
            await self.clock.sleep_until(due)
            for posts in await self.fire():
                yield posts
        await self.clock.sleep_until(target)

    async def fire(self) -> list[list[Post]]:
        """Let every source do what is due now; one list of posts per source that had any."""
        now = self.clock.now()
        fired = [await source.fire(now) for source in self.sources]
        if self.address is None:
            return [posts for posts in fired if posts]
        return [await self.address(posts) for posts in fired if posts]

    async def earliest(self) -> datetime | None:
        now = self.clock.now()
        dues = [due for source in self.sources if (due := await source.next_due(now)) is not None]
        return min(dues, default=None)
