"""Explicit conversions between a reminder Claim and its row."""

from __future__ import annotations

from sqlalchemy import RowMapping

from bot.services.ports import Claim


def claim_from_row(row: RowMapping) -> Claim:
    return Claim(
        key=row["key"],
        due=row["due_at"],
        claimed_at=row["claimed_at"],
        attempts=row["attempts"],
        posted_at=row["posted_at"],
        missed=row["missed"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
    )
