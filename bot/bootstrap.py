"""The composition root: the one place that names concrete classes and wires them into a running Podium."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bot.config import Settings
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.formats.exports import FileExporter
from bot.formats.roster import load_member_states, load_roster
from bot.formats.schedules import load_schedule
from bot.scheduling.clock import SimulatedClock, SystemClock
from bot.services.assembly import assemble
from bot.services.commands import CommandService
from bot.services.core import Core
from bot.services.displays import Displays
from bot.services.floor import FloorService
from bot.services.ports import Clock
from bot.services.reminders import ReminderService
from bot.services.timeline import Timeline
from bot.services.timetable import Timetable
from bot.storage.database import Database


@dataclass(frozen=True)
class Podium:
    """Everything an adapter needs, built and owned by `running()`."""

    timetable: Timetable
    directory: Directory
    commands: CommandService
    floor: FloorService
    reminders: ReminderService
    displays: Displays
    timeline: Timeline
    clock: Clock
    reload: Callable[[Path | None], Awaitable[Meeting]]

    @property
    def meeting(self) -> Meeting:
        return self.timetable.meeting


def load_meeting(path: Path, rehearse: date | None = None) -> Meeting:
    """The timetable, moved to the rehearsal date when one is given."""
    meeting = load_schedule(path)
    return meeting.rehearsed_on(rehearse) if rehearse else meeting


def load_directory(settings: Settings, roster: Path | None = None) -> Directory:
    roster = roster or settings.roster
    return Directory(load_member_states(settings.member_states), load_roster(roster) if roster else ())


def make_clock(start: datetime | None, speed: float | None) -> SimulatedClock | SystemClock:
    """The system clock, or a simulated one running from `start` at `speed` when either is given."""
    if start is None and speed is None:
        return SystemClock()
    return SimulatedClock(start or SystemClock().now(), speed or 1.0)


def slack_core(podium: Podium) -> Core:
    return Core(
        podium.timetable, podium.commands.registry, podium.commands, podium.floor, podium.displays, podium.clock
    )


def console_clock(start: datetime | None, speed: float | None, *, scripted: bool) -> SimulatedClock:
    """Scripts jump from line to line unless a speed is asked for; a person at the prompt sees time run."""
    return SimulatedClock(start or SystemClock().now(), speed if speed or scripted else 1.0)


@asynccontextmanager
async def running(
    settings: Settings,
    clock: Clock,
    *,
    schedule: Path | None = None,
    roster: Path | None = None,
    database_url: str | None = None,
    rehearse: date | None = None,
) -> AsyncIterator[Podium]:
    """Load the timetable and roster, open (and upgrade) the database, and wire the services."""
    source = schedule or settings.schedule
    meeting = load_meeting(source, rehearse)
    directory = load_directory(settings, roster)
    database = await Database.open(database_url or settings.database_url)
    try:
        await _store(database, meeting, clock)
        services = assemble(meeting, directory, clock, database.uow, FileExporter())
        timetable, reminders = services.timetable, services.reminders

        async def reload(path: Path | None = None) -> Meeting:
            """Read the timetable again: pending reminders move, posted ones stay posted."""
            fresh = load_meeting(path or source, rehearse)
            await _store(database, fresh, clock)
            timetable.meeting = fresh
            reminders.replan()
            return fresh

        yield Podium(
            timetable,
            directory,
            services.commands,
            services.floor,
            reminders,
            services.displays,
            services.timeline,
            clock,
            reload,
        )
    finally:
        await database.close()


async def _store(database: Database, meeting: Meeting, clock: Clock) -> None:
    async with database.uow() as uow:
        await uow.meetings.save(meeting, loaded_at=clock.now())
        await uow.commit()
