"""The floor's clock, for the Timeline: speaker time warnings, "time is up", and closing each list after its session."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from bot.domain.queue.queue import SpeakerQueue
from bot.services.floor import FloorService
from bot.services.timetable import Timetable
from bot.services.views import Post


class FloorClock:
    """A DueWork: what is due is read from the stored lists, so a restarted process picks up every timer."""

    def __init__(self, floor: FloorService, timetable: Timetable) -> None:
        self.floor = floor
        self.timetable = timetable

    async def next_due(self, now: datetime) -> datetime | None:
        dues = []
        for session in await self.floor.sessions_with_lists():
            closes = self.timetable.list_closes(session)
            timer = await self.floor.read(session, partial(_due, closes=closes))
            if timer is not None:
                dues.append(timer)
        return min(dues, default=None)

    async def fire(self, now: datetime) -> list[Post]:
        posts: list[Post] = []
        for session in await self.floor.sessions_with_lists():
            closes = self.timetable.list_closes(session)
            due = await self.floor.read(session, partial(_due, closes=closes))
            if due is None or due > now:
                continue
            if now >= closes:
                posts += await self.floor.change(session, lambda q: q.finish(now), now)
            else:
                posts += await self.floor.change(session, lambda q: q.tick(now), now)
        return posts


def _due(q: SpeakerQueue, closes: datetime) -> datetime | None:
    """The list's next moment: its speaker's warning or end, or its closing; none once finished."""
    if q.finished:
        return None
    timer = q.next_timer()
    return min(timer, closes) if timer else closes
