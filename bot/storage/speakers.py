"""A Speaker as columns: how the lists of speakers and the expressions of interest both store who speaks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.domain.participants import Level
from bot.domain.queue.entries import Speaker
from bot.domain.settings import Category


def speaker_values(speaker: Speaker) -> dict[str, Any]:
    return {
        "participant_id": speaker.participant_id,
        "name": speaker.name,
        "delegation": speaker.delegation,
        "category": speaker.category.value,
        "level": speaker.level.value,
        "grp": speaker.group,  # "group" is an SQL keyword
        "verified": speaker.verified,
    }


def speaker_from_row(row: Mapping[Any, Any]) -> Speaker:
    return Speaker(
        row["participant_id"],
        row["name"],
        row["delegation"],
        Category(row["category"]),
        Level(row["level"]),
        row["grp"],
        row["verified"],
    )
