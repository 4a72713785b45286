"""Podium in one Discord server: the client, its command tree synced to the guild, the platform for the router."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.discord.app import DiscordCommands
from bot.adapters.discord.board import FloorButton
from bot.adapters.discord.channels import ChannelMap
from bot.adapters.discord.commands import CommandTranslator, build_commands
from bot.adapters.discord.delivery import DiscordPlatform
from bot.adapters.discord.suggestions import Suggestions
from bot.config import DiscordSettings
from bot.services.core import Core
from bot.services.delivery import Delivery

log = logging.getLogger(__name__)


def pointed(settings: DiscordSettings) -> None:
    """discord.py elsewhere (a local fake): its REST base and gateway are class attributes, set for the process."""
    if settings.api_url:
        Route.BASE = settings.api_url.rstrip("/")
    if settings.gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def client() -> discord.Client:
    """No privileged intent: commands and clicks come as interactions; `guilds` brings the roles members hold."""
    return discord.Client(intents=discord.Intents(guilds=True), allowed_mentions=discord.AllowedMentions.none())


class DiscordBot:
    """Built by `start()` (login, channels, commands synced to the guild); then `run()` holds the gateway."""

    def __init__(self, core: Core, settings: DiscordSettings, *, delivery: Delivery, delegations: Sequence[str] = ()):
        self.core = core
        self.settings = settings
        self.delivery = delivery
        self.delegations = delegations  # offered as someone types a delegation
        pointed(settings)
        self.client = client()
        self.tree = app_commands.CommandTree(self.client)

    async def start(self) -> None:
        await self.client.login(self.settings.token)
        guild = discord.Object(self.settings.guild_id)
        self.channels = await ChannelMap.resolve(self.client, self.settings.guild_id, self.core.meeting.channels)
        self.platform = DiscordPlatform(self.client, self.channels, self.core.translations)
        self.delivery.serve(self.platform)
        roles = self.settings.roles
        self.commands = DiscordCommands(self.core.commands, self.core.registry, self.platform, self.delivery.put, roles)
        suggest = Suggestions(self.core, self.delegations)
        for command in build_commands(self.core.registry, self.commands.run, suggest):
            self.tree.add_command(command, guild=guild)
        self.client.pressed = self.commands.pressed  # type: ignore[attr-defined]
        self.client.add_dynamic_items(FloorButton)  # every live list's buttons, past messages included
        # Descriptions in French and Russian for the clients set to them; discord.py asks at sync.
        await self.tree.set_translator(CommandTranslator(self.core.translations))
        synced = await self.tree.sync(guild=guild)
        log.info("Podium's %d commands synced to Discord server %s", len(synced), self.settings.guild_id)

    async def run(self) -> None:
        """Hold the gateway (reconnecting as discord.py does) until cancelled or closed."""
        try:
            await self.client.connect(reconnect=True)
        finally:
            await self.client.close()

    async def close(self) -> None:
        await self.client.close()
