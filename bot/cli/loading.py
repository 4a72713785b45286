"""What the one-shot actions (agenda, ics, export) load: a timetable, the directory, a clock; nothing is wired.

`bootstrap.py` has the same three steps for a running Podium, but importing it opens the storage layer
(SQLAlchemy, Alembic) at import time, which `podium agenda` must not pay for.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from bot.config import Settings
from bot.domain.meeting import Meeting
from bot.domain.participants import Directory
from bot.scheduling.clock import SimulatedClock, SystemClock


def load_meeting(path: Path, rehearse: date | None = None) -> Meeting:
    """The timetable, moved to the rehearsal date when one is given."""
    from bot.formats.schedules import load_schedule

    meeting = load_schedule(path)
    return meeting.rehearsed_on(rehearse) if rehearse else meeting


def load_directory(settings: Settings, roster: Path | None = None) -> Directory:
    from bot.formats.roster import load_member_states, load_roster

    roster = roster or settings.roster
    return Directory(load_member_states(settings.member_states), load_roster(roster) if roster else ())


def make_clock(start: datetime | None, speed: float | None) -> SimulatedClock | SystemClock:
    """The system clock, or a simulated one running from `start` at `speed` when either is given."""
    if start is None and speed is None:
        return SystemClock()
    return SimulatedClock(start or SystemClock().now(), speed or 1.0)
