"""The running scheduler: sleeps on the clock until the next due moment, or until the plan changes, then fires."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from bot.services.ports import Clock
from bot.services.timeline import Timeline
from bot.services.views import Post

log = logging.getLogger(__name__)


class Scheduler:
    """No polling: one sleep per due moment; `wake()` (a reload, a new hand, a changed limit) cuts it short."""

    def __init__(self, clock: Clock, timeline: Timeline, deliver: Callable[[Post], Awaitable[None]]) -> None:
        self.clock = clock
        self.timeline = timeline
        self.deliver = deliver
        self._woken = asyncio.Event()

    def wake(self) -> None:
        self._woken.set()

    async def run(self) -> None:
        while True:
            due = await self.timeline.earliest()
            if due is None or due > self.clock.now():
                await self._sleep(due)
                continue
            for posts in await self.timeline.fire():
                for post in posts:
                    await self._deliver(post)

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
                with contextlib.suppress(asyncio.CancelledError):
                    await wait

    async def _deliver(self, post: Post) -> None:
        try:
            await self.deliver(post)
        except Exception:
            # A platform failing must not stop the clock; reminders report their own failures and are retried.
            log.exception("could not deliver a scheduled post to %s", post.channel or post.recipient)
