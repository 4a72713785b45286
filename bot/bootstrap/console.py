"""Podium in the terminal: the console adapter and the scheduler that shows what falls due on it."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.bootstrap.core import Podium
from bot.scheduling.clock import SimulatedClock, SystemClock
from bot.scheduling.scheduler import Scheduler
from bot.services.views import Post

if TYPE_CHECKING:  # adapters and the database are imported only by what needs them
    from bot.adapters.console.app import Console


@dataclass(frozen=True)
class ConsoleServing:
    """Podium in the terminal: the console and the scheduler showing what falls due on it."""

    app: Console
    scheduler: Scheduler


def start_console(
    podium: Podium, clock: SimulatedClock, out: TextIO, *, exports: Path = Path("exports"), files: Path = Path()
) -> ConsoleServing:
    """The console over a running Podium: what is due is shown as it falls, a command that starts a timer wakes it."""
    from bot.adapters.console.app import Console, Hooks

    def show(post: Post) -> Awaitable[None]:
        return app.show(post)

    scheduler = Scheduler(clock, podium.timeline, show)
    app = Console(
        podium.commands,
        podium.timeline,
        clock=clock,
        meeting_zone=podium.meeting.timezone,
        main_channel=podium.meeting.main_channel,
        out=out,
        receipt=podium.reminders.delivered,
        translations=podium.translations,
        language=podium.meeting.language,  # the console's own lines, in the language of its --lang
        hooks=Hooks(reload=podium.reload, wake=scheduler.wake, exports=exports, files=files),
    )
    return ConsoleServing(app, scheduler)


def console_clock(start: datetime | None, speed: float | None, *, scripted: bool) -> SimulatedClock:
    """Scripts jump from line to line unless a speed is asked for; a person at the prompt sees time run."""
    return SimulatedClock(start or SystemClock().now(), speed if speed or scripted else 1.0)
