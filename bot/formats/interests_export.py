"""Every expression of interest, whatever its status, for the secretariat's own records: CSV and JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from bot.domain.interests import Interest
from bot.domain.meeting import Meeting
from bot.formats.record_csv import csv_cell
from bot.formats.safe_text import safe_json

SCHEMA = "podium.interests/1"
COLUMNS = (
    "id",
    "segment",
    "segment_title",
    "role",
    "status",
    "participant_id",
    "name",
    "delegation_code",
    "delegation",
    "category",
    "level",
    "group",
    "note",
    "expressed_at",
    "decided_at",
    "decided_by",
    "reason",
    "position",
)


def interests_csv(interests: Sequence[Interest], meeting: Meeting, state_name: Callable[[str], str]) -> bytes:
    """One row per expression of interest, in the order they were expressed (by id)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in _records(interests, meeting, state_name):
        # Every cell through csv_cell, numbers and our own words too: then none can be forgotten.
        writer.writerow([csv_cell("" if record[c] is None else str(record[c])) for c in COLUMNS])
    # utf-8-sig: Excel opens a CSV with a byte-order mark as UTF-8; without it Cyrillic turns to mojibake.
    return out.getvalue().encode("utf-8-sig")


def interests_json(interests: Sequence[Interest], meeting: Meeting, state_name: Callable[[str], str]) -> bytes:
    """{"schema", "meeting", "interests": [...]}; absent values are null, times ISO 8601 with their offset."""
    document = {"schema": SCHEMA, "meeting": meeting.id, "interests": _records(interests, meeting, state_name)}
    return safe_json(document).encode("utf-8")


def _records(interests: Sequence[Interest], meeting: Meeting, state_name: Callable[[str], str]) -> list[dict[str, Any]]:
    return [_record(i, meeting, state_name) for i in sorted(interests, key=lambda i: i.id)]


def _record(interest: Interest, meeting: Meeting, state_name: Callable[[str], str]) -> dict[str, Any]:
    speaker, session = interest.speaker, meeting.session(interest.session_id)
    return {
        "id": interest.id,
        "segment": interest.session_id,
        "segment_title": session.title if session else "",  # a segment since removed from the schedule
        "role": interest.role.value,
        "status": interest.status.value,
        "participant_id": speaker.participant_id,
        "name": speaker.name,
        "delegation_code": speaker.delegation,
        "delegation": state_name(speaker.delegation) if speaker.delegation else None,
        "category": speaker.category.value,
        "level": speaker.level.value,
        "group": speaker.group,
        "note": interest.note,
        "expressed_at": _local(interest.at, meeting),
        "decided_at": _local(interest.decided_at, meeting),
        "decided_by": interest.decided_by,
        "reason": interest.reason,
        "position": interest.position,
    }


def _local(moment: datetime | None, meeting: Meeting) -> str | None:
    return moment.astimezone(meeting.zone).isoformat() if moment else None
