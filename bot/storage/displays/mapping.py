"""Explicit conversions between a Display and its row."""

from __future__ import annotations

from sqlalchemy import RowMapping

from bot.services.ports import Display

COLUMNS = ("meeting_id", "session_id", "platform", "channel", "message_id", "shown")


def display_values(display: Display) -> dict[str, str]:
    return {
        "meeting_id": display.meeting_id,
        "session_id": display.session_id,
        "platform": display.platform,
        "channel": display.channel,
        "message_id": display.message_id,
        "shown": display.shown,
    }


def display_from_row(row: RowMapping) -> Display:
    return Display(**{column: row[column] for column in COLUMNS})
