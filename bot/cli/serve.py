"""`podium serve slack` and `podium slack-manifest`: Podium in a Slack workspace, over HTTP or Socket Mode."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import signal
import sys

from bot import bootstrap
from bot.adapters.slack.manifest import PLACEHOLDER_URL, slack_manifest
from bot.adapters.slack.server import SlackBot, serve_http
from bot.config import MissingSetting, Settings, SlackSettings
from bot.scheduling.scheduler import Scheduler
from bot.services.catalogue import command_registry


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
        tasks: list[asyncio.Task[None]] = []

        async def healthy() -> bool:
            return all(not task.done() for task in tasks)

        server = serve_http(bot.web_app(healthy), options.host, options.port, socket_mode=slack.socket_mode)
        jobs = [scheduler.run(), bot.outbox.run(), server] + ([bot.serve_socket()] if slack.socket_mode else [])
        tasks.extend(asyncio.create_task(job) for job in jobs)

        async def reload() -> None:
            await podium.reload(None)
            scheduler.wake()

        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, lambda: tasks.append(asyncio.create_task(reload())))
        try:
            done, _ = await asyncio.wait(tasks[: len(jobs)], return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                task.result()  # a part that stopped takes the server down, with its reason
        finally:
            loop.remove_signal_handler(signal.SIGHUP)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    return 0


async def manifest(options: argparse.Namespace, settings: Settings) -> int:
    document = slack_manifest(
        command_registry(), request_url=options.url or PLACEHOLDER_URL, socket_mode=options.socket
    )
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0
