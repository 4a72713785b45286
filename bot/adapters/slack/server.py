"""Podium in one Slack workspace: the bolt app and the Slack platform for the router; serving HTTP or Socket Mode."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

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
from bot.adapters.slack.delivery import SlackPlatform
from bot.adapters.slack.edge import RefusalLog, SlackEdge
from bot.adapters.slack.files import SLACK_FILE_HOSTS
from bot.adapters.slack.zones import SlackZones
from bot.config import SlackSettings
from bot.services.core import Core
from bot.services.delivery import Delivery

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
    """Built by `start()` (which resolves channel names, so it needs the Web API); then `serve_*`.

    Its posts go through `delivery`, the router of every platform serving the meeting (bootstrap.start_slack).
    """

    def __init__(
        self,
        core: Core,
        settings: SlackSettings,
        *,
        delivery: Delivery,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.core = core
        self.settings = settings
        self.client = web_client(settings)
        self.refusals = RefusalLog(now=monotonic)  # refused requests, logged a line a minute at most
        self.delivery = delivery

    async def start(self) -> None:
        self.channels = await ChannelMap.resolve(self.client, self.core.meeting.channels)
        zones = SlackZones(self.client)
        await zones.load()  # every user's locale and zone, read once, so no command waits for Slack to give them
        self.platform = SlackPlatform(
            self.client,
            self.channels,
            zones,
            renamer(self.core.registry),
            self.core.translations,
        )
        self.delivery.serve(self.platform)
        self.app: AsyncApp = build_app(self.client, self.settings.signing_secret)
        # Shared files come from Slack's file host; a Slack-compatible server (SLACK_API_URL) serves its own.
        hosts = SLACK_FILE_HOSTS | {urlsplit(self.settings.api_url).hostname or ""}
        commands = SlackCommands(self.core.commands, self.core.registry, self.platform, self.delivery.put, hosts)
        commands.register(self.app)

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
        # Said at INFO, the default level, so whoever starts the server sees where it is.
        # not user-facing: the operator's log
        where = "Slack over Socket Mode" if socket_mode else f"Slack's requests on http://{host}:{port}{EVENTS_PATH}"
        log.info("Podium serves %s; health check on http://%s:%d%s", where, host, port, HEALTH_PATH)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
