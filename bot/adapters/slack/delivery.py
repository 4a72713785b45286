"""Posting to Slack: channel messages, direct messages and files, retried until they land, in order."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.channels import ChannelMap
from bot.adapters.slack.text import SlackTimes, to_slack
from bot.adapters.text.render import render
from bot.adapters.text.times import PlainTimes
from bot.services.views import FileView, Post, Reader, Visibility

log = logging.getLogger(__name__)
Recorder = Callable[[str | None, str], Awaitable[None]]
FIRST_WAIT, LONGEST_WAIT = 1.0, 300.0
# Refusals that waiting will not cure (the channel or the person is gone, the app is not invited, a scope or the
# token is wrong): such a post is set aside at once, logged for an admin, and not retried, so it neither holds up
# the posts behind it nor costs a call (and a log line) every few minutes for the rest of the meeting.
LASTING = frozenset(
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "cannot_dm_bot", "msg_too_long",
        "no_text", "invalid_blocks", "invalid_auth", "not_authed", "account_inactive", "missing_scope",
        "restricted_action", "token_revoked", "user_disabled",
    }
)  # fmt: skip


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


class SlackPoster:
    """Turns posts into Web API calls; `record` keeps what went to a channel in the transcript."""

    def __init__(
        self, client: AsyncWebClient, channels: ChannelMap, record: Recorder, rename: Callable[[str], str]
    ) -> None:
        self.client = client
        self.channels = channels
        self.record = record
        self.rename = rename  # '/remind' in bot text becomes '/podium-remind', Slack keeping '/remind'
        self.times = SlackTimes()
        self.plain = PlainTimes()  # the transcript keeps what the console shows, not Slack's date tokens

    def text(self, post: Post) -> str:
        return self.rename(to_slack(render(post.view, self.times)))

    async def send(self, post: Post) -> None:
        """Deliver one post now; raises when Slack (after the client's own retries) still refuses it."""
        if isinstance(post.view, FileView):
            await self._upload(post.view, post.recipient)
            return
        text = self.text(post)
        if post.visibility is Visibility.CHANNEL:
            channel = self.channels.id_of(post.channel)
            if channel is None:
                raise LookupError(f"channel #{post.channel} is not known in this workspace")
            await self.client.chat_postMessage(channel=channel, text=text, mrkdwn=False, unfurl_links=False)
            await self.record(post.channel, render(post.view, self.plain))
        elif post.recipient:
            # Posting to a user id opens (or reuses) the app's direct message with them.
            await self.client.chat_postMessage(channel=post.recipient, text=text, mrkdwn=False, unfurl_links=False)

    async def _upload(self, file: FileView, user: str | None) -> None:
        if not user:
            return
        dm = (await self.client.conversations_open(users=user))["channel"]["id"]
        await self.client.files_upload_v2(
            channel=dm,
            content=file.data,
            filename=file.name,
            title=file.name,
            initial_comment=f"Your export: {file.name}",
        )


class Outbox:
    """Posts wait here for one worker, so each channel sees them in order and no request waits on Slack.

    A post that fails after the client's own retries (rate limits, 5xx, timeouts) is tried again in place,
    with a growing wait, so the posts behind it keep their order; it is never dropped. A post Slack refuses
    for a lasting reason (the channel is gone, a scope is missing) is set aside: logged once, not retried.
    `settled()` waits until every queued post has landed or been set aside.
    """

    def __init__(self, poster: SlackPoster, zones: SlackZones, *, first_wait: float = FIRST_WAIT) -> None:
        self.poster = poster
        self.zones = zones
        self.first_wait = first_wait  # seconds before a failed post's first retry; doubled each time after
        self._queue: asyncio.Queue[Post] = asyncio.Queue()

    def put(self, post: Post) -> None:
        self._queue.put_nowait(post)

    async def settled(self) -> None:
        await self._queue.join()

    async def run(self) -> None:
        while True:
            post = await self._queue.get()
            try:
                await self._deliver(post)
            finally:
                self._queue.task_done()

    async def send_now(self, post: Post) -> None:
        """Send one post at once; a lasting refusal is set aside (logged, not raised), anything else raises."""
        try:
            await self.poster.send(await self.zones.localised(post))
        except Exception as error:
            if not _lasting(error):
                raise
            log.warning("post to %s set aside, not sent: Slack refuses it (%s)", _where(post), _reason(error))

    async def _deliver(self, post: Post) -> None:
        wait = self.first_wait
        while True:
            try:
                await self.send_now(post)
                return
            except Exception as error:
                log.warning("post to %s failed (%s); trying again in %.0f s", _where(post), _reason(error), wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT)


def _where(post: Post) -> str:
    return f"#{post.channel}" if post.visibility is Visibility.CHANNEL else "a direct message"


def _lasting(error: Exception) -> bool:
    return isinstance(error, LookupError) or (
        isinstance(error, SlackApiError) and error.response.get("error") in LASTING
    )


def _reason(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or error.response.status_code)
    return type(error).__name__
