"""Changes to a session's list of speakers, written in batches: one load, one save, one commit for many."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from bot.domain.errors import Refused
from bot.domain.meeting import Meeting, Session
from bot.domain.queue.queue import SpeakerQueue
from bot.services.floor_news import near, news
from bot.services.group_commit import GroupCommit
from bot.services.ports import ConcurrentChange, UnitOfWork
from bot.services.views import Post

Changed = tuple[Any, list[Post]]  # what the operation returned, and what it tells people
# Replays after another process saved the list first: a burst on two replicas may collide a few times in a
# row, and a hand replayed on the new list means the same, so it is worth a few tries before refusing.
REPLAYS = 4


@dataclass(frozen=True, slots=True)
class Change:
    """One operation on a list; `replayable` when it means the same on a list changed meanwhile (a hand)."""

    op: Callable[[SpeakerQueue], Any]
    now: datetime
    replayable: bool


class ListWriter:
    """Applies changes in order to the cached list and saves them together.

    The domain refuses an operation before changing anything, so a refused change leaves the others intact.
    If another process saved the list meanwhile, the batch is applied again to the list as it now is; a
    change that is not replayable (a moderator's "next") is refused rather than applied to a list its
    author did not see.
    """

    def __init__(
        self,
        meeting: Callable[[], Meeting],
        uow: Callable[[], UnitOfWork],
        lock: Callable[[Session], asyncio.Lock],
        watchers: list[Callable[[Session], None]],
    ) -> None:
        self.meeting = meeting
        self.uow = uow
        self.lock = lock
        self.watchers = watchers
        self._batches: dict[str, GroupCommit[Change, Changed]] = {}

    async def change(self, session: Session, change: Change) -> Changed:
        batch = self._batches.get(session.id)
        if batch is None:
            batch = self._batches[session.id] = GroupCommit(partial(self._write, session))
        return await batch(change)

    async def _write(self, session: Session, changes: list[Change]) -> list[Changed | Exception]:
        async with self.lock(session):  # readers of the list see it between batches, never inside one
            written = await self._attempt(session, changes, replay=False)
            for _ in range(REPLAYS):
                if written is not None:
                    break
                written = await self._attempt(session, changes, replay=True)
        if written is None:
            return [_moved(session)] * len(changes)
        outcomes, saved = written
        for changed in self.watchers if saved else ():
            changed(session)
        return outcomes

    async def _attempt(
        self, session: Session, changes: list[Change], *, replay: bool
    ) -> tuple[list[Changed | Exception], bool] | None:
        """Every change's outcome, and whether the list changed, committed; None when another process saved
        the list first."""
        meeting = self.meeting()
        async with self.uow() as uow:
            q = await uow.queues.get(meeting.id, session.id, meeting.speaking_for(session))
            outcomes: list[Changed | Exception] = []
            for change in changes:
                if replay and not change.replayable:
                    outcomes.append(_moved(session))
                    continue
                before, start = near(meeting, q), len(q.events)
                try:
                    result = change.op(q)
                except Refused as refusal:
                    outcomes.append(refusal)
                    continue
                outcomes.append((result, news(meeting, session, before, q, q.events[start:], now=change.now)))
            saved = bool(q.events)
            try:
                if saved:
                    await uow.queues.save(q)
                await uow.commit()  # with nothing saved, this tells the store the list it lent is intact
            except ConcurrentChange:
                return None
        return outcomes, saved


def _moved(session: Session) -> Refused:
    return Refused("floor_moved", {"session": session.id, "speaker": ""})
