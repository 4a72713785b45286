"""The `podium` command line: options in, one action run, an exit code out; never a traceback for the user.

Each action's module is imported only when that action runs, so `podium --help` loads no database, platform or
Word library, and `podium export` no platform one.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any, cast

from bot.cli.language import translator
from bot.cli.options import ACTIONS, build_parser, listing
from bot.config import MissingSetting, Settings
from bot.domain.schedule_rules import ScheduleInvalid

if TYPE_CHECKING:
    Action = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]

log = logging.getLogger("bot")


def action_named(name: str) -> Action:
    """The function that runs an action, its module imported now (`bot.cli.options.ACTIONS` says where it is)."""
    module, _, function = ACTIONS[name].runs.partition(":")
    return cast("Action", getattr(importlib.import_module(f"bot.cli.{module}"), function))


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser(argv).parse_args(argv)
    if options.action is None:  # a bare `podium`: what it can do, as a successful answer
        print(listing())
        return 0
    try:
        settings = Settings.from_env()
    except MissingSetting as bad:  # PODIUM_LANG says a language Podium does not have: say what to write
        print(bad.said(translator(options)), file=sys.stderr)
        return 2
    _logging(settings)
    try:
        return asyncio.run(action_named(options.action)(options, settings))
    # A timetable, roster or column mapping an action read is unusable: its faults, in the run's language.
    except ScheduleInvalid as invalid:
        for line in invalid.lines(translator(options, settings)):
            print(line, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("PODIUM_DEBUG"):
            raise
        log.error("podium %s failed: %s (set PODIUM_DEBUG=1 for details)", options.action, error)
        return 70


def _logging(settings: Settings) -> None:
    """INFO by default (PODIUM_LOG_LEVEL overrides); Alembic's note of each start-up check only when asked for."""
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    if "PODIUM_LOG_LEVEL" not in os.environ:
        logging.getLogger("alembic").setLevel(logging.WARNING)
