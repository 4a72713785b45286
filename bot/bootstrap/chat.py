"""Podium serving its chat platforms (Slack, Discord, or both) from one process, over one delivery router."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.bootstrap.core import Podium, slack_core
from bot.bootstrap.signals import handled_signals, until_stopped
from bot.bootstrap.web import run_web, start_web
from bot.config import DiscordSettings, SlackSettings, WebSettings
from bot.scheduling.scheduler import Scheduler
from bot.services.delivery import Delivery
from bot.services.views import Post

if TYPE_CHECKING:  # adapters and the database are imported only by what needs them
    from bot.adapters.discord.server import DiscordBot
    from bot.adapters.slack.server import SlackBot


@dataclass(frozen=True)
class SlackServing:
    """Podium serving Slack: the adapter, the router of every platform's delivery, the scheduler feeding it."""

    bot: SlackBot
    delivery: Delivery
    scheduler: Scheduler


async def start_slack(
    podium: Podium, slack: SlackSettings, *, debounce: float = 1.0, monotonic: Callable[[], float] = time.monotonic
) -> SlackServing:
    """The Slack adapter started (channels resolved) over a delivery router, and the scheduler delivering through it."""
    serving = await start_chat(podium, slack=slack, debounce=debounce, monotonic=monotonic)
    assert serving.slack is not None
    return SlackServing(serving.slack, serving.delivery, serving.scheduler)


@dataclass(frozen=True)
class ChatServing:
    """Podium serving its chat platforms from one process: each adapter, one router, one scheduler."""

    slack: SlackBot | None
    discord: DiscordBot | None
    delivery: Delivery
    scheduler: Scheduler


async def start_chat(
    podium: Podium,
    *,
    slack: SlackSettings | None = None,
    discord: DiscordSettings | None = None,
    debounce: float = 1.0,
    monotonic: Callable[[], float] = time.monotonic,
) -> ChatServing:
    """Each platform asked for, started over one delivery router, and the scheduler delivering through it."""
    from bot.adapters.text.transcribed import transcribed

    record = transcribed(podium.commands.record_post, podium.translations)
    delivery = Delivery(podium.floor, podium.displays, podium.clock, record=record, debounce=debounce)
    slack_bot = discord_bot = None
    if slack is not None:
        from bot.adapters.slack.server import SlackBot

        slack_bot = SlackBot(slack_core(podium), slack, monotonic=monotonic, delivery=delivery)
        await slack_bot.start()
    if discord is not None:
        from bot.adapters.discord.server import DiscordBot

        states = [state.iso for state in podium.directory.states]
        discord_bot = DiscordBot(slack_core(podium), discord, delivery=delivery, delegations=states)
        await discord_bot.start()
    podium.reminders.deliver_through(delivery.platforms)
    scheduler = Scheduler(podium.clock, podium.timeline, delivery.deliver, podium.reminders.receipts)
    podium.floor.watch(lambda _: scheduler.wake())  # a new turn starts a timer the scheduler must wait for
    return ChatServing(slack_bot, discord_bot, delivery, scheduler)


async def serve_slack(
    podium: Podium,
    slack: SlackSettings,
    *,
    host: str,
    port: int,
    pid_file: AbstractContextManager[object] | None = None,
) -> None:
    """`podium serve slack`: serve until SIGTERM or Ctrl-C, or until a part fails (raised, with its reason)."""
    await serve_chat(podium, slack=slack, host=host, port=port, pid_file=pid_file)


async def serve_chat(
    podium: Podium,
    *,
    slack: SlackSettings | None = None,
    discord: DiscordSettings | None = None,
    host: str = "127.0.0.1",
    port: int = 3000,
    pid_file: AbstractContextManager[object] | None = None,
    web: WebSettings | None = None,
) -> None:
    """`podium serve slack discord`: serve until SIGTERM or Ctrl-C, or until a part fails (raised, with its reason).

    SIGHUP reloads the timetable. `pid_file` is held while serving: written once SIGHUP reloads (its default
    would end the process), removed before the signal handlers are. Slack's HTTP server (events and /healthz)
    runs when Slack is served; Discord needs none (its gateway is a connection Podium opens).
    """
    serving = await start_chat(podium, slack=slack, discord=discord)
    # What start-up built lives as long as the process: moved out of the collector's sight, it is not
    # rescanned by every full collection, which otherwise showed as 50 ms stalls in the p99 under load.
    gc.freeze()
    parts: list[asyncio.Task[None]] = []  # the long-running parts; the server is healthy while all run

    async def healthy() -> bool:
        return all(not part.done() for part in parts)

    async with handled_signals(podium, serving.scheduler, parts) as stopping:
        with pid_file or nullcontext():
            jobs = [serving.scheduler.run(), serving.delivery.run()]
            if serving.slack is not None and slack is not None:
                from bot.adapters.slack.server import serve_http

                jobs += [serve_http(serving.slack.web_app(healthy), host, port, socket_mode=slack.socket_mode)]
                jobs += [serving.slack.serve_socket()] if slack.socket_mode else []
            jobs += [serving.discord.run()] if serving.discord is not None else []
            jobs += [run_web(start_web(podium, web, _queued(serving.delivery)))] if web is not None else []
            parts.extend(asyncio.create_task(job) for job in jobs)
            await until_stopped(parts, stopping)


def _queued(delivery: Delivery) -> Callable[[Post], Awaitable[None]]:
    async def put(post: Post) -> None:
        delivery.put(post)

    return put
