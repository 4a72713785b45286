"""The room's live page as a read model: who has the floor and until when, who comes next, and the timetable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain.meeting import Meeting, Objective, Session, SessionKind
from bot.domain.naming import category_of, delegation_of
from bot.domain.queue.entries import EntryKind, Intervention, QueueEntry
from bot.domain.queue.queue import SpeakerQueue
from bot.services.floor import FloorService
from bot.services.ports import Clock
from bot.services.timetable import Timetable

UPCOMING = 5  # the next speakers a shared screen has room for
LISTED = 10  # the provisional list's names shown per session on the agenda page


class ListVersions(Protocol):
    """The version of every stored list of a meeting, in one cheap read: another replica's change shows in it."""

    async def versions(self, meeting_id: str) -> Mapping[str, int]: ...


@dataclass(frozen=True, slots=True)
class Named:
    """A speaker as the room's screen names them, in the exports' wording ('Member State', 'Armenia')."""

    name: str
    delegation: str
    category: str
    kind: EntryKind
    participant: str  # the platform's id: a moderator's "give" names it; the public page never shows it


@dataclass(frozen=True, slots=True)
class Turn:
    """The turn whose clock the room watches; while a point of order interrupts it, `paused_by` is who raised it."""

    speaker: Named
    started_at: datetime
    deadline: datetime | None  # none: no time limit (a point of order)
    suspended_at: datetime | None
    paused_by: Named | None


@dataclass(frozen=True, slots=True)
class StageView:
    session: Session
    meeting: Meeting  # named on the page in the viewer's language
    meeting_zone: str
    objectives: tuple[Objective, ...]
    turn: Turn | None
    upcoming: tuple[Named, ...]
    waiting: int
    list_open: bool
    warning: timedelta  # the floor clock warns this long before the end: the countdown turns amber then
    now: datetime
    version: int


@dataclass(frozen=True, slots=True)
class AgendaItem:
    session: Session
    current: bool
    listed: tuple[Named, ...]  # before the session: its provisional list, as far as it exists


@dataclass(frozen=True, slots=True)
class AgendaPage:
    meeting: Meeting
    meeting_zone: str
    items: tuple[AgendaItem, ...]
    now: datetime


class StageService:
    """Builds the live page's views from the stored lists, between the transactions that change them."""

    def __init__(self, timetable: Timetable, floor: FloorService, clock: Clock, versions: ListVersions) -> None:
        self.timetable = timetable
        self.floor = floor
        self.clock = clock
        self._versions = versions

    def session(self, session_id: str) -> Session | None:
        """A session that has a list of speakers (breaks have none)."""
        session = self.timetable.meeting.session(session_id)
        return session if session is not None and session.kind is not SessionKind.BREAK else None

    def watch(self, changed: Callable[[Session], None]) -> None:
        """Be told of every change this process commits to a list (other replicas' show in `versions`)."""
        self.floor.watch(changed)

    async def versions(self) -> Mapping[str, int]:
        return await self._versions.versions(self.timetable.meeting.id)

    async def stage(self, session: Session) -> StageView:
        now = self.clock.now()
        return await self.floor.read(session, lambda q: self._stage(q, session, now))

    async def agenda(self) -> AgendaPage:
        now = self.clock.now()
        meeting = self.timetable.meeting
        listed = {s.id for s in await self.floor.sessions_with_lists()}
        items = []
        for session in meeting.sessions:
            names: tuple[Named, ...] = ()
            if session.id in listed and now < session.start:
                names = await self.floor.read(session, lambda q: tuple(map(self._named, q.waiting.head(LISTED))))
            items.append(AgendaItem(session, session.is_on(now), names))
        return AgendaPage(meeting, meeting.timezone, tuple(items), now)

    def _stage(self, q: SpeakerQueue, session: Session, now: datetime) -> StageView:
        meeting = self.timetable.meeting
        objectives = tuple(o for n in session.objectives if (o := meeting.objective(n)))
        upcoming = tuple(self._named(e) for e in q.waiting.head(UPCOMING))
        warning = meeting.speaking_for(session).warning_before_end
        turn = self._turn(q)
        return StageView(
            session, meeting, meeting.timezone, objectives, turn, upcoming, len(q), q.list_open, warning, now,
            q.version,
        )  # fmt: skip

    def _turn(self, q: SpeakerQueue) -> Turn | None:
        """The interrupted speaker while a point of order has the floor (their clock is the one paused), else the
        current one."""
        if q.interrupted is not None and q.current is not None:
            return self._of(q.interrupted, paused_by=self._named(q.current.entry))
        return self._of(q.current, paused_by=None) if q.current is not None else None

    def _of(self, floor: Intervention, *, paused_by: Named | None) -> Turn:
        return Turn(self._named(floor.entry), floor.started_at, floor.deadline, floor.suspended_at, paused_by)

    def _named(self, entry: QueueEntry) -> Named:
        speaker = entry.speaker
        delegation = delegation_of(speaker, self.timetable.delegation_name)
        return Named(speaker.name, delegation, category_of(speaker), entry.kind, speaker.participant_id)
