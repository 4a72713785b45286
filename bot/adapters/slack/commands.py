"""Slack's slash command names, generated from the registry; Slack's own commands keep theirs."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.services.registry import CommandSpec, Registry

# Slack's built-in slash commands: a workspace app cannot take these names, so ours get a prefix.
SLACK_BUILT_INS = frozenset(
    {
        "active", "apps", "archive", "away", "call", "collapse", "dm", "dnd", "expand", "feed", "invite",
        "leave", "me", "msg", "mute", "open", "remind", "remove", "rename", "search", "shortcuts", "shrug",
        "star", "status", "topic", "who",
    }
)  # fmt: skip
PREFIX = "podium-"


def slash_name(spec: CommandSpec) -> str:
    """'/agenda'; '/podium-remind' where Slack already has '/remind'."""
    return f"/{PREFIX if spec.name in SLACK_BUILT_INS else ''}{spec.name}"


def renamer(registry: Registry) -> Callable[[str], str]:
    """Rewrites bot text that names a command as the console does ('/remind me rt2') with its Slack name."""
    taken = sorted(spec.name for spec in registry.commands if spec.name in SLACK_BUILT_INS)
    if not taken:
        return lambda text: text
    mentioned = re.compile(r"(?<![\w/-])/(" + "|".join(map(re.escape, taken)) + r")\b")
    return lambda text: mentioned.sub(lambda found: f"/{PREFIX}{found[1]}", text)


def slash_names(registry: Registry) -> dict[str, str]:
    """Slack's command name -> the registry's: one slash command per top-level command (groups included)."""
    return {slash_name(spec): spec.name for spec in registry.commands}


def usage_hint(spec: CommandSpec) -> str:
    """The argument hint Slack shows as one types: 'next|give|end …' or 'SESSION [ZONE]'."""
    if spec.subcommands:
        return "|".join(s.name for s in spec.subcommands)
    return " ".join(p.usage for p in spec.params)
