"""The rules a timetable must obey, checked on the meeting itself so every file format shares them."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise

from bot.domain.durations import format_duration
from bot.domain.language import AS_WRITTEN, N_, Words
from bot.domain.meeting import Meeting, SessionKind

# The place of a calendar's event that has neither summary nor UID to be named by: said in the reader's language.
UNNAMED_EVENT = N_("an event without summary or UID")


@dataclasses.dataclass(frozen=True, slots=True)
class ScheduleProblem:
    """One fault: where it is (a session id, 'meeting' or 'objective N'), which field, and what is wrong.

    What is wrong is an English msgid with named fields (`values`: the file's names and values, never translated),
    said in a reader's language by `said(tr)`; `plural` and `count` make it an ngettext message. A parser's own
    words (`verbatim`) are shown as it wrote them: Podium has no translation of them.
    """

    where: str
    field: str
    msgid: str
    values: Mapping[str, str] = dataclasses.field(default_factory=dict, hash=False)
    plural: str | None = None
    count: int = 0
    verbatim: bool = False

    def said(self, tr: Words) -> str:
        """What is wrong, in `tr`'s language."""
        if self.verbatim:
            return self.msgid
        if self.plural is not None:
            return tr.ngettext(self.msgid, self.plural, self.count).format(count=self.count, **self.values)
        return tr.gettext(self.msgid).format(**self.values)

    @classmethod
    def ngettext(
        cls, singular: str, plural: str, count: int, where: str, field: str, *, values: Mapping[str, str] | None = None
    ) -> ScheduleProblem:
        """A fault whose words depend on a number: named and ordered as gettext's own, so that pybabel extracts
        its two forms together (as one plural message) where the fault is made."""
        return cls(where, field, singular, dict(values or {}), plural=plural, count=count)

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.said(AS_WRITTEN)


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
    return [
        ScheduleProblem.ngettext("used by {count} session", "used by {count} sessions", n, sid, "id")
        for sid, n in counts.items()
        if n > 1
    ]


def _times_ordered(meeting: Meeting) -> list[ScheduleProblem]:
    return [ScheduleProblem(s.id, "end", N_("must be after start")) for s in meeting.sessions if s.end <= s.start]


def _sessions_within_days(meeting: Meeting) -> list[ScheduleProblem]:
    zone = meeting.zone
    problems = []
    for session in meeting.sessions:
        day = session.start.astimezone(zone).date()
        if day not in meeting.days:
            days = ", ".join(d.isoformat() for d in meeting.days)
            message = N_("{day} is not a meeting day ({days})")
            problems.append(ScheduleProblem(session.id, "day", message, {"day": day.isoformat(), "days": days}))
    return problems


def _no_overlaps(meeting: Meeting) -> list[ScheduleProblem]:
    zone = meeting.zone
    ordered = sorted((s for s in meeting.sessions if s.end > s.start), key=lambda s: s.start)
    problems = []
    for earlier, later in pairwise(ordered):
        if later.start < earlier.end:
            span = f"{earlier.start.astimezone(zone):%H:%M}–{earlier.end.astimezone(zone):%H:%M}"
            message = N_("overlaps session {session} ({span})")
            problems.append(ScheduleProblem(later.id, "start", message, {"session": earlier.id, "span": span}))
    return problems


def _objectives_known(meeting: Meeting) -> list[ScheduleProblem]:
    if not meeting.objectives:
        return []
    known = {o.number for o in meeting.objectives}
    return [
        ScheduleProblem(
            s.id, "objectives", N_("objective {number} is not among the meeting's objectives"), {"number": str(n)}
        )
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
        # "objective N" names the file's [[objective]] table with that number: a locator, like "session rt1".
        place = f"objective {number}"
        if not sessions and meeting.objective(number):
            problems.append(ScheduleProblem(place, "objectives", N_("is covered by no roundtable")))
        elif len(sessions) > 1:
            covered = N_("is covered twice ({sessions})")
            problems.append(ScheduleProblem(place, "objectives", covered, {"sessions": ", ".join(sessions)}))
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
                message = N_("the reminder at {offset} falls on {day}, before the meeting was announced ({announced})")
                values = {
                    "offset": format_duration(offset),
                    "day": day.isoformat(),
                    "announced": str(meeting.announced),
                }
                problems.append(ScheduleProblem(session.id, "reminders", message, values))
    return problems


class ScheduleInvalid(Exception):
    """A timetable that cannot be used, with every fault found in it."""

    def __init__(self, source: str, problems: list[ScheduleProblem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s)")

    def lines(self, tr: Words = AS_WRITTEN) -> list[str]:
        """One line per fault, in `tr`'s language (English without one): 'FILE: session rt2: start: overlaps session
        rt1 (10:40–12:40)'. The place and the field name the file's own tables and keys, never translated."""
        return [f"{self.source}: {_place(p.where, tr)}: {p.field}: {p.said(tr)}" for p in self.problems]


def _place(where: str, tr: Words) -> str:
    if where == UNNAMED_EVENT:
        return tr.gettext(UNNAMED_EVENT)
    return where if where in {"meeting", "file"} or " " in where else f"session {where}"
