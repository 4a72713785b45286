"""The speaking use cases: hands, the list, statements and notes, and the moderators' /floor commands."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from bot.domain.durations import parse_duration
from bot.domain.meeting import Meeting, Session
from bot.domain.participants import Participant
from bot.domain.queue.entries import EntryKind, Speaker
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import Category
from bot.services.context import Context, Handler
from bot.services.list_writer import Change, ListWriter
from bot.services.people import PeopleService
from bot.services.ports import UnitOfWork
from bot.services.timetable import Timetable
from bot.services.views import AckView, Place, Post, QueueView, Reader, Visibility

T = TypeVar("T")
SHOWN = 10  # how many upcoming speakers /queue lists


class FloorService:
    def __init__(self, timetable: Timetable, people: PeopleService, uow: Callable[[], UnitOfWork]) -> None:
        self.timetable = timetable
        self.people = people
        self.uow = uow
        # One lock per session: in this process, changes to a list happen one after another.
        self._locks: dict[str, asyncio.Lock] = {}
        self._watchers: list[Callable[[Session], None]] = []
        self.writer = ListWriter(lambda: self.meeting, uow, self._lock, self._watchers)

    def watch(self, changed: Callable[[Session], None]) -> None:
        """Be told (synchronously, after the commit) of every change to a session's list: a live display refreshes."""
        self._watchers.append(changed)

    @property
    def meeting(self) -> Meeting:
        """The timetable's meeting, so a reload reaches the floor too."""
        return self.timetable.meeting

    def handlers(self) -> dict[str, Handler]:
        moderator = {
            "next": self.next,
            "give": self.give,
            "end": self.end,
            "close": self.close,
            "open": self.open,
            "move": self.move,
            "remove": self.remove,
            "limit": self.limit,
            "last-word": self.last_word,
            "replies": self.replies,
        }
        participant = {
            "hand": self.hand,
            "lower": self.lower,
            "queue": self.queue,
            "statement": self.statement,
            "note": self.note,
        }
        return {**participant, **{f"floor {name}": handler for name, handler in moderator.items()}}

    # --- participants ------------------------------------------------------------------------------------

    async def hand(self, ctx: Context) -> list[Post]:
        kind = EntryKind(ctx.args.get("kind", "statement").lower())
        note = ctx.args.get("note", "")
        session = self._session(ctx)

        def raise_hand(q: SpeakerQueue) -> Place:
            entry = q.raise_hand(Speaker.of(ctx.who), kind, note, ctx.now)
            return Place(entry, q.position(entry), q.wait_before(entry, ctx.now))

        place, _ = await self._change(session, raise_hand, ctx.now, retry=True)
        details = {
            "kind": kind.value,
            "position": str(place.position),
            "session": session.id,
            "wait": str(int(place.wait.total_seconds())),
        }
        return [ctx.reply(AckView("hand_raised", details))]

    async def lower(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        lowered, _ = await self._change(session, lambda q: q.lower(ctx.who.id), ctx.now, retry=True)
        return [ctx.reply(AckView("lowered", {"count": str(len(lowered)), "session": session.id}))]

    async def queue(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        return [ctx.reply(await self.read(session, lambda q: self._queue_view(q, session, ctx.now, ctx.who)))]

    async def statement(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        await self._change(
            session, lambda q: q.attach_statement(ctx.who.id, ctx.args["text"], ctx.now), ctx.now, retry=True
        )
        return [ctx.reply(AckView("statement_kept", {"length": str(len(ctx.args["text"])), "session": session.id}))]

    async def note(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        note, _ = await self._change(
            session, lambda q: q.note(ctx.who.id, ctx.args["text"], ctx.now), ctx.now, retry=True
        )
        on = "intervention" if note.intervention is not None else "session"
        return [ctx.reply(AckView("note_kept", {"on": on, "session": session.id}))]

    # --- moderators --------------------------------------------------------------------------------------

    async def next(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.next(ctx.now))

    async def give(self, ctx: Context) -> list[Post]:
        speaker = Speaker.of(await self.people.known(ctx.args["user"]))
        return await self._announced(ctx, lambda q: q.give(speaker, ctx.now))

    async def end(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        ended, _ = await self._change(session, lambda q: q.end(ctx.now), ctx.now, retry=False)
        seconds = str(int(ended.duration.total_seconds()))
        return [
            self._to_channel(session, AckView("floor_ended", {"name": ended.entry.speaker.name, "seconds": seconds}))
        ]

    async def close(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.close_list())

    async def open(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.open_list())

    async def move(self, ctx: Context) -> list[Post]:
        who = await self.people.known(ctx.args["user"])
        position = int(ctx.args["position"])
        session = self._session(ctx)
        await self._change(session, lambda q: q.move(who.id, position), ctx.now, retry=False)
        return [ctx.reply(AckView("moved", {"name": who.name, "position": str(position)}))]

    async def remove(self, ctx: Context) -> list[Post]:
        who = await self.people.known(ctx.args["user"])
        session = self._session(ctx)
        await self._change(session, lambda q: q.lower(who.id, by_moderator=True), ctx.now, retry=True)
        return [ctx.reply(AckView("removed", {"name": who.name}))]

    async def limit(self, ctx: Context) -> list[Post]:
        span = parse_duration(ctx.args["duration"]) or timedelta(0)
        category = Category(ctx.args["category"].lower()) if ctx.args.get("category") else None
        return await self._announced(ctx, lambda q: q.set_limit(span, category))

    async def last_word(self, ctx: Context) -> list[Post]:
        speaker = Speaker.of(await self.people.known(ctx.args["user"]))
        session = self._session(ctx)
        await self._change(session, lambda q: q.last_word(speaker, ctx.now), ctx.now, retry=False)
        return [ctx.reply(AckView("last_word", {"name": speaker.name}))]

    async def replies(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.call_replies())

    # --- shared with the clock -----------------------------------------------------------------------------

    async def change(self, session: Session, op: Callable[[SpeakerQueue], object], now: datetime) -> list[Post]:
        """Apply a change and return the channel announcements it makes (used by the floor clock too)."""
        _, posts = await self._change(session, op, now, retry=False)
        return posts

    async def board(self, session: Session, now: datetime) -> QueueView:
        """The list as a whole channel sees it: who has the floor, who comes next, in the meeting's time."""
        return await self.read(session, lambda q: self._queue_view(q, session, now))

    async def read(self, session: Session, look: Callable[[SpeakerQueue], T]) -> T:
        """Look at a list without changing it."""
        async with self._lock(session), self.uow() as uow:
            q = await uow.queues.get(self.meeting.id, session.id, self.meeting.speaking_for(session))
            seen = look(q)
            await uow.commit()  # nothing changed; committing tells the store the list it lent is intact
        return seen

    async def sessions_with_lists(self) -> list[Session]:
        async with self.uow() as uow:
            ids = await uow.queues.sessions_with_queues(self.meeting.id)
        return [s for s in self.meeting.sessions if s.id in set(ids)]

    def _session(self, ctx: Context) -> Session:
        return self.timetable.open_session(ctx.channel, ctx.now)

    async def _announced(self, ctx: Context, op: Callable[[SpeakerQueue], object]) -> list[Post]:
        _, posts = await self._change(self._session(ctx), op, ctx.now, retry=False)
        return posts

    async def _change(
        self, session: Session, op: Callable[[SpeakerQueue], T], now: datetime, *, retry: bool
    ) -> tuple[T, list[Post]]:
        """Apply op to the list, saved with whatever else arrives meanwhile; refused if it cannot be."""
        changed: tuple[T, list[Post]] = await self.writer.change(session, Change(op, now, replayable=retry))
        return changed

    def _to_channel(self, session: Session, view: AckView) -> Post:
        return Post(view, Visibility.CHANNEL, session.channel or self.meeting.main_channel)

    def _queue_view(
        self, q: SpeakerQueue, session: Session, now: datetime, who: Participant | None = None
    ) -> QueueView:
        # The head only: copying a list of thousands to show ten would hold the session's lock for nothing.
        upcoming = tuple(Place(e, i + 1, q.wait_before(e, now)) for i, e in enumerate(q.waiting.head(SHOWN)))
        mine = tuple(Place(e, q.position(e), q.wait_before(e, now)) for e in q.entries_of(who.id)) if who else ()
        reader = self.timetable.reader(who) if who else Reader(self.meeting.timezone)
        return QueueView(session, reader, q.current, upcoming, len(q), q.list_open, mine, now)

    def _lock(self, session: Session) -> asyncio.Lock:
        return self._locks.setdefault(session.id, asyncio.Lock())
