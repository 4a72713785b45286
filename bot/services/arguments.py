"""Reading a command's arguments out of typed text, by the kinds its spec declares."""

from __future__ import annotations

from bot.services.errors import CommandRefused
from bot.services.registry import CommandSpec, Param, ParamKind

MAX_TEXT = 4000


def parse_arguments(spec: CommandSpec, text: str) -> dict[str, str]:
    """Match words to parameters in order; an optional parameter whose kind does not fit is skipped."""
    if len(text) > MAX_TEXT:
        raise CommandRefused("text_too_long", {"limit": str(MAX_TEXT)}, spec.usage)
    words = text.split()
    values: dict[str, str] = {}
    for param in spec.params:
        if not words:
            if param.required:
                raise CommandRefused("missing_argument", {"param": param.name, "help": param.help}, spec.usage)
            continue
        if param.kind is ParamKind.TEXT:
            values[param.name] = " ".join(words)
            words = []
        elif _fits(param, words[0]):
            values[param.name] = words.pop(0)
        elif param.required:
            raise CommandRefused(
                "bad_argument", {"param": param.name, "value": words[0], "help": param.help}, spec.usage
            )
    if words:
        raise CommandRefused("unexpected_argument", {"value": words[0]}, spec.usage)
    return values


def _fits(param: Param, word: str) -> bool:
    if param.kind is ParamKind.DAY:
        return word.isdigit()
    return True
