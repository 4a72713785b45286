"""Explicit conversions between a Submission and its row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.domain.submissions import Submission


def submission_values(meeting_id: str, submission: Submission) -> dict[str, Any]:
    """The row's columns but its id."""
    return {
        "meeting_id": meeting_id,
        "delegation": submission.delegation,
        "version": submission.version,
        "text": submission.text,
        "words": submission.words,
        "received_at": submission.received,
        "submitted_by": submission.submitted_by,
        "file_name": submission.file_name,
    }


def submission_from_row(row: Mapping[Any, Any]) -> Submission:
    return Submission(
        delegation=row["delegation"],
        text=row["text"],
        received=row["received_at"],
        words=row["words"],
        version=row["version"],
        submitted_by=row["submitted_by"],
        file_name=row["file_name"],
    )
