"""Discord's messages for delivery: channel posts, direct messages, files and the live list's message, over REST."""

from __future__ import annotations

import hashlib
import io
import json

import discord

from bot.adapters.discord.board import Board, board, buttons
from bot.adapters.discord.channels import ChannelMap
from bot.adapters.discord.text import DiscordTimes, chunks, to_discord
from bot.adapters.text.render import render
from bot.domain.language import Language
from bot.services.delivery_ports import Shown
from bot.services.translation import Translations
from bot.services.views import FileView, Post, QueueView, Visibility

PLATFORM = "discord"
SILENT = discord.AllowedMentions.none()  # nothing Podium sends pings anyone: every text may hold typed words


class DiscordPlatform:
    """The `ChatPlatform` port over Discord's REST API (discord.py retries rate limits itself); no delivery policy."""

    name = PLATFORM

    def __init__(self, client: discord.Client, channels: ChannelMap, translations: Translations) -> None:
        self.client = client
        self.channels = channels
        self.translations = translations
        self.times = DiscordTimes()
        self._dms: dict[str, int] = {}  # user id -> their direct-message channel, opened once

    def text(self, post: Post) -> str:
        return to_discord(render(post.view, self.times, self.translations(post.language)))

    def channel_id(self, channel: str | None) -> str | None:
        return self.channels.id_of(channel)

    async def post(self, post: Post) -> str | None:
        """A channel message, or a direct message; a text over 2,000 characters is several, the first one's id."""
        if post.visibility is Visibility.CHANNEL:
            target = self.channels.id_of(post.channel)
            if target is None:
                raise LookupError(f"channel #{post.channel} is not known in this server")  # not user-facing: logged
            where = self.client.get_partial_messageable(int(target))
        elif post.recipient:
            where = await self._dm(post.recipient)
        else:
            return None
        sent = [await where.send(part, allowed_mentions=SILENT) for part in chunks(self.text(post))]
        return str(sent[0].id)

    async def upload(self, recipient: str, file: FileView, language: Language = Language.EN) -> None:
        """The file in the person's direct messages, its comment in their language (the post's)."""
        dm = await self._dm(recipient)
        attached = discord.File(io.BytesIO(file.data), filename=file.name)
        comment = self.translations(language).gettext("Your export: {name}").format(name=file.name)
        await dm.send(to_discord(comment), file=attached, allowed_mentions=SILENT)

    async def _dm(self, user: str) -> discord.PartialMessageable:
        if user not in self._dms:
            # A roster id that is not a Discord user id raises ValueError: lasting, set aside by the outbox.
            self._dms[user] = (await self.client.create_dm(discord.Object(int(user)))).id
        return self.client.get_partial_messageable(self._dms[user], type=discord.ChannelType.private)

    def reaches(self, recipient: str) -> bool:
        return recipient.isdigit()  # a Discord user id is a snowflake: digits only

    def lasting(self, error: BaseException) -> bool:
        """Gone, forbidden or refused as malformed: waiting will not cure it (a 429 or a 5xx will be retried)."""
        if isinstance(error, LookupError | ValueError | discord.Forbidden | discord.NotFound):
            return True
        return isinstance(error, discord.HTTPException) and error.status in (400, 401, 413)

    def reason(self, error: BaseException) -> str:
        if isinstance(error, discord.HTTPException):
            return f"{error.status} {error.code}"
        return type(error).__name__

    def board(self, view: QueueView) -> Shown:
        """The live list in its channel's language (the core sets the reader's language to the channel's)."""
        shown = board(view, self.translations(view.reader.language))
        digest = hashlib.sha256(json.dumps([shown.embed, shown.session], sort_keys=True).encode()).hexdigest()
        return Shown(digest, shown)

    async def show(self, channel_id: str, shown: Shown) -> str:
        content = _board(shown)
        channel = self.client.get_partial_messageable(int(channel_id))
        embed = discord.Embed.from_dict(content.embed)
        view = buttons(content.session, self.translations(content.language))
        message = await channel.send(embed=embed, view=view, allowed_mentions=SILENT)
        return str(message.id)

    async def edit(self, channel_id: str, message_id: str, shown: Shown) -> bool:
        content = _board(shown)
        message = self.client.get_partial_messageable(int(channel_id)).get_partial_message(int(message_id))
        try:
            view = buttons(content.session, self.translations(content.language))
            await message.edit(embed=discord.Embed.from_dict(content.embed), view=view)
        except discord.NotFound:
            return False
        return True

    async def delete(self, channel_id: str, message_id: str) -> None:
        await self.client.get_partial_messageable(int(channel_id)).get_partial_message(int(message_id)).delete()


def _board(shown: Shown) -> Board:
    if not isinstance(shown.content, Board):
        raise TypeError("a live list rendered for another platform")
    return shown.content
