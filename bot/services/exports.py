"""The staff's /export command: a file of the record, notes or transcript, sent to whoever asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.errors import Refused
from bot.domain.language import Language
from bot.domain.transcript import TranscriptEntry
from bot.services.context import Context, Handler
from bot.services.ports import UnitOfWork
from bot.services.record import MeetingRecord, read_record
from bot.services.timetable import Timetable
from bot.services.views import FileView, Post


class Exporter(Protocol):
    """The file formats, at the edge: the bytes of one export, written in `language` (statements as given), and
    the file name extension of each format."""

    formats: dict[str, str]

    def __call__(
        self,
        form: str,
        record: MeetingRecord,
        transcript: Sequence[TranscriptEntry],
        now: datetime,
        language: Language,
    ) -> bytes: ...


class ExportService:
    def __init__(self, timetable: Timetable, exporter: Exporter, uow: Callable[[], UnitOfWork]) -> None:
        self.timetable = timetable
        self.exporter = exporter
        self.uow = uow

    def handlers(self) -> dict[str, Handler]:
        return {"export": self.export}

    async def export(self, ctx: Context) -> list[Post]:
        target, form = ctx.args["target"].lower(), ctx.args.get("format", "md").lower()
        if form not in self.exporter.formats:
            raise Refused("unknown_format", {"value": form, "known": ", ".join(self.exporter.formats)})
        meeting = self.timetable.meeting
        record = await read_record(meeting, self.uow(), None if target == "all" else target, self.timetable.directory)
        async with self.uow() as uow:
            transcript = await uow.transcript.entries(meeting.id)
        data = self.exporter(form, record, transcript, ctx.now, ctx.language)  # in the asking staff member's language
        # "transcript-md" and "notes-docx" name what the file holds: gcm-rt1-transcript.md, gcm-all-notes.docx.
        what = f"-{form.partition('-')[0]}" if "-" in form else ""
        name = f"{meeting.id}-{target}{what}.{self.exporter.formats[form]}"
        return [ctx.reply(FileView(name, data, form))]
