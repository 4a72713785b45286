"""The rules a timetable must obey, checked on the meeting itself so every file format shares them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from bot.domain.durations import format_duration
from bot.domain.meeting import Meeting, SessionKind


@dataclass(frozen=True, slots=True)
class ScheduleProblem:
    """One fault: where it is (a session id, 'meeting' or 'objective N'), which field, and what is wrong."""

    where: str
    field: str
    message: str


def check_meeting(meeting: Meeting) -> list[ScheduleProblem]:
    """Every fault of the timetable, in the order a reader would fix them."""
    return [
        *_ids_unique(meeting),
        *_times_ordered(meeting),
        *_sessions_within_days(meeting),
        *_no_overlaps(meeting),
        *_objectives_known(meeting),
        *_objectives_covered_once(meeting),
        *_reminders_after_announcement(meeting),
    ]


def _ids_unique(meeting: Meeting) -> list[ScheduleProblem]:
    counts = Counter(s.id for s in meeting.sessions)
    return [ScheduleProblem(sid, "id", f"used by {n} sessions") for sid, n in counts.items() if n > 1]


def _times_ordered(meeting: Meeting) -> list[ScheduleProblem]:
    return [ScheduleProblem(s.id, "end", "must be after start") for s in meeting.sessions if s.end <= s.start]


def _sessions_within_days(meeting: Meeting) -> list[ScheduleProblem]:
    zone = meeting.zone
    problems = []
    for session in meeting.sessions:
        day = session.start.astimezone(zone).date()
        if day not in meeting.days:
            days = ", ".join(d.isoformat() for d in meeting.days)
            problems.append(ScheduleProblem(session.id, "day", f"{day} is not a meeting day ({days})"))
    return problems


def _no_overlaps(meeting: Meeting) -> list[ScheduleProblem]:
    zone = meeting.zone
    ordered = sorted((s for s in meeting.sessions if s.end > s.start), key=lambda s: s.start)
    problems = []
    for earlier, later in pairwise(ordered):
        if later.start < earlier.end:
            span = f"{earlier.start.astimezone(zone):%H:%M}–{earlier.end.astimezone(zone):%H:%M}"
            problems.append(ScheduleProblem(later.id, "start", f"overlaps session {earlier.id} ({span})"))
    return problems


def _objectives_known(meeting: Meeting) -> list[ScheduleProblem]:
    if not meeting.objectives:
        return []
    known = {o.number for o in meeting.objectives}
    return [
        ScheduleProblem(s.id, "objectives", f"objective {n} is not among the meeting's objectives")
        for s in meeting.sessions
        for n in s.objectives
        if n not in known
    ]


def _objectives_covered_once(meeting: Meeting) -> list[ScheduleProblem]:
    """Each objective belongs to exactly one roundtable, as the 73/326 clustering requires."""
    if not meeting.objectives:
        return []
    covering: dict[int, list[str]] = {o.number: [] for o in meeting.objectives}
    for session in meeting.sessions:
        if session.kind is SessionKind.ROUNDTABLE:
            for number in session.objectives:
                covering.setdefault(number, []).append(session.id)
    problems = []
    for number, sessions in sorted(covering.items()):
        if not sessions and meeting.objective(number):
            problems.append(ScheduleProblem(f"objective {number}", "objectives", "is covered by no roundtable"))
        elif len(sessions) > 1:
            where = ", ".join(sessions)
            problems.append(ScheduleProblem(f"objective {number}", "objectives", f"is covered twice ({where})"))
    return problems


def _reminders_after_announcement(meeting: Meeting) -> list[ScheduleProblem]:
    """A reminder cannot be due before the meeting was even announced (a typo such as -15d for -15m)."""
    if meeting.announced is None:
        return []
    zone = meeting.zone
    problems = []
    for session in meeting.sessions:
        for offset in meeting.reminders.offsets:
            day = (session.start + offset).astimezone(zone).date()
            if day < meeting.announced:
                problems.append(
                    ScheduleProblem(
                        session.id,
                        "reminders",
                        f"the reminder at {format_duration(offset)} falls on {day}, before the meeting was announced "
                        f"({meeting.announced})",
                    )
                )
    return problems


class ScheduleInvalid(Exception):
    """A timetable that cannot be used, with every fault found in it."""

    def __init__(self, source: str, problems: list[ScheduleProblem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s)")

    def lines(self) -> list[str]:
        """One line per fault: 'FILE: session rt2: start: overlaps session rt1 (10:40–12:40)'."""
        return [f"{self.source}: {_place(p.where)}: {p.field}: {p.message}" for p in self.problems]


def _place(where: str) -> str:
    return where if where in {"meeting", "file"} or " " in where else f"session {where}"
