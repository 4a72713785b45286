"""/consent: a speaker who was not heard says whether their statement may be published as submitted in writing."""

from __future__ import annotations

from bot.domain.consents import Consent
from bot.domain.errors import Refused
from bot.domain.queue.entries import Delivery
from bot.services.context import Context, Handler
from bot.services.timetable import Timetable
from bot.services.views import AckView, Post

ANSWERS = {"yes": True, "no": False}


class ConsentService:
    def __init__(self, timetable: Timetable) -> None:
        self.timetable = timetable

    def handlers(self) -> dict[str, Handler]:
        return {"consent": self.consent}

    async def consent(self, ctx: Context) -> list[Post]:
        """`/consent rt1 yes|no`; a later answer replaces an earlier one (every answer is kept)."""
        meeting = self.timetable.meeting
        session = meeting.session(ctx.args["session"].lower())
        if session is None:
            raise Refused(
                "unknown_session", {"value": ctx.args["session"], "known": ", ".join(s.id for s in meeting.sessions)}
            )
        answer = ctx.args["answer"].lower()
        if answer not in ANSWERS:
            raise Refused("bad_argument", {"value": ctx.args["answer"], "param": "answer", "help": "yes or no"})
        heard = await ctx.tx.uow.queues.interventions(meeting.id, session.id)
        if not any(i.delivery is Delivery.WRITTEN and i.entry.speaker.participant_id == ctx.who.id for i in heard):
            raise Refused("no_written_statement", {"session": session.title_in(ctx.language)})
        await ctx.tx.uow.consents.add(meeting.id, Consent(session.id, ctx.who.id, ANSWERS[answer], ctx.now))
        code = "consent_given" if ANSWERS[answer] else "consent_withheld"
        return [ctx.reply(AckView(code, {"session": session, "id": session.id}))]
