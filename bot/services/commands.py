"""The command use case: find the command, read its arguments, check who may run it, run it, keep the transcript."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.domain.errors import Refused
from bot.domain.meeting import Session
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.services.arguments import parse_arguments
from bot.services.context import Context, Handler, may
from bot.services.group_commit import GroupCommit
from bot.services.people import PeopleService
from bot.services.ports import Clock, UnitOfWork
from bot.services.registry import Audience, CommandSpec, Registry
from bot.services.timetable import Timetable
from bot.services.views import HelpView, Post, RefusalView, Visibility


@dataclass(frozen=True, slots=True)
class Invocation:
    """A command as a platform received it: typed text, or arguments a platform already split."""

    actor: str
    command: str
    text: str = ""
    channel: str | None = None
    args: dict[str, str] | None = None
    # The platform's id for this delivery (Slack's trigger id), when it may deliver the same command again.
    request_id: str | None = None


class CommandService:
    def __init__(
        self,
        registry: Registry,
        handlers: Mapping[str, Handler],
        *,
        timetable: Timetable,
        people: PeopleService,
        clock: Clock,
        uow: Callable[[], UnitOfWork],
    ) -> None:
        self.registry = registry
        self.timetable = timetable
        self.people = people
        self.clock = clock
        self.uow = uow
        self._handlers = {**handlers, "help": self._help}
        self._log = GroupCommit(self._append_all)
        missing = {c.path for c in registry.leaves()} - set(self._handlers)
        if missing:
            raise ValueError(f"commands without a handler: {', '.join(sorted(missing))}")

    async def handle(self, invocation: Invocation) -> list[Post]:
        """Answer one command; a refusal is one private line and changes nothing; a repeated delivery, nothing."""
        if not await self._record(invocation):
            return []
        try:
            spec, ctx = await self._context(invocation)
            return await self._handlers[spec.path](ctx)
        except Refused as refusal:
            return [self._refused(invocation, refusal)]

    async def check(self, invocation: Invocation) -> list[Post]:
        """The refusal the command would get before it ran (unknown, badly written, not allowed), or nothing.

        For platforms that acknowledge a slow command before running it: the answer can already say no.
        """
        try:
            await self._context(invocation)
        except Refused as refusal:
            return [self._refused(invocation, refusal)]
        return []

    async def _context(self, invocation: Invocation) -> tuple[CommandSpec, Context]:
        spec, text = self._spec(invocation.command, invocation.text)
        who = await self.people.lookup(invocation.actor)
        args = invocation.args if invocation.args is not None else parse_arguments(spec, text)
        ctx = Context(who, invocation.channel, self.clock.now(), args)
        self._check_allowed(spec, ctx)
        return spec, ctx

    def _refused(self, invocation: Invocation, refusal: Refused) -> Post:
        view = RefusalView(refusal.code, refusal.details, refusal.suggestion)
        return Post(view, Visibility.PRIVATE, invocation.channel, invocation.actor)

    async def record_post(self, channel: str | None, text: str) -> None:
        """Keep a message the bot posted to a channel, as the adapter rendered it."""
        await self._append(
            TranscriptEntry(
                self.timetable.meeting.id,
                self.clock.now(),
                EntryKind.MESSAGE,
                text,
                channel,
                session_id=self._session_of(channel),
            )
        )

    def _spec(self, name: str, text: str) -> tuple[CommandSpec, str]:
        """The command (or subcommand, taken from the first word) and the rest of the text."""
        spec = self.registry.get(name)
        if spec is None:
            raise self._unknown(name)
        if not spec.subcommands:
            return spec, text
        word, _, rest = text.strip().partition(" ")
        sub = spec.subcommand(word)
        if sub is None:
            close = spec.closest_subcommand(word) if word else None
            details = {"command": spec.name, "value": word, "known": ", ".join(s.name for s in spec.subcommands)}
            raise Refused("unknown_subcommand", details, close.usage if close else None)
        return sub, rest

    def _unknown(self, name: str) -> Refused:
        close = self.registry.closest(name)
        return Refused("unknown_command", {"value": name}, close.usage if close else None)

    def _check_allowed(self, spec: CommandSpec, ctx: Context) -> None:
        session = None if spec.audience in (Audience.EVERYONE, Audience.STAFF) else self._session_for(ctx)
        if not may(ctx.who, spec.audience, session):
            where = session.id if session else ""
            raise Refused("not_allowed", {"command": spec.path, "audience": spec.audience.value, "session": where})

    def _session_for(self, ctx: Context) -> Session | None:
        if ctx.who.has_role("staff"):
            return None
        return self.timetable.open_session(ctx.channel, ctx.now)

    async def _help(self, ctx: Context) -> list[Post]:
        name = ctx.args.get("command")
        if name is None:
            return [ctx.reply(HelpView(self.registry.commands, detailed=False))]
        spec = self.registry.get(name)
        if spec is None:
            raise self._unknown(name)
        return [ctx.reply(HelpView((spec,), detailed=True))]

    async def _record(self, invocation: Invocation) -> bool:
        """Log the command; False when its delivery was logged (and so run) already."""
        text = f"/{invocation.command} {invocation.text}".strip()
        return await self._append(
            TranscriptEntry(
                self.timetable.meeting.id,
                self.clock.now(),
                EntryKind.COMMAND,
                text,
                invocation.channel,
                invocation.actor,
                self._session_of(invocation.channel),
                invocation.request_id,
            )
        )

    async def _append(self, entry: TranscriptEntry) -> bool:
        return await self._log(entry)

    async def _append_all(self, entries: list[TranscriptEntry]) -> list[bool | Exception]:
        """Entries logged together, in one transaction: under load, one commit for many commands."""
        async with self.uow() as uow:
            kept: list[bool | Exception] = list(await uow.transcript.append_all(entries))
            await uow.commit()
        return kept

    def _session_of(self, channel: str | None) -> str | None:
        """The session a channel's words belong to in the transcript, if a list is open there now."""
        try:
            return self.timetable.open_session(channel, self.clock.now()).id
        except Refused:
            return None
