"""Podium's Discord app run for real (discord.py's client) against the fake Discord, on SQLite and a simulated clock."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot import bootstrap
from bot.bootstrap import ChatServing, Podium
from bot.config import DiscordSettings, Settings, SlackSettings
from bot.scheduling.clock import SimulatedClock
from tests.discord.fake_discord import APP_ID, GUILD_ID, FakeDiscord, Interaction, serve

STAFF_ROLE = 1400000000000000001
_interactions = itertools.count(1500000000000000001)


@dataclass
class Running:
    fake: FakeDiscord
    serving: ChatServing
    podium: Podium

    async def settled(self) -> None:
        await self.serving.delivery.settled()

    async def slash(
        self, user: int, name: str, options: dict[str, Any] | None = None, channel: str = "gcm-review",
        sub: str | None = None, roles: tuple[int, ...] = (),
    ) -> Interaction:  # fmt: skip
        """A slash command typed by `user` in `channel`; string options, or ints for users (picked, not typed)."""
        typed = [
            {"name": k, "type": 6 if isinstance(v, int) else 3, "value": str(v)} for k, v in (options or {}).items()
        ]
        data: dict[str, Any] = {"id": "1", "name": name, "type": 1, "options": typed, "guild_id": str(GUILD_ID)}
        if sub:
            data["options"] = [{"name": sub, "type": 1, "options": typed}]
        users = {
            str(v): self.fake._user(v, self.fake.users.get(v, "x"))
            for v in (options or {}).values()
            if isinstance(v, int)
        }
        if users:
            data["resolved"] = {"users": users}
        return await self.fake.interact(self._payload(2, user, channel, data, roles))

    async def click(
        self, user: int, message: dict[str, Any], custom_id: str, roles: tuple[int, ...] = ()
    ) -> Interaction:
        channel = next(name for name, cid in self.fake.channels.items() if str(cid) == message["channel_id"])
        data = {"custom_id": custom_id, "component_type": 2}
        return await self.fake.interact({**self._payload(3, user, channel, data, roles), "message": message})

    def _payload(
        self, kind: int, user: int, channel: str, data: dict[str, Any], roles: tuple[int, ...]
    ) -> dict[str, Any]:
        return interaction_payload(self.fake, kind, user, channel, data, roles)

    async def advance_to(self, target: datetime) -> None:
        """Move the simulated clock as the server's scheduler would, each firing delivered before the next."""
        scheduler = self.serving.scheduler
        async for posts in self.podium.timeline.run_until(target):
            results = [(post.key, await scheduler._deliver(post)) for post in posts]
            keyed = [(key, error) for key, error in results if key is not None]
            if keyed:
                await self.podium.reminders.receipts(keyed, self.podium.clock.now())
            await self.settled()

    def live_list(self, channel: str) -> dict[str, Any]:
        return next(m for m in self.fake.in_channel(channel) if m["embeds"])


def interaction_payload(
    fake: FakeDiscord, kind: int, user: int, channel: str, data: dict[str, Any], roles: tuple[int, ...] = ()
) -> dict[str, Any]:
    """An INTERACTION_CREATE's data as Discord sends it: kind 2 a slash command, 3 a button click."""
    number = next(_interactions)
    channel_id = fake.channels[channel]
    member = {
        "user": fake._user(user, fake.users.get(user, "x")), "roles": [str(r) for r in roles],
        "joined_at": "2020-01-01T00:00:00+00:00", "deaf": False, "mute": False, "permissions": "0", "flags": 0,
    }  # fmt: skip
    return {
        "id": str(number), "application_id": str(APP_ID), "type": kind, "token": f"token{number}", "version": 1,
        "guild_id": str(GUILD_ID), "channel_id": str(channel_id), "channel": fake._channel(channel, channel_id),
        "member": member, "app_permissions": "0", "locale": "en-US", "entitlements": [],
        "attachment_size_limit": 8388608, "data": data,
    }  # fmt: skip


def discord_settings(base: str) -> DiscordSettings:
    return DiscordSettings(
        token="fake-token", guild_id=GUILD_ID, staff_roles=("Secretariat",),
        api_url=base + "/api/v10", gateway_url=base.replace("http", "ws") + "/gateway",
    )  # fmt: skip


@contextlib.contextmanager
def pointed_back() -> Any:
    """discord.py's REST base and gateway are class attributes: put back what the test changed."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@asynccontextmanager
async def running_discord(
    fake: FakeDiscord,
    database: str,
    roster: Path,
    start: datetime,
    *,
    slack: SlackSettings | None = None,
    schedule: Path | None = None,
    debounce: float = 0.0,
) -> AsyncIterator[Running]:
    """Podium serving the fake (and Slack too, given its settings) until the block ends; the gateway is up."""
    clock = SimulatedClock(start)
    with pointed_back():
        async with bootstrap.running(
            Settings(database_url=database, roster=roster), clock, schedule=schedule
        ) as podium:
            settings = discord_settings(fake.base)
            serving = await bootstrap.start_chat(podium, discord=settings, slack=slack, debounce=debounce)
            assert serving.discord is not None
            tasks = [asyncio.create_task(serving.delivery.run()), asyncio.create_task(serving.discord.run())]
            try:
                await fake.wait(lambda: fake._sockets)
                yield Running(fake, serving, podium)
                await serving.delivery.settled()
            finally:
                await serving.discord.close()
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)


@asynccontextmanager
async def fake_discord(channels: list[str], users: dict[int, str]) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(channels, users, roles={"Secretariat": STAFF_ROLE})
    async with serve(fake):
        yield fake
