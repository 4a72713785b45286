"""The staff's /correct command: a new text for one intervention, kept in an audit log with who and when."""

from __future__ import annotations

from bot.domain.corrections import Correction
from bot.domain.errors import Refused
from bot.domain.queue.entries import Intervention
from bot.domain.queue.queue import STATEMENT_LIMIT
from bot.services.context import Context, Handler
from bot.services.timetable import Timetable
from bot.services.views import AckView, Fact, Post

SHOWN_WORDS = 8  # of the old and new texts, in the answer: enough to see it is the right speaker


class CorrectionService:
    def __init__(self, timetable: Timetable) -> None:
        self.timetable = timetable

    def handlers(self) -> dict[str, Handler]:
        return {"correct": self.correct}

    async def correct(self, ctx: Context) -> list[Post]:
        """`/correct rt1:6 TEXT`: the session and the intervention's number as every export shows it.

        The number is the intervention's place in the session's record (1 is the first heard; statements
        submitted in writing follow the last one heard), as the notes, the report, CSV and JSON number them.
        The answer names the speaker and quotes the old text's first words, so a wrong number shows at once;
        the old text stays in the audit log, and correcting again with it restores it.
        """
        session_id, number = _parse(ctx.args["intervention"])
        text = ctx.args["text"]
        if len(text) > STATEMENT_LIMIT:
            raise Refused("statement_too_long", {"limit": str(STATEMENT_LIMIT), "length": str(len(text))})
        meeting = self.timetable.meeting
        uow = ctx.tx.uow
        interventions = await uow.queues.interventions(meeting.id, session_id)
        if not 1 <= number <= len(interventions):
            raise Refused("unknown_intervention", {"value": ctx.args["intervention"], "count": str(len(interventions))})
        chosen = interventions[number - 1]
        earlier = [
            c for c in await uow.corrections.all(meeting.id) if (c.session_id, c.entry_id) == (session_id, chosen.id)
        ]
        old = earlier[-1].text if earlier else chosen.statement or ""
        await uow.corrections.add(meeting.id, Correction(session_id, chosen.id, text, ctx.who.id, ctx.now))
        return [ctx.reply(AckView("corrected", self._details(f"{session_id}:{number}", chosen, old, text)))]

    def _details(self, reference: str, chosen: Intervention, old: str, new: str) -> dict[str, Fact]:
        speaker = chosen.entry.speaker
        return {
            "intervention": reference,
            "name": speaker.name,
            "delegation": self.timetable.delegation_name(speaker.delegation),
            "old": _first_words(old),
            "new": _first_words(new),
        }


def _parse(reference: str) -> tuple[str, int]:
    session_id, _, number = reference.partition(":")
    if not session_id or not number.isdigit() or len(number) > 6:
        raise Refused("unknown_intervention", {"value": reference, "count": ""})
    return session_id.lower(), int(number)


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:SHOWN_WORDS]) + (" …" if len(words) > SHOWN_WORDS else "")
