"""Reading a command's arguments out of typed text, by the kinds its spec declares."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.durations import parse_duration
from bot.domain.errors import Refused
from bot.domain.queue.entries import EntryKind
from bot.domain.settings import Category
from bot.services.registry import CommandSpec, Param, ParamKind

MAX_TEXT = 25000
_MENTION = re.compile(r"<@!?(?P<bracketed>[\w.-]+)(?:\|[^>]*)?>|@(?P<plain>[\w.-]+)")


def parse_arguments(spec: CommandSpec, text: str) -> dict[str, str]:
    """Match words to parameters in order; an optional parameter whose kind does not fit is skipped."""
    if len(text) > MAX_TEXT:
        raise Refused("text_too_long", {"limit": str(MAX_TEXT), "length": str(len(text))}, spec.usage)
    words = text.split()
    values: dict[str, str] = {}
    for param in spec.params:
        if not words:
            if param.required:
                raise Refused("missing_argument", {"param": param.name, "help": param.help}, spec.usage)
            continue
        if param.kind is ParamKind.TEXT:
            values[param.name] = " ".join(words)
            words = []
        elif _fits(param, words[0]):
            values[param.name] = words.pop(0)
        elif param.required:
            raise Refused("bad_argument", {"param": param.name, "value": words[0], "help": param.help}, spec.usage)
    if words:
        raise Refused("unexpected_argument", {"value": words[0]}, spec.usage)
    return values


def _fits(param: Param, word: str) -> bool:
    """Whether a word can be this parameter; an optional one that cannot is skipped, a required one refused."""
    checks: dict[ParamKind, Callable[[], bool]] = {
        ParamKind.DAY: word.isdigit,
        ParamKind.POSITION: word.isdigit,
        ParamKind.KIND: lambda: word.lower() in set(EntryKind),
        ParamKind.CATEGORY: lambda: word.lower() in set(Category),
        ParamKind.DURATION: lambda: (span := parse_duration(word)) is not None and span.total_seconds() > 0,
        ParamKind.USER: lambda: mentioned(word) is not None,
    }
    check = checks.get(param.kind)
    return check() if check else True


def mentioned(word: str) -> str | None:
    """The participant id in '@name' (console), '<@U123>' or '<@U123|name>' (Slack) or '<@123>' (Discord)."""
    match = _MENTION.fullmatch(word)
    if match is None:
        return None
    return match["bracketed"] or match["plain"]
