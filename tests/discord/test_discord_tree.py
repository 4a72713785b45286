"""Every registry command becomes a valid Discord command: names, descriptions, options within Discord's limits."""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.commands import build_commands, description
from bot.services.catalogue import command_registry
from bot.services.registry import ParamKind

_NAME = re.compile(r"^[-_\w]{1,32}$")


async def _run(*_: Any) -> None: ...


def _built() -> dict[str, dict[str, Any]]:
    """The commands as Discord receives them at sync (the tree supplies the contexts every payload names)."""
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    commands = build_commands(command_registry(), _run, lambda kind, typed: [])
    return {c.name: c.to_dict(tree) for c in commands}


def _valid(payload: dict[str, Any]) -> None:
    assert _NAME.fullmatch(payload["name"]), payload["name"]
    assert payload["name"] == payload["name"].lower()
    assert 1 <= len(payload["description"]) <= 100, payload
    options = payload.get("options", [])
    assert len(options) <= 25
    required = [o.get("required", False) for o in options if o["type"] in (3, 6)]
    assert required == sorted(required, reverse=True), payload["name"]  # Discord wants required options first
    for option in options:
        _valid(option)
        assert len(option.get("choices", [])) <= 25


def test_every_registry_command_is_a_valid_discord_command() -> None:
    registry = command_registry()
    built = _built()
    assert set(built) == {spec.name for spec in registry.commands}
    for spec in registry.commands:
        payload = built[spec.name]
        _valid(payload)
        if spec.subcommands:  # a group: its subcommands are Discord subcommands (option type 1)
            assert {o["name"]: o["type"] for o in payload["options"]} == {s.name: 1 for s in spec.subcommands}
            continue
        assert [o["name"] for o in payload["options"]] == sorted(
            (p.name for p in spec.params), key=lambda n: not next(p for p in spec.params if p.name == n).required
        )
        for option, param in ((o, next(p for p in spec.params if p.name == o["name"])) for o in payload["options"]):
            assert option["type"] == (6 if param.kind is ParamKind.USER else 3)
            offered = option.get("choices") or option.get("autocomplete")
            assert offered or param.kind in (ParamKind.USER, ParamKind.TEXT, ParamKind.WORD, ParamKind.DURATION,
                                             ParamKind.POSITION), (spec.name, param.name)  # fmt: skip


def test_export_offers_its_formats_and_floor_next_is_a_subcommand() -> None:
    built = _built()
    export = {o["name"]: o for o in built["export"]["options"]}
    assert [c["value"] for c in export["format"]["choices"]][:3] == ["md", "html", "docx"]
    assert export["target"]["autocomplete"] is True
    assert "next" in {o["name"] for o in built["floor"]["options"]}


def test_descriptions_are_cut_to_discords_hundred_characters() -> None:
    assert description("Short.") == "Short."
    long = "A first sentence that is short enough. " + "x" * 200
    assert description(long) == "A first sentence that is short enough."
    assert len(description("y" * 300)) == 100
    assert description("y" * 300).endswith("…")
