"""Channel names in the schedule, channel ids (snowflakes) in Discord: resolved once at start, or given as ids."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import discord

log = logging.getLogger(__name__)
TEXT_CHANNEL = 0  # Discord's channel type of a guild's text channel


class ChannelMap:
    """Both directions between a schedule's channel names and the guild's channel ids."""

    def __init__(self, ids: dict[str, str]) -> None:
        self._ids = dict(ids)
        self._names = {channel_id: name for name, channel_id in ids.items()}

    @classmethod
    async def resolve(cls, client: discord.Client, guild_id: int, names: Iterable[str]) -> ChannelMap:
        """Look the named channels up in the guild (one call); a name that is already an id stays."""
        wanted = {name.lstrip("#") for name in names if name}
        ids = {name: name for name in wanted if name.isdigit()}
        if wanted - set(ids):
            for channel in await client.http.get_all_guild_channels(guild_id):
                if channel.get("type") == TEXT_CHANNEL and channel.get("name") in wanted:
                    ids[str(channel["name"])] = str(channel["id"])
        for name in sorted(wanted - set(ids)):
            log.warning("channel #%s of the schedule is not in this Discord server (or the bot cannot see it)", name)
        return cls(ids)

    def id_of(self, name: str | None) -> str | None:
        if not name:
            return None
        bare = name.lstrip("#")
        return self._ids.get(bare) or (bare if bare.isdigit() else None)

    def name_of(self, channel_id: int | str | None) -> str | None:
        """The schedule's name for a channel, else its id (which names no session); None outside a channel."""
        if channel_id is None:
            return None
        return self._names.get(str(channel_id), str(channel_id))
