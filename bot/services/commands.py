"""The command use case: find the command, check who may run it, read its arguments, run it, keep the transcript."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial

from bot.domain.errors import Refused
from bot.domain.language import Language, language_of
from bot.domain.meeting import Session
from bot.domain.text import clean, shortened
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.services.arguments import MAX_TEXT, parse_arguments
from bot.services.context import Attachment, Context, Handler, may
from bot.services.languages import LanguageService
from bot.services.people import PeopleService
from bot.services.ports import Clock, UnitOfWork
from bot.services.registry import Audience, CommandSpec, Registry
from bot.services.timetable import Timetable
from bot.services.transaction import Transaction
from bot.services.views import HelpView, Post, RefusalView, Visibility
from bot.services.writer import Job, Writer

Moderates = Callable[[Transaction, str, Session], Awaitable[bool]]

log = logging.getLogger(__name__)
KEPT = 2000  # characters of an over-long command the transcript keeps, with its length


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
    attachments: tuple[Attachment, ...] = ()  # read by the handlers that take files, through a DocumentReader
    # Roles the platform vouches for ("staff", "moderator"): a Discord guild role the settings say means one.
    roles: tuple[str, ...] = ()
    # The locale the platform gives for the actor ("fr-FR" from Slack, "ru" from Discord): their language unless
    # they chose one with /language.
    locale: str | None = None

    def cleaned(self) -> Invocation:
        """The same command with its text made safe once, here, for every platform: see domain/text.py."""
        args = {name: clean(value) for name, value in self.args.items()} if self.args is not None else None
        channel = clean(self.channel) if self.channel is not None else None
        actor, command, text = clean(self.actor), clean(self.command), clean(self.text)
        # A file's name is typed by someone too; its bytes are read (and cleaned) by the handler that takes files.
        files = tuple(replace(a, name=clean(a.name)) for a in self.attachments)
        return replace(self, actor=actor, command=command, text=text, channel=channel, args=args, attachments=files)


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
        writer: Writer,
        languages: LanguageService,
        moderates: Moderates | None = None,
    ) -> None:
        self.registry = registry
        self.timetable = timetable
        self.people = people
        self.clock = clock
        self.uow = uow
        self.writer = writer
        self.languages = languages
        # Who else moderates a session: those staff accepted from their expressions of interest.
        self.moderates = moderates
        self._handlers = {**handlers, "help": self._help}
        missing = {c.path for c in registry.leaves()} - set(self._handlers)
        if missing:
            raise ValueError(f"commands without a handler: {', '.join(sorted(missing))}")

    async def handle(self, invocation: Invocation) -> list[Post]:
        """Answer one command; a refusal is one private line and changes nothing; a repeated delivery, nothing.

        The command's log entry (with its request id) and its effect commit in one transaction, shared with
        the commands arriving meanwhile: acknowledged means kept, and a retry of a delivery that was not
        kept runs in full.
        """
        invocation = invocation.cleaned()
        entry = self._entry(invocation)
        spec = self.registry.get(invocation.command)
        try:
            if spec is not None and spec.slow:
                return await self._slow(invocation, entry)
            job = Job(partial(self._run, invocation), entry, invocation.actor)
            posts: list[Post] | None = await self.writer.run(job)
        except Exception:  # this command's own failure (a bug, or the database refusing its data): it alone fails
            log.exception("/%s by %s failed", invocation.command, invocation.actor)
            return await self._failed(invocation, entry)
        return posts or []

    async def check(self, invocation: Invocation) -> list[Post]:
        """The refusal the command would get before it ran (unknown, badly written, not allowed), or nothing.

        For platforms that acknowledge a slow command before running it: the answer can already say no.
        """
        invocation = invocation.cleaned()
        async with self.uow() as uow:
            tx = Transaction(uow)
            language = await self.languages.of(invocation.actor, tx, invocation.locale)
            try:
                await self._context(invocation, tx, language)
            except Refused as refusal:
                return [self._refused(invocation, refusal, language)]
        return []

    async def language_of(self, invocation: Invocation) -> Language:
        """The language to answer the actor in, for what a platform says itself (a file it could not fetch)."""
        async with self.uow() as uow:
            return await self.languages.of(invocation.actor, Transaction(uow), invocation.locale)

    async def record_post(self, channel: str | None, text: str) -> None:
        """Keep a message the bot posted to a channel, as the adapter rendered it."""
        entry = TranscriptEntry(
            self.timetable.meeting.id,
            self.clock.now(),
            EntryKind.MESSAGE,
            text,
            channel,
            session_id=self._session_of(channel),
        )
        await self.writer.run(Job(_nothing, entry))

    async def _run(self, invocation: Invocation, tx: Transaction) -> list[Post]:
        language = await self.languages.of(invocation.actor, tx, invocation.locale)
        try:
            spec, ctx = await self._context(invocation, tx, language)
            posts = await self._handlers[spec.path](ctx)
        except Refused as refusal:
            posts = [self._refused(invocation, refusal, language)]
        return await self.languages.address(posts, tx)

    async def _slow(self, invocation: Invocation, entry: TranscriptEntry) -> list[Post]:
        """Logged and checked in a batch like any command; its work (reading the whole record) runs outside it."""
        checked = await self.writer.run(Job(partial(self._checked, invocation), entry, invocation.actor))
        if checked is None:
            return []  # a delivery that ran before
        if isinstance(checked, Post):
            return [checked]
        spec, ctx = checked
        async with self.uow() as uow:
            tx = Transaction(uow)
            try:
                posts = await self._handlers[spec.path](replace(ctx, tx=tx))
            except Refused as refusal:
                posts = [self._refused(invocation, refusal, ctx.language)]
            return await self.languages.address(posts, tx)

    async def _checked(self, invocation: Invocation, tx: Transaction) -> tuple[CommandSpec, Context] | Post:
        language = await self.languages.of(invocation.actor, tx, invocation.locale)
        try:
            return await self._context(invocation, tx, language)
        except Refused as refusal:
            return self._refused(invocation, refusal, language)

    async def _failed(self, invocation: Invocation, entry: TranscriptEntry) -> list[Post]:
        """Say so, and keep the command in the transcript alone, so a retried delivery is not run again."""
        try:
            await self.writer.run(Job(_nothing, entry))
        except Exception:  # the database itself is failing: the platform may deliver it again, and then it runs
            log.exception("could not log /%s by %s either", invocation.command, invocation.actor)
        # The database may be what fails: the language is the platform's or the meeting's, read without it.
        language = language_of(invocation.locale) or self.timetable.meeting.language
        return [self._refused(invocation, Refused("failed", {"command": invocation.command}), language)]

    async def _context(
        self, invocation: Invocation, tx: Transaction, language: Language
    ) -> tuple[CommandSpec, Context]:
        spec, text = self._spec(invocation.command, invocation.text)
        who = await self.people.lookup(invocation.actor, tx)
        if invocation.roles:
            who = replace(who, roles=(*who.roles, *invocation.roles))
        ctx = Context(who, invocation.channel, self.clock.now(), {}, tx, invocation.attachments, language)
        await self._check_allowed(spec, ctx)  # before the arguments: someone not allowed needs no usage hint
        args = invocation.args if invocation.args is not None else parse_arguments(spec, text)
        return spec, replace(ctx, args=args)

    def _refused(self, invocation: Invocation, refusal: Refused, language: Language) -> Post:
        view = RefusalView(refusal.code, refusal.details, refusal.suggestion)
        return Post(view, Visibility.PRIVATE, invocation.channel, invocation.actor, language=language)

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

    async def _check_allowed(self, spec: CommandSpec, ctx: Context) -> None:
        session = None if spec.audience in (Audience.EVERYONE, Audience.STAFF) else self._session_for(ctx)
        if may(ctx.who, spec.audience, session):
            return
        # Only when the roster says no: reading who was accepted as a moderator costs a query.
        if session is not None and self.moderates is not None and await self.moderates(ctx.tx, ctx.who.id, session):
            return
        where = session.id if session else ""
        raise Refused("not_allowed", {"command": spec.path, "audience": spec.audience.value, "session": where})

    def _session_for(self, ctx: Context) -> Session | None:
        if ctx.who.has_role("staff"):
            return None
        return self.timetable.listed_session(ctx.channel, ctx.now)

    async def _help(self, ctx: Context) -> list[Post]:
        name = ctx.args.get("command")
        if name is None:
            return [ctx.reply(HelpView(self.registry.commands, detailed=False))]
        spec = self.registry.get(name)
        if spec is None:
            raise self._unknown(name)
        return [ctx.reply(HelpView((spec,), detailed=True))]

    def _entry(self, invocation: Invocation) -> TranscriptEntry:
        """The command's line in the transcript; an over-long one (refused) is kept shortened, with its length."""
        text = f"/{invocation.command} {invocation.text}".strip()
        return TranscriptEntry(
            self.timetable.meeting.id,
            self.clock.now(),
            EntryKind.COMMAND,
            shortened(text, KEPT) if len(invocation.text) > MAX_TEXT else text,
            invocation.channel,
            invocation.actor,
            self._session_of(invocation.channel),
            invocation.request_id,
        )

    def _session_of(self, channel: str | None) -> str | None:
        """The session a channel's words belong to in the transcript, if a list is open there now."""
        try:
            return self.timetable.open_session(channel, self.clock.now()).id
        except Refused:
            return None


async def _nothing(tx: Transaction) -> None:
    """The work of a log entry kept on its own (a bot's post, a failed command): the entry is all."""
