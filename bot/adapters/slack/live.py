"""One live queue message per session channel, edited in place and debounced so a burst of hands is one edit."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.blocks import live_blocks, summary
from bot.adapters.slack.channels import ChannelMap
from bot.adapters.slack.text import SlackTimes, to_slack
from bot.domain.meeting import Session
from bot.services.displays import Displays
from bot.services.floor import FloorService

log = logging.getLogger(__name__)
PLATFORM = "slack"


class LiveBoard:
    """Refreshes a session's message at most once per `debounce` seconds, with the list as it is by then.

    The message's ts is kept in the database (`Displays`): a restarted or second replica edits the same
    message; two replicas posting the first one at once keep one and delete the other.
    """

    def __init__(
        self,
        floor: FloorService,
        displays: Displays,
        client: AsyncWebClient,
        channels: ChannelMap,
        now: Callable[[], datetime],
        *,
        debounce: float = 1.0,
    ) -> None:
        self.floor = floor
        self.displays = displays
        self.client = client
        self.channels = channels
        self.now = now
        self.debounce = debounce
        self.times = SlackTimes()
        self._dirty: set[str] = set()
        self._refreshers: dict[str, asyncio.Task[None]] = {}

    def changed(self, session: Session) -> None:
        """A list changed: refresh its message soon, once, however many changes come meanwhile."""
        if not self.channels.id_of(session.channel):
            return
        self._dirty.add(session.id)
        if session.id not in self._refreshers:
            self._refreshers[session.id] = asyncio.get_running_loop().create_task(self._refresher(session))

    async def settled(self) -> None:
        """Wait until every change so far is on screen (tests, shutdown)."""
        while self._refreshers:
            await asyncio.gather(*self._refreshers.values(), return_exceptions=True)

    async def _refresher(self, session: Session) -> None:
        """One refresher per session, so edits reach Slack in order; it ends when nothing changed meanwhile."""
        try:
            while session.id in self._dirty:
                await asyncio.sleep(self.debounce)
                self._dirty.discard(session.id)
                await self._refresh_logged(session)
        finally:
            del self._refreshers[session.id]

    async def _refresh_logged(self, session: Session) -> None:
        try:
            await self.refresh(session)
        except SlackApiError as error:
            log.warning("could not refresh the live list of %s: %s", session.id, error.response.get("error"))
        except Exception:
            log.exception("could not refresh the live list of %s", session.id)

    async def refresh(self, session: Session) -> None:
        """Edit the session's message to show the list as it is, unless it shows that already (whoever edited it)."""
        channel = self.channels.id_of(session.channel)
        if channel is None:
            return
        view = await self.floor.board(session, self.now())
        blocks = [block.to_dict() for block in live_blocks(view, self.times)]  # to_dict() checks Slack's limits
        digest = hashlib.sha256(json.dumps(blocks, sort_keys=True).encode()).hexdigest()
        text = to_slack(summary(view))  # the notification text is parsed: a typed <!channel> must not ping
        stored = await self.displays.find(session.id, PLATFORM)
        if stored and stored.channel == channel:
            if stored.shown == digest:
                return
            if await self._edited(channel, stored.message_id, text, blocks):
                await self.displays.replace(replace(stored, shown=digest))
                return
        ts = (await self.client.chat_postMessage(channel=channel, text=text, blocks=blocks))["ts"]
        mine = self.displays.of(session.id, PLATFORM, channel, ts, digest)
        if stored:  # the stored message was deleted, or the session moved to another channel
            await self.displays.replace(mine)
            return
        kept = await self.displays.claim(mine)
        if kept.message_id != ts:
            # Another replica posted the first message meanwhile: theirs stays, ours goes.
            await self.client.chat_delete(channel=channel, ts=ts)
            await self._edited(channel, kept.message_id, text, blocks)
            await self.displays.replace(replace(kept, shown=digest))

    async def _edited(self, channel: str, ts: str, text: str, blocks: list[dict[str, object]]) -> bool:
        """False when the message is gone (someone deleted it): a new one is posted instead."""
        try:
            await self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        except SlackApiError as error:
            if error.response.get("error") != "message_not_found":
                raise
            return False
        return True
