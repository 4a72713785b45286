"""The services wired as bootstrap wires them, over a real SQLite database and a fake clock."""

from __future__ import annotations

from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.formats.exports import FileExporter
from bot.formats.submission_files import SubmissionFiles
from bot.locales.catalogs import Catalogs
from bot.services.assembly import Services, assemble
from bot.services.commands import CommandService
from bot.services.registry import Registry
from bot.storage.database import Database
from tests.fakes import FakeClock


def command_service(
    meeting: Meeting, directory: Directory, clock: FakeClock, database: Database, registry: Registry | None = None
) -> CommandService:
    return wired(meeting, directory, clock, database, registry).commands


def wired(
    meeting: Meeting, directory: Directory, clock: FakeClock, database: Database, registry: Registry | None = None
) -> Services:
    return assemble(
        meeting,
        directory,
        clock,
        database.uow,
        exporter=FileExporter(Catalogs()),
        documents=SubmissionFiles(),
        registry=registry,
    )
