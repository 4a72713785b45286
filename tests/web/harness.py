"""The live page served over a console Podium on a SQLite file, for tests, the screenshot and the benchmark."""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot import bootstrap
from bot.adapters.console.app import Console
from bot.adapters.web.keys import Keys, agenda_path, session_path
from bot.bootstrap import Podium
from bot.config import Settings, WebSettings
from bot.scheduling.clock import SimulatedClock
from bot.services.commands import Invocation
from tests.conftest import SCHEDULES

SECRET = "a-test-secret-of-some-length"
RT1_START = datetime(2020, 11, 12, 9, 40, tzinfo=UTC)  # 10:40 CET: Roundtable 1 begins, its list opens
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# CI installs Chromium (.ci/run): there the browser tests must run, never skip. Elsewhere they skip and say why.
HAS_BROWSER = Path(CHROMIUM).exists()
needs_chromium = pytest.mark.skipif(
    not HAS_BROWSER and not os.environ.get("CI"),
    reason="needs Debian's Chromium: apt-get install -y chromium (and pip install playwright; no playwright install)",
)


def settings(url: str) -> Settings:
    return Settings(
        database_url=url,
        schedule=SCHEDULES / "unece-gcm-review-2020.toml",
        member_states=SCHEDULES / "unece-member-states.toml",
        roster=SCHEDULES / "demo-roster-2020.toml",
    )


@dataclass
class Live:
    """A running Podium with its live page on a local port."""

    podium: Podium
    console: Console
    out: io.StringIO
    serving: bootstrap.WebServing
    base: str
    clock: SimulatedClock

    @property
    def keys(self) -> Keys:
        return self.serving.live.keys

    def page(self, session_id: str = "rt1") -> str:
        return self.base + session_path(self.keys, session_id)

    def agenda(self) -> str:
        return self.base + agenda_path(self.keys, self.podium.meeting.id)

    async def say(self, actor: str, command: str, text: str = "", channel: str = "gcm-rt1") -> list[Any]:
        """A command as the console sends it: through the core's CommandService."""
        return await self.commands(Invocation(actor, command, text, channel))

    async def commands(self, invocation: Invocation) -> list[Any]:
        posts = await self.podium.commands.handle(invocation)
        for post in posts:
            await self.console.show(post)
        return posts

    async def lines(self, lines: list[str]) -> None:
        await self.console.run_script(lines)


@asynccontextmanager
async def live_page(
    tmp_path: Path, *, start: datetime = RT1_START, url: str | None = None, poll: float = 0.05
) -> AsyncIterator[Live]:
    clock = SimulatedClock(start)
    database = url or f"sqlite:///{tmp_path / 'podium.db'}"
    out = io.StringIO()
    async with bootstrap.running(settings(database), clock) as podium:
        console = bootstrap.start_console(podium, clock, out).app
        serving = bootstrap.start_web(podium, WebSettings(SECRET, port=0), console.show, poll=poll)
        app = web.Application()
        serving.live.add_to(app)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        versions = asyncio.create_task(serving.hub.watch_versions())
        try:
            yield Live(podium, console, out, serving, str(server.make_url("")).rstrip("/"), clock)
        finally:
            versions.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await versions
            await server.close()
