"""The `podium` command line: options in, one action run, an exit code out; never a traceback for the user."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Sequence

from bot.cli.actions import ACTIONS
from bot.cli.options import build_parser
from bot.config import Settings
from bot.domain.schedule_rules import ScheduleInvalid

log = logging.getLogger("bot")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    options = parser.parse_args(argv)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    action = ACTIONS[options.action]
    try:
        return asyncio.run(action(options, settings))
    except ScheduleInvalid as invalid:
        for line in invalid.lines():
            print(line, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("PODIUM_DEBUG"):
            raise
        log.error("podium %s failed: %s (set PODIUM_DEBUG=1 for details)", options.action, error)
        return 70
