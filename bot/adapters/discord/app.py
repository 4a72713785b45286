"""Discord interactions into the core and its answers back: slash commands, button clicks, deferred files."""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace

import discord

from bot.adapters.discord.board import COMMANDS
from bot.adapters.discord.delivery import SILENT, DiscordPlatform
from bot.adapters.discord.text import chunks, from_discord
from bot.domain.language import N_, Language, language_of
from bot.services.commands import CommandService, Invocation
from bot.services.registry import Registry
from bot.services.views import FileView, Post, Visibility

# A command whose only news went to a channel: Discord still wants an answer to the person.
DONE = N_("Done.")


class DiscordCommands:
    """Translates interactions into invocations of the core, and its posts into replies or the router's queue."""

    def __init__(
        self,
        commands: CommandService,
        registry: Registry,
        platform: DiscordPlatform,
        put: Callable[[Post], None],
        roles: Mapping[str, Collection[str]],
    ) -> None:
        self.commands = commands
        self.platform = platform
        self.put = put  # the delivery router: channel posts reach every platform serving the meeting
        self.roles = roles  # Podium's role -> the guild roles (names or ids) that mean it
        self.slow = {spec.name for spec in registry.commands if spec.slow}

    async def run(self, interaction: discord.Interaction, command: str, text: str) -> None:
        """A slash command. A slow one (/export) is deferred at once, inside Discord's 3 seconds, then followed up."""
        invocation = self._invocation(interaction, command, from_discord(text))
        if command in self.slow:
            await interaction.response.defer(ephemeral=True, thinking=True)
        await self._answer(interaction, await self.commands.handle(invocation))

    async def pressed(self, interaction: discord.Interaction, action: str, session: str) -> None:
        """A live list's button: the same command as typed, in the channel the message is in."""
        command, text = COMMANDS[action]
        await self._answer(interaction, await self.commands.handle(self._invocation(interaction, command, text)))

    def _invocation(self, interaction: discord.Interaction, command: str, text: str) -> Invocation:
        return Invocation(
            str(interaction.user.id),
            command,
            text,
            self.platform.channels.name_of(interaction.channel_id),
            request_id=f"discord:{interaction.id}",  # one interaction is one delivery, whoever receives it
            roles=self._roles(interaction.user),
            locale=str(interaction.locale),  # the person's Discord language: theirs, unless they chose one
        )

    def _roles(self, user: discord.User | discord.Member) -> tuple[str, ...]:
        """The Podium roles the guild vouches for: a member holding a role named in DISCORD_STAFF_ROLE is staff."""
        held = {name for role in getattr(user, "roles", ()) for name in (role.name, str(role.id))}
        return tuple(podium for podium, guild in self.roles.items() if held & set(guild))

    async def _answer(self, interaction: discord.Interaction, posts: list[Post]) -> None:
        """Replies to the person privately (ephemeral); every other post, and files for others, to the router."""
        actor = str(interaction.user.id)
        texts: list[str] = []
        files: list[FileView] = []
        for post in posts:
            private = post.visibility is Visibility.PRIVATE
            mine = private and post.recipient == actor and post.channel is not None
            if mine and isinstance(post.view, FileView):
                files.append(post.view)
            elif mine:
                texts.append(self.platform.text(post))
            else:
                self.put(replace(post, platform=self.platform.name) if private else post)
        if not posts:
            return  # a delivery that ran before: its first run answered
        if not texts and not files:
            await self._acknowledge(interaction, _language(interaction, posts))
            return
        for part in chunks("\n\n".join(texts)) if texts else []:
            await self._send(interaction, content=part)
        for file in files:
            await self._send(interaction, file=discord.File(io.BytesIO(file.data), filename=file.name))

    async def _acknowledge(self, interaction: discord.Interaction, language: Language) -> None:
        """Nothing to say privately: a click updates nothing, a command says it was done."""
        if interaction.type is discord.InteractionType.component and not interaction.response.is_done():
            await interaction.response.defer()
        else:
            await self._send(interaction, content=self.platform.translations(language).gettext(DONE))

    async def _send(
        self, interaction: discord.Interaction, content: str = "", file: discord.File | None = None
    ) -> None:
        files = [file] if file else []
        if interaction.response.is_done():  # deferred, or a second part: a follow-up
            await interaction.followup.send(content, files=files, ephemeral=True, allowed_mentions=SILENT)
        else:
            await interaction.response.send_message(
                content or None, files=files, ephemeral=True, allowed_mentions=SILENT
            )


def _language(interaction: discord.Interaction, posts: list[Post]) -> Language:
    """The person's language as the core chose it for them (a post to them says it), else their Discord's."""
    actor = str(interaction.user.id)
    mine = next((post.language for post in posts if post.recipient == actor), None)
    return mine or language_of(str(interaction.locale)) or Language.EN
