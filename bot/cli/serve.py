"""`podium serve slack discord`: Podium in a Slack workspace and/or a Discord server, from one process.

The command line only reads its options and settings; the composition root (`bot/bootstrap/`) builds and runs
the server.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys

from bot.cli.language import translator
from bot.config import DiscordSettings, MissingSetting, Settings, SlackSettings, WebSettings
from bot.domain.language import N_

# The libraries of `pip install 'podium[slack]'` and `'podium[discord]'`; the console and the exports need none.
LIBRARIES = {"slack": ("slack_bolt", "slack_sdk", "aiohttp"), "discord": ("discord",)}
SLACK_LIBRARIES = LIBRARIES["slack"]
WITHOUT = N_("podium serve {platform} needs the {name} libraries: pip install 'podium[{platform}]'")
WITHOUT_SLACK = WITHOUT.format(platform="slack", name="Slack")


async def serve(options: argparse.Namespace, settings: Settings) -> int:
    tr = translator(options, settings)
    platforms = list(dict.fromkeys(options.platform))  # `slack discord`: both, from one process
    for platform in platforms:
        if any(importlib.util.find_spec(library) is None for library in LIBRARIES[platform]):
            print(tr.gettext(WITHOUT).format(platform=platform, name=platform.capitalize()), file=sys.stderr)
            return 2
    try:
        slack = SlackSettings.from_env(socket=options.socket) if "slack" in platforms else None
        discord = DiscordSettings.from_env() if "discord" in platforms else None
        web = WebSettings.from_env(host=options.web_host, port=options.web_port) if options.web else None
    except MissingSetting as missing:
        said = tr.gettext("podium {action}: {reason}.").format(
            action="serve " + " ".join(platforms), reason=missing.said(tr)
        )
        print(said, file=sys.stderr)
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
        await bootstrap.serve_chat(
            podium, slack=slack, discord=discord, host=options.host, port=options.port, pid_file=pidfile.written(where),
            web=web,
        )  # fmt: skip
    return 0
