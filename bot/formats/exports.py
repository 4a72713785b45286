"""Every export format in one table: the record, notes, transcripts and calendars, each from the stored record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.domain.meeting import SessionKind
from bot.domain.transcript import TranscriptEntry
from bot.formats.ical_export import meeting_to_ics
from bot.formats.notes_docx import notes_to_docx
from bot.formats.notes_html import notes_to_html
from bot.formats.notes_markdown import notes_to_markdown
from bot.formats.record_csv import record_to_csv
from bot.formats.record_json import record_to_json
from bot.formats.report_docx import report_to_docx
from bot.formats.transcript import transcript_to_json, transcript_to_markdown
from bot.services.record import MeetingRecord


@dataclass(frozen=True)
class ExportInput:
    record: MeetingRecord
    transcript: Sequence[TranscriptEntry]
    now: datetime

    @property
    def chosen_transcript(self) -> list[TranscriptEntry]:
        """Transcript entries of the sessions in the record (all of them, and those of none, when unfiltered)."""
        ids = {s.session.id for s in self.record.sessions}
        every = len(ids) >= len([s for s in self.record.meeting.sessions if s.kind is not SessionKind.BREAK])
        return [e for e in self.transcript if every or e.session_id in ids]


def _docx(given: ExportInput) -> bytes:
    """The summary report draft; for a single session, what the secretariat wants is that session's notes."""
    if len(given.record.sessions) == 1 and given.record.meeting.sessions[1:]:
        return notes_to_docx(given.record, generated_at=given.now)
    return report_to_docx(given.record, generated_at=given.now)


def _ics(given: ExportInput) -> bytes:
    chosen = replace(given.record.meeting, sessions=tuple(s.session for s in given.record.sessions))
    return meeting_to_ics(chosen, stamp=given.now)


EXPORTS: dict[str, tuple[str, Callable[[ExportInput], bytes]]] = {
    "json": ("json", lambda g: record_to_json(g.record, generated_at=g.now).encode("utf-8")),
    "md": ("md", lambda g: notes_to_markdown(g.record).encode("utf-8")),
    "html": ("html", lambda g: notes_to_html(g.record).encode("utf-8")),
    "csv": ("csv", lambda g: record_to_csv(g.record)),
    "docx": ("docx", _docx),
    "notes-docx": ("docx", lambda g: notes_to_docx(g.record, generated_at=g.now)),
    "ics": ("ics", _ics),
    "transcript-md": ("md", lambda g: transcript_to_markdown(g.record.meeting, g.chosen_transcript).encode("utf-8")),
    "transcript-json": ("json", lambda g: transcript_to_json(g.record.meeting, g.chosen_transcript).encode("utf-8")),
}


def export(form: str, given: ExportInput) -> bytes:
    """The file's bytes in the named format (one of EXPORTS)."""
    return EXPORTS[form][1](given)


class FileExporter:
    """The Exporter port over this module's table of formats."""

    def __init__(self) -> None:
        self.formats = {form: extension for form, (extension, _) in EXPORTS.items()}

    def __call__(self, form: str, record: MeetingRecord, transcript: Sequence[TranscriptEntry], now: datetime) -> bytes:
        return export(form, ExportInput(record, transcript, now))
