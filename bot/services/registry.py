"""Every chat command, defined once: name, arguments, who may use it, help; every platform is generated from it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum


class Audience(StrEnum):
    """Who may run a command; checked in the core, whatever the platform shows."""

    EVERYONE = "everyone"
    MODERATOR = "moderator"
    STAFF = "staff"


class ParamKind(StrEnum):
    """How an argument is read from text, and how platforms with typed options present it."""

    WORD = "word"
    TEXT = "text"
    DAY = "day"
    ZONE = "zone"
    SESSION = "session"
    COMMAND = "command"


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    kind: ParamKind
    help: str
    required: bool = False

    @property
    def usage(self) -> str:
        return f"{self.name.upper()}" if self.required else f"[{self.name.upper()}]"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    summary: str
    params: tuple[Param, ...] = ()
    audience: Audience = Audience.EVERYONE
    example: str = ""

    @property
    def usage(self) -> str:
        return " ".join([f"/{self.name}", *(p.usage for p in self.params)])


@dataclass(frozen=True, slots=True)
class Registry:
    commands: tuple[CommandSpec, ...]

    def get(self, name: str) -> CommandSpec | None:
        wanted = name.lower().lstrip("/")
        return next((c for c in self.commands if c.name == wanted), None)

    def closest(self, name: str) -> CommandSpec | None:
        """The command a typo most likely meant, if any is close enough."""
        names = [c.name for c in self.commands]
        match = difflib.get_close_matches(name.lower().lstrip("/"), names, n=1, cutoff=0.5)
        return self.get(match[0]) if match else None


def command_registry() -> Registry:
    """The commands of this release; later features add theirs here and nowhere else."""
    zone = Param("zone", ParamKind.ZONE, "a time zone (Asia/Almaty) or a delegation code (KZ)")
    return Registry(
        (
            CommandSpec(
                "agenda",
                "The timetable in your local time, with the meeting's time beside it.",
                (Param("day", ParamKind.DAY, "1 or 2: one day only"), zone),
                example="/agenda 1 KZ",
            ),
            CommandSpec(
                "now",
                "The session on now and the next one, with links and local times.",
                (zone,),
                example="/now",
            ),
            CommandSpec(
                "session",
                "One session: times, objectives covered, links and moderators.",
                (Param("id", ParamKind.SESSION, "a session id such as rt1", required=True), zone),
                example="/session rt1",
            ),
            CommandSpec(
                "help",
                "What each command does.",
                (Param("command", ParamKind.COMMAND, "a command name, for its details"),),
                example="/help agenda",
            ),
        )
    )
