"""Every export format in one table: the record, notes, transcripts and calendars, each from the stored record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NamedTuple

from bot.domain.language import N_, Language
from bot.domain.meeting import SessionKind
from bot.domain.transcript import TranscriptEntry
from bot.services.record import MeetingRecord
from bot.services.translation import Translations, Translator

# Each format's module is imported when that format is asked for: python-docx (Word) and icalendar cost more to
# import than a JSON export of 2,000 interventions takes, and `podium --help` reads this table for its list.


@dataclass(frozen=True)
class ExportInput:
    record: MeetingRecord
    transcript: Sequence[TranscriptEntry]
    now: datetime
    # The language the file is written in: its headings, labels, sentences, dates; statements stay as given.
    tr: Translator = field(kw_only=True)

    @property
    def named(self) -> MeetingRecord:
        """The record with the States named in the export's language."""
        return self.record.in_language(self.tr.language)

    @property
    def chosen_transcript(self) -> list[TranscriptEntry]:
        """Transcript entries of the sessions in the record (all of them, and those of none, when unfiltered)."""
        ids = {s.session.id for s in self.record.sessions}
        every = len(ids) >= len([s for s in self.record.meeting.sessions if s.kind is not SessionKind.BREAK])
        return [e for e in self.transcript if every or e.session_id in ids]


def _json(given: ExportInput) -> bytes:
    from bot.formats.record_json import record_to_json

    return record_to_json(given.record, generated_at=given.now, language=given.tr.language).encode("utf-8")


def _markdown(given: ExportInput) -> bytes:
    from bot.formats.notes_markdown import notes_to_markdown

    return notes_to_markdown(given.named, given.tr).encode("utf-8")


def _html(given: ExportInput) -> bytes:
    from bot.formats.notes_html import notes_to_html

    return notes_to_html(given.named, given.tr).encode("utf-8")


def _csv(given: ExportInput) -> bytes:
    from bot.formats.record_csv import record_to_csv

    return record_to_csv(given.record)


def _docx(given: ExportInput) -> bytes:
    """The summary report draft; for a single session, what the secretariat wants is that session's notes."""
    if len(given.record.sessions) == 1 and given.record.meeting.sessions[1:]:
        return _notes_docx(given)
    from bot.formats.report_docx import report_to_docx

    return report_to_docx(given.named, generated_at=given.now, tr=given.tr)


def _notes_docx(given: ExportInput) -> bytes:
    from bot.formats.notes_docx import notes_to_docx

    return notes_to_docx(given.named, generated_at=given.now, tr=given.tr)


def _ics(given: ExportInput) -> bytes:
    from bot.formats.ical_export import meeting_to_ics

    chosen = replace(given.record.meeting, sessions=tuple(s.session for s in given.record.sessions))
    return meeting_to_ics(chosen, stamp=given.now, tr=given.tr)


def _transcript_markdown(given: ExportInput) -> bytes:
    from bot.formats.transcript import transcript_to_markdown

    return transcript_to_markdown(given.record.meeting, given.chosen_transcript, given.tr).encode("utf-8")


def _transcript_json(given: ExportInput) -> bytes:
    from bot.formats.transcript import transcript_to_json

    return transcript_to_json(given.record.meeting, given.chosen_transcript).encode("utf-8")


class Format(NamedTuple):
    extension: str
    build: Callable[[ExportInput], bytes]
    description: str  # one line, shown by `podium export --help` (a msgid: translated where shown)


EXPORTS: dict[str, Format] = {
    "json": Format("json", _json, N_("the record: sessions, interventions, notes (docs/record-schema.md)")),
    "md": Format("md", _markdown, N_("session notes in Markdown")),
    "html": Format("html", _html, N_("session notes as a web page")),
    "csv": Format("csv", _csv, N_("one row per intervention, for a spreadsheet")),
    "docx": Format("docx", _docx, N_("the summary report draft in Word (one session: its notes)")),
    "notes-docx": Format("docx", _notes_docx, N_("session notes in Word, with a chart of speaking time by category")),
    "ics": Format("ics", _ics, N_("the sessions as iCalendar (RFC 5545)")),
    "transcript-md": Format("md", _transcript_markdown, N_("every command and bot message, in Markdown")),
    "transcript-json": Format("json", _transcript_json, N_("every command and bot message, as JSON")),
}


def export(form: str, given: ExportInput) -> bytes:
    """The file's bytes in the named format (one of EXPORTS)."""
    return EXPORTS[form].build(given)


class FileExporter:
    """The Exporter port over this module's table of formats, each written in the language asked for."""

    def __init__(self, translations: Translations) -> None:
        self.formats = {form: chosen.extension for form, chosen in EXPORTS.items()}
        self.translations = translations

    def __call__(
        self,
        form: str,
        record: MeetingRecord,
        transcript: Sequence[TranscriptEntry],
        now: datetime,
        language: Language,
    ) -> bytes:
        return export(form, ExportInput(record, transcript, now, tr=self.translations(language)))
