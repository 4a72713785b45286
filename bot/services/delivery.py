"""The delivery router: the platforms serving a meeting, by name, each with its outbox and its live lists."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.services.delivery_ports import ChatPlatform
from bot.services.displays import Displays
from bot.services.floor import FloorService
from bot.services.live import LiveBoard
from bot.services.outbox import Outbox, Record, Wait
from bot.services.ports import Clock
from bot.services.views import Post

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Served:
    """One platform serving the meeting: its messages, its outbox and its live lists."""

    platform: ChatPlatform
    outbox: Outbox
    live: LiveBoard


class Delivery:
    """Routes each post to the platforms it is for: a post naming one goes there, a direct message to the
    platforms whose ids the person's is, any other to every platform.

    One process (or several replicas on one database) may serve Slack and Discord for the same meeting: each
    platform keeps its own order, retries and live messages (stored per platform), so one failing holds up
    nothing on the other.
    """

    def __init__(
        self,
        floor: FloorService,
        displays: Displays,
        clock: Clock,
        *,
        record: Record | None = None,
        debounce: float = 1.0,
        wait: Wait = asyncio.sleep,
    ) -> None:
        self.floor = floor
        self.displays = displays
        self.clock = clock
        self.record = record
        self.debounce = debounce  # seconds a live list waits for more changes before it is edited
        self.wait = wait
        self._served: dict[str, Served] = {}

    def serve(self, platform: ChatPlatform) -> Served:
        """Deliver through this platform from now on; its live lists follow every change of the floor."""
        # The transcript keeps a channel post once: as the first platform serving the meeting delivered it.
        record = None if self._served else self.record
        outbox = Outbox(platform, record=record, wait=self.wait)
        live = LiveBoard(self.floor, self.displays, platform, self.clock.now, debounce=self.debounce, wait=self.wait)
        self.floor.watch(live.changed)
        served = self._served[platform.name] = Served(platform, outbox, live)
        return served

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(self._served)

    def __getitem__(self, platform: str) -> Served:
        return self._served[platform]

    def put(self, post: Post) -> None:
        """Queue the post on each platform it is for; the caller does not wait for any platform."""
        for served in self._targets(post):
            served.outbox.put(post)

    async def deliver(self, post: Post) -> None:
        """For the scheduler: a reminder (keyed) is sent now, so its receipt is true; the rest is queued.

        A reminder a platform refuses, even for a lasting reason, is raised: the reminder service records it
        as failed and tries again with its own growing wait, so it is never recorded as posted when it was not.
        """
        if not post.key:
            self.put(post)
            return
        failures = []
        for served in self._targets(post):
            try:
                await served.outbox.send(post)
            except Exception as error:
                failures.append(error)
        if failures:
            raise failures[0]

    async def run(self) -> None:
        """Every platform's outbox worker, until cancelled."""
        await asyncio.gather(*(served.outbox.run() for served in self._served.values()))

    async def settled(self) -> None:
        """Wait until every change and post so far is on every platform (tests, shutdown)."""
        for served in self._served.values():
            await served.live.settled()
            await served.outbox.settled()

    def _targets(self, post: Post) -> list[Served]:
        if post.platform is None and post.recipient is not None:
            # A direct message, not an answer: each platform knows its own ids (a Discord id is no Slack id).
            found = [s for s in self._served.values() if s.platform.reaches(post.recipient)]
            if not found:
                log.warning("a direct message for a participant no platform here can reach is dropped")
            return found
        if post.platform is None:
            return list(self._served.values())
        served = self._served.get(post.platform)
        if served is None:
            log.warning("a post for %s, which does not serve this meeting, is dropped", post.platform)
            return []
        return [served]
