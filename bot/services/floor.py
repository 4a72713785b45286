"""The speaking use cases: hands, the list, statements and notes, and the moderators' /floor commands."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

from bot.domain.durations import parse_duration
from bot.domain.errors import Refused
from bot.domain.meeting import Meeting, Session
from bot.domain.participants import Participant
from bot.domain.queue.entries import EntryKind, Speaker
from bot.domain.queue.queue import SpeakerQueue
from bot.domain.settings import Category
from bot.services.context import Context, Handler
from bot.services.floor_news import near, news
from bot.services.people import PeopleService
from bot.services.ports import UnitOfWork
from bot.services.timetable import Timetable
from bot.services.transaction import Transaction
from bot.services.views import AckView, Fact, Place, Post, QueueView, Reader, Visibility
from bot.services.writer import Job, Writer

T = TypeVar("T")
SHOWN = 10  # how many upcoming speakers /queue lists


class FloorService:
    def __init__(
        self, timetable: Timetable, people: PeopleService, uow: Callable[[], UnitOfWork], writer: Writer
    ) -> None:
        self.timetable = timetable
        self.people = people
        self.uow = uow
        self.writer = writer
        # One lock per session: a transaction changing a list holds it, so readers never see a list mid-batch.
        self._locks: dict[str, asyncio.Lock] = {}
        self._watchers: list[Callable[[Session], None]] = []

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
            "rule": self.rule,
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
        if kind in (EntryKind.QUESTION, EntryKind.REPLY) and not session.takes_replies_ahead:
            raise Refused("no_replies_ahead", {"session": session.title_in(ctx.language), "kind": kind.value})

        def raise_hand(q: SpeakerQueue) -> Place | None:
            entry = q.raise_hand(Speaker.of(ctx.who), kind, note, ctx.now)
            if q.current is not None and q.current.entry == entry:
                return None  # a point of order that interrupted the speaker: it has the floor already
            return Place(entry, q.position(entry), q.wait_before(entry, ctx.now))

        place, posts = await self._change(ctx.tx, session, raise_hand, ctx.now, replayable=True)
        if place is None:
            return [ctx.reply(AckView("order_has_floor", {"session": session.id})), *posts]
        details: dict[str, Fact] = {"kind": kind, "position": place.position, "session": session.id, "wait": place.wait}
        return [ctx.reply(AckView("hand_raised", details))]

    async def lower(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        lowered, _ = await self._change(ctx.tx, session, lambda q: q.lower(ctx.who.id), ctx.now, replayable=True)
        return [ctx.reply(AckView("lowered", {"count": len(lowered), "session": session.id}))]

    async def queue(self, ctx: Context) -> list[Post]:
        session = self.timetable.listed_session(ctx.channel, ctx.now)  # before it opens: its provisional list
        q = await self._list(ctx.tx, session)
        return [ctx.reply(self._queue_view(q, session, ctx.now, ctx.who))]

    async def statement(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        text = ctx.args["text"]
        await self._change(
            ctx.tx, session, lambda q: q.attach_statement(ctx.who.id, text, ctx.now), ctx.now, replayable=True
        )
        return [ctx.reply(AckView("statement_kept", {"length": len(text), "session": session.id}))]

    async def note(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        note, _ = await self._change(
            ctx.tx, session, lambda q: q.note(ctx.who.id, ctx.args["text"], ctx.now), ctx.now, replayable=True
        )
        on = "intervention" if note.intervention is not None else "session"
        return [ctx.reply(AckView("note_kept", {"on": on, "session": session.id}))]

    # --- moderators --------------------------------------------------------------------------------------

    async def next(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.next(ctx.now))

    async def give(self, ctx: Context) -> list[Post]:
        speaker = Speaker.of(await self.people.known(ctx.args["user"], ctx.tx))
        return await self._announced(ctx, lambda q: q.give(speaker, ctx.now))

    async def end(self, ctx: Context) -> list[Post]:
        session = self._session(ctx)
        ended, posts = await self._change(ctx.tx, session, lambda q: q.end(ctx.now), ctx.now, replayable=False)
        spoke = AckView("floor_ended", {"name": ended.entry.speaker.name, "span": ended.duration})
        return [self._to_channel(session, spoke), *posts]  # an interrupted speaker who resumes is announced

    async def rule(self, ctx: Context) -> list[Post]:
        """The chair's ruling on the point of order that has the floor; the speaker it interrupted resumes."""
        return await self._announced(ctx, lambda q: q.rule(ctx.args["text"], ctx.now))

    async def close(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.close_list())

    async def open(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.open_list())

    async def move(self, ctx: Context) -> list[Post]:
        who = await self.people.known(ctx.args["user"], ctx.tx)
        position = int(ctx.args["position"])
        session = self.timetable.listed_session(ctx.channel, ctx.now)  # the provisional list can be arranged too
        await self._change(ctx.tx, session, lambda q: q.move(who.id, position), ctx.now, replayable=False)
        return [ctx.reply(AckView("moved", {"name": who.name, "position": position}))]

    async def remove(self, ctx: Context) -> list[Post]:
        who = await self.people.known(ctx.args["user"], ctx.tx)
        session = self.timetable.listed_session(ctx.channel, ctx.now)
        await self._change(ctx.tx, session, lambda q: q.lower(who.id, by_moderator=True), ctx.now, replayable=True)
        return [ctx.reply(AckView("removed", {"name": who.name}))]

    async def limit(self, ctx: Context) -> list[Post]:
        span = parse_duration(ctx.args["duration"]) or timedelta(0)
        category = Category(ctx.args["category"].lower()) if ctx.args.get("category") else None
        return await self._announced(ctx, lambda q: q.set_limit(span, category))

    async def last_word(self, ctx: Context) -> list[Post]:
        speaker = Speaker.of(await self.people.known(ctx.args["user"], ctx.tx))
        session = self._session(ctx)
        await self._change(ctx.tx, session, lambda q: q.last_word(speaker, ctx.now), ctx.now, replayable=False)
        return [ctx.reply(AckView("last_word", {"name": speaker.name}))]

    async def replies(self, ctx: Context) -> list[Post]:
        return await self._announced(ctx, lambda q: q.call_replies())

    # --- shared with the clock -----------------------------------------------------------------------------

    async def change(self, session: Session, op: Callable[[SpeakerQueue], object], now: datetime) -> list[Post]:
        """Apply a change in a transaction of its own, and return the channel announcements it makes (the clock)."""

        async def work(tx: Transaction) -> list[Post]:
            _, posts = await self._change(tx, session, op, now, replayable=False)
            return posts

        posts: list[Post] = await self.writer.run(Job(work))
        return posts

    async def change_within(
        self, tx: Transaction, session: Session, op: Callable[[SpeakerQueue], T], now: datetime
    ) -> T:
        """Apply a change inside another command's transaction (accepting a speaker onto a provisional list)."""
        result, _ = await self._change(tx, session, op, now, replayable=False)
        return result

    async def board(self, session: Session, now: datetime) -> QueueView:
        """The list as a whole channel sees it: who has the floor, who comes next, in the meeting's time."""
        return await self.read(session, lambda q: self._queue_view(q, session, now))

    async def read(self, session: Session, look: Callable[[SpeakerQueue], T]) -> T:
        """Look at a list without changing it, between two transactions that change it."""
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
        _, posts = await self._change(ctx.tx, self._session(ctx), op, ctx.now, replayable=False)
        return posts

    async def _change(
        self, tx: Transaction, session: Session, op: Callable[[SpeakerQueue], T], now: datetime, *, replayable: bool
    ) -> tuple[T, list[Post]]:
        """Apply op to the list in the transaction, and say what it tells people; saved when the transaction commits.

        A change that is not `replayable` (a moderator's "next") is refused on a list that another process
        saved while an earlier attempt of this transaction ran: its author did not see that list.
        """
        if not replayable and session.id in tx.moved:
            raise Refused("floor_moved", {"session": session.id, "speaker": ""})
        q = await self._list(tx, session)
        before, start = near(self.meeting, q), len(q.events)
        result = op(q)
        return result, news(self.meeting, session, before, q, q.events[start:], now=now)

    async def _list(self, tx: Transaction, session: Session) -> SpeakerQueue:
        """The session's list, held by the transaction until it ends and saved before it commits."""
        await tx.hold(self._lock(session))  # readers see the list between transactions, never inside one
        q = await tx.uow.queues.get(self.meeting.id, session.id, self.meeting.speaking_for(session), lock=True)
        tx.saving(("list", session.id), partial(self._save, tx, session, q))
        return q

    async def _save(self, tx: Transaction, session: Session, q: SpeakerQueue) -> None:
        if q.events:
            await tx.uow.queues.save(q)
            tx.afterwards(("list", session.id), partial(self._changed, session))

    def _changed(self, session: Session) -> None:
        for watcher in self._watchers:
            watcher(session)

    def _to_channel(self, session: Session, view: AckView) -> Post:
        return Post(view, Visibility.CHANNEL, session.channel or self.meeting.main_channel)

    def _queue_view(
        self, q: SpeakerQueue, session: Session, now: datetime, who: Participant | None = None
    ) -> QueueView:
        # The head only: copying a list of thousands to show ten would hold the session's lock for nothing.
        upcoming = tuple(Place(e, i + 1, q.wait_before(e, now)) for i, e in enumerate(q.waiting.head(SHOWN)))
        mine = tuple(Place(e, q.position(e), q.wait_before(e, now)) for e in q.entries_of(who.id)) if who else ()
        # A live list is read in its channel: in the channel's language, and in the meeting's time.
        spoken = self.meeting.language_in(session.channel or self.meeting.main_channel)
        reader = self.timetable.reader(who) if who else Reader(self.meeting.timezone, language=spoken)
        opens = session.start - self.meeting.speaking_for(session).opens_before
        ahead = opens if now < opens else None
        return QueueView(session, reader, q.current, upcoming, len(q), q.list_open, mine, now, ahead, q.interrupted)

    def _lock(self, session: Session) -> asyncio.Lock:
        return self._locks.setdefault(session.id, asyncio.Lock())
