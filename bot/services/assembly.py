"""The use cases wired to each other over the ports: one function, used by the composition root and the tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.services.catalogue import command_registry
from bot.services.commands import CommandService
from bot.services.consent import ConsentService
from bot.services.corrections import CorrectionService
from bot.services.displays import Displays
from bot.services.exports import Exporter, ExportService
from bot.services.floor import FloorService
from bot.services.floor_clock import FloorClock
from bot.services.interests import InterestService
from bot.services.languages import LanguageService
from bot.services.people import PeopleService
from bot.services.ports import Clock, DocumentReader, UnitOfWork
from bot.services.registry import Registry
from bot.services.reminders import ReminderService
from bot.services.submissions import SubmissionService
from bot.services.timeline import Timeline
from bot.services.timetable import Timetable
from bot.services.timetable_commands import timetable_handlers
from bot.services.writer import Writer
from bot.services.zones import ZoneService


@dataclass(frozen=True)
class Services:
    timetable: Timetable
    people: PeopleService
    floor: FloorService
    reminders: ReminderService
    commands: CommandService
    timeline: Timeline
    displays: Displays
    submissions: SubmissionService


def assemble(
    meeting: Meeting,
    directory: Directory,
    clock: Clock,
    uow: Callable[[], UnitOfWork],
    *,
    exporter: Exporter,
    documents: DocumentReader,
    registry: Registry | None = None,
) -> Services:
    timetable = Timetable(meeting, directory)
    people = PeopleService(meeting.id, directory)
    writer = Writer(uow, people.prefetch)  # every command and clock change of this process goes through it
    floor = FloorService(timetable, people, uow, writer)
    reminders = ReminderService(timetable, people, uow)
    exports = ExportService(timetable, exporter, uow)
    corrections = CorrectionService(timetable)
    submissions = SubmissionService(timetable, documents)
    interests = InterestService(timetable, people, floor)
    consent = ConsentService(timetable)
    languages = LanguageService(timetable, people, uow)
    handlers = {
        **timetable_handlers(timetable),
        **people.handlers(),
        **floor.handlers(),
        **reminders.handlers(),
        **exports.handlers(),
        **corrections.handlers(),
        **submissions.handlers(),
        **interests.handlers(),
        **consent.handlers(),
        **ZoneService(timetable, people).handlers(),
        **languages.handlers(),
    }
    commands = CommandService(
        registry or command_registry(),
        handlers,
        timetable=timetable,
        people=people,
        clock=clock,
        uow=uow,
        writer=writer,
        languages=languages,
        moderates=interests.moderates,
    )
    timeline = Timeline(clock, (FloorClock(floor, timetable), reminders), languages.address_alone)
    displays = Displays(timetable, uow)
    return Services(timetable, people, floor, reminders, commands, timeline, displays, submissions)
