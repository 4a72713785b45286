"""Loading a timetable by its file type: TOML as Podium writes it, or iCalendar as calendars export it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.domain.meeting import Meeting
from bot.formats.schedule_toml import load_schedule_toml


def load_schedule(path: Path) -> Meeting:
    """The meeting in a .toml or .ics file; raises ScheduleInvalid listing every fault."""
    if path.suffix.lower() in {".ics", ".ical", ".ifb"}:
        # icalendar costs a tenth of a second to import: only a calendar file pays for it.
        from bot.formats.ical_import import load_schedule_ics

        return load_schedule_ics(path)
    return load_schedule_toml(path)


def load_meeting(path: Path, rehearse: date | None = None) -> Meeting:
    """The timetable, moved to the rehearsal date when one is given."""
    meeting = load_schedule(path)
    return meeting.rehearsed_on(rehearse) if rehearse else meeting
