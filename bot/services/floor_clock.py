"""The floor's clock, for the Timeline: speaker time warnings, "time is up", and closing each list after its session."""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

from bot.domain.meeting import Session, SessionKind
from bot.domain.queue.queue import SpeakerQueue
from bot.services.floor import FloorService
from bot.services.timetable import Timetable
from bot.services.views import Post

log = logging.getLogger(__name__)


class FloorClock:
    """A DueWork: what is due is read from the stored lists, so a restarted process picks up every timer.

    Every session's list closes `overrun` after the session, announced, whether or not anyone asked for
    the floor. A closing missed by more than the grace (a process started long after) happens silently.
    """

    def __init__(self, floor: FloorService, timetable: Timetable) -> None:
        self.floor = floor
        self.timetable = timetable
        self._finished: set[str] = set()  # closed lists never reopen: no need to ask storage again

    async def next_due(self, now: datetime) -> datetime | None:
        return min((due for _, due in await self._dues()), default=None)

    async def fire(self, now: datetime) -> list[Post]:
        posts: list[Post] = []
        for session, due in await self._dues():
            if due > now:
                continue
            closes = self.timetable.list_closes(session)
            if now < closes:
                posts += await self.floor.change(session, lambda q: q.tick(now), now)
                continue
            closing = await self.floor.change(session, lambda q: q.finish(now), now)
            self._finished.add(session.id)
            if now - closes > self.timetable.meeting.reminders.grace:
                log.warning("closed the list of %s %s late; not announced", session.id, now - closes)
            else:
                posts += closing
        return posts

    async def _dues(self) -> list[tuple[Session, datetime]]:
        with_lists = {s.id for s in await self.floor.sessions_with_lists()}
        dues = []
        for session in self.timetable.meeting.sessions:
            if session.kind is SessionKind.BREAK or session.id in self._finished:
                continue
            closes = self.timetable.list_closes(session)
            due = await self.floor.read(session, partial(_due, closes=closes)) if session.id in with_lists else closes
            if due is None:
                self._finished.add(session.id)
            else:
                dues.append((session, due))
        return dues


def _due(q: SpeakerQueue, closes: datetime) -> datetime | None:
    """The list's next moment: its speaker's warning or end, or its closing; none once finished."""
    if q.finished:
        return None
    timer = q.next_timer()
    return min(timer, closes) if timer else closes
