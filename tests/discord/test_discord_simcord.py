"""The generated command tree synced to SimCord's in-process Discord, which checks Discord's rules for commands."""

from __future__ import annotations

from typing import Any

import discord
import simcord
from discord import app_commands

from bot.adapters.discord.commands import build_commands
from bot.services.catalogue import command_registry


async def _run(*_: Any) -> None: ...


async def test_the_generated_tree_syncs_and_every_command_is_offered() -> None:
    client = discord.Client(intents=discord.Intents(guilds=True))
    registry = command_registry()
    async with simcord.run(client) as env:
        tree = app_commands.CommandTree(client)  # built once SimCord's HTTP is in place: the tree keeps the client's
        for command in build_commands(registry, _run, lambda kind, typed: []):
            tree.add_command(command)
        guild = env.create_guild()
        channel = guild.create_text_channel("gcm-rt1")
        alice = guild.add_member(env.create_user("alice"))
        await tree.sync()
        offered = set(alice.available_commands(channel))
    assert {spec.name for spec in registry.commands} <= {name.split()[0] for name in offered}
