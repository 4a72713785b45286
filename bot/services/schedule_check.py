"""The schedule check use case: load a timetable file and sum it up, or list every fault in it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.domain.language import N_
from bot.domain.meeting import Meeting, SessionKind
from bot.domain.schedule_rules import ScheduleInvalid, ScheduleProblem
from bot.services.ports import ScheduleLoader
from bot.services.translation import Translator


@dataclass(frozen=True, slots=True)
class ScheduleSummary:
    source: str
    meeting: Meeting
    sessions: int
    breaks: int
    roundtables: int
    objectives_covered: int
    first_start: datetime
    last_end: datetime
    placeholder_links: int


@dataclass(frozen=True, slots=True)
class ScheduleFaults:
    """Every fault of the file, said in the reader's language by `lines(tr)`."""

    invalid: ScheduleInvalid

    def lines(self, tr: Translator) -> list[str]:
        return self.invalid.lines(tr)


def check_schedule(path: Path, load: ScheduleLoader) -> ScheduleSummary | ScheduleFaults:
    try:
        meeting = load(path)
    except ScheduleInvalid as invalid:
        return ScheduleFaults(invalid)
    if not meeting.sessions:
        empty = ScheduleProblem("meeting", "session", N_("the timetable has no sessions"))
        return ScheduleFaults(ScheduleInvalid(str(path), [empty]))
    roundtables = [s for s in meeting.sessions if s.kind is SessionKind.ROUNDTABLE]
    return ScheduleSummary(
        source=str(path),
        meeting=meeting,
        sessions=len(meeting.sessions),
        breaks=sum(s.kind is SessionKind.BREAK for s in meeting.sessions),
        roundtables=len(roundtables),
        objectives_covered=len({n for s in roundtables for n in s.objectives}),
        first_start=min(s.start for s in meeting.sessions),
        last_end=max(s.end for s in meeting.sessions),
        placeholder_links=sum(link.is_placeholder for s in meeting.sessions for link in s.links),
    )
