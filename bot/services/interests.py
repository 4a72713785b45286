"""Expressions of interest: participants offer to speak or moderate; staff decide; accepted speakers are inscribed."""

from __future__ import annotations

from bot.domain.errors import Refused
from bot.domain.interests import Interest, InterestLate, Role, Status, new_interest
from bot.domain.meeting import Session, SessionKind
from bot.domain.queue.entries import Speaker
from bot.domain.queue.queue import SpeakerQueue
from bot.services.context import Context, Handler
from bot.services.floor import FloorService
from bot.services.people import PeopleService
from bot.services.timetable import Timetable
from bot.services.transaction import Transaction
from bot.services.views import AckView, DeadlineView, Fact, InterestDecisionView, InterestsView, Post, Visibility


class InterestService:
    def __init__(self, timetable: Timetable, people: PeopleService, floor: FloorService) -> None:
        self.timetable = timetable
        self.people = people
        self.floor = floor

    def handlers(self) -> dict[str, Handler]:
        return {
            "interest speaker": self.speaker,
            "interest moderator": self.moderator,
            "interest add": self.add,
            "interest list": self.mine,
            "interest withdraw": self.withdraw,
            "interest accept": self.accept,
            "interest decline": self.decline,
            "interests": self.listing,
        }

    async def speaker(self, ctx: Context) -> list[Post]:
        return await self._express(ctx, Role.SPEAKER, Speaker.of(ctx.who))

    async def moderator(self, ctx: Context) -> list[Post]:
        return await self._express(ctx, Role.MODERATOR, Speaker.of(ctx.who))

    async def add(self, ctx: Context) -> list[Post]:
        """`/interest add @user speaker|moderator SEGMENT [NOTE]` (staff): for someone who asked by e-mail."""
        role = ctx.args["role"].lower()
        if role not in set(Role):
            raise Refused("bad_argument", {"value": ctx.args["role"], "param": "role", "help": "speaker or moderator"})
        who = await self.people.known(ctx.args["user"], ctx.tx)
        return await self._express(ctx, Role(role), Speaker.of(who))

    async def mine(self, ctx: Context) -> list[Post]:
        """`/interest list`: your own expressions, with what was decided."""
        own = [i for i in await self._all(ctx.tx) if i.speaker.participant_id == ctx.who.id]
        return [ctx.reply(InterestsView(self.timetable.reader(ctx.who), tuple(own), self._titles(), mine=True))]

    async def listing(self, ctx: Context) -> list[Post]:
        """`/interests [SEGMENT] [speaker|moderator] [pending|accepted|declined]` (staff), filters in any order."""
        chosen = [i for i in await self._all(ctx.tx) if self._matches(i, ctx.args.get("filters", ""))]
        view = InterestsView(self.timetable.reader(ctx.who), tuple(chosen), self._titles(), mine=False)
        return [ctx.reply(view)]

    async def withdraw(self, ctx: Context) -> list[Post]:
        interest = await self._numbered(ctx.tx, ctx.args["id"])
        if interest.speaker.participant_id != ctx.who.id and not ctx.who.has_role("staff"):
            raise Refused("not_your_interest", {"id": str(interest.id)})
        withdrawn = interest.withdrawn(ctx.now)
        if interest.status is Status.ACCEPTED and interest.role is Role.SPEAKER:
            session = self._segment(interest.session_id)
            await self.floor.change_within(ctx.tx, session, lambda q: q.strike(interest.id), ctx.now)
        await ctx.tx.uow.interests.save(self.timetable.meeting.id, withdrawn)
        return [ctx.reply(AckView("interest_withdrawn", {"id": interest.id, "session": self._title(interest)}))]

    async def accept(self, ctx: Context) -> list[Post]:
        """Accept: a speaker is inscribed in the segment's list now (protocol order, or at POSITION); a moderator
        moderates the segment. The participant is told by direct message, in their own time."""
        interest = await self._numbered(ctx.tx, ctx.args["id"])
        position = _position(ctx.args.get("position"))
        accepted = interest.accepted(ctx.who.id, ctx.now, position)
        place = None
        if accepted.role is Role.SPEAKER:
            place = await self._inscribe(ctx, accepted)
        await ctx.tx.uow.interests.save(self.timetable.meeting.id, accepted)
        facts: dict[str, Fact] = {"id": accepted.id, "name": accepted.speaker.name, "session": self._title(accepted)}
        return [
            ctx.reply(AckView(f"interest_accepted_{accepted.role.value}", facts)),
            await self._told(ctx.tx, accepted, place),
        ]

    async def decline(self, ctx: Context) -> list[Post]:
        interest = await self._numbered(ctx.tx, ctx.args["id"])
        declined = interest.declined(ctx.who.id, ctx.now, ctx.args.get("reason", ""))
        await ctx.tx.uow.interests.save(self.timetable.meeting.id, declined)
        facts: dict[str, Fact] = {"id": declined.id, "name": declined.speaker.name, "session": self._title(declined)}
        return [ctx.reply(AckView("interest_declined", facts)), await self._told(ctx.tx, declined, None)]

    async def moderates(self, tx: Transaction, participant_id: str, session: Session) -> bool:
        """Whether staff accepted this participant as a moderator of the session (the core's permission check)."""
        return any(
            i.role is Role.MODERATOR and i.status is Status.ACCEPTED and i.session_id == session.id
            for i in await self._all(tx)
            if i.speaker.participant_id == participant_id
        )

    async def _express(self, ctx: Context, role: Role, speaker: Speaker) -> list[Post]:
        session = self._segment(ctx.args["segment"])
        staff = ctx.who.has_role("staff")
        try:
            self.timetable.meeting.interests.check(ctx.now, staff=staff)
        except InterestLate as late:
            deadline = late.deadline or ctx.now
            return [ctx.reply(DeadlineView("interest_late", deadline, self.timetable.reader(ctx.who)))]
        if session.start <= ctx.now:
            raise Refused("interest_too_late", {"session": session.title_in(ctx.language)})
        held = await self._all(ctx.tx)
        number = await ctx.tx.uow.interests.next_number(self.timetable.meeting.id)
        interest = new_interest(
            held,
            number=number,
            session_id=session.id,
            role=role,
            speaker=speaker,
            note=ctx.args.get("note", ""),
            at=ctx.now,
        )
        await ctx.tx.uow.interests.add(self.timetable.meeting.id, interest)
        facts: dict[str, Fact] = {"id": interest.id, "role": role.value, "session": session}
        return [ctx.reply(AckView("interest_kept", facts))]

    async def _inscribe(self, ctx: Context, interest: Interest) -> int:
        """Put the speaker on the segment's list; their place in it (1 is the first to speak)."""
        session = self._segment(interest.session_id)
        if ctx.now >= session.end:
            raise Refused("interest_too_late", {"session": session.title_in(ctx.language)})

        def inscribe(q: SpeakerQueue) -> int:
            entry = q.inscribe(interest.speaker, interest.note, ctx.now, interest.id)
            if interest.position is not None:
                entry = q.move(interest.speaker.participant_id, min(interest.position, len(q.waiting)))
            return q.position(entry)

        place: int = await self.floor.change_within(ctx.tx, session, inscribe, ctx.now)
        return place

    async def _told(self, tx: Transaction, interest: Interest, place: int | None) -> Post:
        """The direct message to the participant: the decision, and when the segment starts, in their time."""
        session = self._segment(interest.session_id)
        reader = self.timetable.reader(await self.people.lookup(interest.speaker.participant_id, tx))
        view = InterestDecisionView(interest, session, reader, place)
        return Post(view, Visibility.PRIVATE, None, interest.speaker.participant_id)

    async def _all(self, tx: Transaction) -> list[Interest]:
        return list(await tx.uow.interests.all(self.timetable.meeting.id))

    async def _numbered(self, tx: Transaction, text: str) -> Interest:
        number = text.lstrip("#")
        found = next((i for i in await self._all(tx) if number.isdigit() and i.id == int(number)), None)
        if found is None:
            raise Refused("unknown_interest", {"value": text})
        return found

    def _segment(self, session_id: str) -> Session:
        session = self.timetable.meeting.session(session_id.lower())
        if session is None or session.kind is SessionKind.BREAK:
            known = ", ".join(s.id for s in self.timetable.meeting.sessions if s.kind is not SessionKind.BREAK)
            raise Refused("unknown_session", {"value": session_id, "known": known})
        return session

    def _matches(self, interest: Interest, filters: str) -> bool:
        for word in filters.lower().split():
            if word in set(Role) and interest.role.value != word:
                return False
            if word in set(Status) and interest.status.value != word:
                return False
            if word not in set(Role) | set(Status) and interest.session_id != self._segment(word).id:
                return False
        return True

    def _title(self, interest: Interest) -> str:
        return self._segment(interest.session_id).title

    def _titles(self) -> dict[str, str]:
        return {s.id: s.title for s in self.timetable.meeting.sessions}


def _position(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise Refused("bad_position", {"value": text, "size": "the list"})
    return int(text)
