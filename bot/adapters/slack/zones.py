"""Readers' time zones from their Slack profiles, for readers the roster gives no zone."""

from __future__ import annotations

import dataclasses
import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.views import Post, Reader, Visibility

log = logging.getLogger(__name__)


class SlackZones:
    """Each user's time zone from their Slack profile, asked once: for readers the roster gives no zone."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._known: dict[str, str | None] = {}

    async def of(self, user: str) -> str | None:
        if user not in self._known:
            try:
                self._known[user] = (await self.client.users_info(user=user))["user"].get("tz")
            except SlackApiError as error:
                log.warning("no time zone for a user: %s", error.response.get("error"))
                self._known[user] = None
        return self._known[user]

    async def localised(self, post: Post) -> Post:
        """A private post with its reader's zone filled in from Slack when the roster gives none."""
        reader = getattr(post.view, "reader", None)
        if not isinstance(reader, Reader) or reader.zone or post.visibility is Visibility.CHANNEL or not post.recipient:
            return post
        zone = await self.of(post.recipient)
        if zone is None:
            return post
        view = dataclasses.replace(post.view, reader=dataclasses.replace(reader, zone=zone))  # type: ignore[arg-type]
        return dataclasses.replace(post, view=view)
