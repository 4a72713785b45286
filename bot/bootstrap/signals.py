"""How a server lives and stops: SIGHUP reloads the timetable, SIGTERM stops every part, a failure is raised."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from bot.bootstrap.core import Podium
from bot.domain.schedule_rules import ScheduleInvalid
from bot.scheduling.scheduler import Scheduler

if TYPE_CHECKING:  # adapters and the database are imported only by what needs them
    pass

log = logging.getLogger(__name__)


@asynccontextmanager
async def handled_signals(
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


async def until_stopped(parts: list[asyncio.Task[None]], stopping: asyncio.Event) -> None:
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
