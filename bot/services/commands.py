"""The command use case: check who may run it, read its arguments, run it, and keep it in the transcript."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.participants import Directory, Participant
from bot.domain.transcript import EntryKind, TranscriptEntry
from bot.services.arguments import parse_arguments
from bot.services.errors import CommandRefused
from bot.services.ports import Clock, UnitOfWork
from bot.services.registry import Audience, CommandSpec, Registry
from bot.services.timetable import Timetable
from bot.services.views import HelpView, Post, RefusalView, View, Visibility

Handler = Callable[[Participant, dict[str, str]], View]


@dataclass(frozen=True, slots=True)
class Invocation:
    """A command as a platform received it: typed text, or arguments a platform already split."""

    actor: str
    command: str
    text: str = ""
    channel: str | None = None
    args: dict[str, str] | None = None


class CommandService:
    def __init__(
        self,
        registry: Registry,
        timetable: Timetable,
        directory: Directory,
        clock: Clock,
        uow: Callable[[], UnitOfWork],
    ) -> None:
        self.registry = registry
        self.timetable = timetable
        self.directory = directory
        self.clock = clock
        self.uow = uow
        self._handlers: dict[str, Handler] = {
            "agenda": self._agenda,
            "now": self._now,
            "session": self._session,
            "help": self._help,
        }
        missing = {c.name for c in registry.commands} - set(self._handlers)
        if missing:
            raise ValueError(f"commands without a handler: {', '.join(sorted(missing))}")

    async def handle(self, invocation: Invocation) -> list[Post]:
        """Answer one command; a refusal is one private line and changes nothing."""
        await self._record(invocation)
        try:
            spec = self._spec(invocation.command)
            who = self.directory.participant(invocation.actor)
            self._check_allowed(spec, who)
            args = invocation.args if invocation.args is not None else parse_arguments(spec, invocation.text)
            view = self._run(spec, who, args)
        except CommandRefused as refusal:
            view = RefusalView(refusal.code, refusal.details, refusal.suggestion)
        return [Post(view, Visibility.PRIVATE, invocation.channel, invocation.actor)]

    def _spec(self, name: str) -> CommandSpec:
        spec = self.registry.get(name)
        if spec is None:
            close = self.registry.closest(name)
            raise CommandRefused("unknown_command", {"value": name}, close.usage if close else None)
        return spec

    def _check_allowed(self, spec: CommandSpec, who: Participant) -> None:
        if spec.audience is Audience.EVERYONE or who.has_role("staff"):
            return
        if spec.audience is Audience.MODERATOR and any(r.startswith("moderator:") for r in who.roles):
            return
        raise CommandRefused("not_allowed", {"command": spec.name, "audience": spec.audience.value})

    def _run(self, spec: CommandSpec, who: Participant, args: dict[str, str]) -> View:
        return self._handlers[spec.name](who, args)

    def _agenda(self, who: Participant, args: dict[str, str]) -> View:
        day = args.get("day")
        reader = self.timetable.reader(who, args.get("zone"))
        return self.timetable.agenda(reader, self.clock.now(), int(day) if day else None)

    def _now(self, who: Participant, args: dict[str, str]) -> View:
        return self.timetable.now(self.timetable.reader(who, args.get("zone")), self.clock.now())

    def _session(self, who: Participant, args: dict[str, str]) -> View:
        return self.timetable.session(self.timetable.reader(who, args.get("zone")), args["id"])

    def _help(self, who: Participant, args: dict[str, str]) -> View:
        name = args.get("command")
        if name is None:
            return HelpView(self.registry.commands, detailed=False)
        return HelpView((self._spec(name),), detailed=True)

    async def _record(self, invocation: Invocation) -> None:
        text = f"/{invocation.command} {invocation.text}".strip()
        async with self.uow() as uow:
            await uow.transcript.append(
                TranscriptEntry(
                    self.timetable.meeting.id,
                    self.clock.now(),
                    EntryKind.COMMAND,
                    text,
                    invocation.channel,
                    invocation.actor,
                )
            )
            await uow.commit()

    async def record_post(self, channel: str | None, text: str) -> None:
        """Keep a message the bot posted to a channel, as the adapter rendered it."""
        async with self.uow() as uow:
            await uow.transcript.append(
                TranscriptEntry(self.timetable.meeting.id, self.clock.now(), EntryKind.MESSAGE, text, channel)
            )
            await uow.commit()
