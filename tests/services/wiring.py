"""The services wired as bootstrap wires them, over an in-memory store and a fake clock."""

from __future__ import annotations

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.services.catalogue import command_registry
from bot.services.commands import CommandService
from bot.services.floor import FloorService
from bot.services.people import PeopleService
from bot.services.registry import Registry
from bot.services.timetable import Timetable
from bot.services.timetable_commands import timetable_handlers
from bot.storage.memory import InMemoryStore
from tests.fakes import FakeClock


def command_service(
    meeting: Meeting, directory: Directory, clock: FakeClock, store: InMemoryStore, registry: Registry | None = None
) -> CommandService:
    timetable = Timetable(meeting, directory)
    people = PeopleService(meeting.id, directory, store.uow)
    floor = FloorService(meeting, timetable, people, store.uow)
    handlers = {**timetable_handlers(timetable), **people.handlers(), **floor.handlers()}
    return CommandService(
        registry or command_registry(), handlers, timetable=timetable, people=people, clock=clock, uow=store.uow
    )
