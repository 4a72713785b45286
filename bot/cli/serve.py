"""`podium serve slack`: Podium in a Slack workspace, over HTTP or Socket Mode (`pip install 'podium[slack]'`).

The command line only reads its options and settings; the composition root (`bot/bootstrap.py`) builds and runs
the server.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys

from bot.config import MissingSetting, Settings, SlackSettings

# The libraries of `pip install 'podium[slack]'`; the console and the exports need none of them.
SLACK_LIBRARIES = ("slack_bolt", "slack_sdk", "aiohttp")
WITHOUT_SLACK = "podium serve slack needs the Slack libraries: pip install 'podium[slack]'"


async def serve(options: argparse.Namespace, settings: Settings) -> int:
    if any(importlib.util.find_spec(library) is None for library in SLACK_LIBRARIES):
        print(WITHOUT_SLACK, file=sys.stderr)
        return 2
    try:
        slack = SlackSettings.from_env(socket=options.socket)
    except MissingSetting as missing:
        print(f"podium serve slack: {missing}.", file=sys.stderr)
        return 2
    from bot import bootstrap
    from bot.cli import pidfile
    from bot.cli.places import pid_file
    from bot.scheduling.clock import make_clock

    clock = make_clock(options.clock, options.speed)
    async with bootstrap.running(
        settings, clock, schedule=options.schedule, roster=options.roster, database_url=options.db,
        rehearse=options.rehearse,
    ) as podium:  # fmt: skip
        # The pid file (beside the SQLite file, or --pid-file) is what `podium reload` reads.
        where = pid_file(options.pid_file or settings.pid_file, options.db or settings.database_url)
        await bootstrap.serve_slack(
            podium, slack, host=options.host, port=options.port, pid_file=pidfile.written(where)
        )
    return 0
