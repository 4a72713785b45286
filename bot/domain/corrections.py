"""Staff corrections of the record: the corrected text of one intervention, who made it and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Correction:
    """A new text for intervention `entry_id` of `session_id`; the latest one wins, all are kept."""

    session_id: str
    entry_id: int
    text: str
    by: str
    at: datetime
