"""`podium serve slack` and `podium slack-manifest`: Podium in a Slack workspace, over HTTP or Socket Mode."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import signal
import sys
from collections.abc import AsyncIterator

from bot import bootstrap
from bot.adapters.slack.manifest import PLACEHOLDER_URL, slack_manifest
from bot.adapters.slack.server import SlackBot, serve_http
from bot.bootstrap import Podium
from bot.cli import pidfile
from bot.cli.places import pid_file
from bot.config import MissingSetting, Settings, SlackSettings
from bot.domain.schedule_rules import ScheduleInvalid
from bot.scheduling.scheduler import Scheduler
from bot.services.catalogue import command_registry

log = logging.getLogger(__name__)


async def serve(options: argparse.Namespace, settings: Settings) -> int:
    try:
        slack = SlackSettings.from_env(socket=options.socket)
    except MissingSetting as missing:
        print(f"podium serve slack: {missing}.", file=sys.stderr)
        return 2
    clock = bootstrap.make_clock(options.clock, options.speed)
    async with bootstrap.running(
        settings, clock, schedule=options.schedule, roster=options.roster, database_url=options.db,
        rehearse=options.rehearse,
    ) as podium:  # fmt: skip
        bot = SlackBot(bootstrap.slack_core(podium), slack)
        await bot.start()
        # What start-up built lives as long as the process: moved out of the collector's sight, it is not
        # rescanned by every full collection, which otherwise showed as 50 ms stalls in the p99 under load.
        gc.freeze()
        scheduler = Scheduler(clock, podium.timeline, bot.deliver, podium.reminders.receipts)
        podium.floor.watch(lambda _: scheduler.wake())  # a new turn starts a timer the scheduler must wait for
        parts: list[asyncio.Task[None]] = []  # the long-running parts; the server is healthy while all run

        async def healthy() -> bool:
            return all(not part.done() for part in parts)

        # The pid file is written once SIGHUP reloads (its default would end the process) and removed first.
        where = pid_file(options.pid_file or settings.pid_file, options.db or settings.database_url)
        async with _signals(podium, scheduler, parts) as stopping:
            with pidfile.written(where):
                server = serve_http(bot.web_app(healthy), options.host, options.port, socket_mode=slack.socket_mode)
                jobs = [scheduler.run(), bot.outbox.run(), server]
                jobs += [bot.serve_socket()] if slack.socket_mode else []
                parts.extend(asyncio.create_task(job) for job in jobs)
                await _until_stopped(parts, stopping)
    return 0


@contextlib.asynccontextmanager
async def _signals(
    podium: Podium, scheduler: Scheduler, parts: list[asyncio.Task[None]]
) -> AsyncIterator[asyncio.Event]:
    """SIGHUP reloads the timetable; SIGTERM stops the parts, as Ctrl-C does, so the pid file is removed."""
    reloads: set[asyncio.Task[None]] = set()
    stopping = asyncio.Event()

    def on_sighup() -> None:
        task = asyncio.create_task(_reload(podium, scheduler))
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    def on_sigterm() -> None:
        stopping.set()
        for part in parts:
            part.cancel()

    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGHUP, on_sighup)
    loop.add_signal_handler(signal.SIGTERM, on_sigterm)
    try:
        yield stopping
    finally:
        loop.remove_signal_handler(signal.SIGHUP)
        loop.remove_signal_handler(signal.SIGTERM)
        for task in reloads:
            task.cancel()
        await asyncio.gather(*reloads, return_exceptions=True)


async def _reload(podium: Podium, scheduler: Scheduler) -> None:
    """SIGHUP: read the timetable again; a faulty file is reported and the running one kept."""
    try:
        await podium.reload(None)
    except ScheduleInvalid as invalid:
        log.error("the timetable was not reloaded:\n%s", "\n".join(invalid.lines()))
        return
    except OSError as unreadable:
        log.error("the timetable was not reloaded: %s", unreadable)
        return
    scheduler.wake()


async def _until_stopped(parts: list[asyncio.Task[None]], stopping: asyncio.Event) -> None:
    """Run until a part fails (taking the server down, with its reason) or SIGTERM stops them all."""
    try:
        done, _ = await asyncio.wait(parts, return_when=asyncio.FIRST_EXCEPTION)
        if not stopping.is_set():
            for part in done:
                part.result()
    finally:
        for part in parts:
            part.cancel()
        await asyncio.gather(*parts, return_exceptions=True)


async def manifest(options: argparse.Namespace, settings: Settings) -> int:
    document = slack_manifest(
        command_registry(), request_url=options.url or PLACEHOLDER_URL, socket_mode=options.socket
    )
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0
