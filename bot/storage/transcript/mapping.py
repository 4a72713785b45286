"""Explicit conversions between a TranscriptEntry and its row."""

from __future__ import annotations

from typing import Any

from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.storage.transcript.tables import TranscriptRow


def entry_to_row(entry: TranscriptEntry) -> TranscriptRow:
    return TranscriptRow(**entry_values(entry))


def entry_values(entry: TranscriptEntry) -> dict[str, Any]:
    """The row's columns, for Core inserts (one statement for many entries)."""
    return {
        "meeting_id": entry.meeting_id,
        "at": entry.at,
        "kind": entry.kind.value,
        "text": entry.text,
        "channel": entry.channel,
        "actor": entry.actor,
        "session_id": entry.session_id,
        "request_id": entry.request_id,
    }


def entry_from_row(row: TranscriptRow) -> TranscriptEntry:
    return TranscriptEntry(
        meeting_id=row.meeting_id,
        at=row.at,
        kind=EntryKind(row.kind),
        text=row.text,
        channel=row.channel,
        actor=row.actor,
        session_id=row.session_id,
        request_id=row.request_id,
    )
