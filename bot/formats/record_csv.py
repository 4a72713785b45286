"""The record as CSV, one row per intervention: UTF-8 with a byte-order mark so spreadsheets read it right."""

from __future__ import annotations

import csv
import io
from datetime import UTC

from bot.domain.queue.entries import Intervention
from bot.formats.safe_text import clean
from bot.services.record import MeetingRecord, SessionRecord

COLUMNS = (
    "session",
    "number",
    "started_at_utc",
    "start_local",
    "duration_seconds",
    "participant",
    "name",
    "delegation",
    "category",
    "level",
    "on_behalf_of",
    "kind",
    "delivery",
    "objectives",
    "note",
    "statement",
    "paused_seconds",
    "interrupted",
    "ruling",
)
# A cell starting with one of these is a formula to a spreadsheet: what a participant typed must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def record_to_csv(record: MeetingRecord) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for session in record.sessions:
        for intervention in session.interventions:
            # Every cell through csv_cell, not only those known to come from participants: none can be forgotten.
            writer.writerow([csv_cell(v) if isinstance(v, str) else v for v in _row(record, session, intervention)])
    # utf-8-sig: Excel opens a CSV with a byte-order mark as UTF-8; without it Cyrillic turns to mojibake.
    return out.getvalue().encode("utf-8-sig")


def _row(record: MeetingRecord, session: SessionRecord, intervention: Intervention) -> list[str | int]:
    """One intervention; `number` is its number in the session, as the notes show it and /correct takes it."""
    entry, speaker = intervention.entry, intervention.entry.speaker
    return [
        session.session.id,
        session.number_of(intervention),
        intervention.started_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        intervention.started_at.astimezone(record.meeting.zone).strftime("%Y-%m-%d %H:%M"),
        int(intervention.duration.total_seconds()) if intervention.ended_at else "",
        speaker.participant_id,
        speaker.name,
        speaker.delegation or "",
        speaker.category.value,
        speaker.level.value,
        speaker.group or "",
        entry.kind.value,
        intervention.delivery.value,
        " ".join(map(str, record.objectives_of(intervention))),
        entry.note,
        intervention.statement or "",
        int(intervention.paused.total_seconds()),
        session.number_of(cut) if (cut := session.interrupted_by(intervention)) else "",
        intervention.ruling or "",
    ]


def csv_cell(text: str) -> str:
    """The one way text gets into a cell: unsafe characters out, and a formula kept as text with a quote."""
    text = clean(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
