"""The shape of a chat command: its name, arguments, who may use it, help; platforms are generated from it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum


class Audience(StrEnum):
    """Who may run a command; checked in the core, whatever the platform shows."""

    EVERYONE = "everyone"
    MODERATOR = "moderator"  # the session's moderators, and staff
    NOTETAKER = "notetaker"  # the session's moderators and rapporteurs, and staff
    STAFF = "staff"


class ParamKind(StrEnum):
    """How an argument is read from text, and how platforms with typed options present it."""

    WORD = "word"
    TEXT = "text"
    DAY = "day"
    ZONE = "zone"
    SESSION = "session"
    COMMAND = "command"
    KIND = "kind"
    USER = "user"
    POSITION = "position"
    DURATION = "duration"
    CATEGORY = "category"
    DELEGATION = "delegation"


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    kind: ParamKind
    help: str
    required: bool = False
    # The only values it takes, when they are few and fixed: platforms with typed options offer them as choices.
    choices: tuple[str, ...] = ()

    @property
    def usage(self) -> str:
        return f"{self.name.upper()}" if self.required else f"[{self.name.upper()}]"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command, or a group of subcommands (`/floor next`): a group has no parameters of its own."""

    name: str
    summary: str
    params: tuple[Param, ...] = ()
    audience: Audience = Audience.EVERYONE
    example: str = ""
    subcommands: tuple[CommandSpec, ...] = ()
    parent: str = ""
    # May take longer than a platform waits for its answer (Slack: 3 s): acknowledged first, then run.
    slow: bool = False
    # Takes one file sent with it (a .txt, .md or .docx): platforms offer an attachment, the console `< PATH`.
    takes_file: bool = False

    @property
    def path(self) -> str:
        """The handler's key: 'agenda', or 'floor next' for a subcommand."""
        return f"{self.parent} {self.name}".strip()

    @property
    def usage(self) -> str:
        if self.subcommands:
            return f"/{self.name} {'|'.join(s.name for s in self.subcommands)} …"
        return " ".join([f"/{self.path}", *(p.usage for p in self.params)])

    def subcommand(self, name: str) -> CommandSpec | None:
        return next((s for s in self.subcommands if s.name == name.lower()), None)

    def closest_subcommand(self, name: str) -> CommandSpec | None:
        match = difflib.get_close_matches(name.lower(), [s.name for s in self.subcommands], n=1, cutoff=0.5)
        return self.subcommand(match[0]) if match else None


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

    def leaves(self) -> tuple[CommandSpec, ...]:
        """Every runnable command: plain commands and each group's subcommands."""
        return tuple(leaf for c in self.commands for leaf in (c.subcommands or (c,)))
