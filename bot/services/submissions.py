"""Voluntary written submissions: received by command or registered by staff, checked, and kept in versions."""

from __future__ import annotations

from datetime import datetime

from bot.domain.errors import Refused
from bot.domain.participants import Participant
from bot.domain.submissions import Submission, SubmissionLate, SubmissionRules, current, next_version
from bot.domain.text import clean
from bot.services.context import Attachment, Context, Handler
from bot.services.ports import DocumentReader, UnitOfWork
from bot.services.timetable import Timetable
from bot.services.views import AckView, DeadlineView, Post, Reader, SubmissionLine, SubmissionsView


class SubmissionService:
    """Each refusal changes nothing; a late one is answered with the deadline in the reader's own time."""

    def __init__(self, timetable: Timetable, documents: DocumentReader) -> None:
        self.timetable = timetable
        self.documents = documents

    def handlers(self) -> dict[str, Handler]:
        return {"submit": self.submit, "submissions list": self.listing, "submissions add": self.add}

    async def submit(self, ctx: Context) -> list[Post]:
        """`/submit TEXT`, or a file attached: the delegate's own delegation's submission, replacing any before."""
        rules = self._rules()
        delegation = self._delegation_of(ctx.who, rules)
        text, file_name = self._text(ctx)
        try:
            kept = await self.keep(ctx.tx.uow, delegation, text, ctx.now, by=ctx.who.id, file_name=file_name)
        except SubmissionLate as late:
            return [ctx.reply(DeadlineView("submission_late", late.deadline or rules.deadline, self._reader(ctx)))]
        return [ctx.reply(self._kept(kept))]

    async def add(self, ctx: Context) -> list[Post]:
        """`/submissions add ISO` with the file attached (staff): one received by e-mail, registered now.

        Staff vouch for when it came, so the deadline is not applied; `podium submissions add --received` is the
        way to record the e-mail's own time, and there the deadline is checked.
        """
        text, file_name = self._text(ctx)
        kept = await self.register(
            ctx.tx.uow, ctx.args["delegation"], text, ctx.now, by=ctx.who.id, file_name=file_name, accept_late=True
        )
        return [ctx.reply(self._kept(kept))]

    async def register(
        self,
        uow: UnitOfWork,
        code: str,
        text: str,
        received: datetime,
        *,
        by: str | None,
        file_name: str | None = None,
        accept_late: bool = False,
    ) -> Submission:
        """A Member State's submission registered by staff, from its code (AM), checked as any other."""
        return await self.keep(
            uow, self._state(code), text, received, by=by, file_name=file_name, accept_late=accept_late
        )

    async def listing(self, ctx: Context) -> list[Post]:
        """`/submissions list` (staff): each delegation's current submission, with its history's length."""
        history = await ctx.tx.uow.submissions.all(self.timetable.meeting.id)
        lines = tuple(
            SubmissionLine(self.timetable.delegation_name(s.delegation), s.delegation, s.received, s.words, s.version)
            for s in sorted(current(history).values(), key=lambda s: self.timetable.delegation_name(s.delegation))
        )
        rules = self.timetable.meeting.submissions
        return [ctx.reply(SubmissionsView(self._reader(ctx), lines, rules.deadline if rules else None))]

    async def keep(
        self,
        uow: UnitOfWork,
        delegation: str,
        text: str,
        received: datetime,
        *,
        by: str | None,
        file_name: str | None = None,
        accept_late: bool = False,
    ) -> Submission:
        """Check the text against the call's terms and store it as the delegation's next version.

        A file's text enters the core here (a command's typed text was cleaned as it came in; cleaning is
        idempotent): no NUL, which PostgreSQL refuses, no bidi override reordering a published page.
        """
        text = clean(text)
        words = self._rules().check(text, received, accept_late=accept_late)
        meeting_id = self.timetable.meeting.id
        version = next_version(await uow.submissions.all(meeting_id), delegation)
        submission = Submission(delegation, text, received, words, version, by, file_name)
        await uow.submissions.add(meeting_id, submission)
        return submission

    def _rules(self) -> SubmissionRules:
        rules = self.timetable.meeting.submissions
        if rules is None:
            raise Refused("submissions_closed", {"meeting": self.timetable.meeting.title})
        return rules

    def _delegation_of(self, who: Participant, rules: SubmissionRules) -> str:
        if not who.delegation:
            raise Refused("no_delegation", {})
        if not who.verified:
            raise Refused("submission_unverified", {"delegation": who.delegation})
        if not rules.invites(who.category):
            raise Refused("submission_not_invited", {"category": who.category.value})
        return who.delegation

    def _state(self, code: str) -> str:
        state = self.timetable.directory.state(code)
        if state is None:
            raise Refused("unknown_delegation", {"value": code})
        return state.iso

    def _text(self, ctx: Context) -> tuple[str, str | None]:
        """The attached file's text (one file), else the typed text; refuses neither or both."""
        typed = ctx.args.get("text", "")
        if len(ctx.attachments) > 1:
            raise Refused("one_file", {"count": str(len(ctx.attachments))})
        if ctx.attachments:
            if typed.strip():
                raise Refused("text_and_file", {})
            return self._read(ctx.attachments[0]), ctx.attachments[0].name
        if not typed.strip():
            raise Refused("submission_empty", {})
        return typed, None

    def _read(self, attachment: Attachment) -> str:
        return self.documents.text_of(attachment.name, attachment.data, attachment.declared_size)

    def _reader(self, ctx: Context) -> Reader:
        return self.timetable.reader(ctx.who)

    def _kept(self, kept: Submission) -> AckView:
        code = "submission_kept" if kept.version == 1 else "submission_replaced"
        name = self.timetable.delegation_name(kept.delegation)
        return AckView(code, {"delegation": name, "words": kept.words, "version": kept.version})
