"""Explicit conversions between a Correction and its row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import RowMapping

from bot.domain.corrections import Correction


def correction_values(meeting_id: str, correction: Correction) -> dict[str, Any]:
    """The row's columns but its id, which the database numbers in the order corrections were made."""
    return {
        "meeting_id": meeting_id,
        "session_id": correction.session_id,
        "entry_id": correction.entry_id,
        "text": correction.text,
        "corrected_by": correction.by,
        "corrected_at": correction.at,
    }


def correction_from_row(row: RowMapping) -> Correction:
    return Correction(row["session_id"], row["entry_id"], row["text"], row["corrected_by"], row["corrected_at"])
