"""Benchmark of the exports: a meeting record of 2,000 interventions, the time of each format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.timing import Row, measure
from bot.domain.meeting import SessionKind
from bot.domain.participants import Level
from bot.domain.queue.entries import Delivery, EntryKind, Intervention, Note, QueueEntry, Speaker
from bot.domain.settings import Category
from bot.domain.transcript import EntryKind as LogKind
from bot.domain.transcript import TranscriptEntry
from bot.formats.exports import EXPORTS, ExportInput, export
from bot.formats.schedule_toml import load_schedule_toml
from bot.services.record import MeetingRecord, SessionRecord

SCHEDULES = Path(__file__).resolve().parents[1] / "bot" / "schedules"
INTERVENTIONS = 2000
CATEGORIES = (Category.MEMBER_STATE, Category.OBSERVER_STATE, Category.IGO, Category.STAKEHOLDER)


def rows(quick: bool) -> list[Row]:
    given = _input()
    runs = 3 if quick else 10
    return [
        measure(
            f"export: {form}, {INTERVENTIONS:,} interventions",
            lambda f=form: export(f, given),
            runs=runs,
            goal="< 1,000 ms",
        )
        for form in EXPORTS
    ]


def _input() -> ExportInput:
    meeting = load_schedule_toml(SCHEDULES / "unece-gcm-review-2020.toml")
    sessions = [s for s in meeting.sessions if s.kind is not SessionKind.BREAK]
    per_session = INTERVENTIONS // len(sessions)
    records, log = [], []
    for session in sessions:
        heard = tuple(_intervention(session.start, i) for i in range(per_session))
        # One rapporteur note per five interventions, attached to it, as a busy roundtable would have.
        notes = tuple(
            Note("rapporteur", f"Note on objective {i % 23 + 1}", session.start, i) for i in range(0, per_session, 5)
        )
        records.append(SessionRecord(session, heard, notes, ()))
        log += [
            TranscriptEntry(meeting.id, i.started_at, LogKind.COMMAND, "/floor next", "c", "mod", session.id)
            for i in heard
        ]
    return ExportInput(MeetingRecord(meeting, tuple(records)), log, datetime(2020, 11, 14, tzinfo=UTC))


def _intervention(start: datetime, i: int) -> Intervention:
    category = CATEGORIES[i % len(CATEGORIES)]
    speaker = Speaker(f"p{i}", f"Делегат Ն{i} ლ", f"D{i % 56}", category, Level.OTHER)
    at = start + timedelta(seconds=20 * i)
    entry = QueueEntry(i, speaker, EntryKind.STATEMENT, at, i, f"on objective {i % 23 + 1}")
    text = f"Statement {i} on regular pathways and objective {i % 23 + 1}. " * 5
    if i % 10 == 9:  # one statement in ten submitted in writing only
        return Intervention(entry, at, None, at, delivery=Delivery.WRITTEN, statement=text)
    return Intervention(entry, at, timedelta(minutes=3), at + timedelta(seconds=150), statement=text)
