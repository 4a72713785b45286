"""The console loop: read lines, move the simulated clock, run commands through the services, print blocks."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, TextIO
from zoneinfo import ZoneInfo

from bot.adapters.console.script import Advance, Nothing, Reload, Said, SetClock, Unreadable, decoded, read_line
from bot.adapters.text.inert import inert
from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes, zone_label
from bot.domain.language import Language
from bot.domain.schedule_rules import ScheduleInvalid
from bot.services.commands import CommandService, Invocation
from bot.services.context import Attachment
from bot.services.ports import SettableClock
from bot.services.timeline import Timeline
from bot.services.translation import Translations, Translator
from bot.services.views import FileView, Post, Visibility

Receipt = Callable[[str, datetime, str | None], Awaitable[None]]
Reloader = Callable[[Path | None], Awaitable[object]]


@dataclass(frozen=True)
class Hooks:
    """What the console can do besides commands: reload the timetable, nudge the scheduler."""

    reload: Reloader | None = None
    wake: Callable[[], None] | None = None
    exports: Path = Path("exports")  # where /export files are saved
    files: Path = Path()  # where `/submit < FILE` looks for a relative FILE


class Console:
    def __init__(
        self,
        commands: CommandService,
        timeline: Timeline,
        *,
        clock: SettableClock,
        meeting_zone: str,
        main_channel: str | None,
        out: TextIO,
        receipt: Receipt,
        translations: Translations,
        hooks: Hooks | None = None,
        language: Language = Language.EN,
    ) -> None:
        """`receipt` reports each reminder shown: a reminder never confirmed is posted again when its lease ends."""
        self.commands = commands
        self.timeline = timeline
        self.clock = clock
        self.zone = ZoneInfo(meeting_zone)
        self.main_channel = main_channel
        self.out = out
        self.receipt = receipt
        self.hooks = hooks or Hooks()
        self.times = PlainTimes()
        self.translations = translations
        # The console's own messages (refused lines, reloads); bot messages go in each post's language.
        self.language = language

    def _tr(self) -> Translator:
        """The console's own language, asked for only when the console has something of its own to say."""
        return self.translations(self.language)

    async def run_script(
        self, lines: Iterable[str | bytes], default_actor: str | None = None, *, first: int = 1
    ) -> int:
        """Replay a script, echoing each line; returns how many lines were refused (each named by its number,
        counted from `first`: a paced replay hands the lines over one at a time)."""
        faults = 0
        for number, raw in enumerate(lines, start=first):
            fault = await self._line(raw, default_actor, echo=True)
            if fault is not None:
                faults += 1
                self.out.write(
                    "! " + self._tr().gettext("line {number}: {fault}").format(number=number, fault=fault) + "\n"
                )
        return faults

    async def run_interactive(self, default_actor: str, stream: BinaryIO | None = None) -> None:
        """Prompt until end of input; a scheduler running beside it posts what falls due (see `show`)."""
        # Bytes, decoded line by line: one line that is not UTF-8 is refused, not the end of the session.
        stream = stream or sys.stdin.buffer
        while True:
            self.out.write(f"{default_actor}> ")
            self.out.flush()
            raw = await asyncio.to_thread(stream.readline)
            if not raw:
                return
            fault = await self._line(raw, default_actor, echo=False)
            if fault is not None:
                self.out.write(f"! {fault}\n")
            if self.hooks.wake:
                self.hooks.wake()  # a command may have started a timer the scheduler must wait for

    async def _line(self, raw: str | bytes, default_actor: str | None, *, echo: bool) -> str | None:
        """Run one line; why it was refused, when it was (shown inert: it may quote what was typed)."""
        text, undecodable = decoded(raw)
        line = undecodable or read_line(text, self.zone, default_actor)
        if echo and not isinstance(line, Nothing):
            self.out.write(f"{inert(text.rstrip(), 1000)}\n")
        fault = line.told(self._tr()) if isinstance(line, Unreadable) else await self._perform(line)
        return None if fault is None else inert(fault, 500)

    async def _perform(self, line: Said | SetClock | Advance | Reload | Nothing) -> str | None:
        if isinstance(line, SetClock):
            # Forwards, the clock passes through every due moment on the way, as @advance does.
            if line.moment > self.clock.now():
                await self._advance_to(line.moment)
            else:
                self.clock.set(line.moment)
        elif isinstance(line, Advance):
            await self._advance_to(self.clock.now() + line.span)
        elif isinstance(line, Reload):
            return await self.reload(line.path)
        elif isinstance(line, Said):
            return await self._said(line)
        return None

    async def reload(self, path: Path | None = None) -> str | None:
        """Read the timetable again (@reload, SIGHUP, `podium reload`); why not, when the one in use is kept."""
        if self.hooks.reload is None:
            return self._tr().gettext("this console cannot reload its timetable")
        try:
            await self.hooks.reload(path)
        except ScheduleInvalid as invalid:
            return _not_reloaded(invalid.lines(self._tr()), self._tr())
        except OSError as unreadable:
            return _not_reloaded([f"{unreadable.filename or path}: {unreadable.strerror or unreadable}"], self._tr())
        self.out.write("  " + self._tr().gettext("(timetable reloaded: pending reminders follow it)") + "\n")
        if self.hooks.wake:
            self.hooks.wake()
        return None

    async def reload_on_signal(self) -> None:
        """SIGHUP: reload, saying on the console why not when the timetable in use is kept."""
        fault = await self.reload()
        if fault is not None:
            self.out.write(f"! {inert(fault, 500)}\n")

    async def _said(self, said: Said) -> str | None:
        command = said.command
        if command is None:
            self.out.write("  " + self._tr().gettext("(commands start with '/'; /help lists them)") + "\n")
            return None
        name, text = command
        channel = said.channel or self.main_channel
        attached = self._attached(name, text)
        if isinstance(attached, str):
            return attached
        text, attachments = attached
        invocation = Invocation(said.actor, name, text, channel, attachments=attachments)
        for post in await self.commands.handle(invocation):
            await self.show(post)
        return None

    def _attached(self, name: str, text: str) -> tuple[str, tuple[Attachment, ...]] | str:
        """`/submit < FILE`: for a command that takes a file, the file at that path (from the console's folder of
        files), as a platform would send an attachment; why not, when it cannot be read."""
        before, marker, path = text.rpartition("<")
        if not marker or not path.strip() or not self._takes_file(name, text):
            return text, ()
        where = self.hooks.files / path.strip()
        try:
            data = where.read_bytes()
        except OSError as error:
            return (
                self._tr()
                .gettext("cannot read {path}: {error}")
                .format(path=path.strip(), error=error.strerror or error)
            )
        return before.strip(), (Attachment(where.name, data),)

    def _takes_file(self, name: str, text: str) -> bool:
        spec = self.commands.registry.get(name)
        if spec is not None and spec.subcommands:
            words = text.split(maxsplit=1)
            spec = spec.subcommand(words[0]) if words else None
        return spec is not None and spec.takes_file

    async def _advance_to(self, target: datetime) -> None:
        async for posts in self.timeline.run_until(target):
            for post in posts:
                await self.show(post)

    async def show(self, post: Post) -> None:
        """Print one bot message as a block; a reminder's delivery is reported back; a file is saved."""
        tr = self.translations(post.language)
        body = self._save(post.view, tr) if isinstance(post.view, FileView) else render(post.view, self.times, tr)
        if post.visibility is Visibility.CHANNEL:
            await self.commands.record_post(post.channel, body)
        self.out.write(self._header(post, tr) + "\n")
        self.out.write("".join(f"  {line}\n" if line else "\n" for line in body.split("\n")))
        if post.key:
            await self.receipt(post.key, self.clock.now(), None)

    def _save(self, file: FileView, tr: Translator) -> str:
        # The name is built by Podium from a session id and a format, never from free text; still, no folders.
        path = self.hooks.exports / Path(file.name).name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.data)
        size = len(file.data)
        return tr.ngettext("Saved {path} ({count} byte).", "Saved {path} ({count} bytes).", size).format(
            path=path, count=tr.number(size)
        )

    def _header(self, post: Post, tr: Translator) -> str:
        now = self.clock.now().astimezone(self.zone)
        if post.channel:
            where = f"#{post.channel}"
            if post.visibility is Visibility.PRIVATE and post.recipient:
                where += " · " + tr.gettext("only {name} sees this").format(name=inert(post.recipient, 40))
        else:
            where = tr.gettext("direct message to {name}").format(name=inert(post.recipient or "", 40))
        clock = f"{now:%H:%M:%S}" if now.second else f"{now:%H:%M}"
        # English as it always read ('Thu 12 Nov 2020'); the other languages their own short date.
        day = f"{now:%a %d %b %Y}" if tr.language is Language.EN else tr.date(now, "yMMMEd")
        return f"[{day} {clock} {zone_label(now, self.zone)}] {where}"


def _not_reloaded(faults: list[str], tr: Translator) -> str:
    first = faults[0] if faults else tr.gettext("the file is not a timetable")
    if len(faults) > 1:
        more = len(faults) - 1
        text = tr.ngettext(
            "not reloaded, the timetable in use is kept: {first} (and {count} more: podium check-schedule FILE lists "
            "them); fix the file and @reload again",
            "not reloaded, the timetable in use is kept: {first} (and {count} more: podium check-schedule FILE lists "
            "them); fix the file and @reload again",
            more,
        )
        return text.format(first=first, count=more)
    return tr.gettext("not reloaded, the timetable in use is kept: {first}; fix the file and @reload again").format(
        first=first
    )
