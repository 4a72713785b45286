"""Benchmark of the exports: a meeting record of 2,000 interventions and one of 20,000, the time of each format.

Each format is one row, both sizes side by side: the goal is under 2 s at 20,000 and linear growth, that is the
time at 20,000 about ten times that at 2,000 (the factor is shown after the medians).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.timing import Row, measure
from bot.domain.language import Language
from bot.domain.meeting import SessionKind
from bot.domain.participants import Level, Participant
from bot.domain.queue.entries import Delivery, EntryKind, Intervention, Note, QueueEntry, Speaker
from bot.domain.settings import Category
from bot.domain.transcript import EntryKind as LogKind
from bot.domain.transcript import TranscriptEntry
from bot.formats.exports import EXPORTS, ExportInput, export
from bot.formats.schedule_toml import load_schedule_toml
from bot.locales.catalogs import Catalogs
from bot.services.record import MeetingRecord, SessionRecord

SCHEDULES = Path(__file__).resolve().parents[1] / "bot" / "schedules"
INTERVENTIONS = 2000
LARGE = 20000  # ten times the bench: the scale
GOAL = f"< 2,000 ms at {LARGE:,}; linear"
CATEGORIES = (Category.MEMBER_STATE, Category.OBSERVER_STATE, Category.IGO, Category.STAKEHOLDER)


@dataclass(frozen=True)
class ScaleRow:
    """One format at both sizes, in the table's columns: '2,000 figure / 20,000 figure', then the growth factor."""

    name: str
    small: Row
    large: Row
    goal: str = GOAL

    @property
    def growth(self) -> float:
        return self.large.median_ms / self.small.median_ms if self.small.median_ms else float("inf")

    def cells(self) -> list[str]:
        return [
            self.name,
            f"{self.small.runs} / {self.large.runs}",
            f"{self.small.median_ms:,.1f} / {self.large.median_ms:,.1f} (x{self.growth:.1f})",
            f"{self.small.p95_ms:,.1f} / {self.large.p95_ms:,.1f}",
            self.goal,
        ]


def rows(quick: bool) -> list[ScaleRow]:
    small, large = export_input(INTERVENTIONS), export_input(LARGE)
    runs, large_runs = (3, 1) if quick else (10, 3)
    return [
        ScaleRow(
            f"export: {form}, {INTERVENTIONS:,} / {LARGE:,} interventions",
            measure(f"export: {form}, {INTERVENTIONS:,}", lambda f=form: export(f, small), runs=runs),
            measure(f"export: {form}, {LARGE:,}", lambda f=form: export(f, large), runs=large_runs),
        )
        for form in EXPORTS
    ]


def export_input(interventions: int = INTERVENTIONS) -> ExportInput:
    meeting = load_schedule_toml(SCHEDULES / "unece-gcm-review-2020.toml")
    sessions = [s for s in meeting.sessions if s.kind is not SessionKind.BREAK]
    per_session = interventions // len(sessions)
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
    # A registered participant for every ten interventions: the report's attendance and list of participants.
    roster = tuple(
        Participant(
            f"p{i}", f"Делегат Ն{i} ლ", f"D{i % 56}", CATEGORIES[i % len(CATEGORIES)], Level.OTHER, title="Delegate"
        )
        for i in range(interventions // 10)
    )
    record = MeetingRecord(meeting, tuple(records), participants=roster)
    return ExportInput(record, log, datetime(2020, 11, 14, tzinfo=UTC), tr=Catalogs()(Language.EN))


def _intervention(start: datetime, i: int) -> Intervention:
    category = CATEGORIES[i % len(CATEGORIES)]
    speaker = Speaker(f"p{i}", f"Делегат Ն{i} ლ", f"D{i % 56}", category, Level.OTHER)
    at = start + timedelta(seconds=20 * i)
    entry = QueueEntry(i, speaker, EntryKind.STATEMENT, at, i, f"on objective {i % 23 + 1}")
    text = f"Statement {i} on regular pathways and objective {i % 23 + 1}. " * 5
    if i % 10 == 9:  # one statement in ten submitted in writing only
        return Intervention(entry, at, None, at, delivery=Delivery.WRITTEN, statement=text)
    return Intervention(entry, at, timedelta(minutes=3), at + timedelta(seconds=150), statement=text)
