"""Reminders and links, posted once each on time: the plan from the timetable, claims, retries, subscriptions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.domain import reminders as plan_of
from bot.domain.meeting import Session
from bot.domain.participants import Participant
from bot.domain.reminders import Notice, NoticeKind
from bot.services.context import Context, Handler
from bot.services.people import PeopleService
from bot.services.ports import UnitOfWork
from bot.services.timetable import Timetable
from bot.services.transaction import Transaction
from bot.services.views import AckView, Post, Reader, ReminderView, SubscriptionsView, Visibility

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=1)  # a claim not confirmed posted within this is offered again (a crash mid-post)
MAX_BACKOFF = timedelta(minutes=5)
PERSONAL = (NoticeKind.BEFORE, NoticeKind.START)


class ReminderService:
    """A DueWork for the Timeline; the plan is pure and recomputed on reload, the claims are in storage."""

    def __init__(self, timetable: Timetable, people: PeopleService, uow: Callable[[], UnitOfWork]) -> None:
        self.timetable = timetable
        self.people = people
        self.uow = uow
        self.notices = plan_of.plan(timetable.meeting)
        self._claimed: set[str] | None = None  # what storage said was claimed; refreshed as we claim
        self.platforms: tuple[str, ...] = ()  # the platforms posting reminders, the home one first; () for any

    def deliver_through(self, platforms: Sequence[str]) -> None:
        """Each platform posts its own copy of a channel reminder, claimed apart, so Slack and Discord (or their
        replicas) each post it once; a personal reminder goes through the home platform, where people subscribed.
        """
        self.platforms = tuple(platforms)

    def replan(self) -> None:
        """The timetable changed: what was posted stays posted, what is pending moves with its session."""
        self.notices = plan_of.plan(self.timetable.meeting)

    def handlers(self) -> dict[str, Handler]:
        return {"remind me": self.remind_me, "remind off": self.remind_off, "remind list": self.remind_list}

    # --- DueWork -----------------------------------------------------------------------------------------

    async def next_due(self, now: datetime) -> datetime | None:
        claimed = await self._claimed_keys()
        async with self.uow() as uow:
            retry = await uow.reminders.next_retry(self._meeting_id)
        dues = [d for d in (plan_of.next_due(self.notices, claimed), retry) if d is not None]
        return min(dues, default=None)

    async def fire(self, now: datetime) -> list[Post]:
        claimed = await self._claimed_keys()
        due, missed = plan_of.decide(self.notices, now, claimed, self._grace)
        async with self.uow() as uow:
            if missed:
                await uow.reminders.claim(self._meeting_id, [(n.key, n.due) for n in missed], now, LEASE, missed=True)
                # One line, however many: a process started long after the meeting must not flood its log.
                shown = ", ".join(n.key for n in missed[:3]) + (", …" if len(missed) > 3 else "")
                log.warning(
                    "missed %d reminder(s) due more than %s ago, not posted: %s", len(missed), self._grace, shown
                )
            posts = self._per_platform(await self._personal_and_public(Transaction(uow), due))
            wanted = [(p.key or "", due) for p, due in posts]
            got = await uow.reminders.claim(self._meeting_id, wanted, now, LEASE)
            retried = await uow.reminders.retry_due(self._meeting_id, now, LEASE)
            await uow.commit()
        if len(got) < len(wanted):
            self._claimed = None  # another replica claimed some: read the whole set again next time
        else:
            claimed.update(got, (n.key for n in missed))
        fresh = [post for post, _ in posts if post.key in got]
        return fresh + [p for claim in retried if (p := await self._rebuild(claim.key)) is not None]

    async def delivered(self, key: str, at: datetime, error: str | None = None) -> None:
        """The adapter's receipt: posted, or failed (then retried with a growing wait, and logged)."""
        await self.receipts([(key, error)], at)

    async def receipts(self, results: list[tuple[str, str | None]], at: datetime) -> None:
        """Several receipts in one transaction, as a scheduler delivering a batch of posts reports them."""
        async with self.uow() as uow:
            failures = [(key, error) for key, error in results if error is not None]
            attempts = {c.key: c.attempts for c in await uow.reminders.claims(self._meeting_id)} if failures else {}
            for key, error in results:
                if error is None:
                    await uow.reminders.posted(key, at)
                    continue
                tries = attempts.get(key, 1)
                wait = min(timedelta(seconds=5 * 2 ** (tries - 1)), MAX_BACKOFF)
                await uow.reminders.failed(key, error, at + wait)
                log.warning("reminder %s not delivered (attempt %d): %s; retrying in %s", key, tries, error, wait)
            await uow.commit()

    # --- /remind -----------------------------------------------------------------------------------------

    async def remind_me(self, ctx: Context) -> list[Post]:
        target = ctx.args["session"].lower()
        if target != "all" and self.timetable.meeting.session(target) is None:
            self.timetable.session(self.timetable.reader(), target)  # refuses with the closest session id
        subscriptions = ctx.tx.uow.subscriptions
        added = await subscriptions.subscribe(self._meeting_id, ctx.who.id, "*" if target == "all" else target)
        return [ctx.reply(AckView("subscribed" if added else "already_subscribed", {"session": target}))]

    async def remind_off(self, ctx: Context) -> list[Post]:
        removed = await ctx.tx.uow.subscriptions.unsubscribe_all(self._meeting_id, ctx.who.id)
        return [ctx.reply(AckView("unsubscribed", {"count": removed}))]

    async def remind_list(self, ctx: Context) -> list[Post]:
        sessions = await ctx.tx.uow.subscriptions.of_participant(self._meeting_id, ctx.who.id)
        return [ctx.reply(SubscriptionsView(tuple(sessions)))]

    # --- inside ------------------------------------------------------------------------------------------

    @property
    def _meeting_id(self) -> str:
        return self.timetable.meeting.id

    @property
    def _grace(self) -> timedelta:
        return self.timetable.meeting.reminders.grace

    async def _claimed_keys(self) -> set[str]:
        if self._claimed is None:
            async with self.uow() as uow:
                self._claimed = await uow.reminders.claimed_keys(self._meeting_id)
        return self._claimed

    async def _personal_and_public(self, tx: Transaction, due: list[Notice]) -> list[tuple[Post, datetime]]:
        posts = []
        chosen = await self._chosen_zones(tx) if any(n.kind is NoticeKind.DIGEST for n in due) else ()
        for notice in due:
            posts.append((self._post(notice, None, chosen), notice.due))
            if notice.kind in PERSONAL and notice.channel == self._primary_channel(notice):
                subscribers = await tx.uow.subscriptions.subscribers(self._meeting_id, notice.sessions[0])
                await self.people.prefetch(tx, subscribers)
                for participant_id in subscribers:
                    posts.append((self._post(notice, await self.people.lookup(participant_id, tx)), notice.due))
        return posts

    def _primary_channel(self, notice: Notice) -> str | None:
        """Personal reminders ride on one of a notice's channels, so each subscriber gets one message."""
        session = self.timetable.meeting.session(notice.sessions[0])
        return (session.channel if session else None) or self.timetable.meeting.main_channel

    async def _chosen_zones(self, tx: Transaction) -> tuple[Participant, ...]:
        """Everyone who chose a zone with /zone, with it: the digest warns their delegation for its night too."""
        chosen = await tx.uow.choices.all(self._meeting_id)
        zoned = [participant_id for participant_id, choices in chosen.items() if choices.zone]
        await self.people.prefetch(tx, zoned)
        return tuple([await self.people.lookup(participant_id, tx) for participant_id in zoned])

    def _post(self, notice: Notice, reader: Participant | None, chosen: Sequence[Participant] = ()) -> Post:
        meeting = self.timetable.meeting
        sessions = [s for sid in notice.sessions if (s := meeting.session(sid)) is not None]
        shown = self.timetable.reader(reader) if reader else Reader(meeting.timezone)
        view = self._view(notice, sessions, shown, chosen)
        if reader is None:
            return Post(view, Visibility.CHANNEL, notice.channel, key=notice.key)
        return Post(view, Visibility.PRIVATE, None, reader.id, key=notice.personal_key(reader.id))

    def _view(
        self, notice: Notice, sessions: list[Session], reader: Reader, chosen: Sequence[Participant]
    ) -> ReminderView:
        cards = tuple(self.timetable.card(s, reader) for s in sessions)
        digest = notice.kind is NoticeKind.DIGEST
        night = tuple((s.id, self.timetable.night_for(s, chosen)) for s in sessions) if digest else ()
        opens = bool(sessions) and self.timetable.meeting.speaking_for(sessions[0]).opens_before == timedelta(0)
        return ReminderView(notice, reader, cards, night, list_open=notice.kind is NoticeKind.START and opens)

    def _per_platform(self, posts: list[tuple[Post, datetime]]) -> list[tuple[Post, datetime]]:
        if not self.platforms:
            return posts
        return [(self._on(post, platform), due) for post, due in posts for platform in self._platforms_for(post)]

    def _platforms_for(self, post: Post) -> tuple[str, ...]:
        return self.platforms if post.visibility is Visibility.CHANNEL else self.platforms[:1]

    def _on(self, post: Post, platform: str) -> Post:
        return replace(post, key=plan_of.on_platform(post.key or "", platform, self.platforms[0]), platform=platform)

    async def _rebuild(self, key: str) -> Post | None:
        """The post behind a claim taken over for a retry (after a crash, or a failed delivery), on its platform."""
        notice_key, platform = plan_of.split_platform(key)
        post = await self._rebuild_notice(notice_key)
        if post is None or not self.platforms:
            return post
        return self._on(post, platform or self.platforms[0])

    async def _rebuild_notice(self, key: str) -> Post | None:
        base, _, who = key.partition(":@")
        notice = next((n for n in self.notices if n.key == base), None)
        if notice is None:
            log.warning("reminder %s is no longer in the plan; not retried", key)
            return None
        async with self.uow() as uow:
            tx = Transaction(uow)
            chosen = await self._chosen_zones(tx) if notice.kind is NoticeKind.DIGEST else ()
            return self._post(notice, await self.people.lookup(who, tx) if who else None, chosen)
