"""Who someone is: the roster first, then self-declarations (/iam) that staff verify (/verify)."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.errors import Refused
from bot.domain.participants import Directory, Level, Participant
from bot.domain.settings import Category
from bot.services.arguments import mentioned
from bot.services.context import Context, Handler
from bot.services.group_commit import GroupCommit
from bot.services.ports import UnitOfWork
from bot.services.views import AckView, Post

DECLARABLE = {c for c in Category if c is not Category.SECRETARIAT}


class PeopleService:
    def __init__(self, meeting_id: str, directory: Directory, uow: Callable[[], UnitOfWork]) -> None:
        self.meeting_id = meeting_id
        self.directory = directory
        self.uow = uow
        self._declarations = GroupCommit(self._read_declarations)

    def handlers(self) -> dict[str, Handler]:
        return {"iam": self.iam, "verify": self.verify}

    async def lookup(self, participant_id: str) -> Participant:
        """The roster's entry, else the participant's own declaration, else someone with no delegation."""
        return await self._find(participant_id) or Participant.unlisted(participant_id)

    async def known(self, mention: str) -> Participant:
        """The participant a moderator named; refuses someone neither on the roster nor self-declared."""
        participant_id = mentioned(mention) or mention
        found = await self._find(participant_id)
        if found is None:
            raise Refused("unknown_user", {"value": participant_id})
        return found

    async def _find(self, participant_id: str) -> Participant | None:
        listed = self.directory.find(participant_id)
        if listed:
            return listed
        # Declarations are read from the database each time: another replica may have verified someone.
        return await self._declarations(participant_id)

    async def _read_declarations(self, participant_ids: list[str]) -> list[Participant | Exception | None]:
        """Several lookups at once, in one query (under load, commands arrive together)."""
        async with self.uow() as uow:
            found = await uow.participants.declarations(self.meeting_id, participant_ids)
        return [found.get(pid) for pid in participant_ids]

    async def iam(self, ctx: Context) -> list[Post]:
        if self.directory.find(ctx.who.id):
            raise Refused("already_listed", {"delegation": ctx.who.delegation or ""})
        delegation = ctx.args["delegation"]
        state = self.directory.state(delegation)
        category = Category(ctx.args.get("category") or ("member-state" if state else "stakeholder"))
        if category not in DECLARABLE:
            raise Refused("bad_category", {"value": category.value})
        if category is Category.MEMBER_STATE and state is None:
            raise Refused("unknown_state", {"value": delegation})
        participant = Participant(
            ctx.who.id,
            ctx.who.name,
            state.iso if state else delegation,
            category,
            Level.OTHER,
            timezone=state.zone if state else None,
            verified=False,
        )
        async with self.uow() as uow:
            await uow.participants.declare(self.meeting_id, participant, ctx.now)
            await uow.commit()
        return [ctx.reply(AckView("declared", {"delegation": participant.delegation or "", "category": category}))]

    async def verify(self, ctx: Context) -> list[Post]:
        participant_id = mentioned(ctx.args["user"]) or ctx.args["user"]
        async with self.uow() as uow:
            verified = await uow.participants.verify(self.meeting_id, participant_id, ctx.who.id, ctx.now)
            await uow.commit()
        if verified is None:
            raise Refused("nothing_to_verify", {"value": participant_id})
        return [ctx.reply(AckView("verified", {"user": participant_id, "delegation": verified.delegation or ""}))]
