"""Readers' time zones and locales from their Slack profiles: the zone where the roster gives none, the locale as
their language until they choose one with /language."""

from __future__ import annotations

import dataclasses
import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.views import Post, Reader, Visibility

log = logging.getLogger(__name__)


class SlackZones:
    """Each user's time zone and locale from their Slack profile, asked once (one users.info call for both)."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._known: dict[str, tuple[str | None, str | None]] = {}

    async def of(self, user: str) -> str | None:
        """The zone of the user's Slack profile ('Europe/Paris'), or None."""
        return (await self._profile(user))[0]

    async def locale(self, user: str) -> str | None:
        """The locale the user set in Slack ('fr-FR', 'ru-RU'), or None."""
        return (await self._profile(user))[1]

    async def _profile(self, user: str) -> tuple[str | None, str | None]:
        if user not in self._known:
            try:
                found = (await self.client.users_info(user=user, include_locale=True))["user"]
                self._known[user] = (found.get("tz"), found.get("locale"))
            except SlackApiError as error:
                log.warning("no profile for a user: %s", error.response.get("error"))
                self._known[user] = (None, None)
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
