"""Explicit conversions between a TranscriptEntry and its row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.domain.transcript import EntryKind, TranscriptEntry


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


def entry_from_row(row: Mapping[Any, Any]) -> TranscriptEntry:
    """The entry of a row read with Core (a RowMapping): thousands are read for an export, ORM objects cost more."""
    return TranscriptEntry(
        meeting_id=row["meeting_id"],
        at=row["at"],
        kind=EntryKind(row["kind"]),
        text=row["text"],
        channel=row["channel"],
        actor=row["actor"],
        session_id=row["session_id"],
        request_id=row["request_id"],
    )
