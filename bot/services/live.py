"""Live lists: one message per session channel and platform, edited in place, debounced so a burst is one edit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime

from bot.domain.meeting import Session
from bot.services.delivery_ports import ChatPlatform, Shown
from bot.services.displays import Displays
from bot.services.floor import FloorService
from bot.services.ports import Display

log = logging.getLogger(__name__)
Wait = Callable[[float], Awaitable[None]]


class LiveBoard:
    """Refreshes a session's message at most once per `debounce` seconds, with the list as it is by then.

    Where the message is lives in the database (`Displays`): a restarted or second replica edits the same
    message; two replicas posting the first one at once keep one and delete the other.
    """

    def __init__(
        self,
        floor: FloorService,
        displays: Displays,
        platform: ChatPlatform,
        now: Callable[[], datetime],
        *,
        debounce: float = 1.0,
        wait: Wait = asyncio.sleep,
    ) -> None:
        self.floor = floor
        self.displays = displays
        self.platform = platform
        self.now = now
        self.debounce = debounce
        self.wait = wait
        self._dirty: set[str] = set()
        self._refreshers: dict[str, asyncio.Task[None]] = {}

    def changed(self, session: Session) -> None:
        """A list changed: refresh its message soon, once, however many changes come meanwhile."""
        if not self.platform.channel_id(session.channel):
            return
        self._dirty.add(session.id)
        if session.id not in self._refreshers:
            self._refreshers[session.id] = asyncio.get_running_loop().create_task(self._refresher(session))

    async def settled(self) -> None:
        """Wait until every change so far is on screen (tests, shutdown)."""
        while self._refreshers:
            await asyncio.gather(*self._refreshers.values(), return_exceptions=True)

    async def _refresher(self, session: Session) -> None:
        """One refresher per session, so edits reach the platform in order; it ends when nothing changed meanwhile."""
        try:
            while session.id in self._dirty:
                await self.wait(self.debounce)
                self._dirty.discard(session.id)
                await self._refresh_logged(session)
        finally:
            del self._refreshers[session.id]

    async def _refresh_logged(self, session: Session) -> None:
        try:
            await self.refresh(session)
        except Exception as error:  # the next change tries again; a platform failing must not stop the list
            log.warning("could not refresh the live list of %s: %s", session.id, self.platform.reason(error))

    async def refresh(self, session: Session) -> None:
        """Make the session's message show the list as it is, unless it shows that already (whoever edited it)."""
        channel = self.platform.channel_id(session.channel)
        if channel is None:
            return
        shown = self.platform.board(await self.floor.board(session, self.now()))
        stored = await self.displays.find(session.id, self.platform.name)
        if stored and stored.channel == channel:
            if stored.shown == shown.digest:
                return
            if await self.platform.edit(channel, stored.message_id, shown):
                await self.displays.replace(replace(stored, shown=shown.digest))
                return
        message_id = await self.platform.show(channel, shown)
        mine = self.displays.of(session.id, self.platform.name, channel, message_id, shown.digest)
        if stored:  # the stored message was deleted, or the session moved to another channel
            await self.displays.replace(mine)
            return
        await self._claim(mine, shown)

    async def _claim(self, mine: Display, shown: Shown) -> None:
        kept = await self.displays.claim(mine)
        if kept.message_id != mine.message_id:
            # Another replica posted the first message meanwhile: theirs stays, ours goes.
            await self.platform.delete(mine.channel, mine.message_id)
            await self.platform.edit(kept.channel, kept.message_id, shown)
            await self.displays.replace(replace(kept, shown=shown.digest))
