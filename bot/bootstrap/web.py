"""The live page for the room, served beside the chat platforms from the same process."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.bootstrap.core import Podium
from bot.config import WebSettings
from bot.scheduling.clock import SimulatedClock
from bot.services.ports import Clock
from bot.services.views import Post

if TYPE_CHECKING:  # adapters and the database are imported only by what needs them
    from bot.adapters.web.hub import Hub
    from bot.adapters.web.server import LivePage


@dataclass(frozen=True)
class WebServing:
    """The live page: its routes, and the hub that pushes each list's changes to the open pages."""

    live: LivePage
    hub: Hub
    settings: WebSettings


def start_web(
    podium: Podium, web: WebSettings, publish: Callable[[Post], Awaitable[None]], *, poll: float = 0.1
) -> WebServing:
    """The live page over a running Podium; a moderator's button press answers through `publish` (the chat)."""
    from bot.adapters.web.hub import Hub
    from bot.adapters.web.keys import Keys
    from bot.adapters.web.moderator import Moderation
    from bot.adapters.web.server import LivePage

    hub = Hub(podium.stage, lambda: clock_rate(podium.clock), poll=poll)
    live = LivePage(
        podium.stage, hub, Keys(web.secret.encode()), Moderation(podium.commands, publish, podium.translations)
    )
    return WebServing(live, hub, web)


async def run_web(serving: WebServing) -> None:
    """Serve the live page on its own port, and watch for other replicas' changes, until cancelled."""
    from bot.adapters.web.server import serve_web

    settings = serving.settings
    await asyncio.gather(serve_web(serving.live, settings.host, settings.port), serving.hub.watch_versions())


def clock_rate(clock: Clock) -> float:
    """How fast the meeting's clock runs, for the page's countdown: 1 real time, N simulated speed, 0 it jumps."""
    if isinstance(clock, SimulatedClock):
        return clock.speed or 0.0
    return 1.0
