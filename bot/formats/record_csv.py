"""The record as CSV, one row per intervention: UTF-8 with a byte-order mark so spreadsheets read it right."""

from __future__ import annotations

import csv
import io
from datetime import UTC
from zoneinfo import ZoneInfo

from bot.services.record import MeetingRecord

COLUMNS = (
    "session",
    "id",
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
)
# A cell starting with one of these is a formula to a spreadsheet: what a participant typed must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def record_to_csv(record: MeetingRecord) -> bytes:
    zone = ZoneInfo(record.meeting.timezone)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for session in record.sessions:
        for intervention in session.interventions:
            entry, speaker = intervention.entry, intervention.entry.speaker
            addressed = record.objectives_of(intervention)
            writer.writerow(
                [
                    session.session.id,
                    entry.id,
                    intervention.started_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                    intervention.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    int(intervention.duration.total_seconds()) if intervention.ended_at else "",
                    _cell(speaker.participant_id),
                    _cell(speaker.name),
                    _cell(speaker.delegation or ""),
                    speaker.category.value,
                    speaker.level.value,
                    _cell(speaker.group or ""),
                    entry.kind.value,
                    intervention.delivery.value,
                    " ".join(map(str, addressed)),
                    _cell(entry.note),
                    _cell(intervention.statement or ""),
                ]
            )
    # utf-8-sig: Excel opens a CSV with a byte-order mark as UTF-8; without it Cyrillic turns to mojibake.
    return out.getvalue().encode("utf-8-sig")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text
