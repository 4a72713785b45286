"""Readers' time zones and locales from their Slack profiles: the zone where the roster gives none, the locale as
their language until they choose one with /language (or the roster gives one)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.services.views import Post, Reader, Visibility

log = logging.getLogger(__name__)
PAGE = 200  # users.list's page, as Slack recommends
REFRESH = 600.0  # seconds: the directory is read again at most this often, when someone not in it shows up

Profile = tuple[str | None, str | None]  # (IANA zone, locale)


class SlackZones:
    """Each user's time zone and locale from their Slack profile.

    The workspace's directory is read once at start (users.list, paged, with locales), so no command waits for
    Slack to learn its author's language; someone who joined since is found by a refresh in the background, at
    most every ten minutes. A zone the directory lacks is asked with users.info, once per user.
    """

    def __init__(self, client: AsyncWebClient, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.monotonic = monotonic
        self._known: dict[str, Profile] = {}
        self._listed_at: float | None = None
        self._refreshing: asyncio.Task[None] | None = None

    async def load(self) -> None:
        """Read the workspace's directory; a failure (a missing scope) leaves locales unknown, and says so."""
        self._listed_at = self.monotonic()
        cursor = None
        try:
            while True:
                page = await self.client.users_list(include_locale=True, limit=PAGE, cursor=cursor)
                for member in page.get("members") or ():
                    self._known[member["id"]] = (member.get("tz"), member.get("locale"))
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return
        except SlackApiError as error:
            log.warning("could not read the workspace's users: %s", error.response.get("error"))

    def locale(self, user: str) -> str | None:
        """The locale the user set in Slack ('fr-FR', 'ru-RU'), from the directory; never a call on a command's
        path (None for someone not in it yet, who starts a refresh)."""
        if user in self._known:
            return self._known[user][1]
        self._refresh_soon()
        return None

    async def of(self, user: str) -> str | None:
        """The zone of the user's Slack profile ('Europe/Paris'), or None."""
        if user not in self._known:
            try:
                found = (await self.client.users_info(user=user, include_locale=True))["user"]
                self._known[user] = (found.get("tz"), found.get("locale"))
            except SlackApiError as error:
                log.warning("no profile for a user: %s", error.response.get("error"))
                self._known[user] = (None, None)
        return self._known[user][0]

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

    def _refresh_soon(self) -> None:
        due = self._listed_at is None or self.monotonic() - self._listed_at >= REFRESH
        if due and (self._refreshing is None or self._refreshing.done()):
            self._refreshing = asyncio.create_task(self.load())
