"""Every command a refusal tells the user to type exists: a line that says what to do must not send them astray."""

from __future__ import annotations

import re

from bot.adapters.text import refusals
from bot.services.catalogue import command_registry

# "/floor rule TEXT", "/zone reset": a command, and the lower-case word after it that may be its subcommand.
_TOLD = re.compile(r"(?<![\w/])/([a-z][a-z-]*)(?: ([a-z][a-z-]*))?")


def test_every_command_a_refusal_names_is_in_the_registry() -> None:
    registry = command_registry()
    wrong = []
    for code, template in refusals._MESSAGES.items():
        for command, word in _TOLD.findall(template):
            spec = registry.get(command)
            if spec is None or (spec.subcommands and spec.subcommand(word) is None):
                wrong.append(f"{code}: /{command} {word}".rstrip())
    assert wrong == []
