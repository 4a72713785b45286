"""Who someone is: the roster first, then self-declarations (/iam) that staff verify (/verify)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.choices import ReaderChoices
from bot.domain.errors import Refused
from bot.domain.participants import Directory, Level, Participant
from bot.domain.settings import Category
from bot.services.arguments import mentioned
from bot.services.context import Context, Handler
from bot.services.transaction import Transaction
from bot.services.views import AckView, Post

DECLARABLE = {c for c in Category if c is not Category.SECRETARIAT}


class PeopleService:
    def __init__(self, meeting_id: str, directory: Directory) -> None:
        self.meeting_id = meeting_id
        self.directory = directory

    def handlers(self) -> dict[str, Handler]:
        return {"iam": self.iam, "verify": self.verify}

    async def lookup(self, participant_id: str, tx: Transaction) -> Participant:
        """The roster's entry, else the participant's own declaration, else someone with no delegation; with the
        zone they chose (/zone) in place of the roster's, so every time shown to them is in it."""
        found = await self._find(participant_id, tx) or Participant.unlisted(participant_id)
        zone = await self.own_zone(participant_id, tx)
        return replace(found, timezone=zone) if zone else found

    async def own_zone(self, participant_id: str, tx: Transaction) -> str | None:
        """The zone the participant chose with /zone, if any (read with the batch's declarations)."""
        return (await self.choices(participant_id, tx)).zone

    async def choices(self, participant_id: str, tx: Transaction) -> ReaderChoices:
        """What the participant chose with /zone and /language (read once per batch)."""
        if participant_id not in tx.choices:
            await self.prefetch(tx, [participant_id])
        return tx.choices[participant_id]

    async def choose(self, ctx: Context, choices: ReaderChoices) -> None:
        """Keep the actor's zone and language (None: back to the default) with the command's entry; a later command
        in the same batch sees them."""
        await ctx.tx.uow.choices.save(self.meeting_id, ctx.who.id, choices, ctx.now)
        ctx.tx.choices[ctx.who.id] = choices

    async def known(self, mention: str, tx: Transaction) -> Participant:
        """The participant a moderator named; refuses someone neither on the roster nor self-declared."""
        participant_id = mentioned(mention) or mention
        found = await self._find(participant_id, tx)
        if found is None:
            raise Refused("unknown_user", {"value": participant_id})
        return found

    async def prefetch(self, tx: Transaction, participant_ids: Sequence[str]) -> None:
        """Read the declarations of a batch's people off the roster in one query (commands arrive together), and
        what all of them chose (/zone, /language) in another."""
        wanted = list({pid for pid in participant_ids if pid not in tx.people and not self.directory.find(pid)})
        if wanted:
            found = await tx.uow.participants.declarations(self.meeting_id, wanted)
            tx.people.update({pid: found.get(pid) for pid in wanted})
        unread = list({pid for pid in participant_ids if pid not in tx.choices})
        if unread:
            chosen = await tx.uow.choices.of(self.meeting_id, unread)
            tx.choices.update({pid: chosen.get(pid, ReaderChoices()) for pid in unread})

    async def _find(self, participant_id: str, tx: Transaction) -> Participant | None:
        listed = self.directory.find(participant_id)
        if listed:
            return listed
        # Declarations are read from the database each time: another replica may have verified someone.
        if participant_id not in tx.people:
            await self.prefetch(tx, [participant_id])
        return tx.people[participant_id]

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
        await ctx.tx.uow.participants.declare(self.meeting_id, participant, ctx.now)
        ctx.tx.people[participant.id] = participant  # a later command in the same batch sees it
        return [ctx.reply(AckView("declared", {"delegation": participant.delegation or "", "category": category}))]

    async def verify(self, ctx: Context) -> list[Post]:
        participant_id = mentioned(ctx.args["user"]) or ctx.args["user"]
        verified = await ctx.tx.uow.participants.verify(self.meeting_id, participant_id, ctx.who.id, ctx.now)
        if verified is None:
            raise Refused("nothing_to_verify", {"value": participant_id})
        ctx.tx.people[participant_id] = verified
        return [ctx.reply(AckView("verified", {"user": participant_id, "delegation": verified.delegation or ""}))]
