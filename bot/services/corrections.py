"""The staff's /correct command: a new text for one intervention, kept in an audit log with who and when."""

from __future__ import annotations

from bot.domain.corrections import Correction
from bot.domain.errors import Refused
from bot.domain.queue.queue import STATEMENT_LIMIT
from bot.services.context import Context, Handler
from bot.services.timetable import Timetable
from bot.services.views import AckView, Post


class CorrectionService:
    def __init__(self, timetable: Timetable) -> None:
        self.timetable = timetable

    def handlers(self) -> dict[str, Handler]:
        return {"correct": self.correct}

    async def correct(self, ctx: Context) -> list[Post]:
        """`/correct rt1:6 TEXT`: the id is the session and the intervention's number, as the exports show it."""
        session_id, entry_id = _parse(ctx.args["intervention"])
        text = ctx.args["text"]
        if len(text) > STATEMENT_LIMIT:
            raise Refused("statement_too_long", {"limit": str(STATEMENT_LIMIT), "length": str(len(text))})
        meeting = self.timetable.meeting
        uow = ctx.tx.uow
        heard = {i.id for i in await uow.queues.interventions(meeting.id, session_id)}
        if entry_id not in heard:
            raise Refused("unknown_intervention", {"value": ctx.args["intervention"]})
        await uow.corrections.add(meeting.id, Correction(session_id, entry_id, text, ctx.who.id, ctx.now))
        return [ctx.reply(AckView("corrected", {"intervention": f"{session_id}:{entry_id}"}))]


def _parse(reference: str) -> tuple[str, int]:
    session_id, _, number = reference.partition(":")
    if not session_id or not number.isdigit():
        raise Refused("unknown_intervention", {"value": reference})
    return session_id.lower(), int(number)
