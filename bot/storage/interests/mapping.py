"""Explicit conversions between an Interest and its row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.domain.interests import Interest, Role, Status
from bot.storage.speakers import speaker_from_row, speaker_values


def interest_values(meeting_id: str, interest: Interest) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "id": interest.id,
        "session_id": interest.session_id,
        "role": interest.role.value,
        "status": interest.status.value,
        **speaker_values(interest.speaker),
        "note": interest.note,
        "at": interest.at,
        "decided_at": interest.decided_at,
        "decided_by": interest.decided_by,
        "reason": interest.reason,
        "position": interest.position,
    }


def interest_from_row(row: Mapping[Any, Any]) -> Interest:
    return Interest(
        id=row["id"],
        session_id=row["session_id"],
        role=Role(row["role"]),
        speaker=speaker_from_row(row),
        note=row["note"],
        at=row["at"],
        status=Status(row["status"]),
        decided_at=row["decided_at"],
        decided_by=row["decided_by"],
        reason=row["reason"],
        position=row["position"],
    )
