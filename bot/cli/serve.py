"""`podium serve slack` and `podium slack-manifest`: Podium in a Slack workspace, over HTTP or Socket Mode."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import signal
import sys

from bot import bootstrap
from bot.adapters.slack.manifest import PLACEHOLDER_URL, slack_manifest
from bot.adapters.slack.server import SlackBot, serve_http
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

        server = serve_http(bot.web_app(healthy), options.host, options.port, socket_mode=slack.socket_mode)
        jobs = [scheduler.run(), bot.outbox.run(), server] + ([bot.serve_socket()] if slack.socket_mode else [])
        parts.extend(asyncio.create_task(job) for job in jobs)
        reloads: set[asyncio.Task[None]] = set()

        async def reload() -> None:
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

        def on_sighup() -> None:
            task = asyncio.create_task(reload())
            reloads.add(task)
            task.add_done_callback(reloads.discard)

        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, on_sighup)
        try:
            done, _ = await asyncio.wait(parts, return_when=asyncio.FIRST_EXCEPTION)
            for part in done:
                part.result()  # a part that stopped takes the server down, with its reason
        finally:
            loop.remove_signal_handler(signal.SIGHUP)
            for task in [*parts, *reloads]:
                task.cancel()
            await asyncio.gather(*parts, *reloads, return_exceptions=True)
    return 0


async def manifest(options: argparse.Namespace, settings: Settings) -> int:
    document = slack_manifest(
        command_registry(), request_url=options.url or PLACEHOLDER_URL, socket_mode=options.socket
    )
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0
