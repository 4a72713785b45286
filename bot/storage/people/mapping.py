"""Explicit conversions between a declared Participant and its row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping

from bot.domain.participants import Level, Participant
from bot.domain.settings import Category


def declaration_values(participant: Participant, at: datetime) -> dict[str, Any]:
    """The row's columns but its key, as a new declaration: unverified until a moderator says otherwise."""
    return {
        "name": participant.name,
        "delegation": participant.delegation,
        "category": participant.category.value,
        "level": participant.level.value,
        "grp": participant.group,
        "timezone": participant.timezone,
        "verified": False,
        "verified_by": None,
        "declared_at": at,
        "verified_at": None,
    }


def participant_from_row(row: RowMapping) -> Participant:
    return Participant(
        id=row["participant_id"],
        name=row["name"],
        delegation=row["delegation"],
        category=Category(row["category"]),
        level=Level(row["level"]),
        group=row["grp"],
        timezone=row["timezone"],
        verified=row["verified"],
    )
