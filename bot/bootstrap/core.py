"""The running core: the timetable, roster and database loaded, and the services wired over them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.domain.language import Language
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.formats.exports import FileExporter
from bot.formats.roster import load_directory
from bot.formats.schedules import load_meeting
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.services.assembly import assemble
from bot.services.commands import CommandService
from bot.services.core import Core
from bot.services.displays import Displays
from bot.services.floor import FloorService
from bot.services.ports import Clock, UnitOfWork
from bot.services.reminders import ReminderService
from bot.services.stage import StageService
from bot.services.submissions import SubmissionService
from bot.services.timeline import Timeline
from bot.services.timetable import Timetable
from bot.services.translation import Translations

if TYPE_CHECKING:  # adapters and the database are imported only by what needs them
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
    submissions: SubmissionService
    uow: Callable[[], UnitOfWork]  # for the command line's own work, outside any chat command
    stage: StageService  # the room's live page: the list as the shared screen shows it
    translations: Translations  # the shipped catalogs: English, French, Russian

    @property
    def meeting(self) -> Meeting:
        return self.timetable.meeting


def slack_core(podium: Podium) -> Core:
    return Core(
        podium.timetable,
        podium.commands.registry,
        podium.commands,
        podium.floor,
        podium.displays,
        podium.clock,
        podium.translations,
    )


@asynccontextmanager
async def running(
    settings: Settings,
    clock: Clock,
    *,
    schedule: Path | None = None,
    roster: Path | None = None,
    database_url: str | None = None,
    rehearse: date | None = None,
    language: Language | None = None,
) -> AsyncIterator[Podium]:
    """Load the timetable and roster, open (and upgrade) the database, and wire the services.

    `language` replaces the schedule's language for announcements and for readers who have none of their own
    (the console's and the demo's `--lang`).
    """
    source = schedule or settings.schedule

    def load(path: Path) -> Meeting:
        meeting = load_meeting(path, rehearse)
        return replace(meeting, language=language) if language else meeting

    meeting = load(source)
    directory = load_directory(settings.member_states, roster or settings.roster)
    from bot.storage.database import Database  # here, not at the top: `podium agenda` needs no database library
    from bot.storage.queues.versions import SqlAlchemyListVersions

    database = await Database.open(database_url or settings.database_url)
    try:
        await _store(database, meeting, clock)
        translations = Catalogs()  # one per process: the exports' words, and every reader's
        services = assemble(
            meeting, directory, clock, database.uow, exporter=FileExporter(translations), documents=SubmissionFiles()
        )
        timetable, reminders = services.timetable, services.reminders

        async def reload(path: Path | None = None) -> Meeting:
            """Read the timetable again: pending reminders move, posted ones stay posted."""
            fresh = load(path or source)
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
            services.submissions,
            database.uow,
            StageService(timetable, services.floor, clock, SqlAlchemyListVersions(database.engine)),
            translations,
        )
    finally:
        await database.close()


async def _store(database: Database, meeting: Meeting, clock: Clock) -> None:
    async with database.uow() as uow:
        await uow.meetings.save(meeting, loaded_at=clock.now())
        await uow.commit()
