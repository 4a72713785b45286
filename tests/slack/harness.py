"""Podium's Slack app, served for real on 127.0.0.1 against the fake Slack, on a SQLite file and a simulated clock."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot import bootstrap
from bot.adapters.slack.files import SUBMIT_SHORTCUT
from bot.adapters.slack.server import EVENTS_PATH, SlackBot
from bot.bootstrap import Podium, SlackServing
from bot.config import Settings, SlackSettings
from bot.domain.meeting import Meeting
from bot.domain.transcript import TranscriptEntry
from bot.scheduling.clock import SimulatedClock
from bot.services.delivery import Delivery
from bot.services.outbox import Outbox
from tests.conftest import SCHEDULES
from tests.slack.fake_slack import FakeSlack, serve
from tests.slack.signed import TEAM_ID, action_body, post_signed, slash_body

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # the signing secret of Slack's documentation example
ROSTER = SCHEDULES / "demo-roster-2020.toml"


def settings(url: str) -> Settings:
    return Settings(database_url=url, roster=ROSTER)


def channel_ids(meeting: Meeting) -> dict[str, str]:
    """A Slack id for every channel the schedule names, as a workspace admin would have created them."""
    names = sorted(meeting.channels)
    return {name: f"C{index:03d}{name.upper().replace('-', '')}"[:11] for index, name in enumerate(names)}


@dataclass
class Running:
    """The fake Slack, the served app's events URL, and the running Podium behind it."""

    slack: FakeSlack
    url: str
    serving: SlackServing
    podium: Podium
    http: aiohttp.ClientSession

    @property
    def bot(self) -> SlackBot:
        return self.serving.bot

    @property
    def delivery(self) -> Delivery:
        return self.serving.delivery

    @property
    def outbox(self) -> Outbox:
        """Slack's outbox (the router holds one per platform)."""
        return self.delivery["slack"].outbox

    async def slash(self, user: str, command: str, text: str = "", channel: str = "gcm-review") -> tuple[int, str]:
        channel_id = self.bot.channels.id_of(channel) or self.slack.channels[channel]  # as Podium resolved it
        body = slash_body(
            command, text, user, channel_id, channel_name=channel, response_url=self.slack.response_url(user)
        )
        return await post_signed(self.http, self.url, SECRET, body)

    async def press(self, user: str, action: str, session: str, channel: str) -> tuple[int, str]:
        channel_id, reply_to = self.slack.channels[channel], self.slack.response_url(user)
        body = action_body(action, session, user, channel_id, response_url=reply_to)
        return await post_signed(self.http, self.url, SECRET, body)

    async def shortcut(self, user: str, files: list[dict[str, Any]], channel: str = "gcm-review") -> tuple[int, str]:
        """The message shortcut "Submit as written input" used on a message that shares these files."""
        payload = {
            "type": "message_action",
            "callback_id": SUBMIT_SHORTCUT,
            "trigger_id": f"{user}.{len(self.slack.calls)}.shortcut",
            "team": {"id": TEAM_ID},
            "user": {"id": user, "name": user},
            "channel": {"id": self.slack.channels[channel], "name": channel},
            "message": {"type": "message", "ts": "1604318400.000100", "text": "our input", "files": files},
            "response_url": self.slack.response_url(user),
        }
        return await post_signed(self.http, self.url, SECRET, urlencode({"payload": json.dumps(payload)}))

    async def settled(self) -> None:
        """Wait until every queued post and live-list refresh has reached the fake."""
        await self.delivery.settled()

    async def advance_to(self, target: datetime) -> None:
        """Move the simulated clock as the server's scheduler would: every due post to the router, in order,
        reminders' receipts (posted, or failed with the error) recorded, and each firing on screen before the next.
        """
        scheduler = self.serving.scheduler
        async for posts in self.podium.timeline.run_until(target):
            results = [(post.key, await scheduler._deliver(post)) for post in posts]
            keyed = [(key, error) for key, error in results if key is not None]
            if keyed:
                await self.podium.reminders.receipts(keyed, self.podium.clock.now())
            await self.settled()

    async def transcript(self) -> list[TranscriptEntry]:
        async with self.podium.commands.uow() as uow:
            return list(await uow.transcript.entries(self.podium.meeting.id))


@asynccontextmanager
async def running_slack(
    tmp_path: Path,
    start: datetime,
    *,
    debounce: float = 0.0,
    monotonic: Callable[[], float] = time.monotonic,
    locales: dict[str, str] | None = None,
) -> AsyncIterator[Running]:
    """Podium serving a fake Slack workspace of the demo roster's people; `locales` sets some of their Slack locales."""
    clock = SimulatedClock(start)
    database = f"sqlite:///{tmp_path / 'podium.db'}"
    async with bootstrap.running(settings(database), clock) as podium:
        users = {p.id: {"name": p.id, "real_name": p.name} for p in podium.directory.participants}
        for user, locale in (locales or {}).items():
            users[user]["locale"] = locale
        async with FakeSlack(channels=channel_ids(podium.meeting), users=users) as slack:
            slack_settings = SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_url=slack.api_url)
            serving = await bootstrap.start_slack(podium, slack_settings, debounce=debounce, monotonic=monotonic)
            outboxes = asyncio.create_task(serving.delivery.run())

            async def healthy() -> bool:
                return not outboxes.done()

            try:
                async with serve(serving.bot.web_app(healthy)) as base, aiohttp.ClientSession() as http:
                    yield Running(slack, base + EVENTS_PATH, serving, podium, http)
            finally:
                outboxes.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await outboxes
