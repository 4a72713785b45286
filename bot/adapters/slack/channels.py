"""Channel names in the schedule, channel ids in Slack: resolved once at start, or given as ids."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)
_ID = re.compile(r"[CG][A-Z0-9]{6,}")


class ChannelMap:
    """Both directions between a schedule's channel names and Slack's ids."""

    def __init__(self, ids: dict[str, str]) -> None:
        self._ids = dict(ids)
        self._names = {channel_id: name for name, channel_id in ids.items()}

    @classmethod
    async def resolve(cls, client: AsyncWebClient, names: Iterable[str]) -> ChannelMap:
        """Look the named channels up (every page of conversations.list); a name that is already an id stays."""
        wanted = {name.lstrip("#") for name in names if name}
        ids = {name: name for name in wanted if _ID.fullmatch(name)}
        if wanted - set(ids):
            async for page in await client.conversations_list(
                types="public_channel,private_channel", exclude_archived=True, limit=200
            ):
                # Read each page as it comes: the paginator hands back one response object, refilled.
                for channel in page.get("channels", []):
                    if channel["name"] in wanted:
                        ids[channel["name"]] = channel["id"]
        for name in sorted(wanted - set(ids)):
            log.warning("channel #%s of the schedule is not in this workspace (or the app cannot see it)", name)
        return cls(ids)

    def id_of(self, name: str | None) -> str | None:
        if not name:
            return None
        bare = name.lstrip("#")
        return self._ids.get(bare) or (bare if _ID.fullmatch(bare) else None)

    def name_of(self, channel_id: str) -> str:
        """The schedule's name for a channel, else its id, which names no channel of the schedule.

        Never the name a request carries beside the id: a forged or stale name must not choose the session a
        command acts on. A command from a channel the schedule does not know acts as anywhere outside a session's
        channel, and its answer still comes back privately where it was typed.
        """
        return self._names.get(channel_id, channel_id)
