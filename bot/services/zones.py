"""/zone: a participant's own time zone for every time Podium shows them; where their zone comes from otherwise."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.participants import Participant
from bot.services.context import Context, Handler
from bot.services.people import PeopleService
from bot.services.timetable import Timetable
from bot.services.views import AckView, Post

RESET = "reset"


class ZoneService:
    """The zone a participant chose wins over the roster's `timezone`, their delegation's capital, the meeting's."""

    def __init__(self, timetable: Timetable, people: PeopleService) -> None:
        self.timetable = timetable
        self.people = people

    def handlers(self) -> dict[str, Handler]:
        return {"zone": self.zone}

    async def zone(self, ctx: Context) -> list[Post]:
        """`/zone` shows mine and where it comes from; `/zone ZONE` sets it; `/zone reset` removes it."""
        text = ctx.args.get("zone")
        if text is None:
            return [ctx.reply(await self._shown(ctx, "zone_is"))]
        chosen = await self.people.choices(ctx.who.id, ctx.tx)
        if text.lower() == RESET:
            await self.people.choose(ctx, replace(chosen, zone=None))
            return [ctx.reply(await self._shown(ctx, "zone_reset"))]
        zone = self.timetable.own_zone(text)  # refuses junk before anything changes
        await self.people.choose(ctx, replace(chosen, zone=zone))
        return [ctx.reply(await self._shown(ctx, "zone_set"))]

    async def _shown(self, ctx: Context, code: str) -> AckView:
        chosen = await self.people.own_zone(ctx.who.id, ctx.tx)
        zone, source, delegation = self.source(await self._default(ctx), chosen)
        return AckView(code, {"zone": zone, "source": source, "delegation": delegation})

    async def _default(self, ctx: Context) -> Participant:
        """Who the actor is without a zone of their own: the roster's entry or their declaration."""
        listed = self.timetable.directory.find(ctx.who.id)
        return listed or ctx.tx.people.get(ctx.who.id) or Participant.unlisted(ctx.who.id)

    def source(self, participant: Participant, chosen: str | None) -> tuple[str, str, str]:
        """The zone times are shown in, where it comes from (own, roster, capital or meeting), and the State."""
        if chosen:
            return chosen, "own", ""
        if participant.timezone and self.timetable.directory.find(participant.id):
            return participant.timezone, "roster", ""
        state = self.timetable.directory.state(participant.delegation) if participant.delegation else None
        if state:
            return state.zone, "capital", state.name
        return self.timetable.meeting.timezone, "meeting", ""
