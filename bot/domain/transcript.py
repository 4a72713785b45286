"""The chronological record of what was said to and by the bot, the raw material of transcripts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class EntryKind(StrEnum):
    COMMAND = "command"
    MESSAGE = "message"


@dataclass(frozen=True, slots=True)
class TranscriptEntry:
    """One command typed by a participant, or one message the bot posted; `at` is aware UTC."""

    meeting_id: str
    at: datetime
    kind: EntryKind
    text: str
    channel: str | None = None
    actor: str | None = None
    session_id: str | None = None
    # The platform's id for the delivery of a command (Slack's trigger id): a retried delivery carries it again.
    request_id: str | None = None
