"""The running scheduler: sleeps on the clock until the next due moment, or until the plan changes, then fires."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from bot.services.ports import Clock
from bot.services.timeline import Timeline
from bot.services.views import Post

log = logging.getLogger(__name__)
Receipts = Callable[[list[tuple[str, str | None]], datetime], Awaitable[None]]


class Scheduler:
    """No polling: one sleep per due moment; `wake()` (a reload, a new hand, a changed limit) cuts it short."""

    def __init__(
        self,
        clock: Clock,
        timeline: Timeline,
        deliver: Callable[[Post], Awaitable[None]],
        receipts: Receipts | None = None,
    ) -> None:
        self.clock = clock
        self.timeline = timeline
        self.deliver = deliver
        self.receipts = receipts
        self._woken = asyncio.Event()

    def wake(self) -> None:
        self._woken.set()

    async def run(self) -> None:
        while True:
            due = await self.timeline.earliest()
            if due is None or due > self.clock.now():
                await self._sleep(due)
                continue
            results = [(post.key, await self._deliver(post)) for posts in await self.timeline.fire() for post in posts]
            keyed = [(key, error) for key, error in results if key is not None]
            if keyed and self.receipts:
                await self.receipts(keyed, self.clock.now())

    async def _sleep(self, due: datetime | None) -> None:
        self._woken.clear()
        waits: list[asyncio.Future[Any]] = [asyncio.ensure_future(self._woken.wait())]
        if due is not None:
            waits.append(asyncio.ensure_future(self.clock.sleep_until(due)))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
            # gather, not a suppressed await: a cancellation of this task itself must still get through.
            await asyncio.gather(*waits, return_exceptions=True)

    async def _deliver(self, post: Post) -> str | None:
        """None when delivered, else the error, which the receipt records so the post is retried."""
        try:
            await self.deliver(post)
        except Exception as error:
            # A platform failing must not stop the clock.
            log.warning("could not deliver a scheduled post to %s: %s", post.channel or post.recipient, error)
            return str(error) or type(error).__name__
        return None
