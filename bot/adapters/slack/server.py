"""Podium in one Slack workspace: wiring the bolt app, the outbox and the live lists; serving HTTP or Socket Mode."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import ClientOSError, ServerConnectionError, ServerDisconnectedError, web
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.app import SlackCommands, build_app
from bot.adapters.slack.channels import ChannelMap
from bot.adapters.slack.commands import renamer
from bot.adapters.slack.delivery import Outbox, SlackPoster, SlackZones
from bot.adapters.slack.edge import RefusalLog, SlackEdge
from bot.adapters.slack.live import LiveBoard
from bot.config import SlackSettings
from bot.services.core import Core
from bot.services.views import Post

log = logging.getLogger(__name__)
EVENTS_PATH, HEALTH_PATH = "/slack/events", "/healthz"
CONNECTION_ERRORS = [ServerConnectionError, ServerDisconnectedError, ClientOSError]  # slack_sdk's defaults


def web_client(settings: SlackSettings, *, timeout: int = 10) -> AsyncWebClient:
    """The Web API client, retrying rate limits (after Retry-After), server errors, timeouts and lost connections."""
    return AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        timeout=timeout,  # seconds, per request
        retry_handlers=[
            # A whole request timing out (aiohttp's total timeout) is retried too, not only a dropped connection.
            AsyncConnectionErrorRetryHandler(max_retry_count=2, error_types=[*CONNECTION_ERRORS, asyncio.TimeoutError]),
            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
            AsyncServerErrorRetryHandler(max_retry_count=2),
        ],
    )


class SlackBot:
    """Built by `start()` (which resolves channel names, so it needs the Web API); then `serve_*`."""

    def __init__(
        self,
        core: Core,
        settings: SlackSettings,
        *,
        debounce: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.core = core
        self.settings = settings
        self.debounce = debounce
        self.client = web_client(settings)
        self.refusals = RefusalLog(now=monotonic)  # refused requests, logged a line a minute at most

    async def start(self) -> None:
        meeting = self.core.meeting
        self.channels = await ChannelMap.resolve(self.client, meeting.channels)
        self.zones = SlackZones(self.client)
        rename = renamer(self.core.registry)
        self.poster = SlackPoster(self.client, self.channels, self.core.commands.record_post, rename)
        self.outbox = Outbox(self.poster, self.zones)
        self.live = LiveBoard(
            self.core.floor, self.core.displays, self.client, self.channels, self.core.clock.now, debounce=self.debounce
        )
        self.core.floor.watch(self.live.changed)
        self.app: AsyncApp = build_app(self.client, self.settings.signing_secret, socket_mode=self.settings.socket_mode)
        SlackCommands(self.core.commands, self.core.registry, self.poster, self.outbox).register(self.app)

    async def deliver(self, post: Post) -> None:
        """For the scheduler: a reminder (keyed) is sent now, so its receipt is true; the rest is queued.

        A reminder Slack refuses, even for a lasting reason, is raised: the reminder service records it as
        failed and tries again with its own growing wait (at most every 5 minutes), so a reminder to a channel
        the app was not invited to lands once an admin invites it, and is never recorded as posted when it was not.
        """
        if post.key:
            await self.outbox.poster.send(await self.outbox.zones.localised(post))
        else:
            self.outbox.put(post)

    def web_app(self, healthy: Callable[[], Awaitable[bool]]) -> web.Application:
        """The events endpoint (HTTP mode only) and a health check for the load balancer."""
        app = web.Application()
        if not self.settings.socket_mode:
            edge = SlackEdge(self.app, self.settings.signing_secret, self.refusals)
            app.router.add_post(EVENTS_PATH, edge.handle)

        async def health(_: web.Request) -> web.Response:
            ok = await healthy()
            return web.json_response({"ok": ok, "meeting": self.core.meeting.id}, status=200 if ok else 503)

        app.router.add_get(HEALTH_PATH, health)
        return app

    async def serve_socket(self) -> None:
        """Socket Mode: Slack pushes requests over a websocket; no public URL is needed."""
        handler = AsyncSocketModeHandler(self.app, app_token=self.settings.app_token)
        await handler.connect_async()  # type: ignore[no-untyped-call]
        try:
            await asyncio.Event().wait()
        finally:
            await handler.close_async()  # type: ignore[no-untyped-call]


async def serve_http(app: web.Application, host: str, port: int, *, socket_mode: bool) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        # Said at WARNING, the default level, so whoever starts the server sees where it is.
        where = "Slack over Socket Mode" if socket_mode else f"Slack's requests on http://{host}:{port}{EVENTS_PATH}"
        log.warning("Podium serves %s; health check on http://%s:%d%s", where, host, port, HEALTH_PATH)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
